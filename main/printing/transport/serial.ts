// Serial and USB virtual COM printers via serialport 13 (N-API prebuilds shipped in the package, no
// download). The port is given by path: SerialPort.list() is never called, because on Linux it spawns
// udevadm and fails in containers (printing.md §6); the settings screen gets port lists elsewhere.
import { SerialPort } from 'serialport';
import { fromSystemError, PrinterError } from '../errors';
import type { PrinterStatus } from '../escpos/status';
import { ByteReader } from './byte-reader';
import { queryStatus } from './status-query';
import { withTimeout } from './timeout';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TimeoutOptions } from './types';

export interface SerialTransportOptions extends TimeoutOptions {
  path: string;
  /** Most receipt printers ship at 9600 or 19200 (8N1); check the self-test page. */
  baudRate?: number;
  /** Hardware flow control: most serial printers need RTS/CTS or they drop bytes of long images. */
  rtscts?: boolean;
  xon?: boolean;
}

export function createSerialTransport(options: SerialTransportOptions): PrinterTransport {
  const t = { ...DEFAULT_TIMEOUTS, ...options };
  const where = `serial ${options.path}`;
  const reader = new ByteReader();
  let port: SerialPort | null = null;
  let closed = false;
  let wasOpen = false;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = chain.then(op, op);
    chain = run.catch(() => undefined);
    return run;
  };

  const open = async (): Promise<SerialPort> => {
    if (closed) throw new PrinterError('PRINTER_CLOSED', where);
    if (port?.isOpen) return port;
    const p = new SerialPort({
      path: options.path,
      baudRate: options.baudRate ?? 9600,
      rtscts: options.rtscts ?? false,
      xon: options.xon ?? false,
      xoff: options.xon ?? false,
      autoOpen: false,
    });
    const opening = new Promise<void>((resolve, reject) =>
      p.open((err) => {
        if (!err) return resolve();
        const e = fromSystemError(err, 'connect', where);
        // A port that was there a moment ago and is gone now was unplugged, not misconfigured.
        reject(wasOpen && e.code === 'PRINTER_NOT_FOUND' ? new PrinterError('PRINTER_DISCONNECTED', e.detail) : e);
      }),
    );
    await withTimeout(
      opening,
      t.connectTimeoutMs,
      'PRINTER_OFFLINE',
      `${where}: did not open within ${t.connectTimeoutMs} ms`,
    );
    wasOpen = true;
    reader.reset();
    p.on('data', (d: Buffer) => reader.push(d));
    // A USB-serial adapter that is pulled out closes the port with a "disconnected" error.
    p.on('close', () => {
      if (port === p) port = null;
      reader.fail(new PrinterError('PRINTER_DISCONNECTED', `${where}: port closed`));
    });
    p.on('error', (e) => reader.fail(fromSystemError(e, 'write', where)));
    port = p;
    return p;
  };

  const rawWrite = async (bytes: Uint8Array): Promise<void> => {
    const p = await open();
    const done = new Promise<void>((resolve, reject) => {
      p.write(Buffer.from(bytes), (err) => {
        if (err) return reject(fromSystemError(err, 'write', where));
        // drain: wait until the OS has sent it, so a timeout means the printer (flow control) held it.
        p.drain((e) => (e ? reject(fromSystemError(e, 'write', where)) : resolve()));
      });
    });
    return withTimeout(done, t.writeTimeoutMs, 'PRINTER_TIMEOUT', `${where}: write not taken within ${t.writeTimeoutMs} ms`);
  };

  return {
    kind: 'serial',
    description: where,
    write: (bytes) => serial(() => rawWrite(bytes)),
    status: (opts?: { quick?: boolean }): Promise<PrinterStatus> => serial(() => queryStatus(rawWrite, reader, t.statusTimeoutMs, opts)),
    close: () =>
      serial(async () => {
        closed = true;
        const p = port;
        port = null;
        if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
      }),
  };
}
