// The in-process virtual printer as a two-way transport: bytes go straight into the simulator and its
// DLE EOT answers come back through the same ByteReader the TCP and serial transports use. So the demo and
// training till "print" real ESC/POS (receipts become images) and can show paper-out or cover-open exactly
// as a real printer would, status checks between bands included.
import { PrinterError } from '../errors';
import type { PrinterStatus } from '../escpos/status';
import { ByteReader } from '../transport/byte-reader';
import { queryStatus } from '../transport/status-query';
import { DEFAULT_TIMEOUTS, type PrinterTransport } from '../transport/types';
import type { VirtualPrinterDevice } from './types';

export function createSimTransport(sim: VirtualPrinterDevice, options: { statusTimeoutMs?: number } = {}): PrinterTransport {
  const where = 'simulator';
  const statusTimeoutMs = options.statusTimeoutMs ?? DEFAULT_TIMEOUTS.statusTimeoutMs;
  const reader = new ByteReader();
  const reply = (bytes: Uint8Array) => reader.push(bytes);
  let closed = false;
  // Same rule as the real links: a status query never interleaves with a job's bytes.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = chain.then(op, op);
    chain = run.catch(() => undefined);
    return run;
  };
  const rawWrite = async (bytes: Uint8Array): Promise<void> => {
    if (closed) throw new PrinterError('PRINTER_CLOSED', where);
    sim.feed(bytes, reply);
  };
  return {
    kind: 'stream',
    description: where,
    write: (bytes) => serial(() => rawWrite(bytes)),
    status: (opts?: { quick?: boolean }): Promise<PrinterStatus> => serial(() => queryStatus(rawWrite, reader, statusTimeoutMs, opts)),
    close: async () => {
      closed = true;
      reader.fail(new PrinterError('PRINTER_CLOSED', where));
    },
  };
}
