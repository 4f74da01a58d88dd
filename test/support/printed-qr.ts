// Reading a QR off a printed receipt: the virtual printer's 1-bit image as the RGBA jsQR (someone else's decoder)
// reads, and the symbol's text.
import jsQR from 'jsqr';
import type { MonoBitmap } from '../../main/printing/render';

export function rgba(image: MonoBitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.get(x, y) ? 0 : 255;
      const i = (y * image.width + x) * 4;
      out[i] = out[i + 1] = out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** The text of the QR symbol on a printed receipt, or null when none is found. */
export function printedQr(image: MonoBitmap): string | null {
  return jsQR(rgba(image), image.width, image.height)?.data ?? null;
}
