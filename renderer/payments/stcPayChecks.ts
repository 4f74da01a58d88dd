// What the cashier types for an STC Pay payment: the customer's mobile number and the code the customer reads
// from the STC Pay app. Checked here only for fast feedback, with the same rules and wording main uses; main
// checks again. Digits may arrive in any script (the Arabic layout types ٠-٩). Pure.
import { toLatinDigits } from '../format/digits';
import type { Check } from './checks';

/** Separators people type between digit groups, and the bidi marks a pasted Arabic string may carry. */
const SEPARATORS = /[\s\-().\u200e\u200f\u202a-\u202e]/g;

/**
 * A Saudi mobile number as STC Pay wants it: 9665XXXXXXXX. Accepted: 05XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX,
 * with spaces or dashes between groups. Landlines, other countries, 00966… and a bare 5XXXXXXXX are refused
 * (main refuses them too: STCPAY_MOBILE_INVALID).
 */
export function checkSaudiMobile(text: string): Check<string, 'STCPAY_MOBILE_INVALID'> {
  if (text.length > 32) return { ok: false, code: 'STCPAY_MOBILE_INVALID' };
  const compact = toLatinDigits(text).replace(SEPARATORS, '');
  const m = /^(?:\+?966|0)(5\d{8})$/.exec(compact);
  return m ? { ok: true, value: `966${m[1]}` } : { ok: false, code: 'STCPAY_MOBILE_INVALID' };
}

/** The customer's code from the STC Pay app: digits only (STC Pay sends 6; the contract takes 4-8). */
export function checkOtp(text: string): Check<string, 'OTP_INVALID'> {
  const otp = toLatinDigits(text).replace(/\s+/g, '');
  return /^\d{4,8}$/.test(otp) ? { ok: true, value: otp } : { ok: false, code: 'OTP_INVALID' };
}

/** Whole seconds until the code expires (0 once it has); null when main sent no readable time. */
export function secondsLeft(expiresAt: string, nowMs: number): number | null {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** 125 → "2:05" (Latin digits; the view converts them to the cashier's digit style). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
