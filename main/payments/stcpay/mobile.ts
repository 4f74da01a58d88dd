// Saudi mobile numbers as STC Pay wants them: 9665XXXXXXXX (12 digits). The rule itself is shared with the till
// screen (preload/contract/saudi-mobile.ts); here it gets the message the cashier can read to the customer.
import { saudiMsisdn } from '../../../preload/contract';
import type { Bilingual } from './reasons';

export type MobileResult = { ok: true; msisdn: string } | { ok: false; reason: Bilingual };

const INVALID: Bilingual = {
  en: 'Enter a Saudi mobile number: 05XXXXXXXX or +9665XXXXXXXX.',
  ar: 'أدخل رقم جوال سعودي: 05XXXXXXXX أو ‎+9665XXXXXXXX.',
};

export function normaliseSaudiMobile(input: string): MobileResult {
  const msisdn = saudiMsisdn(input);
  return msisdn ? { ok: true, msisdn } : { ok: false, reason: INVALID };
}

/** 9665XXXXXXXX → 9665*****678 for receipts and screens (never the whole number). */
export function maskMobile(msisdn: string): string {
  return msisdn.length > 7 ? `${msisdn.slice(0, 4)}${'*'.repeat(msisdn.length - 7)}${msisdn.slice(-3)}` : '****';
}
