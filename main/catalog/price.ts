// Prices arrive as text ("12.50", "12.5", "12") and become integer halalas by string surgery, never
// through a float: parseFloat("0.29") * 100 is 28.999999999999996, and a till that rounds that wrong
// once per line is a till that does not balance.
import { latinDigits } from './normalize';

export type PriceParse =
  | { ok: true; halalas: number }
  | { ok: false; reason: 'missing' | 'negative' | 'invalid' | 'too-many-decimals' | 'too-large' };

/** 999,999.99 SAR: far above any shelf price, far below the contract's Halalas bound. */
export const MAX_PRICE_HALALAS = 99_999_999;

/**
 * Parses a SAR amount with at most two decimals into halalas. Accepts "12", "12.5", "12.50",
 * surrounding spaces and Arabic-Indic digits; rejects signs, thousands separators, exponents,
 * ".5", "5." and anything else.
 */
export function parsePriceSar(text: string | undefined): PriceParse {
  const s = latinDigits((text ?? '').trim());
  if (s === '') return { ok: false, reason: 'missing' };
  if (/^-\s*\d/.test(s)) return { ok: false, reason: 'negative' };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, reason: 'invalid' };
  const whole = m[1]!;
  const frac = m[2] ?? '';
  if (frac.length > 2) return { ok: false, reason: 'too-many-decimals' };
  // Bound the digit count before Number() so "0000…" is fine and huge inputs never lose precision.
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 6) return { ok: false, reason: 'too-large' };
  const halalas = Number(wholeDigits) * 100 + Number(frac.padEnd(2, '0'));
  if (halalas > MAX_PRICE_HALALAS) return { ok: false, reason: 'too-large' };
  return { ok: true, halalas };
}

/** Halalas as a plain "12.50" string (CSV export, demo generator checks). */
export function formatSar(halalas: number): string {
  const sign = halalas < 0 ? '-' : '';
  const abs = Math.abs(halalas);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
