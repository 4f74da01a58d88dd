// Sends an encoded job and watches the printer while it prints. On a two-way link the status is read
// before the first byte (do not start a receipt on an empty roll), between image bands (the roll ran out
// or the cover was opened mid-receipt) and at the end; any blocking problem stops the job with a clear
// PrinterError. Write-only links get the whole job in one write.
import { blockingProblems, type PrinterProblem, type PrinterStatus } from './escpos/status';
import type { EncodedJob } from './escpos/job';
import { fromProblem, PrinterError } from './errors';
import type { PrinterTransport } from './transport/types';

export interface SendResult {
  bytesSent: number;
  /** The status after the job, when the transport can read it. */
  status: PrinterStatus | null;
  /** Non-blocking problems to show (paper near end). */
  warnings: PrinterProblem[];
}

export interface SendOptions {
  /** Read status between chunks (default: when the transport can). */
  watch?: boolean;
}

async function check(transport: PrinterTransport, sent: number, total: number, quick = false): Promise<PrinterStatus> {
  const status = await transport.status!({ quick });
  const problems = blockingProblems(status);
  if (problems.length > 0) throw fromProblem(problems[0]!, `${transport.description}: ${problems.join(', ')} after ${sent} of ${total} bytes`);
  return status;
}

export async function sendJob(transport: PrinterTransport, job: EncodedJob | readonly Uint8Array[], options: SendOptions = {}): Promise<SendResult> {
  const chunks = Array.isArray(job) ? (job as readonly Uint8Array[]) : (job as EncodedJob).chunks;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const watch = (options.watch ?? true) && transport.status !== undefined;

  if (!watch) {
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    await transport.write(all);
    return { bytesSent: total, status: null, warnings: [] };
  }

  let sent = 0;
  await check(transport, sent, total);
  for (const chunk of chunks) {
    await transport.write(chunk);
    sent += chunk.length;
    await check(transport, sent, total, true);
  }
  const status = await check(transport, sent, total);
  return { bytesSent: sent, status, warnings: status.paperNearEnd ? ['paper_near_end'] : [] };
}

export { PrinterError };
