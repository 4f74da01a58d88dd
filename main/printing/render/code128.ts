// Code128 for the store credit voucher: handheld 1D scanners at Saudi counters read Code128, many read no QR.
// Written here rather than taken from a library: the symbology is one fixed table (ISO/IEC 15417) and a
// mod-103 check, and the barcode libraries on npm draw SVG or canvas, not whole dots. Code sets B (printable
// ASCII) and C (digit pairs, half the width for digits) only: a voucher number is "SC" and 13 digits.
import { MonoBitmap } from './bitmap';

/**
 * Bar and space widths in modules of the symbols 0–105 (bar, space, bar, space, bar, space), then the stop
 * (106, with its closing 2-module bar). Each symbol is 11 modules, the stop 13.
 */
export const CODE128_WIDTHS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE_B = 100;
export const CODE_C = 99;
export const START_B = 104;
export const START_C = 105;
export const STOP = 106;

/** Runs of at least this many digits go in code set C: shorter ones cost more in switches than they save. */
const MIN_C_RUN = 4;

const digitRun = (text: string, from: number): number => {
  let n = 0;
  while (from + n < text.length && text.charCodeAt(from + n) >= 48 && text.charCodeAt(from + n) <= 57) n++;
  return n;
};

/**
 * The symbol values of `text` (printable ASCII), start to stop, check symbol included: code set B, with runs of
 * four or more digits in C (an odd run leaves its first digit in B).
 */
export function code128Symbols(text: string): number[] {
  if (text.length === 0) throw new RangeError('Code128 of nothing');
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 32 || c > 126) throw new RangeError(`Code128 set B has no ${JSON.stringify(ch)}`);
  }
  const values: number[] = [];
  let set: 'B' | 'C';
  let i = 0;
  const lead = digitRun(text, 0);
  if (lead >= MIN_C_RUN || (lead === text.length && lead % 2 === 0)) {
    set = 'C';
    values.push(START_C);
  } else {
    set = 'B';
    values.push(START_B);
  }
  while (i < text.length) {
    const run = digitRun(text, i);
    if (set === 'C') {
      if (run >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(CODE_B);
      set = 'B';
    }
    if (run >= MIN_C_RUN) {
      // An odd run: its first digit in B, the pairs after it in C.
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  values.push(code128Check(values));
  values.push(STOP);
  return values;
}

/** The check symbol: the start's value plus each symbol's value times its position, modulo 103. */
export function code128Check(values: readonly number[]): number {
  let sum = values[0]!;
  for (let i = 1; i < values.length; i++) sum += values[i]! * i;
  return sum % 103;
}

/** Bar and space widths in modules, start to the stop's closing bar (bar first, alternating). */
export function code128Modules(text: string): number[] {
  return code128Symbols(text).flatMap((v) => Array.from(CODE128_WIDTHS[v]!, Number));
}

/** The quiet zone ISO/IEC 15417 asks for on each side: ten modules. */
export const QUIET_MODULES = 10;

/**
 * The barcode as a bitmap `heightDots` tall, every module `moduleDots` whole dots wide, no quiet zone (the
 * layout leaves it white, as for the QR).
 */
export function code128Bitmap(text: string, moduleDots: number, heightDots: number): MonoBitmap {
  const widths = code128Modules(text);
  const total = widths.reduce((a, b) => a + b, 0);
  const bmp = new MonoBitmap(total * moduleDots, heightDots);
  let x = 0;
  widths.forEach((w, i) => {
    if (i % 2 === 0) bmp.fillRect(x, 0, w * moduleDots, heightDots);
    x += w * moduleDots;
  });
  return bmp;
}

/** Modules across, quiet zones included. */
export function code128Width(text: string): number {
  return code128Modules(text).reduce((a, b) => a + b, 0) + 2 * QUIET_MODULES;
}
