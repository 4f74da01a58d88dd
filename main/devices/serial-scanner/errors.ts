// Serial scanner problems, bilingual, as data (the till shows them in its status bar; a scan itself never
// fails the sale).
import type { ErrorData } from '../../../preload/contract';

export const scannerErrorCatalog = {
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
} as const satisfies Record<string, { ar: string; en: string }>;

export type ScannerErrorCode = keyof typeof scannerErrorCatalog;

export class ScannerError extends Error {
  constructor(
    readonly code: ScannerErrorCode,
    /** For logs: the device path and the system's message. */
    readonly detail = '',
  ) {
    super(`${scannerErrorCatalog[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'ScannerError';
  }

  toData(): ErrorData {
    return { code: this.code, message_ar: scannerErrorCatalog[this.code].ar, message_en: scannerErrorCatalog[this.code].en };
  }
}

/** A failed open: missing device, no permission, or (anything else) treat as not found. */
export function openError(e: Error, where: string): ScannerError {
  const msg = e.message;
  if (/EACCES|EPERM|permission denied/i.test(msg)) return new ScannerError('SCANNER_PERMISSION', `${where}: ${msg}`);
  return new ScannerError('SCANNER_NOT_FOUND', `${where}: ${msg}`);
}
