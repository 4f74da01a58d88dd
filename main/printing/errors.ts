// Printer failures as data: a stable code and a message in each language, the same shape as the till's
// ErrorData (main/errors). Transports turn socket and file errors into one of these, so the UI can tell
// the cashier what to do (load paper, close the cover, check the cable) instead of showing "EPIPE".
import { defineErrors } from '../errors';
import type { PrinterProblem } from './escpos/status';

export const printerErrorCatalog = defineErrors({
  PRINTER_OFFLINE: {
    ar: 'الطابعة غير متصلة. تأكد من تشغيلها ومن الكابل أو الشبكة.',
    en: 'The printer is offline. Check that it is on and its cable or network.',
  },
  PRINTER_DISCONNECTED: {
    ar: 'انقطع الاتصال بالطابعة أثناء الطباعة. تحقق من الكابل ثم أعد الطباعة.',
    en: 'The printer connection was lost while printing. Check the cable, then print again.',
  },
  PRINTER_TIMEOUT: {
    ar: 'الطابعة لا تستجيب. تحقق منها ثم أعد المحاولة.',
    en: 'The printer is not responding. Check it, then try again.',
  },
  PRINTER_PAPER_OUT: { ar: 'نفد ورق الطابعة. ضع لفة جديدة ثم أعد الطباعة.', en: 'The printer is out of paper. Load a new roll, then print again.' },
  PRINTER_COVER_OPEN: { ar: 'غطاء الطابعة مفتوح. أغلقه ثم أعد الطباعة.', en: 'The printer cover is open. Close it, then print again.' },
  PRINTER_ERROR: {
    ar: 'الطابعة في حالة خطأ (القاطع أو الحرارة). أطفئها وشغّلها ثم أعد الطباعة.',
    en: 'The printer reports an error (cutter or overheating). Switch it off and on, then print again.',
  },
  PRINTER_NOT_FOUND: { ar: 'لم يتم العثور على الطابعة. تحقق من الإعدادات.', en: 'The printer was not found. Check the printer settings.' },
  PRINTER_PERMISSION: {
    ar: 'لا توجد صلاحية للوصول إلى الطابعة. اطلب من المسؤول إضافة المستخدم إلى مجموعة lp.',
    en: 'No permission to use the printer. Ask the administrator to add the user to the lp group.',
  },
  PRINTER_CLOSED: { ar: 'اتصال الطابعة مغلق.', en: 'The printer connection is closed.' },
});

export type PrinterErrorCode = keyof typeof printerErrorCatalog.text;

/** `detail` is the underlying cause, for logs (socket error code, device path); never shown to the cashier. */
export class PrinterError extends printerErrorCatalog.errorClass('PrinterError') {}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}

/** Maps a Node system error (socket, serial, file) to what it means for the cashier. */
export function fromSystemError(e: unknown, phase: 'connect' | 'write', where: string): PrinterError {
  if (e instanceof PrinterError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  const detail = `${where}: ${code || msg}`;
  switch (code) {
    case 'ENOENT':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENXIO':
      return new PrinterError(phase === 'connect' ? 'PRINTER_NOT_FOUND' : 'PRINTER_DISCONNECTED', detail);
    case 'EACCES':
    case 'EPERM':
      return new PrinterError('PRINTER_PERMISSION', detail);
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ETIMEDOUT':
      return new PrinterError('PRINTER_OFFLINE', detail);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'EIO':
    case 'ENODEV':
    case 'ERR_STREAM_DESTROYED':
    case 'ERR_STREAM_WRITE_AFTER_END':
      return new PrinterError('PRINTER_DISCONNECTED', detail);
    default:
      // serialport reports a vanished device as a plain Error ("Port is not open", "No such file").
      if (/no such file|cannot open/i.test(msg)) return new PrinterError(phase === 'connect' ? 'PRINTER_NOT_FOUND' : 'PRINTER_DISCONNECTED', detail);
      if (/not open|closed|disconnected/i.test(msg)) return new PrinterError('PRINTER_DISCONNECTED', detail);
      return new PrinterError(phase === 'connect' ? 'PRINTER_OFFLINE' : 'PRINTER_DISCONNECTED', detail);
  }
}

/** The error that matches the first blocking problem in a status reading. */
export function fromProblem(problem: PrinterProblem, detail = ''): PrinterError {
  switch (problem) {
    case 'paper_out':
      return new PrinterError('PRINTER_PAPER_OUT', detail);
    case 'cover_open':
      return new PrinterError('PRINTER_COVER_OPEN', detail);
    case 'error':
      return new PrinterError('PRINTER_ERROR', detail);
    default:
      return new PrinterError('PRINTER_OFFLINE', detail);
  }
}
