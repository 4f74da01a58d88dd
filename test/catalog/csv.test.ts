import { describe, expect, it } from 'vitest';
import { csvRecords, toCsv } from '../../main/catalog/csv';

const parse = (s: string | Buffer) =>
  [...csvRecords(typeof s === 'string' ? Buffer.from(s, 'utf8') : s)].map((r) => ({
    row: r.row,
    fields: r.fields.map((f) => f.toString('utf8')),
    unterminated: r.unterminated,
  }));

describe('csvRecords (RFC 4180 over bytes)', () => {
  it('splits plain records with LF, CRLF and CR line ends', () => {
    expect(parse('a,b\r\nc,d\ne,f\rg,h').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('handles quoted commas, doubled quotes and embedded newlines', () => {
    const rows = parse('"a,1","say ""hi""","two\r\nlines"\r\nx,"",y\r\n');
    expect(rows[0]!.fields).toEqual(['a,1', 'say "hi"', 'two\r\nlines']);
    expect(rows[1]).toEqual({ row: 2, fields: ['x', '', 'y'], unterminated: false });
  });

  it('skips a UTF-8 BOM and keeps empty trailing fields', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b,\n,,\n')]);
    expect(parse(bytes).map((r) => r.fields)).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
    ]);
  });

  it('numbers records as a spreadsheet numbers rows, even with embedded newlines', () => {
    const rows = parse('h\n"multi\nline"\nlast\n');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('flags a quote that never closes', () => {
    const rows = parse('a,b\n"open,c\nd\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.unterminated).toBe(true);
  });

  it('keeps text after a closing quote and a quote inside an unquoted field', () => {
    expect(parse('"ab"c,x"y\n')[0]!.fields).toEqual(['abc', 'x"y']);
  });

  it('round-trips what toCsv writes', () => {
    const records = [
      ['6281000000021', 'خبز لوزين أبيض', "L'usine \"White\", Bread", '5.00'],
      ['x', 'line\nbreak', '', 'z'],
    ];
    expect(parse(toCsv(records)).map((r) => r.fields)).toEqual(records);
  });
});

describe('toCsv (every export)', () => {
  it('writes cells a spreadsheet would run as formulas as text, and leaves numbers alone', () => {
    expect(toCsv([['=1+2', '+966', '-12.50', '@SUM(A1)', '\tx', 'plain', 'a,b']])).toBe(
      "'=1+2,'+966,-12.50,'@SUM(A1),'\tx,plain,\"a,b\"\r\n",
    );
  });
});
