import { PrinterError, type PrinterErrorCode } from '../errors';

/** Races a promise against a timer; the timer's error is a PrinterError with the given code. */
export function withTimeout<T>(promise: Promise<T>, ms: number, code: PrinterErrorCode, detail: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new PrinterError(code, detail));
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
