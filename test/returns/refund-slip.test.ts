// The card refund slip a card return prints besides its refund receipt (payments.md §5, "mada receipt texts"):
// the terminal's record of the refund — masked card, RRN, approval code, its texts verbatim — as a REFUND slip, a
// customer copy and a retailer copy (the retailer signs; "CREDIT CUSTOMER ACCOUNT FOR THE AMOUNT"), naming the
// credit note and the original invoice. None for STC Pay (no card, no terminal) and none for cash. The slips
// render to a bitmap like every document.
import { describe, expect, it } from 'vitest';
import type { RefundReceipt } from '../../preload/contract';
import { refundSlips, type Block } from '../../main/printing/layout';
import { renderBlocks } from '../../main/printing/render';
import { ADDRESS, cardDetails, stcPayDetails } from '../printing/fixtures';

const SHOP = { nameAr: 'بقالة نقطة', nameEn: 'Nuqta Grocery', addressAr: ADDRESS.ar, addressEn: ADDRESS.en, vatNumber: '300000000000003' };

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'pair' ? [b.label, ...(b.labelEn ? [b.labelEn] : []), b.value] : []));
}

function refund(refunds: RefundReceipt['refunds']): RefundReceipt {
  const total = refunds.reduce((sum, r) => sum + r.amountHalalas, 0);
  return {
    returnNo: 'T01-R000007',
    tillId: 'T01',
    saleId: 's-1',
    originalReceiptNo: 'T01-000042',
    issuedAt: '2024-03-06T09:00:00Z',
    reason: 'damaged',
    shopNameAr: SHOP.nameAr,
    shopNameEn: SHOP.nameEn,
    vatNumber: SHOP.vatNumber,
    lines: [],
    totals: { subtotalHalalas: total, vatHalalas: 0, totalHalalas: total, vatBreakdown: [] } as unknown as RefundReceipt['totals'],
    refunds,
  };
}

/** The refund's own record from the terminal: its RRN and approval code, not the purchase's. */
const refundCard = { ...cardDetails(3500), rrn: '406598765432', authCode: 'R9Z8Y7', stan: '000777', texts: { en: 'REFUND ACCEPTED', ar: 'تم قبول الاسترداد' } };

describe('card refund slips', () => {
  it('a customer and a retailer copy of each card refund, with the terminal’s record and the mada refund texts', () => {
    const slips = refundSlips(
      refund([
        { kind: 'card', intentId: 'r-1', reference: 'ECR000050', amountHalalas: 2000, card: refundCard },
        { kind: 'cash', amountHalalas: 1500, tenderedHalalas: 1500, changeHalalas: 0 },
      ]),
      SHOP,
    );
    expect(slips.map((s) => [s.intentId, s.copy])).toEqual([
      ['r-1', 'customer'],
      ['r-1', 'merchant'],
    ]);
    const [customer, retailer] = slips.map((s) => texts(s.blocks));
    for (const all of [customer!, retailer!]) {
      expect(all).toEqual(expect.arrayContaining(['REFUND', 'استرداد', 'REFUND AMOUNT', 'مبلغ الاسترداد', 'SAR 20.00', 'APPROVED  مقبولة']));
      expect(all).toEqual(expect.arrayContaining(['440647******1234', '406598765432', 'R9Z8Y7', 'REFUND ACCEPTED', 'تم قبول الاسترداد']));
      // Tied to the credit note and the original invoice.
      expect(all).toEqual(expect.arrayContaining(['T01-R000007', 'T01-000042']));
      expect(all).not.toContain('PURCHASE');
    }
    expect(customer).toContain('*CUSTOMER COPY*');
    expect(customer).not.toContain('RETAILER SIGN BELOW');
    expect(retailer).toEqual(expect.arrayContaining(['*RETAILER COPY*', 'CREDIT CUSTOMER ACCOUNT FOR THE AMOUNT', 'إعادة المبلغ إلى حساب العميل', 'RETAILER SIGN BELOW', 'التاجر يوقع بالاسفل']));
    for (const slip of slips) expect(renderBlocks(slip.blocks, { width: 576 }).height).toBeGreaterThan(200);
  });

  it('none for an STC Pay refund or a cash refund', () => {
    const stcPay = { kind: 'card' as const, intentId: 'r-2', reference: 'SP000050', amountHalalas: 1000, card: stcPayDetails() };
    expect(refundSlips(refund([stcPay]), SHOP)).toEqual([]);
    expect(refundSlips(refund([{ kind: 'cash', amountHalalas: 500, tenderedHalalas: 500, changeHalalas: 0 }]), SHOP)).toEqual([]);
  });
});
