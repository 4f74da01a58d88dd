// What a discount takes off, in whole halalas, and how a sale's discount falls on its lines. A percentage is
// rounded once, half-up (ZATCA's rule); an amount is taken as given (checkout refuses one larger than what it
// comes off). The sale's discount is spread over the lines in proportion to their totals, largest remainder
// first, so the parts add up to the discount exactly: the returns refund each line what was paid for it, and
// the e-invoice's allowance per VAT category is the sum of its lines' parts.
import type { DiscountRule } from '../../preload/contract';
import { divideRoundHalfUp } from './rounding';

/** What `rule` takes off `base` halalas; never more than `base`. */
export function discountHalalas(rule: DiscountRule, base: number): number {
  const off = rule.kind === 'percent' ? divideRoundHalfUp(base * rule.percent, 100) : rule.halalas;
  return Math.min(off, Math.max(0, base));
}

/** Whether `rule` asks to take off more than there is (an amount above the base). */
export const discountExceeds = (rule: DiscountRule, base: number): boolean => rule.kind === 'amount' && rule.halalas > base;

/**
 * Whether taking `off` from `base` goes beyond a limit of `limitBp` basis points of it (100 = 1 %), compared in
 * integers: off × 10,000 > limit × base. A percentage rule is judged by its percentage, so 10 % is within a 10 %
 * limit even where rounding makes it a halala more.
 */
export function beyondLimit(off: number, base: number, limitBp: number, rule?: DiscountRule): boolean {
  if (rule?.kind === 'percent') return rule.percent * 100 > limitBp;
  return off * 10_000 > limitBp * base;
}

/**
 * Splits `total` over `weights` in proportion, in whole halalas, largest remainder first (ties: the earlier
 * one). The parts sum to `total` exactly. BigInt products: a 10-million-riyal line times as much is past 2^53.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let left = total;
  for (const w of weights) {
    const product = BigInt(w) * bigTotal;
    const part = Number(product / bigSum);
    parts.push(part);
    remainders.push(product % bigSum);
    left -= part;
  }
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (let k = 0; k < left; k += 1) parts[order[k]!]! += 1;
  return parts;
}

/**
 * What `quantity` of a line paid `paid` halalas for `of` pieces (or grams) gives back, when `before` of it came
 * back already: the paid amount for the first before+quantity less that for the first `before`, each rounded
 * down. The parts of a line returned bit by bit add up to exactly what was paid for it.
 */
export function paidPartHalalas(paid: number, quantity: number, before: number, of: number): number {
  // paid ≤ 10^8 halalas and n ≤ 10^5 grams: the product stays far below 2^53, so the floor is exact.
  const upTo = (n: number) => Math.floor((paid * n) / of);
  return upTo(before + quantity) - upTo(before);
}
