// Canvas pixels → 1-bit: luma below 128 prints a dot. The receipt's text and rules go through it, and so does a
// shop's own logo (drawn scaled on white first), so both come out of the one rule the built-in logo was made by.
import { MonoBitmap } from './bitmap';

/** Text, rules and logos: photos would want dithering instead. */
export function thresholdRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): MonoBitmap {
  const bmp = new MonoBitmap(width, height);
  const { data, rowBytes } = bmp;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luma = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
      if (luma < 128) data[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bmp;
}
