// The card refund slips of a return (payments.md §5): for each refund that went back to a card, the terminal's
// record of the refund laid out as a mada slip of kind REFUND (card-slip.ts) — its masked card, RRN, approval code
// and texts as the terminal sent them, "REFUND AMOUNT / مبلغ الاسترداد" — a customer copy and a retailer copy; the
// retailer's copy carries "CREDIT CUSTOMER ACCOUNT FOR THE AMOUNT" and "RETAILER SIGN BELOW". Under the header
// each slip names the credit note and the original invoice, so the slip and the refund receipt are found together.
// STC Pay refunds get none (no card, no terminal: stc-pay.ts); cash gets none.
import type { CardTender, RefundReceipt } from '../../../preload/contract';
import type { Block } from './blocks';
import { cardSlipFromTender, hasCardSlip, layoutCardSlip, type SlipCopy } from './card-slip';
import type { ShopInfo } from './shop';
import { T } from './texts';

export interface RefundSlip {
  /** The refund's payment intent. */
  intentId: string;
  copy: Exclude<SlipCopy, 'duplicate'>;
  blocks: Block[];
}

/** The slips to print with a return's refund receipt, customer copy first, in the order of its refunds. */
export function refundSlips(refund: RefundReceipt, shop: ShopInfo): RefundSlip[] {
  const cards = refund.refunds.filter((t): t is CardTender => t.kind === 'card' && hasCardSlip(t));
  return cards.flatMap((tender) =>
    (['customer', 'merchant'] as const).map((copy) => ({ intentId: tender.intentId, copy, blocks: refundSlipBlocks(refund, tender, shop, copy) })),
  );
}

function refundSlipBlocks(refund: RefundReceipt, tender: CardTender, shop: ShopInfo, copy: SlipCopy): Block[] {
  const blocks = layoutCardSlip({ slip: cardSlipFromTender(tender, 'refund'), shop, copy, ...(refund.cashier ? { cashierName: refund.cashier.nameAr } : {}) });
  // After the shop header (its closing separator): which credit note this refund belongs to.
  const at = blocks.findIndex((b) => b.kind === 'separator') + 1;
  const references: Block[] = [
    { kind: 'pair', label: T.creditNoteNo.ar, labelEn: T.creditNoteNo.en, value: refund.returnNo, size: 'small' },
    { kind: 'pair', label: T.originalInvoiceNo.ar, labelEn: T.originalInvoiceNo.en, value: refund.originalReceiptNo, size: 'small' },
  ];
  return [...blocks.slice(0, at), ...references, ...blocks.slice(at)];
}
