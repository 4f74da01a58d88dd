// The simulated roll: image rows are appended as they print, feeds add white rows, and a cut tears off
// one receipt as a 1-bit bitmap (the same MonoBitmap the renderer produces, so tests compare them).
import { MonoBitmap } from '../../printing/render';

/** Epson's default line spacing (ESC 2) is 1/6 inch: 30 dots at 180 dpi, 34 at 203 dpi [inferred]. */
const DEFAULT_LINE_DOTS = 30;

export class Paper {
  private rows: Uint8Array[] = [];
  private lineDots = DEFAULT_LINE_DOTS;
  private leftMargin = 0;
  /** An ESC * strip waits in the line buffer until LF prints it. */
  private strip: Uint8Array[] | null = null;
  private stripHeight = 0;
  private textOnLine = false;
  readonly rowBytes: number;

  constructor(readonly widthDots: number) {
    this.rowBytes = Math.ceil(widthDots / 8);
  }

  get height(): number {
    return this.rows.length;
  }

  reset(): void {
    this.lineDots = DEFAULT_LINE_DOTS;
    this.leftMargin = 0;
    this.strip = null;
    this.textOnLine = false;
  }

  setLineSpacing(dots: number | null): void {
    this.lineDots = dots ?? DEFAULT_LINE_DOTS;
  }

  /** GS L: images start this many dots from the left edge (a margin past the paper is clamped to it). */
  setLeftMargin(dots: number): void {
    this.leftMargin = Math.min(dots, this.widthDots);
  }

  /** GS v 0 rows from the left margin; what runs past the paper's right edge is clipped. */
  raster(widthBytes: number, rows: number, data: Uint8Array): void {
    this.flushLine();
    const shift = this.leftMargin & 7;
    const at = this.leftMargin >> 3;
    const copy = Math.max(0, Math.min(widthBytes, this.rowBytes - at));
    for (let y = 0; y < rows; y++) {
      const row = new Uint8Array(this.rowBytes);
      const src = data.subarray(y * widthBytes, y * widthBytes + copy);
      if (shift === 0) row.set(src, at);
      else {
        // A margin that is not a whole byte: each source byte straddles two paper bytes.
        for (let i = 0; i < src.length; i++) {
          row[at + i]! |= src[i]! >> shift;
          if (at + i + 1 < this.rowBytes) row[at + i + 1]! |= (src[i]! << (8 - shift)) & 0xff;
        }
      }
      this.rows.push(row);
    }
  }

  /** ESC *: the strip goes into the line buffer; it prints at the next LF (or feed / cut). */
  column(mode: number, columns: number, data: Uint8Array): void {
    const bytesPerColumn = mode >= 32 ? 3 : 1;
    const height = bytesPerColumn * 8;
    const strip = Array.from({ length: height }, () => new Uint8Array(this.rowBytes));
    // Modes 0 and 32 are single density: each column is printed two dots wide [inferred for the sim].
    const xScale = mode === 0 || mode === 32 ? 2 : 1;
    for (let c = 0; c < columns; c++) {
      for (let k = 0; k < bytesPerColumn; k++) {
        const v = data[c * bytesPerColumn + k]!;
        for (let bit = 0; bit < 8; bit++) {
          if (!(v & (0x80 >> bit))) continue;
          for (let s = 0; s < xScale; s++) {
            const x = c * xScale + s;
            if (x < this.widthDots) strip[k * 8 + bit]![x >> 3]! |= 0x80 >> (x & 7);
          }
        }
      }
    }
    if (this.strip) {
      // A second image on the same line is OR-ed over the first (ESC * moves the print position, but
      // the till never sends two strips per line; keep it simple).
      for (let y = 0; y < height; y++) for (let i = 0; i < this.rowBytes; i++) this.strip[y]![i]! |= strip[y]![i]!;
    } else this.strip = strip;
    this.stripHeight = Math.max(this.stripHeight, height);
  }

  text(): void {
    this.textOnLine = true;
  }

  /** LF: prints the line buffer and feeds one line. */
  newline(): void {
    if (this.strip) {
      this.rows.push(...this.strip);
      this.blank(Math.max(0, this.lineDots - this.stripHeight));
      this.strip = null;
      this.stripHeight = 0;
    } else this.blank(this.lineDots);
    this.textOnLine = false;
  }

  feedLines(n: number): void {
    this.flushLine();
    this.blank(n * this.lineDots);
  }

  feedDots(n: number): void {
    this.flushLine();
    this.blank(n);
  }

  /** Tears off everything printed so far. */
  cut(): MonoBitmap {
    this.flushLine();
    return this.tear();
  }

  /** What is on the paper but not cut yet (a receipt from a printer without a cutter). */
  peek(): MonoBitmap {
    const data = new Uint8Array(this.rowBytes * this.rows.length);
    this.rows.forEach((row, y) => data.set(row, y * this.rowBytes));
    return new MonoBitmap(this.rowBytes * 8, this.rows.length, data);
  }

  tear(): MonoBitmap {
    const bmp = this.peek();
    this.rows = [];
    return bmp;
  }

  private flushLine(): void {
    if (this.strip || this.textOnLine) this.newline();
  }

  private blank(n: number): void {
    for (let i = 0; i < n; i++) this.rows.push(new Uint8Array(this.rowBytes));
  }
}
