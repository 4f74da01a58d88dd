// Varied documents for the builder's tests and the Schematron check: random sales (fixed seed) with standard,
// zero-rated and exempt lines, VAT-inclusive and -exclusive prices, 1 to 40 lines, weighed quantities, awkward
// amounts (0.01, 20000.50, 33.33 three times), long Arabic names with characters XML must escape, split tenders,
// credit and debit notes. Totals come from main/money, as the till computes them.
import { randomUUID } from 'node:crypto';
import { SEED_PIH, type EInvoiceDocument, type EInvoiceLine } from '../../../main/fiscal/einvoice';
import { computeTotals } from '../../../main/money';

/** Park–Miller: the same documents on every run. */
export function seeded(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

const LONG_NAME = `${'حليب طازج كامل الدسم من المراعي & <عبوة عائلية> "مبردة" '.repeat(6)}| ${'Almarai Fresh Full Fat Milk & <Family Pack> '.repeat(5)}`;
const NAMES = [
  'حليب المراعي كامل الدسم ١ لتر | Almarai Full Fat Milk 1L',
  'تمر سكري & خلاص <مميز> | Sukkari & Khalas Dates',
  'دواء باراسيتامول | Paracetamol',
  'خبز',
  "قهوة \"عربية\" 'بالهيل' | Arabic Coffee",
  'أرز بسمتي ٥ كجم | Basmati Rice 5kg',
  LONG_NAME,
];
/** Unit prices in halalas that have broken other tills: 0.01, 20000.50, 33.33, 0.99, 1.15, 17.25, 0.07. */
const AWKWARD = [1, 2_000_050, 3333, 99, 115, 1725, 7];

export const SELLER: EInvoiceDocument['seller'] = {
  registrationName: 'بقالة نقطة التجريبية | Nuqta Demo Grocery',
  vatNumber: '399999999900003',
  otherId: { scheme: 'CRN', value: '1010010000' },
  address: { street: 'الملك فهد', buildingNumber: '1234', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNumber: '5678' },
};

export const EXEMPTIONS: EInvoiceDocument['exemptions'] = {
  Z: { code: 'VATEX-SA-35', text: 'الأدوية والمعدات الطبية | Medicines and medical equipment' },
  E: { code: 'VATEX-SA-29', text: 'الخدمات المالية | Financial services mentioned in Article 29 of the VAT Regulations' },
};

export const line = (lineTotalHalalas: number, options: Partial<EInvoiceLine> = {}): EInvoiceLine => ({
  name: 'حليب | Milk',
  quantityMilli: 1000,
  lineTotalHalalas,
  vatCategory: 'S',
  ...options,
});

/** A document for these lines, with the totals main/money gives them. */
export function documentOf(lines: EInvoiceLine[], options: Partial<EInvoiceDocument> = {}): EInvoiceDocument {
  const pricesIncludeVat = options.pricesIncludeVat ?? true;
  return {
    type: 'invoice',
    number: 'T01-000001',
    uuid: randomUUID(),
    issueDate: '2026-12-04',
    issueTime: '21:15:09',
    icv: 1,
    pih: SEED_PIH,
    seller: SELLER,
    lines,
    pricesIncludeVat,
    totals: computeTotals(lines, pricesIncludeVat),
    paymentMeans: ['10'],
    note: null,
    exemptions: EXEMPTIONS,
    ...options,
  };
}

export function randomDocuments(count: number, seed = 20261204): EInvoiceDocument[] {
  const rnd = seeded(seed);
  const docs: EInvoiceDocument[] = [];
  for (let d = 0; d < count; d++) {
    const lines: EInvoiceLine[] = [];
    const n = d % 10 === 0 ? 40 : 1 + rnd(40);
    const only = rnd(12); // now and then a sale of one category only
    for (let i = 0; i < n; i++) {
      const weighed = rnd(5) === 0;
      const quantityMilli = weighed ? 1 + rnd(5000) : 1000 * (1 + rnd(12));
      const unit = rnd(3) === 0 ? AWKWARD[rnd(AWKWARD.length)]! : 1 + rnd(50_000);
      // As the till prices it: quantity × unit price, a weighed line rounded half-up to the halala.
      const lineTotalHalalas = Math.floor((unit * quantityMilli + 500) / 1000);
      const c = rnd(10);
      const vatCategory = only === 0 ? 'Z' : only === 1 ? 'E' : only < 4 || c < 7 ? 'S' : c < 9 ? 'Z' : 'E';
      lines.push({ name: NAMES[rnd(NAMES.length)]!, quantityMilli, lineTotalHalalas, vatCategory });
    }
    const kind = rnd(6);
    const note = kind === 0 ? 'credit_note' : kind === 1 ? 'debit_note' : null;
    docs.push(
      documentOf(lines, {
        pricesIncludeVat: rnd(4) !== 0,
        icv: d + 1,
        number: `T01-${String(d + 1).padStart(6, '0')}`,
        paymentMeans: rnd(3) === 0 ? ['10', '48'] : rnd(2) === 0 ? ['48'] : ['10'],
        ...(note
          ? {
              type: note,
              note: { originalNumber: `T01-${String(1 + rnd(d + 1)).padStart(6, '0')}`, reason: note === 'credit_note' ? 'إرجاع سلع & استرداد | Goods returned & refunded' : 'تعديل السعر <بالاتفاق> | Price amended <as agreed>' },
            }
          : {}),
      }),
    );
  }
  return docs;
}

/** The cases that broke other tills, one document each. */
export function awkwardDocuments(): EInvoiceDocument[] {
  const returned = { originalNumber: 'T01-000001', reason: 'إرجاع & استرداد <جزئي> | Returned & refunded <partly>' };
  return [
    documentOf([line(1)]),
    documentOf([line(1)], { pricesIncludeVat: false }),
    documentOf([line(2_000_050)], { pricesIncludeVat: false }),
    documentOf([line(2_000_050)]),
    documentOf([line(3333), line(3333), line(3333)]),
    documentOf([line(9999, { quantityMilli: 3000 })]),
    documentOf([line(10_000, { quantityMilli: 3000 })], { pricesIncludeVat: false }),
    documentOf([line(1739, { quantityMilli: 1250 }), line(7, { quantityMilli: 1 }), line(0, { quantityMilli: 1 })]),
    documentOf([line(500, { vatCategory: 'Z' }), line(700, { vatCategory: 'E' })]),
    documentOf([line(115, { name: LONG_NAME }), line(230, { name: NAMES[1]!, vatCategory: 'Z' }), line(345, { name: NAMES[4]!, vatCategory: 'E' })]),
    documentOf(Array.from({ length: 40 }, (_, i) => line(3333 + i, { quantityMilli: 1000 * (1 + (i % 3)), vatCategory: i % 5 === 0 ? 'Z' : 'S' }))),
    documentOf([line(3333), line(3333), line(3333)], { type: 'credit_note', note: returned, paymentMeans: ['10', '48'] }),
    documentOf([line(2_000_050, { vatCategory: 'E' }), line(1)], { type: 'debit_note', note: { ...returned, reason: 'تعديل السعر | Price amended' }, pricesIncludeVat: false }),
  ];
}
