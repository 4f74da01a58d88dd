// GS v 0: the raster bit image, sent so that the paper gets exactly the rendered rows at the fewest bytes.
//
// A receipt is about a quarter blank rows (the gaps between lines, the margins around the logo and the QR), and
// most inked rows leave paper white on one side or both: an Arabic line sits at the right edge, an amount at the
// left, a title in the middle. So:
// - a run of blank rows is paper feed (ESC J, after GS P 0 dpi makes one vertical motion unit one dot row: the
//   models' defaults differ, Epson's is half a dot), or, on a model whose feed units we do not know, a band one
//   byte wide (GS v 0 advances one dot row per row, whatever its width);
// - each band of inked rows is sent only from its leftmost to its rightmost inked byte, placed with GS L (left
//   margin, in horizontal motion units, which are the dot pitch by default on Epson and in the clones' manuals;
//   GS v 0 prints from the left margin). Without GS L a band starts at the paper's left edge and is only trimmed
//   on the right.
// Where bands start and end is chosen by a small dynamic programme over the rows of each inked run (a band costs
// its header plus rows × width), so a line whose ascenders reach further than its body still goes as one band
// when that is cheaper. Bands never mix blank and inked rows and never exceed `bandRows` rows, so a status-watched
// job (profiles.ts bandRowsForStatus) still fits the receive buffer band by band; the commands are then packed into
// chunks no larger than one full-width band, which is where the sender reads the status.
import { ESC, GS } from './commands';
import { rowBytesOf, type MonoImage } from './image';

export const MAX_BAND_ROWS = 255;
/** Bytes a band may carry besides its data: GS v 0's 8-byte header and a GS L before it. */
export const BAND_OVERHEAD = 12;

export interface RasterOptions {
  /** Most rows per GS v 0 band (default 255). */
  bandRows?: number;
  /** Place narrowed bands with GS L (left margin, 1 horizontal motion unit = 1 dot). */
  leftMargin?: boolean;
  /** Feed blank rows with ESC J after GS P 0 `feedDpi` (vertical dots per inch); absent: one-byte-wide bands. */
  feedDpi?: number | null;
}

/** GS L nL nH: left margin of n horizontal motion units. */
export function leftMarginCommand(dots: number): Uint8Array {
  return Uint8Array.of(GS, 0x4c, dots & 0xff, (dots >> 8) & 0xff);
}

/** GS P x y: motion units 1/x and 1/y inch; 0 = the model's default. */
export function motionUnits(x: number, y: number): Uint8Array {
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || x > 255 || y < 0 || y > 255) throw new RangeError('motion units must be 0-255');
  return Uint8Array.of(GS, 0x50, x, y);
}

/** ESC J n: feed n vertical motion units. */
export function feedUnits(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError('feed must be 0-255 units');
  return Uint8Array.of(ESC, 0x4a, n);
}

function bandCommand(data: Uint8Array, rowBytes: number, top: number, rows: number, first: number, width: number): Uint8Array {
  const out = new Uint8Array(8 + width * rows);
  out[0] = GS;
  out[1] = 0x76;
  out[2] = 0x30;
  out[3] = 0;
  out[4] = width & 0xff;
  out[5] = width >> 8;
  out[6] = rows & 0xff;
  out[7] = rows >> 8;
  for (let r = 0; r < rows; r++) {
    const from = (top + r) * rowBytes + first;
    out.set(data.subarray(from, from + width), 8 + r * width);
  }
  return out;
}

interface Band {
  top: number;
  rows: number;
  /** First byte sent of each row, and how many. */
  first: number;
  width: number;
}

/**
 * Splits the inked rows [start, end) into bands of at most `maxRows` rows minimising header + rows × width.
 * `lo`/`hi` hold each row's first and last inked byte.
 */
function planInkedRun(lo: Int32Array, hi: Int32Array, start: number, end: number, maxRows: number, header: number, out: Band[]): void {
  // best[s]: fewest bytes for rows [start + s, end); to[s]: where the first band of that plan ends. Ties go to the
  // longer band, so an image that is inked edge to edge goes in full bands from the top.
  const n = end - start;
  const best = new Float64Array(n + 1);
  const to = new Int32Array(n + 1);
  for (let s = n - 1; s >= 0; s--) {
    let l = lo[start + s]!;
    let h = hi[start + s]!;
    let bestCost = Infinity;
    let bestTo = s + 1;
    const stop = Math.min(n, s + maxRows);
    for (let e = s + 1; e <= stop; e++) {
      const y = start + e - 1;
      if (lo[y]! < l) l = lo[y]!;
      if (hi[y]! > h) h = hi[y]!;
      const cost = header + (h - l + 1) * (e - s) + best[e]!;
      if (cost <= bestCost) {
        bestCost = cost;
        bestTo = e;
      }
    }
    best[s] = bestCost;
    to[s] = bestTo;
  }
  for (let s = 0; s < n; s = to[s]!) {
    const e = to[s]!;
    let l = lo[start + s]!;
    let h = hi[start + s]!;
    for (let y = start + s + 1; y < start + e; y++) {
      if (lo[y]! < l) l = lo[y]!;
      if (hi[y]! > h) h = hi[y]!;
    }
    out.push({ top: start + s, rows: e - s, first: l, width: h - l + 1 });
  }
}

/** Packs commands into chunks of at most `limit` bytes (a command is never split). */
function pack(commands: readonly Uint8Array[], limit: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (group.length === 0) return;
    if (group.length === 1) chunks.push(group[0]!);
    else {
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of group) {
        out.set(c, at);
        at += c.length;
      }
      chunks.push(out);
    }
    group = [];
    size = 0;
  };
  for (const c of commands) {
    if (size + c.length > limit) flush();
    group.push(c);
    size += c.length;
  }
  flush();
  return chunks;
}

/** The image as GS v 0 bands, blank rows as feed (see the top of this file); returned as chunks for the sender. */
export function rasterBands(image: MonoImage, options: RasterOptions = {}): Uint8Array[] {
  const bandRows = options.bandRows ?? MAX_BAND_ROWS;
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 0xffff) throw new RangeError('band must be 1-65535 rows');
  const rowBytes = rowBytesOf(image.width);
  if (rowBytes > 0xffff) throw new RangeError('image too wide');
  const { data, height } = image;
  if (data.length < rowBytes * height) throw new RangeError('image data is shorter than width × height');
  const leftMargin = options.leftMargin ?? false;
  const feedDpi = options.feedDpi ?? null;
  if (feedDpi !== null && (!Number.isInteger(feedDpi) || feedDpi < 1 || feedDpi > 255)) throw new RangeError('feed dpi must be 1-255');

  // First and last inked byte of each row (-1: blank). Whole 32-bit words are skipped while they are zero.
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  const words = rowBytes % 4 === 0 && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, (rowBytes * height) >> 2) : null;
  for (let y = 0; y < height; y++) {
    const start = y * rowBytes;
    let a = 0;
    if (words) {
      const w0 = start >> 2;
      const wn = rowBytes >> 2;
      while (a < wn && words[w0 + a] === 0) a++;
      a <<= 2;
    }
    while (a < rowBytes && data[start + a] === 0) a++;
    if (a === rowBytes) {
      lo[y] = -1;
      hi[y] = -1;
      continue;
    }
    let b = rowBytes - 1;
    while (data[start + b] === 0) b--;
    lo[y] = leftMargin ? a : 0;
    hi[y] = b;
  }

  const commands: Uint8Array[] = [];
  let margin = 0;
  let unitsSet = false;
  const header = 8 + (leftMargin ? 4 : 0);
  const bands: Band[] = [];
  for (let top = 0; top < height; ) {
    let end = top + 1;
    const blank = lo[top] === -1;
    while (end < height && (lo[end] === -1) === blank) end++;
    if (blank) {
      let left = end - top;
      if (feedDpi !== null) {
        if (!unitsSet) {
          commands.push(motionUnits(0, feedDpi));
          unitsSet = true;
        }
        for (; left > 0; left -= Math.min(left, 255)) commands.push(feedUnits(Math.min(left, 255)));
      } else {
        for (let y = top; left > 0; ) {
          const rows = Math.min(left, bandRows);
          commands.push(bandCommand(data, rowBytes, y, rows, 0, 1));
          y += rows;
          left -= rows;
        }
      }
    } else {
      bands.length = 0;
      planInkedRun(lo, hi, top, end, bandRows, header, bands);
      for (const b of bands) {
        const dots = b.first * 8;
        if (dots !== margin) {
          commands.push(leftMarginCommand(dots));
          margin = dots;
        }
        commands.push(bandCommand(data, rowBytes, b.top, b.rows, b.first, b.width));
      }
    }
    top = end;
  }
  // Leave the printer as ESC @ set it, for whatever follows the image (feed, cut).
  if (margin !== 0) commands.push(leftMarginCommand(0));
  if (unitsSet) commands.push(motionUnits(0, 0));
  return pack(commands, bandRows * rowBytes + BAND_OVERHEAD);
}
