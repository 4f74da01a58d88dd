// Standard (B2B) tax invoices at the counter: the buyer on the open sale, then clearance with ZATCA once the sale
// is paid — the invoice is handed over only when cleared. When the platform cannot be reached or refuses it, the
// cashier is told at once and may issue a simplified invoice for the sale instead.
import { z } from 'zod';
import { BuyerProblem, Clearance } from './buyer';
import { Receipt, Sale } from './schemas';

/** Either the sale with its buyer, or every problem with what was typed (nothing was changed). */
export const SetBuyerResult = z.object({
  sale: Sale.nullable(),
  problems: z.array(BuyerProblem),
});
export type SetBuyerResult = z.infer<typeof SetBuyerResult>;

/** One of ZATCA's validation messages about the document. */
export const PlatformNote = z.object({ code: z.string(), message: z.string() });
export type PlatformNote = z.infer<typeof PlatformNote>;

export const TaxInvoiceState = z.object({
  receiptNo: z.string(),
  clearance: Clearance,
  /** ZATCA's errors (rejected) or warnings (cleared with warnings). */
  messages: z.array(PlatformNote),
  /** Why it is still waiting (network, timeout, server error), for the cashier; null otherwise. */
  problem: z.string().nullable(),
  /** The receipt as it prints now (with the cleared document's QR, or the simplified invoice's after replacement). */
  receipt: Receipt,
});
export type TaxInvoiceState = z.infer<typeof TaxInvoiceState>;

/** A document ZATCA rejected, answered: the credit note that cancels it and the new invoice, both to be reported. */
export const ReissueAnswer = z.object({
  creditNote: z.object({ icv: z.number().int(), number: z.string() }),
  invoice: z.object({ icv: z.number().int(), number: z.string() }),
});
export type ReissueAnswer = z.infer<typeof ReissueAnswer>;
