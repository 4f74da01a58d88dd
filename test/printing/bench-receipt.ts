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
  /** What the same job took before bands were trimmed to their ink: every row at the full paper width. */
  bytesFullWidth: number;
  /** Share of the image's rows with no dot at all (sent one byte wide). */
  blankRowShare: number;
  /**
   * Time on the wire for `bytes`: serial at 8N1 (10 bits a byte) measured by arithmetic, not a device; USB full
   * speed and 100 Mbit TCP are estimates (a printer's own buffer and print speed dominate there).
   */
  transferSeconds: { serial9600: number; serial38400: number; serial115200: number; usbFullSpeedEstimate: number; tcp100MbitEstimate: number };
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
  const rowBytes = Math.ceil(image.width / 8);
  let blankRows = 0;
  for (let y = 0; y < image.height; y++) if (image.data.subarray(y * rowBytes, (y + 1) * rowBytes).every((b) => b === 0)) blankRows++;
  const fullWidthBands = Math.ceil(image.height / 255);
  const bytesFullWidth = bytes - bandBytes(encodeImageJob(image, profile, { drawer: true }).chunks) + rowBytes * image.height + 8 * fullWidthBands;
  const seconds = (bitsPerSecond: number, bitsPerByte = 10) => Math.round(((bytes * bitsPerByte) / bitsPerSecond) * 1000) / 1000;
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
    bytesFullWidth,
    blankRowShare: Math.round((blankRows / image.height) * 1000) / 1000,
    transferSeconds: {
      serial9600: seconds(9600),
      serial38400: seconds(38400),
      serial115200: seconds(115200),
      // USB full speed: 12 Mbit/s raw, about 1 MB/s of bulk payload in practice.
      usbFullSpeedEstimate: seconds(8_000_000, 8),
      tcp100MbitEstimate: seconds(100_000_000, 8),
    },
    firstRunMs: Math.round(firstRunMs * 10) / 10,
  };
}

/** Bytes of the GS v 0 bands in a job (the commands around them are the same either way). */
function bandBytes(chunks: readonly Uint8Array[]): number {
  return chunks.filter((c) => c[0] === 0x1d && c[1] === 0x76 && c[2] === 0x30).reduce((n, c) => n + c.length, 0);
}
