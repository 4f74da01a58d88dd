// One attempt at one job, away from the database: render the document and encode it for the printer's
// profile (in the print worker thread, or in-process: see ../worker/client.ts), send it while watching the printer's status (where it can answer), and report what happened,
// including whether any byte may have reached the printer.
import type { ErrorData, Receipt } from '../../../preload/contract';
import { errorData, isDiskFull, isTillError } from '../../errors';
import type { TillSettings } from '../../settings';
import type { MonoImage } from '../escpos/image';
import type { EncodedJob } from '../escpos/job';
import type { PrinterStatus as EscPosStatus } from '../escpos/status';
import { isPrinterError } from '../errors';
import { sendJob } from '../print-job';
import { bandRowsForStatus } from '../profiles';
import { PrintServiceError, printServiceErrorData } from './errors';
import type { PrinterLink } from './link';
import { inProcessRenderer, type JobRenderer, type RenderRequest } from '../worker/render-encode';
import type { JobDocument } from './render-job';
import { trackSent } from './sent-tracker';

export type AttemptResult =
  | { ok: true; bytes: number; status: EscPosStatus | null }
  | { ok: false; error: unknown; sent: boolean; bytes: number };

export function errorDataOf(e: unknown): ErrorData {
  if (isPrinterError(e) || isTillError(e)) return e.toData();
  if (isDiskFull(e)) return errorData('DISK_FULL');
  return printServiceErrorData('PRINT_RENDER_FAILED');
}

/** For the journal only: the underlying cause (socket code, device path); never shown to the cashier. */
export function detailOf(e: unknown): string {
  if (isPrinterError(e)) return e.detail;
  if (isTillError(e)) return e.detail ?? '';
  return e instanceof Error ? e.message : String(e);
}

export async function attemptJob(
  doc: JobDocument,
  link: () => PrinterLink,
  receipt: () => Receipt,
  settings: TillSettings,
  renderer: JobRenderer = inProcessRenderer,
  /** The shop's logo for a width (never rejects; undefined: the built-in one). */
  logo: (widthDots: number) => Promise<MonoImage | undefined> | undefined = () => undefined,
): Promise<AttemptResult> {
  let tracked: ReturnType<typeof trackSent> | null = null;
  try {
    const l = link();
    let stored: Receipt;
    try {
      stored = receipt();
    } catch (e) {
      if (isTillError(e)) throw e;
      throw new PrintServiceError('PRINT_RENDER_FAILED', e instanceof Error ? e.message : String(e));
    }
    // Watching status, each image band must fit the printer's receive buffer (see profiles.ts).
    const watch = l.readsStatus;
    // The shop's own logo (receipts only); without one, nothing is awaited.
    const pendingLogo = doc.kind === 'receipt' ? logo(l.profile.widthDots) : undefined;
    const shopLogo = pendingLogo ? await pendingLogo : undefined;
    const request: RenderRequest = {
      doc,
      receipt: stored,
      settings,
      profile: l.profile,
      ...(watch ? { bandRows: bandRowsForStatus(l.profile) } : {}),
      ...(shopLogo ? { logo: shopLogo } : {}),
    };
    // Render + encode (PRINT_RENDER_FAILED if the document cannot be drawn). In-process it is synchronous.
    const rendered = renderer.render(request);
    const job: EncodedJob = rendered instanceof Promise ? await rendered : rendered;
    tracked = trackSent(l.transport);
    const result = await sendJob(tracked.transport, job, { watch });
    return { ok: true, bytes: result.bytesSent, status: result.status };
  } catch (error) {
    return { ok: false, error, sent: tracked?.sent() ?? false, bytes: tracked?.bytesWritten() ?? 0 };
  }
}
