// Serial scanner problems, bilingual, as data (the till shows them in its status bar; a scan itself never
// fails the sale).
import { defineErrors } from '../../errors';

export const scannerErrorCatalog = defineErrors({
  SCANNER_NOT_FOUND: {
    ar: 'لم يتم العثور على الماسح الضوئي. تحقق من الكابل والإعدادات.',
    en: 'The barcode scanner was not found. Check its cable and the settings.',
  },
  SCANNER_DISCONNECTED: {
    ar: 'انقطع الاتصال بالماسح الضوئي. أعد توصيل الكابل؛ سيعاود الاتصال تلقائياً.',
    en: 'The barcode scanner was disconnected. Plug the cable back in; the till reconnects by itself.',
  },
  SCANNER_PERMISSION: {
    ar: 'لا توجد صلاحية للوصول إلى الماسح الضوئي. اطلب من المسؤول إضافة المستخدم إلى مجموعة dialout.',
    en: 'No permission to use the barcode scanner. Ask the administrator to add the user to the dialout group.',
  },
});

export type ScannerErrorCode = keyof typeof scannerErrorCatalog.text;

/** `detail` is for logs: the device path and the system's message. */
export class ScannerError extends scannerErrorCatalog.errorClass('ScannerError') {}

/** A failed open: missing device, no permission, or (anything else) treat as not found. */
export function openError(e: Error, where: string): ScannerError {
  const msg = e.message;
  if (/EACCES|EPERM|permission denied/i.test(msg)) return new ScannerError('SCANNER_PERMISSION', `${where}: ${msg}`);
  return new ScannerError('SCANNER_NOT_FOUND', `${where}: ${msg}`);
}
