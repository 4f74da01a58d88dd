// Numbers reach the till in three scripts: Latin (0-9), Arabic-Indic (٠-٩, what the Arabic keyboard layout
// types) and Extended Arabic-Indic (۰-۹, Persian/Urdu layouts). Everything is normalised to Latin before it is
// interpreted (the rule main uses too), and converted back only for display.
import type { DigitStyle } from '../../preload/contract/schemas';

export { toLatinDigits } from '../../preload/contract/digits';

const ARABIC_INDIC_ZERO = 0x0660;

/** Arabic decimal separator (U+066B), the one that goes with Arabic-Indic digits. */
export const ARABIC_DECIMAL_SEPARATOR = '\u066B';

/** Rewrites Latin digits in the cashier's chosen style. */
export function toDisplayDigits(text: string, style: DigitStyle): string {
  if (style === 'latin') return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + d.charCodeAt(0) - 48));
}

/** An integer (quantity, count, rate) in the chosen digit style. */
export function formatInteger(value: number, style: DigitStyle): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return toDisplayDigits(String(value), style);
}
