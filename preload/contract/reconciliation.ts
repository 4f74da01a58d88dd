// The terminal's settlement held against the ledger (docs/shifts.md, "Reconciliation"): per card scheme, the count
// and amount of purchases and refunds the terminal settled and those the ledger recorded through it since the
// previous settlement; where they differ, the ledger's transactions of that scheme, to find the one that differs.
import { z } from 'zod';

const Halalas = z.number().int();

export const SchemeTotals = z.object({
  purchaseCount: z.number().int().nonnegative(),
  purchaseHalalas: Halalas,
  refundCount: z.number().int().nonnegative(),
  refundHalalas: Halalas,
});
export type SchemeTotals = z.infer<typeof SchemeTotals>;

export const SchemeReconciliation = z.object({
  /** The scheme as the terminal names it (mada, VISA, MASTERCARD…). */
  scheme: z.string(),
  terminal: SchemeTotals,
  ledger: SchemeTotals,
  matched: z.boolean(),
});
export type SchemeReconciliation = z.infer<typeof SchemeReconciliation>;

/** One card transaction the ledger recorded, listed under a scheme that does not match. */
export const LedgerCardTransaction = z.object({
  kind: z.enum(['purchase', 'refund']),
  scheme: z.string(),
  amountHalalas: Halalas,
  rrn: z.string(),
  /** The receipt of the sale (purchase) or the refund receipt (refund); null for a sale not completed yet. */
  documentNo: z.string().nullable(),
  intentId: z.string(),
});
export type LedgerCardTransaction = z.infer<typeof LedgerCardTransaction>;

export const Reconciliation = z.object({
  /** When the terminal settled (its own clock), and whether it said its batch was in balance. */
  settledAt: z.string(),
  terminalInBalance: z.boolean(),
  matched: z.boolean(),
  schemes: z.array(SchemeReconciliation),
  /** The ledger's transactions of every scheme that does not match. */
  differences: z.array(LedgerCardTransaction),
});
export type Reconciliation = z.infer<typeof Reconciliation>;
