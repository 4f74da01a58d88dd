// What one print job looks like on paper, from the stored receipt and the shop's settings. The receipt
// preview on screen uses the same function, so it shows exactly what the printer gets.
import { receiptOfRefund, type Receipt, type RefundReceipt } from '../../../preload/contract';
import type { TillSettings } from '../../settings';
import { renderCardSlip, renderReceipt } from '../documents';
import { cardSlipFromTender, layoutReceipt, type Block, type ReceiptCopy, type ShopInfo, type SlipCopy } from '../layout';
import type { MonoImage } from '../escpos/image';
import type { MonoBitmap } from '../render/bitmap';
import { isTrainingNumber, stampTraining } from '../render/training-stamp';
import type { JobCopy, JobKind } from './job-store';

/** A receipt from before users (or a refund receipt, until returns record their cashier) names no cashier. */
export const NO_CASHIER = '—';

/** The cashier the sale recorded (people, issue 14), by the Arabic name the receipt leads with. */
export const cashierNameOf = (receipt: Receipt): string => receipt.cashier?.nameAr ?? NO_CASHIER;

export interface JobDocument {
  kind: JobKind;
  copy: JobCopy;
  /** Card slips: the card tender's payment intent. */
  intentId: string | null;
  /**
   * A retry after some of this job may already be on paper. Receipts are then printed as COPY (the job's
   * copy is already 'copy' by then); a card slip, whose copies are customer / merchant, as a duplicate.
   */
  mayHavePrinted: boolean;
}

/** Settings hold one text per language; a newline in it starts another printed line. */
const addressLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function addressOf(settings: TillSettings): { ar: string[]; en: string[] } {
  return { ar: addressLines(settings.shopAddressAr), en: addressLines(settings.shopAddressEn) };
}

/**
 * The receipt's own lines from the settings: the branch and the header under the shop's name, the footer at
 * the end (the thank-you when the shop set none).
 */
export function receiptTextsOf(settings: TillSettings): { header: { ar: string[]; en: string[] }; footer?: { ar: string[]; en: string[] } } {
  const { receipt } = settings;
  const header = {
    ar: [...addressLines(settings.branchNameAr), ...addressLines(receipt.headerAr)],
    en: [...addressLines(settings.branchNameEn), ...addressLines(receipt.headerEn)],
  };
  const footer = { ar: addressLines(receipt.footerAr), en: addressLines(receipt.footerEn) };
  return footer.ar.length + footer.en.length > 0 ? { header, footer } : { header };
}

/** `logo`: the shop's own, rasterised for this width (./shop-logo.ts); absent, the built-in logo. */
export function renderJobImage(doc: JobDocument, receipt: Receipt, settings: TillSettings, widthDots: number, logo?: MonoImage): MonoBitmap {
  const image = renderDocumentImage(doc, receipt, settings, widthDots, logo);
  return isTrainingNumber(receipt.receiptNo) ? stampTraining(image) : image;
}

function renderDocumentImage(doc: JobDocument, receipt: Receipt, settings: TillSettings, widthDots: number, logo?: MonoImage): MonoBitmap {
  const address = addressOf(settings);
  if (doc.kind === 'receipt') {
    const copy: ReceiptCopy = doc.copy === 'original' && !doc.mayHavePrinted ? 'original' : 'copy';
    return renderReceipt({ receipt, address, cashierName: cashierNameOf(receipt), copy, ...receiptTextsOf(settings) }, { width: widthDots, ...(logo ? { logo } : {}) });
  }
  const tender = receipt.tenders.find((t) => t.kind === 'card' && t.intentId === doc.intentId);
  if (!tender || tender.kind !== 'card') throw new Error(`receipt ${receipt.receiptNo} has no card tender ${doc.intentId}`);
  // Names as on the receipt (as issued); the address is the shop's current one, as on the receipt.
  const shop: ShopInfo = { nameAr: receipt.shopNameAr, nameEn: receipt.shopNameEn, addressAr: address.ar, addressEn: address.en, vatNumber: receipt.vatNumber };
  const copy: SlipCopy = doc.mayHavePrinted ? 'duplicate' : doc.copy === 'merchant' ? 'merchant' : 'customer';
  return renderCardSlip({ slip: cardSlipFromTender(tender), shop, copy, ...(receipt.cashier ? { cashierName: receipt.cashier.nameAr } : {}) }, { width: widthDots });
}

/**
 * A return's refund receipt (the credit note of the original invoice), laid out like a receipt from the stored
 * refund and the shop's settings. `reason`: the words for the refund's reason, from the returns domain.
 */
export function refundReceiptBlocks(refund: RefundReceipt, settings: TillSettings, reason: { ar: string; en: string }, copy: ReceiptCopy): Block[] {
  const receipt = receiptOfRefund(refund);
  return layoutReceipt({
    receipt,
    address: addressOf(settings),
    cashierName: refund.cashier?.nameAr ?? NO_CASHIER,
    copy,
    ...receiptTextsOf(settings),
    creditNote: { originalReceiptNo: refund.originalReceiptNo, reason },
  });
}
