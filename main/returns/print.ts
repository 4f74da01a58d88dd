// What a return puts on paper, in this order: the refund receipt (the credit note, laid out by printing from the
// stored refund) and the card refund slips of its card refunds (main/printing/layout/refund-slip.ts), customer
// copy then retailer copy. Printed at once, not queued: the stored refund can be printed again.
import type { RefundReceipt } from '../../preload/contract';
import { refundSlips, type Block } from '../printing';
import type { TillSettings } from '../settings';

/** Settings hold one text per language; a newline in it starts another printed line (as on the receipt). */
const addressLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function refundDocuments(refund: RefundReceipt, receipt: Block[], settings: TillSettings): Block[][] {
  const shop = {
    nameAr: refund.shopNameAr,
    nameEn: refund.shopNameEn,
    addressAr: addressLines(settings.shopAddressAr),
    addressEn: addressLines(settings.shopAddressEn),
    vatNumber: refund.vatNumber,
  };
  return [receipt, ...refundSlips(refund, shop).map((slip) => slip.blocks)];
}
