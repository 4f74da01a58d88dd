// The mobile numbers payStcPay accepts, as one rule for the till screen (fast feedback while typing) and main
// (which decides, with its own error code STCPAY_MOBILE_INVALID rather than a generic INVALID_INPUT).
// Accepted: 05XXXXXXXX, 9665XXXXXXXX or +9665XXXXXXXX, with spaces, dashes or brackets between groups, in any
// digit script. Refused: landlines, other countries, 00966…, a bare 5XXXXXXXX, wrong lengths. Pure.
import { toLatinDigits } from './digits';

/** Separators people type between digit groups, and the bidi marks a pasted Arabic string may carry. */
const SEPARATORS = /[\s\-().\u200e\u200f\u202a-\u202e]/g;

/** The number as STC Pay wants it (9665XXXXXXXX, 12 digits), or null when it is not a Saudi mobile number. */
export function saudiMsisdn(input: string): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const m = /^(?:\+?966|0)(5\d{8})$/.exec(toLatinDigits(input).replace(SEPARATORS, ''));
  return m ? `966${m[1]}` : null;
}
