// Asks DLE EOT 1, 2, 3 and 4 in turn (or just 1 for a quick check) and decodes the answers. Stray bytes that cannot be status answers
// are skipped; an answer that never comes is a timeout (a printer that is powered and connected answers
// real-time requests even when offline, so silence means the link or the printer is gone).
import { decodeStatus, isStatusByte, statusRequest, type PrinterStatus, type StatusBytes, type StatusKind } from '../escpos/status';
import type { ByteReader } from './byte-reader';

export async function queryStatus(
  send: (bytes: Uint8Array) => Promise<void>,
  reader: ByteReader,
  timeoutMs: number,
  options: { quick?: boolean } = {},
): Promise<PrinterStatus> {
  const bytes: StatusBytes = {};
  const ask = async (n: StatusKind) => {
    reader.clear();
    await send(statusRequest(n));
    let b = await reader.next(timeoutMs, `DLE EOT ${n}`);
    for (let skipped = 0; !isStatusByte(b) && skipped < 16; skipped++) b = await reader.next(timeoutMs, `DLE EOT ${n}`);
    if (n === 1) bytes.printer = b;
    else if (n === 2) bytes.offlineCause = b;
    else if (n === 3) bytes.errorCause = b;
    else bytes.paper = b;
  };
  await ask(1);
  // Quick check (between image bands): one byte, and the causes only when the printer says it is offline.
  if (!options.quick || (bytes.printer! & 0x08) !== 0) for (const n of [2, 3, 4] as const) await ask(n);
  return decodeStatus(bytes);
}
