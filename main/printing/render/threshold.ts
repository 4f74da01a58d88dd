// Canvas pixels → 1-bit: luma below 128 prints a dot. The receipt's text and rules go through it, and so does a
// shop's own logo (drawn scaled on white first), so both come out of the one rule the built-in logo was made by.
//
// A receipt canvas is mostly white, so pixels are read as 32-bit words and a run of eight opaque white pixels
// (one output byte) costs one comparison each; any other pixel gets the exact luma test.
import os from 'node:os';
import { MonoBitmap } from './bitmap';

const WHITE = 0xffffffff;
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** luma = (299 R + 587 G + 114 B) / 1000 < 128, in integers (the sum is an integer, so this is exact). */
const dark = (r: number, g: number, b: number): boolean => r * 299 + g * 587 + b * 114 < 128_000;

/**
 * Thresholds `height` rows of RGBA pixels (`width` wide) into `target` at row `top`, column `left` (a multiple of
 * 8), setting dots and never clearing them; default target: a new bitmap of the pixels' size. Text, rules and
 * logos: photos would want dithering instead.
 */
export function thresholdRgba(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  target?: MonoBitmap,
  top = 0,
  left = 0,
): MonoBitmap {
  if (left % 8 !== 0) throw new RangeError('left must be a whole byte');
  const bmp = target ?? new MonoBitmap(width, height);
  const { data, rowBytes } = bmp;
  const leftByte = left >> 3;
  const words = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  for (let y = 0; y < height; y++) {
    const rowStart = y * width;
    const out = (top + y) * rowBytes + leftByte;
    let x = 0;
    if (words) {
      for (; x + 8 <= width; x += 8) {
        const i = rowStart + x;
        if (
          words[i] === WHITE &&
          words[i + 1] === WHITE &&
          words[i + 2] === WHITE &&
          words[i + 3] === WHITE &&
          words[i + 4] === WHITE &&
          words[i + 5] === WHITE &&
          words[i + 6] === WHITE &&
          words[i + 7] === WHITE
        ) {
          continue;
        }
        let byte = 0;
        for (let k = 0; k < 8; k++) {
          const v = words[i + k]!;
          if (dark(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff)) byte |= 0x80 >> k;
        }
        if (byte) data[out + (x >> 3)]! |= byte;
      }
    }
    for (; x < width; x++) {
      const i = (rowStart + x) * 4;
      if (dark(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)) data[out + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bmp;
}
