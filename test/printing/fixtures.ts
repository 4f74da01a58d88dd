// Sample receipts for the printing tests, the goldens and the bench. Amounts are consistent: totals come
// from the till's own VAT code (main/money), the same way checkout computes them.
import { computeTotals } from '../../main/money';
import type { CardSlip } from '../../main/printing/layout';
import type { CardTender, Receipt, SaleLine } from '../../preload/contract';

export const ADDRESS = {
  ar: ['٨٢٢٨ طريق الملك فهد، حي العليا', 'الرياض ١٢٢١٤، المملكة العربية السعودية', 'هاتف ٠١١٤٦٥٠٠٠٠'],
  en: ['8228 King Fahd Rd, Al Olaya', 'Riyadh 12214, Saudi Arabia', 'Tel 011 465 0000'],
};

let n = 0;
export function line(nameAr: string, nameEn: string, quantity: number, unitPriceHalalas: number, vatCategory: 'S' | 'Z' | 'E' = 'S'): SaleLine {
  n += 1;
  return {
    lineId: `l${n}`,
    productId: n,
    barcode: `62810000${String(n).padStart(5, '0')}`,
    nameAr,
    nameEn,
    quantity,
    unitPriceHalalas,
    lineTotalHalalas: quantity * unitPriceHalalas,
    vatCategory,
  };
}

export function receiptOf(lines: SaleLine[], tenders: (total: number) => Receipt['tenders'], overrides: Partial<Receipt> = {}): Receipt {
  const totals = computeTotals(lines, true);
  return {
    receiptNo: 'T01-000042',
    tillId: 'T01',
    saleId: 'sale-42',
    issuedAt: '2024-03-05T11:30:12Z',
    shopNameAr: 'أسواق نقطة',
    shopNameEn: 'Nuqta Market',
    vatNumber: '300000000000003',
    lines,
    totals,
    tenders: tenders(totals.totalHalalas),
    ...overrides,
  };
}

const cash = (tendered: number) => (total: number) => [
  { kind: 'cash' as const, amountHalalas: total, tenderedHalalas: tendered, changeHalalas: tendered - total },
];

/** All-Arabic names, cash with change. */
export const arabicReceipt = (): Receipt =>
  receiptOf(
    [
      line('قهوة عربية', '', 2, 1350),
      line('تمر سكري فاخر', '', 1, 4500),
      line('ماء معدني', '', 6, 150),
      line('خبز بر', '', 3, 200),
      line('حليب طازج كامل الدسم', '', 2, 725),
    ],
    cash(20000),
  );

/** Mixed Arabic/English names (Latin brands, digits inside Arabic), zero-rated item, card + cash. */
export function mixedReceipt(): Receipt {
  return receiptOf(
    [
      line('قهوة Nescafe 200g', 'Nescafe Classic 200g', 1, 2775),
      line('شاي ليبتون 100 كيس', 'Lipton Yellow Label 100 bags', 2, 1895),
      line('عصير المراعي برتقال 1.75 لتر', 'Almarai Orange Juice 1.75L', 1, 1150),
      line('Pepsi 330ml × 6', 'Pepsi 330ml × 6', 1, 1299),
      line('أرز بسمتي أبو كاس 5 كجم', 'Abu Kass Basmati Rice 5kg', 1, 6495, 'Z'),
    ],
    (total) => [
      { kind: 'card', intentId: 'i-1', reference: 'ECR000042', amountHalalas: total - 5000, card: cardDetails(total - 5000) },
      { kind: 'cash', amountHalalas: 5000, tenderedHalalas: 5000, changeHalalas: 0 },
    ],
    { receiptNo: 'T01-000043', issuedAt: '2024-03-05T18:05:59Z', shopNameAr: 'بقالة نقطة Express', shopNameEn: 'Nuqta Express Grocery' },
  );
}

export function cardDetails(amount: number): CardTender['card'] {
  void amount;
  return {
    scheme: 'MADA',
    schemeLabel: 'mada',
    wallet: null,
    verification: 'pin',
    entryMode: 'contactless',
    maskedPan: '440647******1234',
    authCode: 'A1B2C3',
    rrn: '406512345678',
    stan: '000123',
    tid: '12345678',
    mid: '800150400566',
    responseCode: '000',
    terminalAt: '2024-03-05T18:05:41Z',
    texts: { en: '', ar: '' },
    resolvedByManager: false,
  };
}

/** An STC Pay payment as the STC Pay connector records it (payments/stcpay/record.ts): no card, a masked mobile. */
export function stcPayDetails(overrides: Partial<CardTender['card']> = {}): CardTender['card'] {
  return {
    scheme: 'STCPAY',
    schemeLabel: 'STC Pay',
    wallet: 'other_wallet',
    verification: 'unknown',
    entryMode: 'unknown',
    maskedPan: '9665*****567',
    authCode: 'PMT-5567012',
    rrn: '7311440982',
    stan: '',
    tid: '',
    mid: '61200000001',
    responseCode: '2',
    terminalAt: '2024-03-05T18:05:41Z',
    texts: { en: 'STC Pay — PAID Paid', ar: 'STC Pay — مدفوعة' },
    resolvedByManager: false,
    ...overrides,
  };
}

/** The mixed receipt's items paid by STC Pay and cash. */
export function stcPayReceipt(card: Partial<CardTender['card']> = {}): Receipt {
  const mixed = mixedReceipt();
  return receiptOf(
    mixed.lines,
    (total) => [
      { kind: 'card', intentId: 'i-stc', reference: 'SP000042', amountHalalas: total - 5000, card: stcPayDetails(card) },
      { kind: 'cash', amountHalalas: 5000, tenderedHalalas: 5000, changeHalalas: 0 },
    ],
    { receiptNo: 'T01-000044', issuedAt: '2024-03-05T18:06:02Z' },
  );
}

export const cardSlip = (overrides: Partial<CardSlip> = {}): CardSlip => {
  const { terminalAt, wallet: _w, resolvedByManager: _m, ...c } = cardDetails(2775);
  return { ...c, at: terminalAt, approved: true, amountHalalas: 2775, ...overrides };
};

export const SHOP = {
  nameAr: 'أسواق نقطة',
  nameEn: 'Nuqta Market',
  addressAr: ADDRESS.ar,
  addressEn: ADDRESS.en,
  vatNumber: '300000000000003',
};

/** A long Arabic receipt for the bench: `count` lines with varied names. */
/**
 * A different 40-line receipt each time, as a shop's day brings them: the `n`-th of a seeded series, its lines from
 * a vocabulary of 2,000 product names (two words each from small lists, numbered), its quantities and prices
 * drawn, its number and time its own. For the bench: a render that keeps what it drew (text stamps) must be
 * timed on receipts it has not all seen.
 */
export function variedArabicReceipt(n: number, count = 40): Receipt {
  const first = ['قهوة', 'تمر', 'ماء', 'خبز', 'حليب', 'جبنة', 'زيت', 'أرز', 'سكر', 'شاي', 'عسل', 'لبن', 'بسكويت', 'عصير', 'دجاج', 'طماطم', 'بطاطس', 'صابون', 'مناديل', 'معكرونة'];
  const second = ['عربية', 'سكري', 'معدني', 'بر', 'طازج', 'بيضاء', 'زيتون', 'بسمتي', 'أبيض', 'أخضر'];
  let state = (n + 1) * 2_654_435_761;
  const next = (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
  const lines = Array.from({ length: count }, () => {
    const product = next(2_000);
    const name = `${first[product % first.length]} ${second[Math.floor(product / first.length) % second.length]} ${Math.floor(product / 200) + 1}`;
    return line(name, '', 1 + next(4), 100 + next(20_000));
  });
  const at = new Date(Date.UTC(2026, 11, 5, 6, 0, 0) + n * 97_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return receiptOf(lines, cash(10_000_000), { receiptNo: `T01-${String(1000 + n).padStart(6, '0')}`, saleId: `sale-${n}`, issuedAt: at });
}

export function longArabicReceipt(count = 40): Receipt {
  const names = ['قهوة عربية', 'تمر سكري', 'ماء معدني', 'خبز بر', 'حليب طازج', 'جبنة بيضاء', 'زيت زيتون', 'أرز بسمتي', 'سكر أبيض', 'شاي أخضر'];
  const lines = Array.from({ length: count }, (_, i) => line(`${names[i % names.length]} ${i + 1}`, '', 1 + (i % 3), 150 + i * 37));
  return receiptOf(lines, cash(1_000_000));
}
