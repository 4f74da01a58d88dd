// Numbers and codes put into a sentence keep their own order in Arabic. The Unicode bidi algorithm lays out a
// value dropped into a right-to-left sentence as part of that sentence: the stars of a masked mobile
// "9665*****567" and the space of "2026-12-04 10:30" take the sentence's direction, so the pieces around them
// swap ("567*****9665", "10:30 2026-12-04"), and a minus sign moves to the other end of its amount. Wrapped in
// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (the plain-text <bdi>), the value is laid out on its own and
// then placed in the sentence as one unit: left to right when it has no letter or starts with a Latin one (an
// amount, a receipt or card number, a date), right to left when it starts with an Arabic one (a product name
// with its size). Both characters are invisible.
//
// Applied to every value i18next interpolates (i18n/index.ts), so no message and no component has to remember
// it. Only values with a digit in them are wrapped: a word has no order of its own to lose.

/** U+2068 FIRST STRONG ISOLATE. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE. */
export const PDI = '\u2069';

/** ASCII, Arabic-Indic and Extended Arabic-Indic (Persian) digits. */
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;

/** The value isolated when it holds a number or a code; other text as it is. */
export function isolateNumbers(value: string): string {
  return DIGIT.test(value) ? `${FSI}${value}${PDI}` : value;
}

/** The text without the isolation marks: what a person reads, for comparing or copying. */
export const withoutIsolation = (text: string): string => text.replace(/[\u2066-\u2069]/g, '');
