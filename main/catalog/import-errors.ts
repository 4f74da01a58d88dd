// Per-row import problems. These are report data — a list the shop fixes in its spreadsheet — not
// thrown errors, so their wording lives here rather than in main/errors, and they have no Error class.
// Codes are stable; texts may be reworded.
import { defineErrors, type Bilingual } from '../errors';

export const importRowErrors = defineErrors({
  FILE_EMPTY: { ar: 'الملف فارغ.', en: 'The file is empty.' },
  FILE_NOT_UTF8: {
    ar: 'الملف ليس بترميز UTF-8. احفظه من جدول البيانات بصيغة "CSV UTF-8".',
    en: 'The file is not UTF-8. Save it from the spreadsheet as "CSV UTF-8".',
  },
  HEADER_INVALID: {
    ar: 'سطر العناوين غير صحيح. الأعمدة المطلوبة: barcode,name_ar,name_en,price_sar,vat_category.',
    en: 'The header row is wrong. Required columns: barcode,name_ar,name_en,price_sar,vat_category.',
  },
  COLUMN_COUNT: { ar: 'عدد الأعمدة في هذا السطر غير صحيح.', en: 'This row has the wrong number of columns.' },
  UNTERMINATED_QUOTE: {
    ar: 'علامة اقتباس غير مغلقة حتى نهاية الملف.',
    en: 'A quotation mark is not closed before the end of the file.',
  },
  ENCODING: {
    ar: 'هذا السطر ليس بترميز UTF-8 صالح. احفظ الملف بصيغة "CSV UTF-8".',
    en: 'This row is not valid UTF-8. Save the file as "CSV UTF-8".',
  },
  BARCODE_MISSING: { ar: 'الباركود مفقود.', en: 'The barcode is missing.' },
  BARCODE_MALFORMED: {
    ar: 'الباركود غير صالح: أرقام أو حروف إنجليزية فقط، من ٤ إلى ٣٢ خانة.',
    en: 'The barcode is not valid: English letters or digits only, 4 to 32 characters.',
  },
  BARCODE_CHECK_DIGIT: {
    ar: 'رقم التحقق في الباركود غير صحيح.',
    en: 'The barcode check digit is wrong.',
  },
  BARCODE_DUPLICATE: { ar: 'الباركود مكرر في الملف.', en: 'The barcode appears more than once in the file.' },
  NAME_AR_MISSING: { ar: 'الاسم العربي مفقود.', en: 'The Arabic name is missing.' },
  NAME_EN_MISSING: { ar: 'الاسم الإنجليزي مفقود.', en: 'The English name is missing.' },
  NAME_TOO_LONG: { ar: 'اسم الصنف أطول من ٢٠٠ حرف.', en: 'The product name is longer than 200 characters.' },
  PRICE_MISSING: { ar: 'السعر مفقود.', en: 'The price is missing.' },
  PRICE_NEGATIVE: { ar: 'السعر لا يمكن أن يكون سالبًا.', en: 'The price cannot be negative.' },
  PRICE_INVALID: {
    ar: 'السعر غير مقروء. اكتبه بالريال مثل 12.50.',
    en: 'The price could not be read. Write it in riyals, like 12.50.',
  },
  PRICE_DECIMALS: {
    ar: 'السعر يحتوي أكثر من منزلتين عشريتين.',
    en: 'The price has more than two decimal places.',
  },
  PRICE_ZERO: {
    ar: 'السعر صفر. إن كان الصنف مجانيًا فعلًا فاستورد الملف مع الخيار ‎--allow-zero-price.',
    en: 'The price is 0.00. If the item really is free, import with --allow-zero-price.',
  },
  FORMULA_CELL: {
    ar: 'خانة تبدأ بـ = أو + أو - أو @، وهذه يشغّلها برنامج الجداول كصيغة. احذف الرمز من أول الخانة.',
    en: 'A cell starts with =, +, - or @, which a spreadsheet runs as a formula. Remove that first character.',
  },
  PRICE_TOO_LARGE: { ar: 'السعر أكبر من الحد المسموح.', en: 'The price is larger than allowed.' },
  VAT_CATEGORY_UNKNOWN: {
    ar: 'فئة الضريبة غير معروفة. استخدم S أو Z أو E.',
    en: 'Unknown VAT category. Use S, Z or E.',
  },
  SOLD_BY_UNKNOWN: {
    ar: 'طريقة البيع غير معروفة. استخدم each (بالقطعة) أو kg (بالكيلو).',
    en: 'Unknown sold_by. Use each (by the piece) or kg (by weight, price per kilogram).',
  },
  CATEGORY_INVALID: { ar: 'رمز التصنيف أطول من ٦٤ حرفًا.', en: 'The category code is longer than 64 characters.' },
});

export type ImportRowErrorCode = keyof typeof importRowErrors.text;

export interface ImportRowError {
  /** Spreadsheet row number (header = 1). */
  row: number;
  barcode?: string;
  code: ImportRowErrorCode;
  message_ar: string;
  message_en: string;
}

/**
 * The code's ErrorData, located at a spreadsheet row (and barcode, when the row has one). This part stays
 * local: a row error carries where it is, and `extra` adds a sentence about this row to the catalog text
 * (the check digit it should have, the row the barcode first appeared on).
 */
export function rowError(row: number, code: ImportRowErrorCode, barcode?: string, extra?: Bilingual): ImportRowError {
  const { message_ar, message_en } = importRowErrors.data(code);
  return {
    row,
    ...(barcode ? { barcode } : {}),
    code,
    message_ar: extra ? `${message_ar} ${extra.ar}` : message_ar,
    message_en: extra ? `${message_en} ${extra.en}` : message_en,
  };
}
