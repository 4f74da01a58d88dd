// A customer without the receipt. A return is always a return of a receipt's lines: its credit note must name
// the invoice it corrects (ZATCA BR-KSA-56, "the billing reference ID is mandatory" for 381 and 383), and it refunds
// what was paid for them, with that invoice's VAT. So the till does not refund goods "at today's price" with a
// credit note that names no invoice (or names one it made up): it finds, by the item's barcode, this till's own
// sales of it with some still returnable, newest first, and the return is made from the one the manager picks.
// When there is none, it refuses in both languages and says why (docs/returns.md, "Without a receipt").
import { MAX_SALES_OF_ITEM, type ReturnableReceipt, type SaleOfItem } from '../../preload/contract';
import { TillError } from '../errors';
import type { ReturnStore } from './store';

/** How many of the newest receipts selling the item are looked at for some still returnable. */
const LOOK_AT = 200;

export function salesOfItem(store: Pick<ReturnStore, 'receiptsSelling'>, returnable: (receiptNo: string) => ReturnableReceipt, barcode: string): SaleOfItem[] {
  const found: SaleOfItem[] = [];
  for (const receiptNo of store.receiptsSelling(barcode, LOOK_AT)) {
    const offer = returnable(receiptNo);
    for (const { line, returnableQuantity } of offer.lines) {
      if (line.barcode !== barcode || returnableQuantity === 0) continue;
      found.push({
        receiptNo,
        issuedAt: offer.issuedAt,
        nameAr: line.nameAr,
        nameEn: line.nameEn,
        unitPriceHalalas: line.unitPriceHalalas,
        soldQuantity: line.quantity,
        returnableQuantity,
      });
    }
    if (found.length >= MAX_SALES_OF_ITEM) break;
  }
  if (found.length === 0) throw new TillError('RETURN_NO_SALE_FOUND', barcode);
  return found.slice(0, MAX_SALES_OF_ITEM);
}
