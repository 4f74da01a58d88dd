// The on-screen receipt preview: one document rendered exactly as the printer gets it, as a 1-bit PNG data
// URL. Pure, like renderAndEncode, so the print worker (./entry.ts) and the in-process fallback run this one
// function: the two paths cannot drift apart, and the preview keeps its pixels whichever thread drew it.
// The whole data URL is built here, so the till's event loop only receives a string (tens of KB).
import type { Receipt } from '../../../preload/contract';
import type { TillSettings } from '../../settings';
import type { MonoImage } from '../escpos/image';
import { renderJobImage, type JobDocument } from '../service/render-job';

/** Everything one preview needs; plain data (it is structured-cloned to the worker). */
export interface PreviewRequest {
  doc: JobDocument;
  receipt: Receipt;
  settings: TillSettings;
  widthDots: number;
  /** The shop's own logo at this width, as the printer gets it; absent: the built-in one. */
  logo?: MonoImage;
}

export interface ReceiptImage {
  /** data:image/png;base64,… (1-bit, the exact pixels the printer gets). */
  png: string;
  widthDots: number;
  heightDots: number;
}

/** Throws what renderJobImage throws, unchanged (the preview never wrapped its errors). */
export function renderPreview({ doc, receipt, settings, widthDots, logo }: PreviewRequest): ReceiptImage {
  const image = renderJobImage(doc, receipt, settings, widthDots, logo);
  return { png: `data:image/png;base64,${image.toPng().toString('base64')}`, widthDots: image.width, heightDots: image.height };
}
