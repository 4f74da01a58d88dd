// Errors cross the boundary as data: a stable code plus a message in each language. Every failure a person
// can see is listed here, so the wording is reviewed in one place and the codes never drift.
import type { ErrorData } from '../../preload/contract';

export const errorCatalog = {
  INVALID_INPUT: { ar: 'طلب غير صالح.', en: 'The request was not valid.' },
  UNKNOWN_METHOD: { ar: 'عملية غير معروفة.', en: 'Unknown operation.' },
  FORBIDDEN_SENDER: { ar: 'الطلب من مصدر غير موثوق.', en: 'The request came from an untrusted source.' },
  INTERNAL: { ar: 'حدث خطأ غير متوقع. لم تُفقد أي بيانات.', en: 'Something unexpected went wrong. No data was lost.' },
  BARCODE_MALFORMED: {
    ar: 'الباركود غير مقروء. امسحه مرة أخرى أو اكتبه.',
    en: 'That barcode could not be read. Scan it again or type it.',
  },
  BARCODE_CHECK_DIGIT: {
    ar: 'رقم التحقق في الباركود غير صحيح. أعد المسح.',
    en: 'The barcode check digit is wrong. Scan it again.',
  },
  BARCODE_UNKNOWN: { ar: 'الباركود غير موجود في الأصناف.', en: 'That barcode is not in the catalog.' },
  PRODUCT_UNKNOWN: { ar: 'الصنف غير موجود.', en: 'That product does not exist.' },
  LINE_UNKNOWN: { ar: 'السطر غير موجود في البيع الحالي.', en: 'That line is not in the current sale.' },
  SALE_EMPTY: { ar: 'لا توجد أصناف في البيع.', en: 'The sale has no items.' },
  SALE_TOO_LARGE: { ar: 'تجاوز البيع الحد المسموح.', en: 'The sale exceeds the allowed limit.' },
  UNDER_TENDER: { ar: 'المبلغ المدفوع أقل من الإجمالي.', en: 'The amount tendered is less than the total.' },
  RECEIPT_UNKNOWN: { ar: 'الإيصال غير موجود.', en: 'That receipt does not exist.' },
  LEDGER_SCHEMA_NEWER: {
    ar: 'قاعدة البيانات من إصدار أحدث من البرنامج. حدّث البرنامج.',
    en: 'The database was written by a newer version of the app. Update the app.',
  },
  LEDGER_LOCKED: {
    ar: 'نقطة البيع تعمل بالفعل على هذه البيانات.',
    en: 'Another copy of the till is already running on this data.',
  },
  CONFIG_INVALID: { ar: 'إعدادات نقطة البيع غير صحيحة.', en: 'The till settings are not valid.' },
  CATALOG_IMPORT_REJECTED: {
    ar: 'لم يُستورد ملف الأصناف لوجود أخطاء.',
    en: 'The catalog file was not imported because it has errors.',
  },
} as const satisfies Record<string, { ar: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** A failure the till expects and can explain. `detail` is for logs only and never shown to the cashier. */
export class TillError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'TillError';
  }

  toData(): ErrorData {
    const text = errorCatalog[this.code];
    return { code: this.code, message_ar: text.ar, message_en: text.en };
  }
}

export const errorData = (code: ErrorCode): ErrorData => new TillError(code).toData();

export const isTillError = (e: unknown): e is TillError => e instanceof TillError;
