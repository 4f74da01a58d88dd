// The rendered receipt: 1 bit per pixel, rows packed MSB first, 1 = black. The same object goes to the
// ESC/POS encoder (no conversion) and, as PNG, to the on-screen preview and the golden tests.
import { rowBytesOf, type MonoImage } from '../escpos/image';
import { decodeMonoPng, encodeMonoPng } from './png';

export class MonoBitmap implements MonoImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  readonly rowBytes: number;

  constructor(width: number, height: number, data?: Uint8Array) {
    this.width = width;
    this.height = height;
    this.rowBytes = rowBytesOf(width);
    this.data = data ?? new Uint8Array(this.rowBytes * height);
    if (this.data.length !== this.rowBytes * height) throw new RangeError('bitmap data does not match its size');
  }

  static from(image: MonoImage): MonoBitmap {
    return image instanceof MonoBitmap ? image : new MonoBitmap(image.width, image.height, image.data);
  }

  static fromPng(png: Uint8Array): MonoBitmap {
    return MonoBitmap.from(decodeMonoPng(png));
  }

  get(x: number, y: number): boolean {
    return (this.data[y * this.rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
  }

  set(x: number, y: number, black: boolean): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = y * this.rowBytes + (x >> 3);
    const mask = 0x80 >> (x & 7);
    this.data[i] = black ? this.data[i]! | mask : this.data[i]! & ~mask;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const x0 = Math.max(0, Math.round(x));
    const x1 = Math.min(this.width, Math.round(x + w));
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      const row = yy * this.rowBytes;
      for (let xx = x0; xx < x1; ) {
        if ((xx & 7) === 0 && xx + 8 <= x1) {
          // Whole bytes at once (QR modules, rules).
          this.data[row + (xx >> 3)] = 0xff;
          xx += 8;
        } else {
          this.data[row + (xx >> 3)]! |= 0x80 >> (xx & 7);
          xx++;
        }
      }
    }
  }

  /**
   * Sets the dots of `src` (whole bytes wide) at (x, y), any x, clipped to this bitmap: a byte at a time, shifted
   * into the two bytes it straddles. Never clears a dot.
   */
  orBits(src: MonoBitmap, x: number, y: number): void {
    const shift = x & 7; // also right for negative x (two's complement)
    const firstByte = x >> 3;
    for (let sy = Math.max(0, -y); sy < src.height && y + sy < this.height; sy++) {
      const from = sy * src.rowBytes;
      const to = (y + sy) * this.rowBytes;
      for (let b = 0; b < src.rowBytes; b++) {
        const v = src.data[from + b]!;
        if (v === 0) continue;
        const at = firstByte + b;
        if (at >= 0 && at < this.rowBytes) this.data[to + at]! |= v >> shift;
        if (shift !== 0 && at + 1 >= 0 && at + 1 < this.rowBytes) this.data[to + at + 1]! |= (v << (8 - shift)) & 0xff;
      }
    }
  }

  /** Copies black pixels of `image` onto this bitmap at (x, y). */
  blit(image: MonoImage, x: number, y: number): void {
    const src = MonoBitmap.from(image);
    for (let yy = 0; yy < src.height; yy++) for (let xx = 0; xx < src.width; xx++) if (src.get(xx, yy)) this.set(x + xx, y + yy, true);
  }

  /** Number of pixels that differ (sizes must match, else every pixel of the larger counts). */
  diffCount(other: MonoImage): number {
    if (other.width !== this.width || other.height !== this.height) return Math.max(this.width * this.height, other.width * other.height);
    let n = 0;
    for (let i = 0; i < this.data.length; i++) {
      let v = this.data[i]! ^ other.data[i]!;
      while (v) {
        v &= v - 1;
        n++;
      }
    }
    return n;
  }

  blackPixels(): number {
    let n = 0;
    for (const byte of this.data) {
      let v = byte;
      while (v) {
        v &= v - 1;
        n++;
      }
    }
    return n;
  }

  toPng(): Buffer {
    return encodeMonoPng(this);
  }
}
