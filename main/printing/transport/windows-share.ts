// Windows USB printers through the spooler, with no native module: the printer is shared with the
// "Generic / Text Only" driver, and each job is written as a file to its share path (\\host\share), which
// the spooler passes through RAW (mike42/escpos-php WindowsPrintConnector). Write-only, no status. Admin
// setup is described in README.md beside this file.
import fs from 'node:fs';
import { fromSystemError, PrinterError } from '../errors';
import { withTimeout } from './timeout';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TimeoutOptions } from './types';

export interface WindowsShareTransportOptions extends Pick<TimeoutOptions, 'writeTimeoutMs'> {
  /** UNC path of the shared printer, e.g. \\localhost\NuqtaReceipt or \\SHOP-PC\Receipt. */
  path: string;
}

/** `\\host\share`, nothing after the share name. */
export const isPrinterSharePath = (p: string): boolean => /^\\\\[^\\/]+\\[^\\/]+\\?$/.test(p);

export function createWindowsShareTransport(options: WindowsShareTransportOptions): PrinterTransport {
  const where = `share ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_TIMEOUTS.writeTimeoutMs;
  let closed = false;
  return {
    kind: 'windows-share',
    description: where,
    write: (bytes) => {
      if (closed) return Promise.reject(new PrinterError('PRINTER_CLOSED', where));
      // One write = one spool job, so callers send a whole receipt in one write (sendJob does).
      // Flag 'w': a share is opened for writing; Windows hands the bytes to the spooler on close.
      const job = fs.promises.writeFile(options.path, bytes, { flag: 'w' }).catch((e: unknown) => {
        throw fromSystemError(e, 'connect', where);
      });
      return withTimeout(job, writeTimeoutMs, 'PRINTER_TIMEOUT', `${where}: spooler did not take the job within ${writeTimeoutMs} ms`);
    },
    close: async () => {
      closed = true;
    },
  };
}
