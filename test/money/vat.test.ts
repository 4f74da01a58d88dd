import { describe, expect, it } from 'vitest';
import { computeTotals, divideRoundHalfUp } from '../../main/money';

describe('divideRoundHalfUp', () => {
  it('rounds exactly half away from zero and everything else to nearest', () => {
    expect(divideRoundHalfUp(5, 10)).toBe(1);
    expect(divideRoundHalfUp(4, 10)).toBe(0);
    expect(divideRoundHalfUp(15, 10)).toBe(2);
    expect(divideRoundHalfUp(-15, 10)).toBe(-2);
    expect(divideRoundHalfUp(-14, 10)).toBe(-1);
  });
  it('refuses non-integers and non-positive divisors', () => {
    expect(() => divideRoundHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('computeTotals (ZATCA document-level VAT)', () => {
  it('20000.50 SAR taxable at 15 % is 3000.08, not the truncated 3000.07', () => {
    const t = computeTotals([{ lineTotalHalalas: 2_000_050, vatCategory: 'S' }], false);
    expect(t.vatHalalas).toBe(300_008);
    expect(t.totalHalalas).toBe(2_300_058);
  });

  it('many lines at 0.01 SAR: VAT from the category total, not the sum of rounded line VAT', () => {
    const lines = Array.from({ length: 100 }, () => ({ lineTotalHalalas: 1, vatCategory: 'S' as const }));
    // Exclusive prices: 1.00 SAR × 15 % = 0.15, while per-line rounding would give 100 × round(0.0015) = 0.
    expect(computeTotals(lines, false).vatHalalas).toBe(15);
    // Inclusive prices: 1.00 SAR gross holds 100 × 15 / 115 = 13.04 → 0.13 VAT, 0.87 taxable.
    const inclusive = computeTotals(lines, true);
    expect(inclusive).toMatchObject({ vatHalalas: 13, subtotalHalalas: 87, totalHalalas: 100 });
  });

  it('VAT-inclusive prices keep the total equal to the shelf prices and satisfy BR-S-09', () => {
    for (const gross of [1, 2, 3, 7, 99, 650, 2775, 115, 11_499, 123_457]) {
      const t = computeTotals([{ lineTotalHalalas: gross, vatCategory: 'S' }], true);
      expect(t.totalHalalas).toBe(gross);
      // BR-S-09: category VAT = taxable × rate within 0.01 SAR.
      expect(Math.abs(t.vatHalalas * 100 - t.subtotalHalalas * 15)).toBeLessThanOrEqual(100);
    }
  });

  it('breaks VAT down by category, standard first, zero-rated with no VAT', () => {
    const t = computeTotals(
      [
        { lineTotalHalalas: 1000, vatCategory: 'Z' },
        { lineTotalHalalas: 1150, vatCategory: 'S' },
        { lineTotalHalalas: 1150, vatCategory: 'S' },
      ],
      true,
    );
    expect(t.breakdown).toEqual([
      { category: 'S', ratePercent: 15, taxableHalalas: 2000, vatHalalas: 300 },
      { category: 'Z', ratePercent: 0, taxableHalalas: 1000, vatHalalas: 0 },
    ]);
    expect(t).toMatchObject({ subtotalHalalas: 3000, vatHalalas: 300, totalHalalas: 3300 });
  });

  it('an empty sale totals zero', () => {
    expect(computeTotals([], true)).toEqual({ subtotalHalalas: 0, vatHalalas: 0, totalHalalas: 0, breakdown: [] });
  });
});
