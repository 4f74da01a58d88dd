// The journal entries of store credit, in one place for the domain and for `ledger verify` (projection.ts).
export const CREDIT_ENTRY = { issued: 'credit.issued', redeemed: 'credit.redeemed', voided: 'credit.voided' } as const;
