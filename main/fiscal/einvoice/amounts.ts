// The document's amounts, from the lines alone, in integer halalas. The till computes VAT once per category at
// document level (main/money; XML-Std §10: category total, then half-up) — recomputed here from the lines, not
// taken on trust, so the builder can refuse a sale whose totals are not what its lines give. A UBL line still
// needs its own net amount, VAT and amount with VAT: with VAT-inclusive shelf prices the category's net
// (taxable) amount is split over its lines in proportion to their gross, largest remainder first, so the line
// nets are whole halalas that sum to the category's taxable amount exactly (BR-CO-10, BR-S-08) — summing
// rounded per-line figures instead is what got other tills rejected (BR-CO-14/15).
import { apportion as apportionHalalas } from '../../money';
import { VAT_RATE_PERCENT, type DocumentAllowance, type DocumentTotals, type EInvoiceDocument, type EInvoiceLine, type VatCategoryCode, type VatCategoryTotal } from './document';

export interface LineAmounts {
  netHalalas: number;
  /** The line's VAT: its net × rate, half-up (BR-KSA-50 where ZATCA checks it). */
  vatHalalas: number;
  /** Net + VAT (the line's RoundingAmount, BR-KSA-51). */
  withVatHalalas: number;
}

/** A document-level allowance as UBL writes it: net of VAT, per category. */
export interface AllowanceAmount {
  category: VatCategoryCode;
  ratePercent: number;
  /** The lines' nets less this is the category's taxable amount (BR-S-08, BR-CO-13). */
  netHalalas: number;
  reason: string;
}

export interface DocumentAmounts {
  /** What the lines give: equal to the sale's totals for a document that can be issued. */
  totals: DocumentTotals;
  lines: LineAmounts[];
  allowances: AllowanceAmount[];
}

const CATEGORY_ORDER: readonly VatCategoryCode[] = ['S', 'Z', 'E'];

const wholeHalalas = (n: number, what: string): number => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} ${n} is not a whole, non-negative number of halalas`);
  return n;
};

/** numerator ÷ denominator rounded half-up, for non-negative integers (ZATCA's rounding). */
export function divideHalfUp(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  return 2 * (numerator - q * denominator) >= denominator ? q + 1 : q;
}

/**
 * Splits `total` over `weights` in proportion, whole units, largest remainder first (ties: the earlier line);
 * the parts sum to `total` exactly (main/money's apportion, the one the sale's discount is spread with), here
 * refusing what a document cannot hold: a negative or fractional amount, or something split over nothing.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  wholeHalalas(total, 'total');
  weights.forEach((w) => wholeHalalas(w, 'weight'));
  if (total !== 0 && weights.every((w) => w === 0)) throw new RangeError(`cannot split ${total} over nothing`);
  return apportionHalalas(total, weights);
}

/** VAT of a category's amount as priced: the rate's share of a VAT-inclusive amount, or the rate of a net one. */
const vatOf = (amount: number, rate: number, pricesIncludeVat: boolean): number =>
  pricesIncludeVat ? divideHalfUp(amount * rate, 100 + rate) : divideHalfUp(amount * rate, 100);

/** The allowance on each category, as priced (zero where none). */
const allowanceByCategory = (allowances: readonly DocumentAllowance[] | undefined): Map<VatCategoryCode, number> => {
  const by = new Map<VatCategoryCode, number>();
  for (const a of allowances ?? []) by.set(a.category, (by.get(a.category) ?? 0) + wholeHalalas(a.halalas, 'allowance'));
  return by;
};

/**
 * The document's totals as ZATCA's rounding gives them from the lines and the document's allowances (main/money's
 * computeTotals, re-derived): each category's lines less its allowance, then its VAT once.
 */
export function totalsFromLines(lines: readonly EInvoiceLine[], pricesIncludeVat: boolean, allowances?: readonly DocumentAllowance[]): DocumentTotals {
  const gross = new Map<VatCategoryCode, number>();
  for (const line of lines) gross.set(line.vatCategory, (gross.get(line.vatCategory) ?? 0) + wholeHalalas(line.lineTotalHalalas, 'line total'));
  const off = allowanceByCategory(allowances);
  for (const [category, halalas] of off) {
    if (halalas > (gross.get(category) ?? 0)) throw new RangeError(`the ${category} allowance ${halalas} is more than its lines`);
  }
  const breakdown: VatCategoryTotal[] = CATEGORY_ORDER.filter((c) => gross.has(c)).map((category) => {
    const amount = gross.get(category)! - (off.get(category) ?? 0);
    const rate = VAT_RATE_PERCENT[category];
    // VAT-inclusive shelf price: VAT is the rate's share of the gross, the taxable amount what is left.
    const vat = vatOf(amount, rate, pricesIncludeVat);
    return { category, ratePercent: rate, taxableHalalas: pricesIncludeVat ? amount - vat : amount, vatHalalas: vat };
  });
  const subtotal = breakdown.reduce((s, b) => s + b.taxableHalalas, 0);
  const vat = breakdown.reduce((s, b) => s + b.vatHalalas, 0);
  return { subtotalHalalas: subtotal, vatHalalas: vat, totalHalalas: subtotal + vat, breakdown };
}

/**
 * The totals, every line's amounts and the allowances' net amounts, from the lines and the allowances alone.
 * Throws RangeError on a negative or fractional amount, or an allowance larger than its category's lines.
 */
export function documentAmounts(doc: Pick<EInvoiceDocument, 'lines' | 'pricesIncludeVat' | 'allowances'>): DocumentAmounts {
  const totals = totalsFromLines(doc.lines, doc.pricesIncludeVat, doc.allowances);
  const lines = new Array<LineAmounts>(doc.lines.length);
  const allowances: AllowanceAmount[] = [];
  const off = allowanceByCategory(doc.allowances);
  for (const category of totals.breakdown) {
    const indexes: number[] = [];
    for (let i = 0; i < doc.lines.length; i += 1) if (doc.lines[i]!.vatCategory === category.category) indexes.push(i);
    const gross = indexes.map((i) => doc.lines[i]!.lineTotalHalalas);
    // The lines' nets are those of the category before its allowance (what the shelf prices give); the
    // allowance's net is what takes them down to the category's taxable amount (BR-S-08).
    const grossTotal = gross.reduce((a, b) => a + b, 0);
    const allowance = off.get(category.category) ?? 0;
    const netBefore = doc.pricesIncludeVat ? grossTotal - vatOf(grossTotal, category.ratePercent, true) : grossTotal;
    const nets = doc.pricesIncludeVat ? apportion(netBefore, gross) : gross;
    if (allowance > 0) {
      const reason = doc.allowances!.find((a) => a.category === category.category)!.reason;
      allowances.push({ category: category.category, ratePercent: category.ratePercent, netHalalas: netBefore - category.taxableHalalas, reason });
    }
    indexes.forEach((lineIndex, k) => {
      const net = nets[k]!;
      // Each line's VAT is its own net × rate, so net + VAT may differ from the shelf price by a halala on a
      // line (never in the totals, which are the categories'): ZATCA checks lines one by one (BR-KSA-50/51).
      const vat = divideHalfUp(net * category.ratePercent, 100);
      lines[lineIndex] = { netHalalas: net, vatHalalas: vat, withVatHalalas: net + vat };
    });
  }
  return { totals, lines, allowances };
}

/** The line amounts alone (see documentAmounts). */
export const lineAmounts = (doc: Pick<EInvoiceDocument, 'lines' | 'pricesIncludeVat' | 'allowances'>): LineAmounts[] => documentAmounts(doc).lines;

/**
 * Where the sale's totals differ from what its lines give, in words for the log ("S taxable 8695 ≠ 8696"), or
 * null when they are the same to the halala (the breakdown in any order).
 */
export function totalsDifference(expected: DocumentTotals, actual: DocumentTotals): string | null {
  const diffs: string[] = [];
  const field = (name: string, want: number, got: number) => want !== got && diffs.push(`${name} ${got} ≠ ${want}`);
  field('subtotal', expected.subtotalHalalas, actual.subtotalHalalas);
  field('VAT', expected.vatHalalas, actual.vatHalalas);
  field('total', expected.totalHalalas, actual.totalHalalas);
  const seen = new Set<VatCategoryCode>();
  for (const b of actual.breakdown) {
    const want = expected.breakdown.find((e) => e.category === b.category);
    if (!want || seen.has(b.category)) diffs.push(`category ${b.category} ${want ? 'twice' : 'has no lines'}`);
    else {
      field(`${b.category} rate`, want.ratePercent, b.ratePercent);
      field(`${b.category} taxable`, want.taxableHalalas, b.taxableHalalas);
      field(`${b.category} VAT`, want.vatHalalas, b.vatHalalas);
    }
    seen.add(b.category);
  }
  for (const e of expected.breakdown) if (!seen.has(e.category)) diffs.push(`category ${e.category} missing`);
  return diffs.length === 0 ? null : diffs.join('; ');
}
