// The audit list (issue 14): the journal's privileged acts read back — approvals, returns and refunds, voids, line
// deletes, drawer openings, settings, sign-ins and their failures, users, Z closings (docs/exports.md).
export { createAuditReader, type AuditReader } from './reader';
export { AUDIT_TYPES } from './actions';
