// The print service's own failures, bilingual, as data. They extend TillError so the IPC dispatcher (which
// passes TillErrors through and hides everything else as INTERNAL) sends them to the view as they are:
// `toData()` gives the specific code and wording below, while TillError's `code` holds the nearest generic
// catalog code until these are added to main/errors' catalog.
import type { ErrorData } from '../../../preload/contract';
import { defineErrors, TillError, type ErrorCode } from '../../errors';

export const printServiceErrorCatalog = defineErrors({
  PRINT_INTERRUPTED: {
    ar: 'توقفت الطباعة بسبب إعادة تشغيل نقطة البيع. تحقق مما طُبع ثم أعد الطباعة.',
    en: 'Printing was interrupted by a restart of the till. Check what was printed, then print again.',
  },
  PRINTER_CONFIG: {
    ar: 'طراز الطابعة في الإعدادات غير معروف. اختر طرازاً من القائمة.',
    en: 'The printer model in the settings is not known. Choose a model from the list.',
  },
  PRINTER_NOT_CONFIGURED: { ar: 'لا توجد طابعة مُعدّة لهذه النقطة.', en: 'No printer is set up for this till.' },
  PRINT_JOB_UNKNOWN: { ar: 'مهمة الطباعة غير موجودة.', en: 'That print job does not exist.' },
  PRINT_JOB_STATE: {
    ar: 'لا يمكن تنفيذ ذلك على مهمة الطباعة في حالتها الحالية.',
    en: 'That cannot be done to the print job in its current state.',
  },
  PRINT_RENDER_FAILED: { ar: 'تعذر تجهيز المستند للطباعة.', en: 'The document could not be prepared for printing.' },
});

export type PrintServiceErrorCode = keyof typeof printServiceErrorCatalog.text;

/** The generic catalog code each one falls back to for code that only knows main/errors. */
const GENERIC: Record<PrintServiceErrorCode, ErrorCode> = {
  PRINT_INTERRUPTED: 'INTERNAL',
  PRINTER_CONFIG: 'CONFIG_INVALID',
  PRINTER_NOT_CONFIGURED: 'CONFIG_INVALID',
  PRINT_JOB_UNKNOWN: 'INVALID_INPUT',
  PRINT_JOB_STATE: 'INVALID_INPUT',
  PRINT_RENDER_FAILED: 'INTERNAL',
};

export const printServiceErrorData = printServiceErrorCatalog.data;

/** Not `printServiceErrorCatalog.errorClass`: it must be a TillError (see above), its message led by its code. */
export class PrintServiceError extends TillError {
  readonly printCode: PrintServiceErrorCode;

  constructor(code: PrintServiceErrorCode, detail?: string) {
    super(GENERIC[code], detail);
    this.name = 'PrintServiceError';
    this.message = `${code}${detail ? `: ${detail}` : ''}`;
    this.printCode = code;
  }

  override toData(): ErrorData {
    return printServiceErrorCatalog.data(this.printCode);
  }
}
