// RFC 4180 CSV over bytes, not text. Splitting before decoding lets each record be decoded on its own,
// so one row saved in the wrong encoding is reported as that row instead of spoiling the whole file.
// That is safe because the structural bytes (comma, quote, CR, LF) are ASCII and never occur inside a
// multi-byte UTF-8 sequence.
//
// Accepted: quoted fields with embedded commas, "" quotes and newlines; CRLF, LF or lone CR line ends;
// a UTF-8 BOM. Tolerated rather than rejected (spreadsheets write them): text after a closing quote is
// kept ("ab"c → abc) and a quote inside an unquoted field is literal.

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvRecord {
  /** 1-based record number: what a spreadsheet shows as the row number (header = 1). */
  row: number;
  /** Raw field bytes, quotes removed and "" unescaped. */
  fields: Buffer[];
  /** A quoted field ran to the end of the file. */
  unterminated: boolean;
}

export const hasUtf8Bom = (b: Buffer): boolean => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** UTF-16 BOMs: what Excel's "Unicode text" export writes. Not CSV we can read row by row. */
export const hasUtf16Bom = (b: Buffer): boolean =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

export function* csvRecords(bytes: Buffer): Generator<CsvRecord> {
  const n = bytes.length;
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  let row = 0;
  while (i < n) {
    row++;
    const fields: Buffer[] = [];
    let unterminated = false;
    for (;;) {
      let field: Buffer;
      if (bytes[i] === QUOTE) {
        const parts: Buffer[] = [];
        let start = i + 1;
        for (;;) {
          const q = bytes.indexOf(QUOTE, start);
          if (q === -1) {
            parts.push(bytes.subarray(start, n));
            i = n;
            unterminated = true;
            break;
          }
          if (bytes[q + 1] === QUOTE) {
            parts.push(bytes.subarray(start, q + 1));
            start = q + 2;
            continue;
          }
          parts.push(bytes.subarray(start, q));
          i = q + 1;
          break;
        }
        // Stray text after the closing quote belongs to the same field.
        let j = i;
        while (j < n && bytes[j] !== COMMA && bytes[j] !== CR && bytes[j] !== LF) j++;
        if (j > i) parts.push(bytes.subarray(i, j));
        i = j;
        field = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      } else {
        let j = i;
        while (j < n && bytes[j] !== COMMA && bytes[j] !== CR && bytes[j] !== LF) j++;
        field = bytes.subarray(i, j);
        i = j;
      }
      fields.push(field);
      if (i < n && bytes[i] === COMMA) {
        i++;
        if (i < n) continue;
        fields.push(bytes.subarray(n, n)); // "a,b," at the very end: the last field is empty
        break;
      }
      if (i < n && bytes[i] === CR) i++;
      if (i < n && bytes[i] === LF) i++;
      break;
    }
    yield { row, fields, unterminated };
  }
}

const needsQuotes = /[",\r\n]/;

/**
 * A cell a spreadsheet would run as a formula (CSV injection, OWASP): it starts with = + - @ or a tab or
 * carriage return. A plain number such as -12.50 is a number, not a formula.
 */
export const looksLikeFormula = (value: string): boolean => /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);

/**
 * One CSV field, quoted only when it must be. A field a spreadsheet would run as a formula is written with a
 * leading apostrophe, so Excel shows it as text instead of running it: every CSV the till exports goes
 * through here.
 */
export const csvField = (value: string): string => {
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Records to CSV text with CRLF line ends (RFC 4180; what Excel writes). */
export const toCsv = (records: readonly (readonly string[])[]): string =>
  records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
