// A barcode scanner in serial / USB-CDC mode, read in main: no keyboard focus or layout problems
// (printing.md §8). Opens the configured path (never SerialPort.list(), which spawns udevadm on Linux),
// emits each code, and when the port goes away (cable pulled, adapter unplugged) says so once and keeps
// trying to reopen it with a growing pause, so plugging it back in is all the cashier has to do.
import { SerialPort } from 'serialport';
import { cleanCode, codeLines } from './lines';
import { openError, ScannerError } from './errors';

export interface SerialScannerOptions {
  path: string;
  baudRate: number;
  onScan(code: string): void;
  /** A problem with the port: once per outage and kind (a pulled cable is not reported again as "not found"). */
  onError(error: ScannerError): void;
  /** The port is open (first time and after each reconnect). */
  onConnected?(): void;
  /** Pause before the first reopen, doubling up to `maxMs` (defaults 500 ms and 10 s). */
  backoff?: { initialMs?: number; maxMs?: number };
}

export interface SerialScanner {
  /** Whether the port is open right now. */
  connected(): boolean;
  close(): Promise<void>;
}

export function createSerialScanner(options: SerialScannerOptions): SerialScanner {
  const where = `scanner ${options.path}`;
  const initialMs = options.backoff?.initialMs ?? 500;
  const maxMs = options.backoff?.maxMs ?? 10_000;
  let delay = initialMs;
  let port: SerialPort | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // What the cashier was already told during this outage (cleared once the port is open again).
  const reported = new Set<ScannerError['code']>();

  const report = (error: ScannerError) => {
    if (reported.has(error.code)) return;
    // A pulled cable makes every reopen fail with "not found": that is the same outage, already explained.
    if (error.code === 'SCANNER_NOT_FOUND' && reported.has('SCANNER_DISCONNECTED')) return;
    reported.add(error.code);
    try {
      options.onError(error);
    } catch {
      // The listener's own failure must not stop reconnecting.
    }
  };

  const retryLater = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      open();
    }, delay);
    delay = Math.min(maxMs, delay * 2);
  };

  function open(): void {
    if (closed) return;
    const p = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
    p.open((err) => {
      if (closed) {
        if (!err) p.close();
        return;
      }
      if (err) {
        report(openError(err, where));
        retryLater();
        return;
      }
      port = p;
      delay = initialMs;
      reported.clear();
      const { input, output } = codeLines();
      // end: false — when the port goes away, a half-received code must not be flushed out as a scan.
      p.pipe(input, { end: false });
      output.on('data', (line: string) => {
        const code = cleanCode(line);
        if (code) options.onScan(code);
      });
      p.on('error', () => undefined); // followed by 'close'; reported there
      p.on('close', (e: Error | null) => {
        if (port === p) port = null;
        p.unpipe(input);
        if (closed) return;
        report(new ScannerError('SCANNER_DISCONNECTED', `${where}: ${e?.message ?? 'port closed'}`));
        retryLater();
      });
      options.onConnected?.();
    });
  }

  open();
  return {
    connected: () => port?.isOpen ?? false,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const p = port;
      port = null;
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    },
  };
}
