// Returns: a customer brings back some of what a receipt sold. The till refunds the returned lines (not an
// amount typed by hand), with a manager's approval and a reason from a fixed list, and issues a refund receipt
// that is also the sale's credit note (ZATCA 381) when e-invoicing is on.
import { z } from 'zod';
import { DrawerOutcome, ErrorData, Halalas, MAX_LINE_QUANTITY, SaleLine, Tender, Totals, type Receipt } from './schemas';

/** Why goods came back: the reasons a Saudi counter uses, printed on the refund receipt and the credit note. */
export const ReturnReason = z.enum(['damaged', 'expired', 'not_as_described', 'customer_changed_mind', 'sold_by_mistake']);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** One line of a receipt as a return sees it: what was sold, what came back already, what may still come back. */
export const ReturnableLine = z.object({
  line: SaleLine,
  returnedQuantity: z.number().int().nonnegative(),
  returnableQuantity: z.number().int().nonnegative(),
});
export type ReturnableLine = z.infer<typeof ReturnableLine>;

/** What a return screen needs to offer a receipt's lines. */
export const ReturnableReceipt = z.object({
  receiptNo: z.string(),
  issuedAt: z.string(),
  totalHalalas: Halalas,
  /** What earlier returns of this receipt refunded already. */
  refundedHalalas: Halalas,
  lines: z.array(ReturnableLine),
  /** Earlier returns of this receipt, oldest first. */
  returns: z.array(z.object({ returnNo: z.string(), issuedAt: z.string(), totalHalalas: Halalas })),
});
export type ReturnableReceipt = z.infer<typeof ReturnableReceipt>;

/** The refund receipt: stored as issued, printed, and the source of the credit note. */
export const RefundReceipt = z.object({
  returnNo: z.string(),
  tillId: z.string(),
  /** The sale the goods came from, and its receipt (the credit note's billing reference). */
  saleId: z.string(),
  originalReceiptNo: z.string(),
  issuedAt: z.string(),
  reason: ReturnReason,
  shopNameAr: z.string(),
  shopNameEn: z.string(),
  vatNumber: z.string(),
  /** The returned lines: the original line with the returned quantity and its total. */
  lines: z.array(SaleLine),
  totals: Totals,
  /** How the money went back: cash from the drawer, or a card/STC Pay refund against the original payment. */
  refunds: z.array(Tender),
  /** The credit note's QR (ZATCA phase 2) as stored with the signed document; absent without e-invoicing. */
  einvoiceQr: z.string().max(1000).optional(),
});
export type RefundReceipt = z.infer<typeof RefundReceipt>;

/**
 * At most this many different items in one return: the call must fit the browser host's frame (main/host); a
 * customer bringing back more is served with a second return.
 */
export const MAX_RETURN_LINES = 12;

/**
 * The refund receipt as a document: its number, lines, totals, and the refunds as its tenders — how the credit
 * note's builder and the receipt layout read it.
 */
export function receiptOfRefund(refund: RefundReceipt): Receipt {
  return {
    receiptNo: refund.returnNo,
    tillId: refund.tillId,
    saleId: refund.saleId,
    issuedAt: refund.issuedAt,
    shopNameAr: refund.shopNameAr,
    shopNameEn: refund.shopNameEn,
    vatNumber: refund.vatNumber,
    lines: refund.lines,
    totals: refund.totals,
    tenders: refund.refunds,
    ...(refund.einvoiceQr ? { einvoiceQr: refund.einvoiceQr } : {}),
  };
}

export const ReturnInput = z.strictObject({
  receiptNo: z.string().min(1).max(32),
  lines: z
    .array(z.strictObject({ lineId: z.string().regex(/^[0-9A-Za-z_-]{1,40}$/), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }))
    .min(1)
    .max(MAX_RETURN_LINES),
  reason: ReturnReason,
});
export type ReturnInput = z.infer<typeof ReturnInput>;

/** A return as issued: the refund receipt, the drawer (cash), and whether the refund receipt printed. */
export const IssuedReturn = z.object({
  refund: RefundReceipt,
  drawer: DrawerOutcome,
  /** Null when the refund receipt printed; the printer's error otherwise — the return stands either way. */
  printError: ErrorData.nullable(),
});
export type IssuedReturn = z.infer<typeof IssuedReturn>;
