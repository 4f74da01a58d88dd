// Weights are whole grams end to end. What the cashier types is read digit by digit as text: a number with a
// decimal point is kilograms (up to three places: "0.75", "1.234", "١٫٥"), a whole number is grams ("750").
import { MAX_WEIGHT_GRAMS, MIN_WEIGHT_GRAMS, type DigitStyle } from '../../preload/contract/schemas';
import { ARABIC_DECIMAL_SEPARATOR, toDisplayDigits, toLatinDigits } from './digits';

/** Grams, or null for junk, more than three decimals, or a weight outside 1 g .. 100 kg. */
export function parseWeightGrams(typed: string): number | null {
  const text = toLatinDigits(typed.trim()).replace(ARABIC_DECIMAL_SEPARATOR, '.');
  const kg = /^(\d{0,3})\.(\d{0,3})$/.exec(text);
  let grams: number | null = null;
  if (kg && (kg[1] !== '' || kg[2] !== '')) grams = Number.parseInt(kg[1] || '0', 10) * 1000 + Number.parseInt((kg[2] ?? '').padEnd(3, '0'), 10);
  else if (/^\d{1,6}$/.test(text)) grams = Number.parseInt(text, 10);
  return grams !== null && grams >= MIN_WEIGHT_GRAMS && grams <= MAX_WEIGHT_GRAMS ? grams : null;
}

/** "0.750" (Latin) or "٠٫٧٥٠": grams as kilograms with three places, no float on the way. */
export function formatKg(grams: number, style: DigitStyle): string {
  const g = Math.trunc(grams);
  const separator = style === 'arabic' ? ARABIC_DECIMAL_SEPARATOR : '.';
  return `${toDisplayDigits(String(Math.trunc(g / 1000)), style)}${separator}${toDisplayDigits(String(g % 1000).padStart(3, '0'), style)}`;
}
