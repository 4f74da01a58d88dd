// CSV for a spreadsheet: UTF-8 with a byte-order mark (without it Excel reads the Arabic as Latin-1 mojibake),
// CRLF rows, and no cell a spreadsheet would run as a formula. A cell that starts with = + - @, a tab or a carriage
// return is prefixed with an apostrophe (OWASP's CSV injection advice): a product name or a reason typed at the
// till is data, never `=HYPERLINK(...)`. Money cells are ours and purely numeric ("-12.50"): they are written as
// they are, so a refund stays a number in the sheet.
import { stringify } from 'csv-stringify/sync';

export const BOM = '\uFEFF';

/** A cell: text (escaped) or a number we formatted ourselves (kept as it is). */
export type Cell = string | { number: string };

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cell = (c: Cell): string => {
    if (typeof c === 'string') return safeCell(c);
    if (!NUMBER.test(c.number)) throw new Error(`not a number cell: ${c.number}`);
    return c.number;
  };
  return BOM + stringify([header.map(safeCell), ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n' });
}
