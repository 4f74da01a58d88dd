// How a weighed line reads on every screen (the sale, the receipt preview, the customer display), and the
// view's own refusals about weights, in the same bilingual shape as main's errors.
import type { DigitStyle, ErrorData, SaleLine } from '../../preload/contract/schemas';
import { formatKg } from '../format/weight';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';

export const isWeighed = (line: Pick<SaleLine, 'soldBy'>): boolean => line.soldBy === 'kg';

type Translate = (key: string, values?: Record<string, string>) => string;

/** "0.750 kg" / "0.750 كغ" for a weighed line; null for a piece line (shown as its count). */
export function weightText(line: Pick<SaleLine, 'soldBy' | 'quantity'>, digits: DigitStyle, t: Translate): string | null {
  return isWeighed(line) ? t('weighed.kg', { kg: formatKg(line.quantity, digits) }) : null;
}

export function weighedError(code: 'invalid' | 'noBump'): ErrorData {
  return { code: code === 'invalid' ? 'WEIGHT_INVALID' : 'WEIGHT_NO_BUMP', message_ar: ar.weighed[code], message_en: en.weighed[code] };
}
