// Parked sales (docs/parked-sales.md): a cashier sets the sale aside to serve the next customer and recalls it
// later. A parked sale lives in main (SQLite), so it survives a restart; the list is this till's, newest first.
import { z } from 'zod';
import { SaleCashier } from './people';

/** One parked sale as the recall list shows it. */
export const ParkedSale = z.object({
  saleId: z.string(),
  /** When it was parked (ISO-8601 UTC); the view shows it in the till's zone. */
  parkedAt: z.string(),
  lineCount: z.number().int().nonnegative(),
  totalHalalas: z.number().int().nonnegative(),
  /**
   * Whose sale it is (the cashier who rang it up); null for a sale rung up while nobody was signed in. A sale
   * parked because another cashier signed in is parked to this owner (docs/parked-sales.md).
   */
  cashier: SaleCashier.nullable(),
});
export type ParkedSale = z.infer<typeof ParkedSale>;

export const ParkedSaleId = z.strictObject({ saleId: z.string().min(1).max(64) });
