import { describe, expect, it } from 'vitest';
import { formatSar, parsePriceSar } from '../../main/catalog/price';

const ok = (s: string) => parsePriceSar(s);

describe('parsePriceSar', () => {
  it('parses riyals with 0, 1 or 2 decimals into halalas without floats', () => {
    expect(ok('12.50')).toEqual({ ok: true, halalas: 1250 });
    expect(ok('12.5')).toEqual({ ok: true, halalas: 1250 });
    expect(ok('12')).toEqual({ ok: true, halalas: 1200 });
    expect(ok('0.29')).toEqual({ ok: true, halalas: 29 });
    expect(ok('0.07')).toEqual({ ok: true, halalas: 7 });
    expect(ok('0')).toEqual({ ok: true, halalas: 0 });
    expect(ok(' 27.75 ')).toEqual({ ok: true, halalas: 2775 });
    expect(ok('007.50')).toEqual({ ok: true, halalas: 750 });
    expect(ok('١٢٫٥'.replace('٫', '.'))).toEqual({ ok: true, halalas: 1250 });
    expect(ok('999999.99')).toEqual({ ok: true, halalas: 99_999_999 });
  });

  it('names what is wrong', () => {
    expect(parsePriceSar(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(ok('  ')).toEqual({ ok: false, reason: 'missing' });
    expect(ok('-1.00')).toEqual({ ok: false, reason: 'negative' });
    expect(ok('- 1')).toEqual({ ok: false, reason: 'negative' });
    expect(ok('12.505')).toEqual({ ok: false, reason: 'too-many-decimals' });
    expect(ok('1000000')).toEqual({ ok: false, reason: 'too-large' });
    expect(ok('99999999999999999999')).toEqual({ ok: false, reason: 'too-large' });
    for (const junk of ['abc', '12a', '.5', '5.', '1,234.00', '1e3', '+5', '12.5.0', 'SAR 5', '0x10', 'NaN', 'Infinity']) {
      expect(ok(junk), junk).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('formats halalas back to SAR text', () => {
    expect(formatSar(2775)).toBe('27.75');
    expect(formatSar(5)).toBe('0.05');
    expect(formatSar(100)).toBe('1.00');
  });
});
