// Answers "did any byte of this job leave?" for one attempt, by watching the job's writes. A write that
// succeeded sent its bytes. A write that failed may have sent part of them (a cable pulled mid-band, a
// stalled printer that took half a band): that counts as sent too, so a retry prints as a copy. Only a
// failure to reach the printer at all (not found, no permission, link closed, nothing answering the
// connect) before any byte went out counts as nothing sent.
import { PrinterError, type PrinterErrorCode } from '../errors';
import type { PrinterTransport } from '../transport/types';

const NEVER_CONNECTED: ReadonlySet<PrinterErrorCode> = new Set(['PRINTER_NOT_FOUND', 'PRINTER_PERMISSION', 'PRINTER_CLOSED', 'PRINTER_OFFLINE']);

export interface TrackedTransport {
  transport: PrinterTransport;
  /** True once any byte of the job may have left. */
  sent(): boolean;
  /** Bytes whose write completed, for the journal. */
  bytesWritten(): number;
}

export function trackSent(inner: PrinterTransport): TrackedTransport {
  let sent = false;
  let written = 0;
  const transport: PrinterTransport = {
    kind: inner.kind,
    description: inner.description,
    write: async (bytes) => {
      try {
        await inner.write(bytes);
        written += bytes.length;
        if (bytes.length > 0) sent = true;
      } catch (e) {
        if (!(e instanceof PrinterError && NEVER_CONNECTED.has(e.code))) sent = true;
        throw e;
      }
    },
    close: () => inner.close(),
  };
  // sendJob watches status only when the transport has `status`; keep it absent on write-only links.
  if (inner.status) {
    const status = inner.status.bind(inner);
    Object.assign(transport, { status });
  }
  return { transport, sent: () => sent, bytesWritten: () => written };
}
