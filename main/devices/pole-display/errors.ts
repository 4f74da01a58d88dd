// Customer pole display problems, bilingual, as data. The pole never stands in the way of a sale: a write
// that fails rejects with one of these, and the caller may log it and carry on.
import { defineErrors } from '../../errors';

export const poleErrorCatalog = defineErrors({
  POLE_DISPLAY_NOT_FOUND: {
    ar: 'لم يتم العثور على شاشة العميل. تحقق من الكابل والإعدادات.',
    en: 'The customer display was not found. Check its cable and the settings.',
  },
  POLE_DISPLAY_DISCONNECTED: {
    ar: 'انقطع الاتصال بشاشة العميل. تحقق من الكابل.',
    en: 'The customer display was disconnected. Check its cable.',
  },
  POLE_DISPLAY_TIMEOUT: { ar: 'شاشة العميل لا تستجيب.', en: 'The customer display is not responding.' },
  POLE_DISPLAY_CLOSED: { ar: 'اتصال شاشة العميل مغلق.', en: 'The customer display connection is closed.' },
});

export type PoleErrorCode = keyof typeof poleErrorCatalog.text;

/** `detail` is for logs: the device path and the system's message. */
export class PoleDisplayError extends poleErrorCatalog.errorClass('PoleDisplayError') {}
