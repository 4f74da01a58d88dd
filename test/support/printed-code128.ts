// Reading a Code128 barcode off a printed image the way a 1D scanner does: one line across it, the widths of its
// bars and spaces measured in dots, divided by the module width the start symbol shows, and each group of six
// looked up in the Code128 table (only the table is shared with the encoder; the set switches, the check symbol
// and the quiet zones are worked out here again). Every run must be a whole number of modules, dot for dot.
import { CODE128_WIDTHS } from '../../main/printing/render/code128';

interface Image {
  width: number;
  height: number;
  get(x: number, y: number): boolean;
}

export interface ReadBarcode {
  text: string;
  /** Dots per module, as measured. */
  moduleDots: number;
  /** White dots before the first bar and after the last one on the scanned line. */
  quietLeft: number;
  quietRight: number;
  /** The rows that read the same, top and bottom: the bars' height. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const BY_PATTERN = new Map(CODE128_WIDTHS.map((w, v) => [w, v]));

/** Runs of one colour along row y: [black?, length]. */
function runsOf(image: Image, y: number): Array<[boolean, number]> {
  const runs: Array<[boolean, number]> = [];
  for (let x = 0; x < image.width; x++) {
    const black = image.get(x, y);
    const last = runs[runs.length - 1];
    if (last && last[0] === black) last[1]++;
    else runs.push([black, 1]);
  }
  return runs;
}

/** The symbol on row y, or null when the row holds no whole, checked Code128 symbol. */
function readRow(image: Image, y: number): Omit<ReadBarcode, 'top' | 'bottom'> | null {
  const runs = runsOf(image, y);
  for (let k = 1; k + 6 < runs.length; k++) {
    if (!runs[k]![0]) continue;
    // A start symbol is 11 modules: 2 1 1 2 1 4 (B) or 2 1 1 2 3 2 (C).
    const six = runs.slice(k, k + 6).map((r) => r[1]);
    const m = six.reduce((a, b) => a + b, 0) / 11;
    if (!Number.isInteger(m) || six.some((w) => w % m !== 0)) continue;
    const start = BY_PATTERN.get(six.map((w) => w / m).join(''));
    if (start !== 104 && start !== 105) continue;
    const values: number[] = [];
    let at = k;
    let ok = true;
    for (;;) {
      const widths = runs.slice(at, at + 7).map((r) => r[1]);
      if (widths.some((w) => w % m !== 0)) {
        ok = false;
        break;
      }
      const stop = widths.map((w) => w / m).join('');
      if (stop === CODE128_WIDTHS[106]) {
        at += 7;
        break;
      }
      const v = BY_PATTERN.get(stop.slice(0, 6));
      if (v === undefined || v === 106 || stop.length < 6) {
        ok = false;
        break;
      }
      values.push(v);
      at += 6;
    }
    if (!ok || values.length < 2) continue;
    const check = values.pop()!;
    let sum = values[0]!;
    for (let i = 1; i < values.length; i++) sum += values[i]! * i;
    if (sum % 103 !== check) continue;
    let set = values[0] === 105 ? 'C' : 'B';
    let text = '';
    for (const v of values.slice(1)) {
      if (set === 'C' && v < 100) text += String(v).padStart(2, '0');
      else if (set === 'B' && v < 95) text += String.fromCharCode(v + 32);
      else if (v === 99) set = 'C';
      else if (v === 100) set = 'B';
      else return null; // a symbol this reader does not take (sets A, shifts, FNC)
    }
    const quietLeft = runs[k - 1]![1];
    const quietRight = at < runs.length && !runs[at]![0] ? runs[at]![1] : 0;
    const left = runs.slice(0, k).reduce((a, r) => a + r[1], 0);
    const right = runs.slice(0, at).reduce((a, r) => a + r[1], 0);
    return { text, moduleDots: m, quietLeft, quietRight, left, right };
  }
  return null;
}

/** Every Code128 symbol on the image, top to bottom (each once, with the rows it reads on). */
export function printedCode128(image: Image): ReadBarcode[] {
  const found: ReadBarcode[] = [];
  let current: ReadBarcode | null = null;
  for (let y = 0; y < image.height; y++) {
    const read = readRow(image, y);
    if (read && current && read.text === current.text && read.left === current.left) {
      current.bottom = y + 1;
      continue;
    }
    if (current) found.push(current);
    current = read ? { ...read, top: y, bottom: y + 1 } : null;
  }
  if (current) found.push(current);
  return found;
}
