// Messages the view raises itself (a lost connection, an amount it can refuse before asking main). They use
// the same bilingual ErrorData shape as main's errors, so the banner shows both kinds the same way.
import type { DigitStyle, ErrorData, Locale } from '../../preload/contract/schemas';
import { messageDigits } from '../format/digits';
import ar from './locales/ar.json';
import en from './locales/en.json';

export type ClientErrorCode = keyof typeof ar.errors & keyof typeof en.errors;
export type NoticeCode = keyof typeof ar.notices & keyof typeof en.notices;

export function clientError(code: ClientErrorCode): ErrorData {
  return { code, message_ar: ar.errors[code], message_en: en.errors[code] };
}

export function notice(code: NoticeCode): ErrorData {
  return { code, message_ar: ar.notices[code], message_en: en.notices[code] };
}

/** The message in the cashier's language; with `digits`, its numbers in the cashier's digit style too. */
export function messageFor(data: ErrorData, locale: Locale, digits?: DigitStyle): string {
  const text = locale === 'ar' ? data.message_ar : data.message_en;
  return digits ? messageDigits(text, digits) : text;
}
