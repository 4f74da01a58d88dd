// Receipt timestamps are written by hand rather than with Intl: "ar-SA" would switch to the Umm al-Qura
// calendar and pick its own digits, while the till must show the Gregorian date in the cashier's digit choice.
import type { DigitStyle } from '../../preload/contract/schemas';
import { toDisplayDigits } from './digits';

const two = (n: number): string => String(n).padStart(2, '0');

/** "2025-11-27 14:05" in local time, or the raw text if it is not a date. */
export function formatDateTime(iso: string, style: DigitStyle): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
  return toDisplayDigits(text, style);
}
