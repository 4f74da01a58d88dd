// GS v 0: the raster bit image. Rows are sent as they are stored (MSB = leftmost dot). Printers buffer a whole
// band before printing it, and many cap a band at 255 rows (yH = 0), so long receipts go in bands.
//
// A receipt is about a third blank rows (the gaps between lines, the margins around the logo and the QR) and
// much of the rest leaves the right side of the paper white. Each band is only as wide as its rightmost dot, and
// a run of blank rows goes as a band one byte wide: the same rows on paper — GS v 0 prints from the left margin
// and advances one dot row per row, whatever the width — at a fraction of the bytes. No motion-unit command is
// needed (ESC J and GS L count in units that differ between printer models; rows do not), so the geometry is
// exactly the rendered image's on every printer that takes GS v 0. A 40-line Arabic receipt went from 196 KB
// to the figure in the bench (`receipt40LinesArabic80mm.bytes`).
import { GS } from './commands';
import { rowBytesOf, type MonoImage } from './image';

export const MAX_BAND_ROWS = 255;

/** Bytes of row `y` up to and including its last one with a dot (0: a blank row). */
function inkedBytes(data: Uint8Array, rowBytes: number, y: number): number {
  const start = y * rowBytes;
  for (let b = rowBytes - 1; b >= 0; b--) if (data[start + b] !== 0) return b + 1;
  return 0;
}

function band(data: Uint8Array, rowBytes: number, top: number, rows: number, width: number): Uint8Array {
  const out = new Uint8Array(8 + width * rows);
  out.set([GS, 0x76, 0x30, 0x00, width & 0xff, width >> 8, rows & 0xff, rows >> 8]);
  for (let r = 0; r < rows; r++) out.set(data.subarray((top + r) * rowBytes, (top + r) * rowBytes + width), 8 + r * width);
  return out;
}

/**
 * `GS v 0` bands of at most `bandRows` rows: a band never mixes blank rows with inked ones (blank runs go one byte
 * wide), and each inked band is as wide as its widest row's ink.
 */
export function rasterBands(image: MonoImage, bandRows = MAX_BAND_ROWS): Uint8Array[] {
  if (bandRows < 1 || bandRows > 0xffff) throw new RangeError('band must be 1-65535 rows');
  const rowBytes = rowBytesOf(image.width);
  if (rowBytes > 0xffff) throw new RangeError('image too wide');
  if (image.data.length < rowBytes * image.height) throw new RangeError('image data is shorter than width × height');
  const ink = new Uint16Array(image.height);
  for (let y = 0; y < image.height; y++) ink[y] = inkedBytes(image.data, rowBytes, y);

  const bands: Uint8Array[] = [];
  let top = 0;
  while (top < image.height) {
    const blank = ink[top] === 0;
    let rows = 1;
    let width = ink[top]!;
    while (top + rows < image.height && rows < bandRows && (ink[top + rows] === 0) === blank) {
      width = Math.max(width, ink[top + rows]!);
      rows++;
    }
    bands.push(band(image.data, rowBytes, top, rows, Math.max(width, 1)));
    top += rows;
  }
  return bands;
}
