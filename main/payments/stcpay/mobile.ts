// Saudi mobile numbers as STC Pay wants them: 9665XXXXXXXX (12 digits). Accepted input: 05XXXXXXXX,
// 9665XXXXXXXX or +9665XXXXXXXX, with spaces, dashes or brackets between groups, and in Arabic-Indic or Eastern
// Arabic digits (a cashier's keyboard may be in Arabic). Everything else — landlines, other countries, 00966…,
// a bare 5XXXXXXXX, wrong lengths — is refused with a message the cashier can read to the customer.
import type { Bilingual } from './reasons';

export type MobileResult = { ok: true; msisdn: string } | { ok: false; reason: Bilingual };

const INVALID: Bilingual = {
  en: 'Enter a Saudi mobile number: 05XXXXXXXX or +9665XXXXXXXX.',
  ar: 'أدخل رقم جوال سعودي: 05XXXXXXXX أو ‎+9665XXXXXXXX.',
};

/** Arabic-Indic (U+0660…) and Eastern Arabic/Persian (U+06F0…) digits to ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function normaliseSaudiMobile(input: string): MobileResult {
  if (typeof input !== 'string' || input.length > 32) return { ok: false, reason: INVALID };
  // Separators people type between digit groups; bidi marks a pasted Arabic string may carry.
  const compact = asciiDigits(input).replace(/[\s\-().\u200e\u200f\u202a-\u202e]/g, '');
  const m = /^(?:\+?966|0)(5\d{8})$/.exec(compact);
  if (!m) return { ok: false, reason: INVALID };
  return { ok: true, msisdn: `966${m[1]}` };
}

/** 9665XXXXXXXX → 9665*****678 for receipts and screens (never the whole number). */
export function maskMobile(msisdn: string): string {
  return msisdn.length > 7 ? `${msisdn.slice(0, 4)}${'*'.repeat(msisdn.length - 7)}${msisdn.slice(-3)}` : '****';
}
