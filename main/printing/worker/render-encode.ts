// The CPU-heavy half of one print attempt: layout → 1-bit bitmap → ESC/POS bytes. Pure (no database, no
// link), so it runs the same in the print worker thread (./entry.ts) and, as a fallback, in-process.
import type { Receipt } from '../../../preload/contract';
import { isTillError } from '../../errors';
import type { TillSettings } from '../../settings';
import type { MonoImage } from '../escpos/image';
import { encodeImageJob, type EncodedJob } from '../escpos/job';
import type { PrinterProfile } from '../profiles';
import { PrintServiceError } from '../service/errors';
import { renderJobImage, type JobDocument } from '../service/render-job';
import { renderPreview, type PreviewRequest, type ReceiptImage } from './preview';

/** Everything one render needs; plain data (it is structured-cloned to the worker). */
export interface RenderRequest {
  doc: JobDocument;
  receipt: Receipt;
  settings: TillSettings;
  profile: PrinterProfile;
  /** Rows per image band when the printer's status is watched between bands. */
  bandRows?: number;
  /** The shop's own logo, rasterised for the profile's width (service/shop-logo.ts); absent: the built-in one. */
  logo?: MonoImage;
}

/** Turns render requests into encoded jobs (and previews): in this thread (synchronously) or in the print worker. */
export interface JobRenderer {
  readonly mode: 'in-process' | 'worker';
  /** In-process: returns the job itself (no extra tick); worker: a promise. Throws / rejects like renderAndEncode. */
  render(request: RenderRequest): EncodedJob | Promise<EncodedJob>;
  /** The receipt preview, on the same thread as the jobs. Throws / rejects like renderPreview. */
  preview(request: PreviewRequest): ReceiptImage | Promise<ReceiptImage>;
  close(): Promise<void>;
}

/**
 * A failure to draw the document becomes PRINT_RENDER_FAILED (a TillError passes as it is); a failure to
 * encode it (an image wider than the profile) stays the plain error it is, as before the worker existed.
 */
export function renderAndEncode(request: RenderRequest): EncodedJob {
  const { doc, receipt, settings, profile, bandRows, logo } = request;
  let image;
  try {
    image = renderJobImage(doc, receipt, settings, profile.widthDots, logo);
  } catch (e) {
    if (isTillError(e)) throw e;
    throw new PrintServiceError('PRINT_RENDER_FAILED', e instanceof Error ? e.message : String(e));
  }
  return encodeImageJob(image, profile, bandRows !== undefined ? { bandRows } : {});
}

export const inProcessRenderer: JobRenderer = {
  mode: 'in-process',
  render: renderAndEncode,
  preview: renderPreview,
  close: async () => undefined,
};
