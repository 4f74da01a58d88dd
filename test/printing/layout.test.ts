import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../main/fiscal';
import type { TerminalRecord } from '../../main/payments/connector';
import {
  cardSlipFromTender,
  formatHalalas,
  hasCardSlip,
  layoutCardSlip,
  layoutReceipt,
  riyadhDateTime,
  safeMobile,
  safePan,
  toArabicDigits,
  type Block,
  type CardSlip,
} from '../../main/printing/layout';
import { DEMO_SETTINGS, TillSettings } from '../../main/settings';
import { receiptTextsOf } from '../../main/printing/service/render-job';
import { ADDRESS, arabicReceipt, cardSlip, mixedReceipt, SHOP, stcPayReceipt } from './fixtures';

/** All text on a receipt, in order, for content checks. */
function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'text':
        return [b.text];
      case 'pair':
        return [b.label, ...(b.labelEn ? [b.labelEn] : []), b.value];
      case 'columns':
        return b.cells.flatMap((c) => c.lines.map((l) => l.text));
      default:
        return [];
    }
  });
}

describe('sales receipt layout', () => {
  const receipt = arabicReceipt();
  const blocks = layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original' });
  const all = texts(blocks);

  it('has the simplified tax invoice header, shop, address and VAT number', () => {
    for (const t of ['أسواق نقطة', 'Nuqta Market', ...ADDRESS.ar, ...ADDRESS.en, 'فاتورة ضريبية مبسطة', 'Simplified Tax Invoice', '300000000000003']) {
      expect(all).toContain(t);
    }
    expect(blocks[0]).toEqual({ kind: 'logo' });
  });

  it('prints number, Riyadh local time and cashier', () => {
    expect(all).toContain('T01-000042');
    expect(all).toContain('2024-03-05 14:30:12'); // 11:30:12Z is 14:30:12 in Riyadh
    expect(all).toContain('أحمد');
  });

  it('prints each line with qty × unit price and total, then VAT and totals', () => {
    expect(all).toContain('قهوة عربية');
    expect(all).toContain('2 × 13.50');
    expect(all).toContain('27.00');
    const { totals } = receipt;
    expect(all).toContain(formatHalalas(totals.subtotalHalalas));
    expect(all).toContain(formatHalalas(totals.vatHalalas));
    expect(all).toContain(formatHalalas(totals.totalHalalas));
    expect(all).toContain('الباقي');
    expect(all).toContain('98.50'); // change from 200.00
  });

  it('carries the ZATCA QR with the issue time exactly as stored', () => {
    const qr = blocks.find((b): b is Extract<Block, { kind: 'qr' }> => b.kind === 'qr')!;
    expect(parseZatcaQr(qr.data)).toMatchObject({
      sellerName: 'أسواق نقطة',
      vatNumber: '300000000000003',
      timestamp: receipt.issuedAt,
      totalWithVat: '101.50',
      vatTotal: '13.24',
    });
  });

  it('marks reprints as copies, top and bottom', () => {
    expect(all.filter((t) => t.includes('نسخة') && t.includes('COPY'))).toHaveLength(0);
    const copy = texts(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'copy' }));
    expect(copy.filter((t) => t.includes('نسخة') && t.includes('COPY'))).toHaveLength(2);
  });

  it('can print Arabic-Indic digits', () => {
    const ar = texts(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original', digits: 'arabic' }));
    expect(ar).toContain('٢ × ١٣٫٥٠');
    expect(ar).toContain('١٠١٫٥٠');
  });

  it('shows card tenders masked, with approval code', () => {
    const mixed = texts(layoutReceipt({ receipt: mixedReceipt(), address: ADDRESS, cashierName: 'Sara', copy: 'original' }));
    expect(mixed).toContain('440647******1234');
    expect(mixed).toContain('A1B2C3');
    expect(mixed.some((t) => /\d{16}/.test(t))).toBe(false);
  });
});

describe('card slip layout', () => {
  it('names the cashier the receipt names, and nobody when the receipt names nobody', () => {
    const named = texts(layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'customer', cashierName: 'أمل' }));
    expect(named).toEqual(expect.arrayContaining(['الكاشير', 'Cashier', 'أمل']));
    expect(texts(layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'customer' }))).not.toContain('Cashier');
  });

  it('approved mada purchase: bilingual texts, amount twice, copy label', () => {
    const all = texts(layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'customer' }));
    for (const t of [
      'mada',
      'PURCHASE',
      'شراء',
      'SAR 27.75',
      '٢٧٫٧٥ ريال',
      'APPROVED  مقبولة',
      'CARDHOLDER PIN VERIFIED',
      'تم التحقق من الرقم السري للعميل',
      'A1B2C3',
      'THANK YOU FOR USING mada',
      'شكرا لك على استخدام مدى',
      'PLEASE RETAIN YOUR RECEIPT',
      'يرجي الاحتفاظ بالايصال',
      '*CUSTOMER COPY*',
      'نسخة العميل',
      '12345678',
      '800150400566',
      '406512345678',
      'CONTACTLESS',
    ]) {
      expect(all, t).toContain(t);
    }
  });

  it('verification lines follow the CVM; declined slips have no approval code', () => {
    const device = texts(layoutCardSlip({ slip: cardSlip({ verification: 'cdcvm' }), shop: SHOP, copy: 'merchant' }));
    expect(device).toContain('DEVICE OWNER IDENTITY VERIFIED');
    expect(device).toContain('تم التحقق من هوية حامل الجهاز');
    expect(device).toContain('*RETAILER COPY*');
    expect(device).toContain('نسخة التاجر');
    const none = texts(layoutCardSlip({ slip: cardSlip({ verification: 'no_cvm' }), shop: SHOP, copy: 'customer' }));
    expect(none).toContain('NO VERIFICATION REQUIRED');
    expect(none).toContain('لا يتطلب التحقق');
    const declined = texts(
      layoutCardSlip({ slip: cardSlip({ approved: false, responseCode: '116', texts: { en: 'INSUFFICIENT FUNDS', ar: 'رصيد غير كاف' } }), shop: SHOP, copy: 'customer' }),
    );
    expect(declined).toContain('DECLINED  مرفوضة');
    expect(declined).toContain('INSUFFICIENT FUNDS');
    expect(declined).toContain('رصيد غير كاف');
    expect(declined).not.toContain('A1B2C3');
    expect(declined).not.toContain('CARDHOLDER PIN VERIFIED');
  });

  it('signature CVM: the retailer copy has the signature line, the customer copy does not', () => {
    const merchant = texts(layoutCardSlip({ slip: cardSlip({ verification: 'signature' }), shop: SHOP, copy: 'merchant' }));
    expect(merchant).toContain('CUSTOMER SIGN BELOW');
    const customer = texts(layoutCardSlip({ slip: cardSlip({ verification: 'signature' }), shop: SHOP, copy: 'customer' }));
    expect(customer).not.toContain('CUSTOMER SIGN BELOW');
  });

  it('never prints a full card number', () => {
    expect(safePan('440647******1234')).toBe('440647******1234');
    expect(safePan('************1234')).toBe('************1234');
    expect(safePan('4406471234561234')).toBe('**** **** **** 1234');
    expect(safePan('4406 4712 3456 1234')).toBe('**** **** **** 1234');
    expect(safePan('440647*12345678')).toBe('**** **** **** 5678');
    const all = texts(layoutCardSlip({ slip: cardSlip({ maskedPan: '4406471234561234' }), shop: SHOP, copy: 'customer' }));
    expect(all).toContain('**** **** **** 1234');
    expect(all.join(' ')).not.toContain('4406471234561234');
  });

  it('takes a TerminalRecord as it is, and a stored card tender', () => {
    const record: TerminalRecord = {
      reference: 'ECR1',
      responseCode: '000',
      approved: true,
      amountHalalas: 1234,
      scheme: 'MADA',
      schemeLabel: 'mada',
      wallet: null,
      verification: 'pin',
      entryMode: 'chip',
      maskedPan: '************1234',
      authCode: '123456',
      rrn: '1',
      stan: '2',
      tid: '3',
      mid: '4',
      at: '2024-03-05T11:30:12Z',
      texts: { en: '', ar: '' },
    };
    const slip: CardSlip = record;
    expect(texts(layoutCardSlip({ slip, shop: SHOP, copy: 'customer' }))).toContain('SAR 12.34');
    const tender = mixedReceipt().tenders.find((t) => t.kind === 'card')!;
    if (tender.kind !== 'card') throw new Error('fixture has a card tender');
    expect(cardSlipFromTender(tender)).toMatchObject({ approved: true, amountHalalas: tender.amountHalalas, at: tender.card.terminalAt });
  });
});

describe('STC Pay on the receipt', () => {
  const receipt = stcPayReceipt();
  const all = texts(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'Sara', copy: 'original' }));
  const tender = receipt.tenders[0]!;
  // Everything that belongs to a card or to mada: the tender line, the slip's texts, the scheme.
  const CARD_WORDING = /card|بطاقة|mada|مدى|approval|رمز الموافقة|RRN|الرقم المرجعي|PIN|الرقم السري|terminal/i;

  it('prints the wallet as STC Pay with its amount, the masked mobile and the STCPayRefNum', () => {
    expect(all).toContain('محفظة STC Pay');
    expect(all).toContain(formatHalalas(tender.amountHalalas));
    expect(all).toContain('9665*****567');
    expect(all).toContain('7311440982');
    expect(all).toContain('رقم الجوال');
    expect(all).toContain('رقم العملية');
    expect(all).toContain('Ref');
  });

  it('never uses card or mada wording, and never shows the whole mobile number', () => {
    expect(all.filter((t) => CARD_WORDING.test(t))).toEqual([]);
    const leaky = texts(layoutReceipt({ receipt: stcPayReceipt({ maskedPan: '966551234567' }), address: ADDRESS, cashierName: 'Sara', copy: 'original' }));
    expect(leaky).toContain('9665*****567');
    expect(leaky.join(' ')).not.toContain('966551234567');
    expect(leaky.filter((t) => CARD_WORDING.test(t))).toEqual([]);
  });

  it('a payment the manager recorded from the merchant portal: reference only, no empty mobile line', () => {
    const resolved = texts(
      layoutReceipt({ receipt: stcPayReceipt({ maskedPan: '', authCode: '', resolvedByManager: true }), address: ADDRESS, cashierName: 'Sara', copy: 'original' }),
    );
    expect(resolved).toContain('7311440982');
    expect(resolved).not.toContain('رقم الجوال');
    expect(resolved).toContain('سجّلها المدير من بوابة التاجر');
    expect(resolved.filter((t) => CARD_WORDING.test(t))).toEqual([]);
  });

  it('has no card slip: the tender is not given one and the slip layout refuses it', () => {
    if (tender.kind !== 'card') throw new Error('fixture has an STC Pay tender');
    expect(hasCardSlip(tender)).toBe(false);
    const card = mixedReceipt().tenders.find((t) => t.kind === 'card');
    if (card?.kind !== 'card') throw new Error('fixture has a card tender');
    expect(hasCardSlip(card)).toBe(true);
    expect(() => layoutCardSlip({ slip: cardSlipFromTender(tender), shop: SHOP, copy: 'customer' })).toThrow(/STC Pay/);
  });

  it('masks mobile numbers the STC Pay way, never the card way', () => {
    expect(safeMobile('9665*****567')).toBe('9665*****567');
    expect(safeMobile('966551234567')).toBe('9665*****567');
    expect(safeMobile('0551234567')).toBe('0551***567');
    expect(safeMobile('9665512*****')).toBe('9665512*****');
    expect(safeMobile('+966 55 123 4567')).toBe('9665*****567');
    expect(safeMobile('551234')).toBe('****');
  });
});

describe('formatting', () => {
  it('money with integer math, grouping and Arabic-Indic digits', () => {
    expect(formatHalalas(0)).toBe('0.00');
    expect(formatHalalas(5)).toBe('0.05');
    expect(formatHalalas(123456789)).toBe('1,234,567.89');
    expect(formatHalalas(-2775)).toBe('-27.75');
    expect(formatHalalas(2775, 'arabic')).toBe('٢٧٫٧٥');
    expect(toArabicDigits('1,234.50')).toBe('١٬٢٣٤٫٥٠');
    expect(() => formatHalalas(1.5)).toThrow(RangeError);
  });

  it('Riyadh local time, across midnight', () => {
    expect(riyadhDateTime('2024-03-05T22:30:00Z')).toEqual({ date: '2024-03-06', time: '01:30:00' });
    expect(riyadhDateTime('2024-03-05T11:30:12.345Z')).toEqual({ date: '2024-03-05', time: '14:30:12' });
  });
});

describe("the shop's own receipt lines, from the settings", () => {
  const withTexts = TillSettings.parse({
    ...DEMO_SETTINGS,
    branchNameAr: 'فرع العليا',
    branchNameEn: 'Olaya branch',
    receipt: { headerAr: 'نفتح ٢٤ ساعة', headerEn: 'Open 24 hours', footerAr: 'الاسترجاع خلال ٧ أيام\nمع الإيصال', footerEn: 'Returns within 7 days', logoFile: null },
  });

  it('prints the branch and the header under the name, and the footer instead of the thank-you', () => {
    const all = texts(layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'Sara', copy: 'original', ...receiptTextsOf(withTexts) }));
    const title = all.indexOf('فاتورة ضريبية مبسطة');
    expect(all.slice(0, title)).toEqual(expect.arrayContaining(['فرع العليا', 'نفتح ٢٤ ساعة', 'Olaya branch', 'Open 24 hours']));
    expect(all.slice(-3)).toEqual(['الاسترجاع خلال ٧ أيام', 'مع الإيصال', 'Returns within 7 days']);
  });

  it('keeps the thank-you when the shop set no footer', () => {
    const plain = TillSettings.parse({ ...DEMO_SETTINGS, branchNameAr: '', branchNameEn: '' });
    const texts_ = receiptTextsOf(plain);
    expect(texts_).toEqual({ header: { ar: [], en: [] } });
  });
});

describe('a standard (B2B) tax invoice on paper', () => {
  const buyer = {
    legalName: 'شركة التموين الحديث',
    vatNumber: '310175397400003',
    address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' as const },
  };
  const layout = (clearance: 'waiting' | 'cleared' | 'replaced') =>
    texts(layoutReceipt({ receipt: { ...arabicReceipt(), buyer, clearance }, address: ADDRESS, cashierName: 'أحمد', copy: 'original' }));

  it('once cleared: "Tax Invoice" with the buyer, its VAT number and national address', () => {
    const t = layout('cleared');
    expect(t).toContain('فاتورة ضريبية');
    expect(t).toContain('Tax Invoice');
    expect(t).not.toContain('Simplified Tax Invoice');
    expect(t).toEqual(expect.arrayContaining(['المشتري', buyer.legalName, 'الرقم الضريبي للمشتري', buyer.vatNumber, '1111 صلاح الدين، المروج، الرياض 12222']));
    expect(t.some((x) => x.includes('Not cleared'))).toBe(false);
  });

  it('before clearance (a reprint from history): says plainly it is not an invoice yet', () => {
    expect(layout('waiting').some((x) => x.includes('لم تعتمدها هيئة الزكاة بعد') && x.includes('Not cleared by ZATCA yet'))).toBe(true);
  });

  it('replaced by a simplified invoice: the simplified title and no buyer', () => {
    const t = layout('replaced');
    expect(t).toContain('Simplified Tax Invoice');
    expect(t).not.toContain(buyer.legalName);
  });
});
