// Exports (issue 15) and the audit list (issue 14): reports and the privileged acts of the journal written as CSV
// or PDF into the data folder's exports/ (docs/exports.md).
export { createReportExports, type ReportExports, type ReportExportDeps } from './reports';
export { toCsv, safeCell, BOM, type Cell } from './csv';
export { exportAuditCsv, AUDIT_HEADER, AUDIT_EXPORT_MAX_ROWS } from './audit-csv';
