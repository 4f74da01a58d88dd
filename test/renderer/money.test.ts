import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../renderer/format/datetime';
import { formatInteger, toDisplayDigits, toLatinDigits } from '../../renderer/format/digits';
import { formatAmount, parseAmount, parseQuantity } from '../../renderer/format/money';

describe('digits', () => {
  it('normalises Arabic-Indic and Extended Arabic-Indic digits to Latin', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('abc ١٢')).toBe('abc 12');
  });

  it('writes Latin digits in the chosen style', () => {
    expect(toDisplayDigits('12.50', 'arabic')).toBe('١٢.٥٠');
    expect(toDisplayDigits('12.50', 'latin')).toBe('12.50');
    expect(formatInteger(2025, 'arabic')).toBe('٢٠٢٥');
    expect(() => formatInteger(1.5, 'latin')).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it('formats halalas with two decimals using integer arithmetic', () => {
    expect(formatAmount(1250, 'latin')).toBe('12.50');
    expect(formatAmount(5, 'latin')).toBe('0.05');
    expect(formatAmount(0, 'latin')).toBe('0.00');
    expect(formatAmount(100, 'latin')).toBe('1.00');
    expect(formatAmount(123456789, 'latin')).toBe('1234567.89');
    expect(formatAmount(-1999, 'latin')).toBe('-19.99');
    expect(formatAmount(-5, 'latin')).toBe('-0.05');
  });

  it('formats in Arabic-Indic digits with the Arabic decimal separator', () => {
    expect(formatAmount(1250, 'arabic')).toBe('١٢٫٥٠');
    expect(formatAmount(7, 'arabic')).toBe('٠٫٠٧');
  });

  it('refuses non-integer halalas rather than rounding them', () => {
    expect(() => formatAmount(12.5, 'latin')).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN, 'latin')).toThrow(RangeError);
  });

  it('round-trips every amount through parseAmount', () => {
    for (const h of [0, 1, 9, 10, 99, 100, 101, 1250, 5000, 99999, 1234567]) {
      expect(parseAmount(formatAmount(h, 'latin'))).toBe(h);
      expect(parseAmount(formatAmount(h, 'arabic'))).toBe(h);
    }
  });
});

describe('parseAmount', () => {
  it('reads whole riyals and up to two decimals', () => {
    expect(parseAmount('50')).toBe(5000);
    expect(parseAmount('50.5')).toBe(5050);
    expect(parseAmount('50.25')).toBe(5025);
    expect(parseAmount('50.')).toBe(5000);
    expect(parseAmount('.5')).toBe(50);
    expect(parseAmount('0.01')).toBe(1);
    expect(parseAmount(' 20 ')).toBe(2000);
    expect(parseAmount('007')).toBe(700);
  });

  it('avoids floating point: 0.29 and 1.15 are exact', () => {
    expect(parseAmount('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(parseAmount('1.15')).toBe(115);
    expect(parseAmount('4.35')).toBe(435);
  });

  it('reads Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(parseAmount('٥٠')).toBe(5000);
    expect(parseAmount('٥٠٫٥')).toBe(5050);
    expect(parseAmount('٥٠.٢٥')).toBe(5025);
    expect(parseAmount('۱۰۰')).toBe(10000);
  });

  it('rejects junk, signs, grouping and more than two decimals', () => {
    for (const bad of ['', ' ', '.', 'abc', '12a', '1,000', '-5', '+5', '1.234', '1.2.3', '1 000', '٥٠٫٥٫', '1e3', '0x10', 'Infinity', '1234567890']) {
      expect(parseAmount(bad), bad).toBeNull();
    }
  });
});

describe('parseQuantity', () => {
  it('accepts whole numbers 1..9999 in either digit script', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity('٣')).toBe(3);
    expect(parseQuantity('9999')).toBe(9999);
  });

  it('rejects zero, fractions, junk and too much', () => {
    for (const bad of ['0', '', '1.5', '-1', 'two', '10000', '٠']) expect(parseQuantity(bad), bad).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('writes a Gregorian local date and time in the chosen digits', () => {
    const local = new Date(2025, 10, 27, 9, 5); // 27 Nov 2025 09:05 local
    expect(formatDateTime(local.toISOString(), 'latin')).toBe('2025-11-27 09:05');
    expect(formatDateTime(local.toISOString(), 'arabic')).toBe('٢٠٢٥-١١-٢٧ ٠٩:٠٥');
    expect(formatDateTime('not a date', 'latin')).toBe('not a date');
  });
});
