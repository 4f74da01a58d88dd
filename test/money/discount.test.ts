// What a discount takes off, how a sale's discount falls on its lines, and what a line returned bit by bit gives
// back: integer halalas, half-up once, parts that add up exactly.
import { describe, expect, it } from 'vitest';
import { apportion, beyondLimit, computeTotals, discountExceeds, discountHalalas, paidPartHalalas } from '../../main/money';

describe('discounts in halalas', () => {
  it('rounds a percentage half-up once and never takes off more than the base', () => {
    expect(discountHalalas({ kind: 'percent', percent: 10 }, 2335)).toBe(234); // 233.5 → 234
    expect(discountHalalas({ kind: 'percent', percent: 10 }, 2334)).toBe(233); // 233.4 → 233
    expect(discountHalalas({ kind: 'percent', percent: 100 }, 999)).toBe(999);
    expect(discountHalalas({ kind: 'amount', halalas: 500 }, 300)).toBe(300);
    expect(discountExceeds({ kind: 'amount', halalas: 500 }, 300)).toBe(true);
    expect(discountExceeds({ kind: 'percent', percent: 100 }, 300)).toBe(false);
  });

  it('judges the limit by the percentage asked, or by the amount against its base', () => {
    expect(beyondLimit(234, 2335, 1000, { kind: 'percent', percent: 10 })).toBe(false);
    expect(beyondLimit(0, 2335, 1000, { kind: 'percent', percent: 11 })).toBe(true);
    expect(beyondLimit(100, 1000, 1000)).toBe(false);
    expect(beyondLimit(101, 1000, 1000)).toBe(true);
    expect(beyondLimit(50, 1000, 500)).toBe(false);
    expect(beyondLimit(1, 1000, 0)).toBe(true);
  });

  it('spreads a total in proportion, largest remainder first, adding up exactly', () => {
    expect(apportion(234, [975, 600, 760])).toEqual([98, 60, 76]);
    expect(apportion(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(apportion(0, [5, 5])).toEqual([0, 0]);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
    for (let seed = 1; seed < 200; seed += 1) {
      const weights = [seed * 7 % 13 + 1, seed * 11 % 17, seed % 5 + 3];
      const total = (seed * 31) % 500;
      const parts = apportion(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('gives back a line paid in parts so that the parts add up to what was paid', () => {
    // 3 pieces paid 10.00 together: 3.33, then 3.33, then 3.34.
    expect([paidPartHalalas(1000, 1, 0, 3), paidPartHalalas(1000, 1, 1, 3), paidPartHalalas(1000, 1, 2, 3)]).toEqual([333, 333, 334]);
    expect(paidPartHalalas(1000, 2, 1, 3) + paidPartHalalas(1000, 1, 0, 3)).toBe(1000);
    expect(paidPartHalalas(877, 2, 0, 2)).toBe(877);
  });

  it('computes VAT on what is left of each category after the sale discount', () => {
    const totals = computeTotals(
      [
        { lineTotalHalalas: 975, vatCategory: 'S', saleDiscountShareHalalas: 98 },
        { lineTotalHalalas: 600, vatCategory: 'S', saleDiscountShareHalalas: 60 },
        { lineTotalHalalas: 760, vatCategory: 'Z', saleDiscountShareHalalas: 76 },
      ],
      true,
    );
    expect(totals.totalHalalas).toBe(2101);
    expect(totals.breakdown).toEqual([
      { category: 'S', ratePercent: 15, taxableHalalas: 1232, vatHalalas: 185, allowanceHalalas: 158 },
      { category: 'Z', ratePercent: 0, taxableHalalas: 684, vatHalalas: 0, allowanceHalalas: 76 },
    ]);
    // VAT-exclusive prices: the discount comes off the net, VAT on the rest.
    const net = computeTotals([{ lineTotalHalalas: 1000, vatCategory: 'S', saleDiscountShareHalalas: 100 }], false);
    expect(net).toMatchObject({ subtotalHalalas: 900, vatHalalas: 135, totalHalalas: 1035 });
  });
});
