// Varied documents for the builder's tests and the Schematron check: random sales (fixed seed) with standard,
// zero-rated and exempt lines, VAT-inclusive and -exclusive prices, awkward amounts, long Arabic names with
// characters XML must escape, and credit notes. Totals come from main/money, as the till computes them.
import { randomUUID } from 'node:crypto';
import type { EInvoiceDocument, EInvoiceLine } from '../../../main/fiscal/einvoice';
import { computeTotals } from '../../../main/money';

/** Park–Miller: the same documents on every run. */
export function seeded(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

const NAMES = ['حليب المراعي كامل الدسم ١ لتر | Almarai Full Fat Milk 1L', 'تمر سكري & خلاص <مميز> | Sukkari & Khalas Dates', 'دواء باراسيتامول | Paracetamol', 'خبز', 'قهوة "عربية" | Arabic Coffee', 'أرز بسمتي ٥ كجم | Basmati Rice 5kg'];

export const SELLER: EInvoiceDocument['seller'] = {
  registrationName: 'بقالة نقطة التجريبية | Nuqta Demo Grocery',
  vatNumber: '399999999900003',
  otherId: { scheme: 'CRN', value: '1010010000' },
  address: { street: 'الملك فهد', buildingNumber: '1234', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNumber: '5678' },
};

export function documentOf(lines: EInvoiceLine[], options: Partial<EInvoiceDocument> & { pricesIncludeVat?: boolean } = {}): EInvoiceDocument {
  const pricesIncludeVat = options.pricesIncludeVat ?? true;
  return {
    type: 'invoice',
    number: 'T01-000001',
    uuid: randomUUID(),
    issueDate: '2026-12-04',
    issueTime: '21:15:09',
    icv: 1,
    pih: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==',
    seller: SELLER,
    lines,
    pricesIncludeVat,
    totals: computeTotals(lines, pricesIncludeVat),
    paymentMeans: ['10'],
    note: null,
    exemptions: { Z: { code: 'VATEX-SA-35', text: 'الأدوية والمعدات الطبية | Medicines and medical equipment' }, E: { code: 'VATEX-SA-29', text: 'الخدمات المالية | Financial services' } },
    ...options,
  };
}

export function randomDocuments(count: number, seed = 20261204): EInvoiceDocument[] {
  const rnd = seeded(seed);
  const docs: EInvoiceDocument[] = [];
  for (let d = 0; d < count; d++) {
    const lines: EInvoiceLine[] = [];
    const n = 1 + rnd(40);
    for (let i = 0; i < n; i++) {
      const quantityMilli = rnd(4) === 0 ? 1 + rnd(5000) : 1000 * (1 + rnd(12));
      const unit = [1, 3333, 2000050, 99, 115, 17_25][rnd(6)]! + rnd(5000);
      const lineTotalHalalas = Math.max(1, Math.floor((unit * quantityMilli) / 1000));
      const c = rnd(10);
      lines.push({ name: NAMES[rnd(NAMES.length)]!, quantityMilli, lineTotalHalalas, vatCategory: c < 7 ? 'S' : c < 9 ? 'Z' : 'E' });
    }
    const credit = rnd(5) === 0;
    docs.push(
      documentOf(lines, {
        pricesIncludeVat: rnd(4) !== 0,
        icv: d + 1,
        number: `T01-${String(d + 1).padStart(6, '0')}`,
        paymentMeans: rnd(3) === 0 ? ['10', '48'] : ['10'],
        ...(credit ? { type: 'credit_note' as const, note: { originalNumber: 'T01-000001', reason: 'إرجاع سلع | Goods returned' } } : {}),
      }),
    );
  }
  return docs;
}
