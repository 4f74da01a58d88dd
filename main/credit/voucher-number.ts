// A store credit voucher is a bearer voucher: whoever types its number spends it. So the number is not a
// counter (the next voucher would be guessable from the last) but 12 random digits and a Luhn check digit,
// after "SC" so a scanner's read of it is never taken for a product's EAN. Code128 encodes it as printed.
import { randomInt } from 'node:crypto';

const PREFIX = 'SC';
const DIGITS = 12;

/** The Luhn check digit of a string of digits (the one a mistyped digit or a swap of two neighbours breaks). */
function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function newVoucherNumber(random: (max: number) => number = randomInt): string {
  let digits = '';
  for (let i = 0; i < DIGITS; i++) digits += String(random(10));
  return `${PREFIX}${digits}${luhnDigit(digits)}`;
}

/**
 * What a cashier typed or a scanner sent, as a voucher number: upper case, spaces and dashes dropped (the
 * printed number is grouped for reading). Null when it cannot be one (wrong shape or check digit), so a typo is
 * told apart from a voucher the till does not know.
 */
export function readVoucherNumber(text: string): string | null {
  const clean = text.replace(/[\s-]/g, '').toUpperCase();
  const m = /^SC(\d{12})(\d)$/.exec(clean);
  if (!m) return null;
  return luhnDigit(m[1]!) === Number(m[2]) ? clean : null;
}

export { groupedVoucherNumber } from '../../preload/contract';
