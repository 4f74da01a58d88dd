// Line amounts that add up exactly to the document's totals. The till computes VAT once per category at
// document level (main/money, XML-Std §10); a UBL line still needs its own net amount, VAT and amount with VAT.
// With VAT-inclusive shelf prices the category's net (taxable) amount is split over its lines in proportion to
// their gross, largest remainder first, so the line nets are whole halalas that sum to the category's taxable
// amount to the halala (BR-CO-10, BR-S-08) — summing rounded per-line figures is what got others rejected.
import type { EInvoiceDocument, VatCategoryCode } from './document';

export interface LineAmounts {
  netHalalas: number;
  vatHalalas: number;
  /** Net + VAT (the line's RoundingAmount, BR-KSA-51). */
  withVatHalalas: number;
}

/** Half-up on non-negative integers: the line's VAT share. */
const halfUp = (numerator: number, denominator: number): number => {
  const q = Math.floor(numerator / denominator);
  return 2 * (numerator - q * denominator) >= denominator ? q + 1 : q;
};

/** Splits `total` over `weights` in proportion, whole units, largest remainder first; the parts sum to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((w * total) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, remainder: (w * total) % sum }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) parts[order[k]!.i]! += 1;
  return parts;
}

export function lineAmounts(doc: Pick<EInvoiceDocument, 'lines' | 'totals' | 'pricesIncludeVat'>): LineAmounts[] {
  const out: LineAmounts[] = new Array<LineAmounts>(doc.lines.length);
  const byCategory = new Map<VatCategoryCode, number[]>();
  doc.lines.forEach((line, i) => byCategory.set(line.vatCategory, [...(byCategory.get(line.vatCategory) ?? []), i]));
  for (const [category, indexes] of byCategory) {
    const total = doc.totals.breakdown.find((b) => b.category === category);
    const rate = total?.ratePercent ?? 0;
    const gross = indexes.map((i) => doc.lines[i]!.lineTotalHalalas);
    const nets = doc.pricesIncludeVat ? apportion(total?.taxableHalalas ?? 0, gross) : gross;
    indexes.forEach((lineIndex, k) => {
      const net = nets[k]!;
      // The line's VAT is its net × rate (BR-KSA-50), even where prices include VAT: net + VAT may then differ
      // from the shelf price by a halala on a line, never in the document's totals, which are the category's.
      const vat = halfUp(net * rate, 100);
      out[lineIndex] = { netHalalas: net, vatHalalas: vat, withVatHalalas: net + vat };
    });
  }
  return out;
}
