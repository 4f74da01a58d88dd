// Money is integer halalas (1 SAR = 100 halalas) from end to end. Formatting uses integer division and
// modulo, parsing reads the typed string digit by digit; a float never holds an amount, so 0.1 + 0.2 can
// never put a halala on the wrong side of a receipt.
import { MAX_LINE_QUANTITY, type DigitStyle } from '../../preload/contract/schemas';
import { ARABIC_DECIMAL_SEPARATOR, toDisplayDigits, toLatinDigits } from './digits';

/** "12.50" (Latin) or "١٢٫٥٠" (Arabic-Indic); no currency, no grouping, always two decimals. */
export function formatAmount(halalas: number, style: DigitStyle): string {
  if (!Number.isSafeInteger(halalas)) throw new RangeError(`halalas must be an integer, got ${halalas}`);
  const sign = halalas < 0 ? '-' : '';
  const abs = Math.abs(halalas);
  const fraction = abs % 100;
  const whole = (abs - fraction) / 100;
  const separator = style === 'arabic' ? ARABIC_DECIMAL_SEPARATOR : '.';
  return `${sign}${toDisplayDigits(String(whole), style)}${separator}${toDisplayDigits(String(fraction).padStart(2, '0'), style)}`;
}

// Up to nine whole digits (999,999,999 SAR) keeps every result far inside Number.MAX_SAFE_INTEGER; the
// contract's own cap is much lower and main enforces it.
const AMOUNT_PATTERN = /^(\d{0,9})(?:\.(\d{0,2}))?$/;

/**
 * Parses what a cashier typed ("50", "50.5", "50.25", "٥٠", "٥٠٫٥") into halalas.
 * Returns null for anything else: junk, signs, grouping, or more than two decimals.
 */
export function parseAmount(typed: string): number | null {
  const text = toLatinDigits(typed.trim()).replace(ARABIC_DECIMAL_SEPARATOR, '.');
  if (!/[0-9]/.test(text)) return null;
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) return null;
  const whole = match[1] ? Number.parseInt(match[1], 10) : 0;
  const fraction = Number.parseInt((match[2] ?? '').padEnd(2, '0'), 10);
  return whole * 100 + fraction;
}

export const MIN_QUANTITY = 1;
/** The contract's limit, the one main enforces on every path. */
export const MAX_QUANTITY = MAX_LINE_QUANTITY;

/** A typed quantity: a whole number 1..9999 in any digit script, else null. */
export function parseQuantity(typed: string): number | null {
  const text = toLatinDigits(typed.trim());
  if (!/^\d{1,4}$/.test(text)) return null;
  const quantity = Number.parseInt(text, 10);
  return quantity >= MIN_QUANTITY && quantity <= MAX_QUANTITY ? quantity : null;
}
