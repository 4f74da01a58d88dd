// What the discount dialog sends, from what the cashier typed: pure, so the rules are tested without a screen.
// A percentage is a whole number 1–100; an amount or a price is riyals with up to two decimals, as halalas.
// Main decides everything else (limits, approval, what it takes off).
import type { DiscountReason, DiscountRule } from '../../preload/contract/discounts';
import { parseAmount } from '../format/money';
import { toLatinDigits } from '../format/digits';

export type DiscountKind = DiscountRule['kind'];

export const REASONS: readonly DiscountReason[] = ['promotion', 'damaged_item', 'price_match', 'loyal_customer', 'staff', 'manager_decision'];

export type FormProblem = 'value' | 'reason';

/** The rule typed, or which part is missing or wrong. */
export function ruleOf(kind: DiscountKind, typed: string): DiscountRule | null {
  if (kind === 'percent') {
    const text = toLatinDigits(typed.trim()).replace(/[%٪]$/, '');
    if (!/^\d{1,3}$/.test(text)) return null;
    const percent = Number.parseInt(text, 10);
    return percent >= 1 && percent <= 100 ? { kind, percent } : null;
  }
  const halalas = parseAmount(typed);
  return halalas !== null && halalas >= 1 ? { kind, halalas } : null;
}

/** A unit price typed (0 allowed: a free item, which needs a manager). */
export function priceOf(typed: string): number | null {
  return parseAmount(typed);
}
