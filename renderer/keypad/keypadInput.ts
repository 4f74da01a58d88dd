// What a tap on the on-screen keypad does to a field's text: a digit or the decimal point appended, ⌫ takes the
// last character, C clears. Pure, so the same rule holds for the cash amount, a quantity, a PIN and a mobile number.

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear';

export interface KeypadRules {
  /** The decimal point is offered (amounts), at most once and with at most two digits after it (halalas). */
  decimal?: boolean;
  maxLength?: number;
}

export function applyKeypadKey(text: string, key: KeypadKey, rules: KeypadRules = {}): string {
  if (key === 'clear') return '';
  if (key === 'back') return text.slice(0, -1);
  if (key === '.') {
    if (!rules.decimal || text.includes('.')) return text;
    return `${text === '' ? '0' : text}.`;
  }
  const point = text.indexOf('.');
  let next = text + key;
  // Two digits after the point at most: a third would be a fraction of a halala.
  if (point >= 0) next = next.slice(0, point + 3);
  if (rules.maxLength !== undefined && next.length > rules.maxLength) return text;
  return next;
}
