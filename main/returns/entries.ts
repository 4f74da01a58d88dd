// The journal entries of returns, in one place for the domain and for `ledger verify` (projection.ts).
export const RETURN_ENTRY = 'return.issued';
export const REQUEST_ENTRY = {
  requested: 'return.requested',
  cancelled: 'return.cancelled',
  mismatch: 'return.refund_mismatch',
  issueFailed: 'return.issue_failed',
} as const;
/** Cash a late-issued return owes its customer, and a manager paying it out (migration 0140). */
export const CASH_ENTRY = { owed: 'return.cash_owed', paid: 'return.cash_paid' } as const;
/** A copy of a refund receipt was asked for (reprint.ts); no table mirrors it. */
export const REPRINT_ENTRY = 'return.reprinted';
