// Messages of the scanner-safe prompts and the line undo, in the same bilingual shape as main's errors (a stable
// code, Arabic and English), from their own block of the locale files.
import type { ErrorData } from '../../preload/contract/schemas';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';

export type SafetyCode = keyof typeof ar.scanner_safety.errors & keyof typeof en.scanner_safety.errors;

export function safetyError(code: SafetyCode): ErrorData {
  return { code, message_ar: ar.scanner_safety.errors[code], message_en: en.scanner_safety.errors[code] };
}
