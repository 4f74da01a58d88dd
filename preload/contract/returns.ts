// Returns: a customer brings back some of what a receipt sold. The till refunds the returned lines (not an
// amount typed by hand), with a manager's approval and a reason from a fixed list, and issues a refund receipt
// that is also the sale's credit note (ZATCA 381) when e-invoicing is on.
import { z } from 'zod';
import { Clearance } from './buyer';
import { SaleCashier } from './people';
import { DrawerOutcome, ErrorData, Halalas, IntentSummary, MAX_WEIGHT_GRAMS, SaleLine, Tender, Totals, type Receipt } from './schemas';

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
  /** Who issued it (signed in then); absent for a return issued with nobody signed in, or before users. */
  cashier: SaleCashier.optional(),
  /**
   * A return from a business (standard) invoice has a standard credit note, handed over only once ZATCA clears
   * it: where that stands (absent for a simplified one). The refund receipt prints when it is cleared.
   */
  clearance: Clearance.optional(),
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
    .array(z.strictObject({ lineId: z.string().regex(/^[0-9A-Za-z_-]{1,40}$/), quantity: z.number().int().min(1).max(MAX_WEIGHT_GRAMS) }))
    .min(1)
    .max(MAX_RETURN_LINES),
  reason: ReturnReason,
  /**
   * Where the money goes: absent or 'original', back the way the receipt was paid; 'credit', all of it on a new
   * store credit voucher (the customer's choice, with the same approval rules).
   */
  refundTo: z.enum(['original', 'credit']).optional(),
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

/** A copy of a refund receipt, printed marked "نسخة / COPY" (docs/returns.md, "Reprinting a refund receipt"). */
export const ReturnReprinted = z.object({
  returnNo: z.string(),
  /** Null when the copy printed; the printer's error otherwise. */
  printError: ErrorData.nullable(),
});
export type ReturnReprinted = z.infer<typeof ReturnReprinted>;

// ---- The returns desk: what waits for a person (docs/returns.md, "Waiting returns") -------------------------

/**
 * Why a card or STC Pay return waits:
 * - `refund_in_doubt`: the refund has no final answer yet — the till keeps asking; a manager settles it from the
 *   terminal's attention list (check again, or resolve with the slip), which issues or cancels the return;
 * - `refund_mismatch`: the terminal approved another amount than asked, so nothing was issued on a guess;
 * - `issue_failed`: the refund was approved but its credit note could not be issued.
 * The last two hold money that went back: only issuing the return settles them (never a cancel).
 */
export const WaitingWhy = z.enum(['refund_in_doubt', 'refund_mismatch', 'issue_failed']);
export type WaitingWhy = z.infer<typeof WaitingWhy>;

export const WaitingReturn = z.object({
  requestId: z.string(),
  receiptNo: z.string(),
  reason: ReturnReason,
  /** The returned items, as the receipt names them. */
  items: z.array(z.object({ nameAr: z.string(), nameEn: z.string(), quantity: z.number().int().positive() })),
  /** What the returned items are worth: the card's part asked and the cash part (a split card and cash sale). */
  totalHalalas: Halalas,
  askedHalalas: Halalas,
  /** The refund through the card or STC Pay, as the payments side knows it (state, amount asked, card). */
  refund: IntentSummary,
  why: WaitingWhy,
  /** What the terminal approved (refund_mismatch, issue_failed); null while in doubt. */
  approvedHalalas: Halalas.nullable(),
  /** Why the return could not be issued (issue_failed), as journaled. */
  detail: z.string().nullable(),
  /**
   * What issuing it now would pay back: the approved card refund, and the rest of the items' worth from the
   * drawer, and — a sale a voucher paid in part — what goes on a new store credit voucher (absent: none). Null when
   * it cannot be issued (in doubt; or the card got back more than the items are worth).
   */
  settle: z.object({ cardHalalas: Halalas, cashHalalas: Halalas, creditHalalas: Halalas.optional() }).nullable(),
});
export type WaitingReturn = z.infer<typeof WaitingReturn>;

/**
 * A sale of this till that sold an item, for a customer without the receipt: its receipt is found by the item,
 * and the return is made from it (the credit note names that invoice; the price is what was paid).
 */
export const SaleOfItem = z.object({
  receiptNo: z.string(),
  issuedAt: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  unitPriceHalalas: Halalas,
  soldQuantity: z.number().int().positive(),
  /** What may still come back of it (sold, less earlier returns and returns waiting on a card refund). */
  returnableQuantity: z.number().int().positive(),
});
export type SaleOfItem = z.infer<typeof SaleOfItem>;

/** At most this many sales are listed for one item, newest first. */
export const MAX_SALES_OF_ITEM = 20;

/** Cash a return owes its customer: its card part was approved later, with nobody at the counter to pay the rest. */
export const OwedCash = z.object({
  returnNo: z.string(),
  receiptNo: z.string(),
  issuedAt: z.string(),
  amountHalalas: Halalas,
  totalHalalas: Halalas,
});
export type OwedCash = z.infer<typeof OwedCash>;

export const ReturnsWaiting = z.object({
  requests: z.array(WaitingReturn),
  owedCash: z.array(OwedCash),
});
export type ReturnsWaiting = z.infer<typeof ReturnsWaiting>;

/** Cash owed on a return, paid out by a manager: the drawer opened then, and the refund receipt printed. */
export const PaidOwedCash = z.object({
  returnNo: z.string(),
  amountHalalas: Halalas,
  drawer: DrawerOutcome,
  printError: ErrorData.nullable(),
});
export type PaidOwedCash = z.infer<typeof PaidOwedCash>;
