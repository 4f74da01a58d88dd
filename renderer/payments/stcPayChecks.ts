// What the cashier types for an STC Pay payment: the customer's mobile number and the code the customer reads
// from the STC Pay app. Checked here only for fast feedback, with the same rules and wording main uses; main
// checks again. Digits may arrive in any script (the Arabic layout types ٠-٩). Pure.
import { saudiMsisdn } from '../../preload/contract/saudi-mobile';
import { toLatinDigits } from '../format/digits';
import type { Check } from './checks';

/**
 * A Saudi mobile number as STC Pay wants it (9665XXXXXXXX), by the same rule main applies
 * (preload/contract/saudi-mobile.ts); main refuses the rest with STCPAY_MOBILE_INVALID too.
 */
export function checkSaudiMobile(text: string): Check<string, 'STCPAY_MOBILE_INVALID'> {
  const msisdn = saudiMsisdn(text);
  return msisdn ? { ok: true, value: msisdn } : { ok: false, code: 'STCPAY_MOBILE_INVALID' };
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
