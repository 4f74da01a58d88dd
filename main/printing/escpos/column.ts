// ESC * mode 33 (24-dot double density): the bit image for older printers without GS v 0. Each command
// prints one 24-row strip; a column is 3 bytes, most significant bit at the top. Line spacing is set to
// 24 dots so strips butt together with no white gap.
import { DEFAULT_LINE_SPACING, ESC, LF, lineSpacing } from './commands';
import { rowBytesOf, type MonoImage } from './image';

export const COLUMN_MODE_24_DOT = 33;
export const STRIP_ROWS = 24;

/** The strips, each `ESC * 33 nL nH data LF`, wrapped in the line-spacing commands. */
export function columnStrips(image: MonoImage): Uint8Array[] {
  const { width, height, data } = image;
  if (width > 0xffff) throw new RangeError('image too wide');
  const rowBytes = rowBytesOf(width);
  const out: Uint8Array[] = [lineSpacing(STRIP_ROWS)];
  for (let top = 0; top < height; top += STRIP_ROWS) {
    const strip = new Uint8Array(5 + width * 3 + 1);
    strip.set([ESC, 0x2a, COLUMN_MODE_24_DOT, width & 0xff, width >> 8]);
    for (let x = 0; x < width; x++) {
      const byteInRow = x >> 3;
      const mask = 0x80 >> (x & 7);
      for (let k = 0; k < 3; k++) {
        let v = 0;
        for (let bit = 0; bit < 8; bit++) {
          const y = top + k * 8 + bit;
          if (y < height && (data[y * rowBytes + byteInRow]! & mask) !== 0) v |= 0x80 >> bit;
        }
        strip[5 + x * 3 + k] = v;
      }
    }
    strip[strip.length - 1] = LF;
    out.push(strip);
  }
  out.push(DEFAULT_LINE_SPACING);
  return out;
}
