// Document-level VAT, as ZATCA's XML standard §10 asks: sum the lines of each VAT category first, then
// compute that category's VAT once from the category total and round half-up. Summing per-line rounded
// VAT is what got other tills' invoices rejected (BR-CO-14/15).
import type { Totals, VatBreakdown, VatCategory } from '../../preload/contract';
import { divideRoundHalfUp } from './rounding';

export const VAT_RATE_PERCENT: Record<VatCategory, number> = { S: 15, Z: 0, E: 0 };
const CATEGORY_ORDER: readonly VatCategory[] = ['S', 'Z', 'E'];

export interface PricedLine {
  lineTotalHalalas: number;
  vatCategory: VatCategory;
  /** The line's part of the sale's discount (main/money/discount.ts): VAT is on what is left. */
  saleDiscountShareHalalas?: number | undefined;
}

export function computeTotals(lines: readonly PricedLine[], pricesIncludeVat: boolean): Totals {
  const gross = new Map<VatCategory, number>();
  // The sale's discount is a document-level allowance: taken off each category's total before its VAT.
  const allowance = new Map<VatCategory, number>();
  for (const line of lines) {
    gross.set(line.vatCategory, (gross.get(line.vatCategory) ?? 0) + line.lineTotalHalalas);
    const share = line.saleDiscountShareHalalas ?? 0;
    if (share > 0) allowance.set(line.vatCategory, (allowance.get(line.vatCategory) ?? 0) + share);
  }

  const breakdown: VatBreakdown[] = CATEGORY_ORDER.filter((c) => gross.has(c)).map((category) => {
    const off = allowance.get(category) ?? 0;
    const amount = gross.get(category)! - off;
    const rate = VAT_RATE_PERCENT[category];
    // VAT-inclusive shelf price: VAT is the rate's share of the gross, taxable is what is left.
    const vat = pricesIncludeVat ? divideRoundHalfUp(amount * rate, 100 + rate) : divideRoundHalfUp(amount * rate, 100);
    const taxable = pricesIncludeVat ? amount - vat : amount;
    return { category, ratePercent: rate, taxableHalalas: taxable, vatHalalas: vat, ...(off > 0 ? { allowanceHalalas: off } : {}) };
  });

  const subtotal = breakdown.reduce((sum, b) => sum + b.taxableHalalas, 0);
  const vat = breakdown.reduce((sum, b) => sum + b.vatHalalas, 0);
  return { subtotalHalalas: subtotal, vatHalalas: vat, totalHalalas: subtotal + vat, breakdown };
}
