// What fits on a 20-column, ASCII-only pole. No pole known to us has Arabic glyphs (printing.md §9) and
// we transliterate nothing: the English name is shown, folded to plain ASCII (accents dropped, anything
// else left out), and amounts as "SAR 12.50" with Latin digits.
import { COLUMNS } from './cd5220';

const REPLACEMENTS: Record<string, string> = {
  '×': 'x',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
};

/** Plain printable ASCII: accents dropped, a few look-alikes replaced, everything else removed. */
export function asciiFold(text: string): string {
  const replaced = Array.from(text, (ch) => REPLACEMENTS[ch] ?? ch).join('');
  return replaced
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "SAR 12.50", "SAR -3.00": integer halalas, no grouping (every column counts). */
export function formatSar(halalas: number): string {
  if (!Number.isSafeInteger(halalas)) throw new RangeError('amount must be integer halalas');
  const sign = halalas < 0 ? '-' : '';
  const abs = Math.abs(halalas);
  return `SAR ${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `left` and `right` on one line, right-aligned amount; the left text is cut to make room. */
export function twoColumns(left: string, right: string, width = COLUMNS): string {
  if (right.length >= width) return right.slice(0, width);
  const room = width - right.length - 1;
  const l = left.slice(0, room).trimEnd();
  return `${l}${' '.repeat(width - l.length - right.length)}${right}`;
}

export function centred(text: string, width = COLUMNS): string {
  const t = text.slice(0, width);
  const pad = Math.floor((width - t.length) / 2);
  return `${' '.repeat(pad)}${t}`.padEnd(width, ' ');
}
