// Raw TCP, port 9100 ("JetDirect"): the usual Ethernet receipt printer link. Two-way, so status is read
// with DLE EOT. One connection is kept open and reused; if the printer closes it or the cable is pulled,
// the pending operation fails with a PrinterError and the next one reconnects.
import net from 'node:net';
import { fromSystemError, PrinterError } from '../errors';
import type { PrinterStatus } from '../escpos/status';
import { ByteReader } from './byte-reader';
import { queryStatus } from './status-query';
import { withTimeout } from './timeout';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TimeoutOptions } from './types';

export interface TcpTransportOptions extends TimeoutOptions {
  host: string;
  port?: number;
}

export function createTcpTransport(options: TcpTransportOptions): PrinterTransport {
  const port = options.port ?? 9100;
  const t = { ...DEFAULT_TIMEOUTS, ...options };
  const where = `tcp ${options.host}:${port}`;
  const reader = new ByteReader();
  let socket: net.Socket | null = null;
  let connecting: Promise<net.Socket> | null = null;
  let closed = false;
  // Operations are serialised: a status query must not interleave with a job's bytes.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = chain.then(op, op);
    chain = run.catch(() => undefined);
    return run;
  };

  const drop = (s: net.Socket, error: Error) => {
    if (socket === s) socket = null;
    reader.fail(error);
    s.destroy();
  };

  function connect(): Promise<net.Socket> {
    if (closed) return Promise.reject(new PrinterError('PRINTER_CLOSED', where));
    if (socket && !socket.destroyed) return Promise.resolve(socket);
    connecting ??= new Promise<net.Socket>((resolve, reject) => {
      const s = net.createConnection({ host: options.host, port });
      s.setNoDelay(true);
      const timer = setTimeout(() => {
        s.destroy();
        reject(new PrinterError('PRINTER_OFFLINE', `${where}: no connection within ${t.connectTimeoutMs} ms`));
      }, t.connectTimeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        reader.reset();
        socket = s;
        s.on('data', (d: Buffer) => reader.push(d));
        s.on('error', (e) => drop(s, fromSystemError(e, 'write', where)));
        s.on('close', () => drop(s, new PrinterError('PRINTER_DISCONNECTED', `${where}: connection closed`)));
        resolve(s);
      });
      s.once('error', (e) => {
        clearTimeout(timer);
        if (socket !== s) reject(fromSystemError(e, 'connect', where));
      });
    }).finally(() => {
      connecting = null;
    });
    return connecting;
  }

  const rawWrite = async (bytes: Uint8Array): Promise<void> => {
    const s = await connect();
    const done = new Promise<void>((resolve, reject) => {
      const onClose = () => reject(new PrinterError('PRINTER_DISCONNECTED', `${where}: connection closed during write`));
      s.once('close', onClose);
      s.write(bytes, (err) => {
        s.off('close', onClose);
        if (err) reject(fromSystemError(err, 'write', where));
        else resolve();
      });
    });
    // A printer that stops reading (offline, buffer full) never completes the write: give up and drop the
    // connection so the next job starts clean.
    return withTimeout(done, t.writeTimeoutMs, 'PRINTER_TIMEOUT', `${where}: write not taken within ${t.writeTimeoutMs} ms`, () =>
      drop(s, new PrinterError('PRINTER_TIMEOUT', where)),
    );
  };

  return {
    kind: 'tcp',
    description: where,
    write: (bytes) => serial(() => rawWrite(bytes)),
    status: (opts?: { quick?: boolean }): Promise<PrinterStatus> => serial(() => queryStatus(rawWrite, reader, t.statusTimeoutMs, opts)),
    close: () =>
      serial(async () => {
        closed = true;
        const s = socket;
        socket = null;
        if (s && !s.destroyed) await new Promise<void>((resolve) => s.end(() => resolve()));
        s?.destroy();
      }),
  };
}
