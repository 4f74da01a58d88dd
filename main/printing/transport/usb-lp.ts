// Linux USB printer class: the kernel's usblp driver exposes the printer as /dev/usb/lpN, written like a
// file. Write-only here (no status). The user running the till must be in group `lp`. The device is
// opened per write and closed again, so a printer that was unplugged and plugged back in just works.
import fs from 'node:fs';
import { fromSystemError, PrinterError } from '../errors';
import { withTimeout } from './timeout';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TimeoutOptions } from './types';

export interface UsbLpTransportOptions extends Pick<TimeoutOptions, 'writeTimeoutMs'> {
  /** e.g. /dev/usb/lp0 */
  path: string;
}

export function createUsbLpTransport(options: UsbLpTransportOptions): PrinterTransport {
  const where = `usb ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_TIMEOUTS.writeTimeoutMs;
  let closed = false;

  const writeAll = async (bytes: Uint8Array): Promise<void> => {
    let handle: fs.promises.FileHandle;
    try {
      // O_WRONLY without O_CREAT/O_TRUNC: the device must exist; we never create a plain file by mistake.
      handle = await fs.promises.open(options.path, fs.constants.O_WRONLY);
    } catch (e) {
      throw fromSystemError(e, 'connect', where);
    }
    try {
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
        at += bytesWritten;
      }
    } catch (e) {
      throw fromSystemError(e, 'write', where);
    } finally {
      await handle.close().catch(() => undefined);
    }
  };

  return {
    kind: 'usb-lp',
    description: where,
    write: (bytes) => {
      if (closed) return Promise.reject(new PrinterError('PRINTER_CLOSED', where));
      // usblp blocks a write while the printer is offline; the timeout reports it (the blocked write
      // itself finishes or fails later in the thread pool).
      return withTimeout(writeAll(bytes), writeTimeoutMs, 'PRINTER_TIMEOUT', `${where}: write not taken within ${writeTimeoutMs} ms`);
    },
    close: async () => {
      closed = true;
    },
  };
}
