// The store credit voucher's Code128: the symbol table against the standard's structure and published bit
// patterns, the check symbol against published examples, and the rendered raster read back as a scanner reads
// it (test/support/printed-code128.ts: bar widths measured in dots) at 58 and 80 mm, on the voucher block alone
// and on a whole refund receipt.
import { describe, expect, it } from 'vitest';
import { groupedVoucherNumber } from '../../preload/contract';
import { layoutReceipt, type Block } from '../../main/printing/layout';
import { CODE128_WIDTHS, code128Check, code128Modules, code128Symbols, QUIET_MODULES } from '../../main/printing/render/code128';
import { renderBlocks } from '../../main/printing/render/render';
import { printedCode128 } from '../support/printed-code128';
import { ADDRESS, line, receiptOf } from './fixtures';

const VOUCHER = 'SC1234567890128';
const bits = (widths: string): string => Array.from(widths, (w, i) => (i % 2 === 0 ? '1' : '0').repeat(Number(w))).join('');

describe('the Code128 table', () => {
  it('has 106 symbols of 11 modules (bars an even count, spaces odd) and a 13-module stop, all different', () => {
    expect(CODE128_WIDTHS).toHaveLength(107);
    for (const w of CODE128_WIDTHS.slice(0, 106)) {
      const d = Array.from(w, Number);
      expect(d).toHaveLength(6);
      expect(d.reduce((a, b) => a + b, 0)).toBe(11);
      expect((d[0]! + d[2]! + d[4]!) % 2).toBe(0);
      expect((d[1]! + d[3]! + d[5]!) % 2).toBe(1);
    }
    expect(new Set(CODE128_WIDTHS).size).toBe(107);
  });

  it('has the start and stop patterns as published', () => {
    // barcodeisland.com/code128.phtml: Start-A 11010000100, Start-B 11010010000, Start-C 11010011100, stop 11000111010 + 11.
    expect(bits(CODE128_WIDTHS[103]!)).toBe('11010000100');
    expect(bits(CODE128_WIDTHS[104]!)).toBe('11010010000');
    expect(bits(CODE128_WIDTHS[105]!)).toBe('11010011100');
    expect(bits(CODE128_WIDTHS[106]!)).toBe('1100011101011');
    // The table's first row there: value 0 (space in B, "00" in C).
    expect(bits(CODE128_WIDTHS[0]!)).toBe('11011001100');
  });

  it('computes the check symbol of published examples', () => {
    // Wikipedia, "Code 128": PJJ123C in set A → 54. barcoderesource.com: abcdef (B) → 97, 345678 (C) → 73.
    expect(code128Check([103, 48, 42, 42, 17, 18, 19, 35])).toBe(54);
    expect(code128Symbols('abcdef')).toEqual([104, 65, 66, 67, 68, 69, 70, 97, 106]);
    expect(code128Symbols('345678')).toEqual([105, 34, 56, 78, 73, 106]);
    // idautomation.com's Code 128 FAQ: CODE-128 in set B, check character "O" (47).
    expect(code128Symbols('CODE-128').at(-2)).toBe(47);
  });

  it('puts a voucher number’s digits in set C: its odd first digit in B, then six pairs', () => {
    const symbols = code128Symbols(VOUCHER);
    expect(symbols.slice(0, -2)).toEqual([104, 51, 35, 17, 99, 23, 45, 67, 89, 1, 28]);
    expect(symbols.at(-1)).toBe(106);
    // 12 symbols of 11 modules and the stop's 13: 145, against 211 all in set B.
    expect(code128Modules(VOUCHER).reduce((a, b) => a + b, 0)).toBe(145);
  });

  it('goes back to set B after digits, and takes a short digit run in B', () => {
    expect(code128Symbols('AB12345678CD').slice(0, -2)).toEqual([104, 33, 34, 99, 12, 34, 56, 78, 100, 35, 36]);
    expect(code128Symbols('A12B').slice(0, -2)).toEqual([104, 33, 17, 18, 34]);
    expect(code128Symbols('12345').slice(0, -2)).toEqual([105, 12, 34, 100, 21]);
    expect(() => code128Symbols('ريال')).toThrow(RangeError);
  });
});

describe('the barcode block on paper', () => {
  for (const [width, moduleDots] of [
    [384, 2],
    [576, 3],
  ] as const) {
    it(`reads back at ${width} dots: ${moduleDots} dots a module, quiet zones, bars tall enough`, () => {
      const image = renderBlocks([{ kind: 'text', text: 'رصيد متجر', align: 'center' }, { kind: 'barcode', data: VOUCHER }], { width, logo: null });
      const [read, ...more] = printedCode128(image);
      expect(more).toEqual([]);
      expect(read).toMatchObject({ text: VOUCHER, moduleDots });
      expect(read!.quietLeft).toBeGreaterThanOrEqual(QUIET_MODULES * moduleDots);
      expect(read!.quietRight).toBeGreaterThanOrEqual(QUIET_MODULES * moduleDots);
      expect(read!.bottom - read!.top).toBeGreaterThanOrEqual(72);
      // Inside the paper, centred.
      expect(read!.left).toBeGreaterThan(0);
      expect(Math.abs(read!.left - (width - read!.right))).toBeLessThanOrEqual(1);
    });
  }

  it('refuses a symbol that cannot fit the paper rather than squeeze it', () => {
    expect(() => renderBlocks([{ kind: 'barcode', data: 'X'.repeat(40) }], { width: 384, logo: null })).toThrow(RangeError);
  });
});

describe('the refund receipt’s store credit voucher', () => {
  const lines = [line('تمر سكري فاخر', 'Sukkari dates', 1, 3500)];
  const receipt = receiptOf(lines, (total) => [{ kind: 'credit', voucherNo: VOUCHER, amountHalalas: total, balanceHalalas: total }], { receiptNo: 'T01-R000007' });
  const blocks = layoutReceipt({ receipt, address: ADDRESS, cashierName: 'أحمد', copy: 'original', creditNote: { originalReceiptNo: 'T01-000042', reason: { ar: 'تالف', en: 'Damaged' } } });

  it('lays out a Code128 of the number (no QR of it) with the number grouped under it', () => {
    const at = blocks.findIndex((b) => b.kind === 'barcode');
    expect(blocks[at]).toEqual({ kind: 'barcode', data: VOUCHER });
    expect(blocks[at + 1]).toMatchObject({ kind: 'text', text: groupedVoucherNumber(VOUCHER) });
    expect(blocks.filter((b): b is Extract<Block, { kind: 'qr' }> => b.kind === 'qr').map((b) => b.data)).not.toContain(VOUCHER);
  });

  for (const width of [384, 576]) {
    it(`prints a barcode a scanner reads as the voucher at ${width} dots`, () => {
      const found = printedCode128(renderBlocks(blocks, { width, logo: null }));
      expect(found.map((f) => f.text)).toEqual([VOUCHER]);
      expect(found[0]!.moduleDots).toBeGreaterThanOrEqual(2);
    });
  }
});
