// Any Node Writable as a (write-only) transport: the in-process virtual printer, a test double, a pipe.
import type { Writable } from 'node:stream';
import { fromSystemError, PrinterError } from '../errors';
import { withTimeout } from './timeout';
import { DEFAULT_TIMEOUTS, type PrinterTransport } from './types';

export function createStreamTransport(stream: Writable, options: { writeTimeoutMs?: number; description?: string } = {}): PrinterTransport {
  const where = options.description ?? 'stream';
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_TIMEOUTS.writeTimeoutMs;
  // A failed write also emits 'error' on the stream; it is reported through the write's promise, so an
  // unhandled 'error' event must not take the process down.
  if (stream.listenerCount('error') === 0) stream.on('error', () => undefined);
  return {
    kind: 'stream',
    description: where,
    write: (bytes) => {
      if (stream.destroyed || !stream.writable) return Promise.reject(new PrinterError('PRINTER_CLOSED', where));
      const done = new Promise<void>((resolve, reject) => {
        stream.write(bytes, (err) => (err ? reject(fromSystemError(err, 'write', where)) : resolve()));
      });
      return withTimeout(done, writeTimeoutMs, 'PRINTER_TIMEOUT', `${where}: write not taken within ${writeTimeoutMs} ms`);
    },
    close: async () => {
      stream.end();
    },
  };
}
