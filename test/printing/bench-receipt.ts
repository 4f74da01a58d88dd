// Bench helper for `npm run bench`: renders and encodes a 40-line Arabic receipt N times and reports
// timings and the bytes a print sends. Layout is timed with rendering (both run per print). Figures are
// reported, never asserted. Bundling note: @napi-rs/canvas must stay external (it loads a .node file).
import { summarise, type Summary } from '../bench/stats';
import { encodeImageJob } from '../../main/printing/escpos';
import { layoutReceipt } from '../../main/printing/layout';
import { bandRowsForStatus, profileByName } from '../../main/printing/profiles';
import { renderBlocks } from '../../main/printing/render';
import { ADDRESS, longArabicReceipt } from './fixtures';

export interface ReceiptBench {
  runs: number;
  lines: number;
  widthDots: number;
  imageHeight: number;
  /** Layout + render to the 1-bit bitmap, per receipt (ms). */
  renderMs: Summary;
  /** ESC/POS encoding (GS v 0 bands + cut + drawer), per receipt (ms). */
  encodeMs: Summary;
  totalMs: Summary;
  /** Bytes of one job with 255-row bands (write-only links). */
  bytes: number;
  /** Bytes of one job with bands sized for status watching (TCP / serial). */
  bytesWatched: number;
  /** The first run, which pays for font registration and the canvas warm-up. */
  firstRunMs: number;
}

export function benchReceipt(runs = 20, options: { lines?: number; widthDots?: 576 | 384 } = {}): ReceiptBench {
  const lines = options.lines ?? 40;
  const widthDots = options.widthDots ?? 576;
  const profile = profileByName(widthDots === 576 ? 'epson-tm-t88' : 'generic-58');
  const receipt = longArabicReceipt(lines);
  const render: number[] = [];
  const encode: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  let height = 0;
  let firstRunMs = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const image = renderBlocks(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original' }), { width: widthDots });
    const t1 = performance.now();
    const job = encodeImageJob(image, profile, { drawer: true });
    const t2 = performance.now();
    if (i === 0) {
      firstRunMs = t2 - t0; // warm-up run, not in the figures
      continue;
    }
    render.push(t1 - t0);
    encode.push(t2 - t1);
    total.push(t2 - t0);
    bytes = job.byteLength;
    height = image.height;
  }
  const image = renderBlocks(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original' }), { width: widthDots });
  const bytesWatched = encodeImageJob(image, profile, { drawer: true, bandRows: bandRowsForStatus(profile) }).byteLength;
  return {
    runs,
    lines,
    widthDots,
    imageHeight: height,
    renderMs: summarise(render),
    encodeMs: summarise(encode),
    totalMs: summarise(total),
    bytes,
    bytesWatched,
    firstRunMs: Math.round(firstRunMs * 10) / 10,
  };
}
