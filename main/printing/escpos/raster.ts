// GS v 0: the raster bit image. Rows are sent as they are stored (MSB = leftmost dot). Printers buffer
// a whole band before printing it, and many cap a band at 255 rows (yH = 0), so long receipts go in bands.
import { GS } from './commands';
import { rowBytesOf, type MonoImage } from './image';

export const MAX_BAND_ROWS = 255;

/** One `GS v 0` command per band of at most `bandRows` rows. */
export function rasterBands(image: MonoImage, bandRows = MAX_BAND_ROWS): Uint8Array[] {
  if (bandRows < 1 || bandRows > 0xffff) throw new RangeError('band must be 1-65535 rows');
  const rowBytes = rowBytesOf(image.width);
  if (rowBytes > 0xffff) throw new RangeError('image too wide');
  if (image.data.length < rowBytes * image.height) throw new RangeError('image data is shorter than width × height');
  const bands: Uint8Array[] = [];
  for (let top = 0; top < image.height; top += bandRows) {
    const rows = Math.min(bandRows, image.height - top);
    const band = new Uint8Array(8 + rowBytes * rows);
    band.set([GS, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8]);
    band.set(image.data.subarray(top * rowBytes, (top + rows) * rowBytes), 8);
    bands.push(band);
  }
  return bands;
}
