// Numbers reach the till in three scripts: Latin (0-9), Arabic-Indic (٠-٩, what the Arabic keyboard layout
// types) and Extended Arabic-Indic (۰-۹, Persian/Urdu layouts). Everything is normalised to Latin before it is
// interpreted (the rule main uses too), and converted back only for display.
import type { DigitStyle } from '../../preload/contract/schemas';

import { toLatinDigits } from '../../preload/contract/digits';

export { toLatinDigits };

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

// A number inside a sentence: digits with their separators (Latin or Arabic), not touching a Latin letter — so
// key names (F2), receipt and till numbers (T01-000123) and codes (ZATCA's BR-KSA-56) keep the digits they are
// known by, while amounts and limits follow the cashier's choice.
const NUMBER_IN_TEXT = /(?<![A-Za-z0-9\u0660-\u0669-])[0-9\u0660-\u0669](?:[0-9\u0660-\u0669.,\u066B\u066C]*[0-9\u0660-\u0669])?(?![A-Za-z0-9\u0660-\u0669-])/g;

/**
 * A message's numbers in the chosen digit style. Main writes its Arabic messages with Arabic-Indic digits and
 * the view's own messages mix both; the cashier who chose Latin digits sees "4 to 8", one who chose Arabic
 * digits "٤ إلى ٨", whichever the message was written with.
 */
export function messageDigits(text: string, style: DigitStyle): string {
  return text.replace(NUMBER_IN_TEXT, (n) =>
    style === 'latin'
      ? toLatinDigits(n).replace(/\u066B/g, '.').replace(/\u066C/g, ',')
      : toDisplayDigits(n, 'arabic').replace(/\./g, ARABIC_DECIMAL_SEPARATOR).replace(/,/g, '\u066C'),
  );
}
