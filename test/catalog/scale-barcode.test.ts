import { describe, expect, it } from 'vitest';
import { classifyBarcode, gtinCheckDigit, layoutProblem, priceCheckDigit, readScaleBarcode, type ScaleLayout } from '../../main/catalog';
import { checkSettings, DEFAULT_SCALE_LAYOUTS, DEMO_SETTINGS } from '../../main/settings';

const ean = (body: string) => body + gtinCheckDigit(body);

describe('the GS1 price check digit (General Specifications §7.9.3)', () => {
  it('matches the specification’s worked examples', () => {
    // 4 digits: 2875 → weights 2-,2-,3,5- give 4+5+1+3 = 13; 13 × 3 = 39 → 9.
    expect(priceCheckDigit('2875')).toBe('9');
    // 5 digits: 14685 → weights 5+,2-,5-,5+,2- give 5+8+7+4+9 = 33; 40 − 33 = 7 is the 5- result of 6.
    expect(priceCheckDigit('14685')).toBe('6');
  });

  it('is the digit that makes the weighted sum whole again, for every 5-digit value tried', () => {
    const fiveMinus = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];
    for (const v of ['00000', '00001', '99999', '45500', '12345']) {
      const d = Number(priceCheckDigit(v));
      const tables = [[0, 5, 1, 6, 2, 7, 3, 8, 4, 9], [0, 2, 4, 6, 8, 9, 1, 3, 5, 7], fiveMinus, [0, 5, 1, 6, 2, 7, 3, 8, 4, 9], [0, 2, 4, 6, 8, 9, 1, 3, 5, 7]];
      const sum = [...v].reduce((s, c, i) => s + tables[i]![Number(c)]!, 0) + fiveMinus[d]!;
      expect(sum % 10, v).toBe(0);
    }
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
  });
});

describe('reading a scale label', () => {
  const layouts = DEFAULT_SCALE_LAYOUTS;

  it('reads a weight label: PLU and grams (default prefixes 20–22)', () => {
    const code = ean('20' + '30001' + '00750');
    expect(classifyBarcode(code)).toMatchObject({ status: 'ok', kind: 'ean13' });
    expect(readScaleBarcode(code, layouts)).toEqual({ status: 'ok', itemCode: '30001', value: 'weight-grams', amount: 750, code });
    expect(readScaleBarcode(ean('22' + '10001' + '12345'), layouts)).toMatchObject({ itemCode: '10001', amount: 12_345 });
  });

  it('reads a price label with its price check digit (default prefixes 23–25), and refuses a wrong one', () => {
    const good = ean('23' + '20001' + priceCheckDigit('4550') + '4550');
    expect(readScaleBarcode(good, layouts)).toEqual({ status: 'ok', itemCode: '20001', value: 'price-halalas', amount: 4550, code: good });
    const wrongDigit = String((Number(priceCheckDigit('4550')) + 1) % 10);
    const bad = ean('23' + '20001' + wrongDigit + '4550');
    expect(readScaleBarcode(bad, layouts)).toEqual({ status: 'bad-price-check-digit', code: bad, itemCode: '20001' });
  });

  it('follows a configured layout: 4-digit item, price check digit, 5-digit price', () => {
    const mine: ScaleLayout[] = [{ prefix: '27', itemDigits: 4, value: 'price-halalas', valueDigits: 5, priceCheckDigit: true }];
    const code = ean('27' + '1234' + priceCheckDigit('14685') + '14685');
    expect(readScaleBarcode(code, mine)).toMatchObject({ status: 'ok', itemCode: '1234', amount: 14_685 });
    // The same digits under the default layouts: 27 is no scale prefix there, so it is an ordinary barcode.
    expect(readScaleBarcode(code, layouts)).toEqual({ status: 'not-scale' });
  });

  it('leaves ordinary barcodes alone', () => {
    expect(readScaleBarcode('6281000000014', layouts)).toEqual({ status: 'not-scale' });
    expect(readScaleBarcode('30001', layouts)).toEqual({ status: 'not-scale' });
  });

  it('refuses a layout whose widths do not add up, in the settings with both languages', () => {
    expect(layoutProblem({ prefix: '20', itemDigits: 5, value: 'weight-grams', valueDigits: 6, priceCheckDigit: false })).toMatch(/13/);
    expect(layoutProblem({ prefix: '30', itemDigits: 5, value: 'weight-grams', valueDigits: 5, priceCheckDigit: false })).toMatch(/prefix/);
    const bad = checkSettings({ ...DEMO_SETTINGS, scaleBarcodes: [{ prefix: '20', itemDigits: 5, value: 'weight-grams', valueDigits: 6, priceCheckDigit: false }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0]!.key).toMatch(/^scaleBarcodes/);
      expect(bad.errors[0]!.en).toMatch(/13/);
      expect(bad.errors[0]!.ar).toMatch(/[\u0600-\u06ff]/);
    }
    const twice = checkSettings({ ...DEMO_SETTINGS, scaleBarcodes: [DEFAULT_SCALE_LAYOUTS[0], DEFAULT_SCALE_LAYOUTS[0]] });
    expect(twice.ok).toBe(false);
    expect(checkSettings({ ...DEMO_SETTINGS }).ok).toBe(true);
  });
});
