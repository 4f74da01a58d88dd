// Bench helper for `npm run bench`: renders and encodes a 40-line Arabic receipt N times and reports timings and
// the bytes a print sends, with the time those bytes take on each kind of link. Layout is timed with rendering
// (both run per print). Figures are reported, never asserted. Bundling note: @napi-rs/canvas must stay external
// (it loads a .node file).
import { summarise, type Summary } from '../bench/stats';
import { encodeImageJob } from '../../main/printing/escpos';
import { layoutReceipt } from '../../main/printing/layout';
import { bandRowsForStatus, profileByName, type PrinterProfile } from '../../main/printing/profiles';
import { renderBlocks } from '../../main/printing/render';
import { ADDRESS, longArabicReceipt, variedArabicReceipt } from './fixtures';

/** Seconds on the wire for a job, per link. */
export interface TransferSeconds {
  /** Serial at 8N1 (start + 8 data + stop = 10 bits a byte): arithmetic, exact for the line itself. */
  serial9600: number;
  serial38400: number;
  serial115200: number;
  /** Estimates: USB full speed (12 Mbit/s raw, about 1 MB/s of bulk payload) and 100 Mbit TCP, where the printer's own buffer and print speed dominate. */
  usbFullSpeedEstimate: number;
  tcp100MbitEstimate: number;
}

export interface ReceiptBench {
  runs: number;
  lines: number;
  widthDots: number;
  profile: string;
  imageHeight: number;
  /** Layout + render to the 1-bit bitmap, per receipt (ms). */
  renderMs: Summary;
  /** ESC/POS encoding (bands, feeds, cut, drawer), per receipt (ms). */
  encodeMs: Summary;
  /** Render + encode, per receipt (ms), the same receipt every time (a reprint): everything it draws is kept. */
  totalMs: Summary;
  /**
   * Render + encode, per receipt (ms), a different receipt each time (variedArabicReceipt: 2,000 product names,
   * prices, numbers and times drawn): the figure issue 13 sets at p99 ≤ 20 ms.
   */
  totalMsVaried: Summary;
  /** Bytes of one job with 255-row bands (write-only links). */
  bytes: number;
  /** Bytes of one job with bands sized for status watching (TCP / serial). */
  bytesWatched: number;
  /** The same job as first shipped: every row a full-width GS v 0 row. */
  bytesFullWidth: number;
  /** The same job on a profile without GS L and ESC J: bands from the left edge, blank rows one byte wide. */
  bytesWithoutMarginOrFeed: number;
  /** Share of the image's rows with no dot at all (fed, not sent). */
  blankRowShare: number;
  transferSeconds: TransferSeconds;
  transferSecondsFullWidth: TransferSeconds;
  /** The first run, which pays for font registration and the canvas warm-up. */
  firstRunMs: number;
}

const seconds = (bytes: number, bitsPerSecond: number, bitsPerByte = 10) => Math.round(((bytes * bitsPerByte) / bitsPerSecond) * 1000) / 1000;

export function transferSeconds(bytes: number): TransferSeconds {
  return {
    serial9600: seconds(bytes, 9600),
    serial38400: seconds(bytes, 38400),
    serial115200: seconds(bytes, 115200),
    usbFullSpeedEstimate: seconds(bytes, 8_000_000, 8),
    tcp100MbitEstimate: seconds(bytes, 100_000_000, 8),
  };
}

export function benchReceipt(runs = 20, options: { lines?: number; widthDots?: 576 | 384; profile?: string } = {}): ReceiptBench {
  const lines = options.lines ?? 40;
  const widthDots = options.widthDots ?? 576;
  const profile = profileByName(options.profile ?? (widthDots === 576 ? 'epson-tm-t88' : 'generic-58'));
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
  const varied: number[] = [];
  for (let i = 0; i < runs; i++) {
    const other = variedArabicReceipt(i, lines);
    const t0 = performance.now();
    encodeImageJob(renderBlocks(layoutReceipt({ receipt: other, address: ADDRESS, cashierName: 'أحمد', copy: 'original' }), { width: widthDots }), profile, { drawer: true });
    varied.push(performance.now() - t0);
  }
  const image = renderBlocks(layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original' }), { width: widthDots });
  const bytesWatched = encodeImageJob(image, profile, { drawer: true, bandRows: bandRowsForStatus(profile) }).byteLength;
  const plain: PrinterProfile = { ...profile, leftMargin: false, feedDpi: null };
  const bytesWithoutMarginOrFeed = encodeImageJob(image, plain, { drawer: true }).byteLength;
  const rowBytes = Math.ceil(image.width / 8);
  let blankRows = 0;
  for (let y = 0; y < image.height; y++) if (image.data.subarray(y * rowBytes, (y + 1) * rowBytes).every((b) => b === 0)) blankRows++;
  // INIT, the cut and the drawer pulse are the same either way; the image was ⌈rows / 255⌉ full-width bands.
  const imageBytes = encodeImageJob(image, profile, { drawer: true }).chunks.slice(1, -2).reduce((n, c) => n + c.length, 0);
  const bytesFullWidth = bytes - imageBytes + rowBytes * image.height + 8 * Math.ceil(image.height / 255);
  return {
    runs,
    lines,
    widthDots,
    profile: profile.id,
    imageHeight: height,
    renderMs: summarise(render),
    encodeMs: summarise(encode),
    totalMs: summarise(total),
    totalMsVaried: summarise(varied),
    bytes,
    bytesWatched,
    bytesFullWidth,
    bytesWithoutMarginOrFeed,
    blankRowShare: Math.round((blankRows / image.height) * 1000) / 1000,
    transferSeconds: transferSeconds(bytes),
    transferSecondsFullWidth: transferSeconds(bytesFullWidth),
    firstRunMs: Math.round(firstRunMs * 10) / 10,
  };
}
