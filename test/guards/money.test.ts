// Money's own guards at their edges: every VAT category reaches the totals, and a division that cannot be done
// in whole halalas says which one it was.
import { describe, expect, it } from 'vitest';
import { computeTotals, divideRoundHalfUp } from '../../main/money';

describe('VAT by category', () => {
  it('every category present is in the breakdown and the totals, standard, zero-rated and exempt alike, in that order', () => {
    const totals = computeTotals(
      [
        { lineTotalHalalas: 300, vatCategory: 'E' },
        { lineTotalHalalas: 200, vatCategory: 'Z' },
        { lineTotalHalalas: 1150, vatCategory: 'S' },
      ],
      true,
    );
    expect(totals.breakdown).toEqual([
      { category: 'S', ratePercent: 15, taxableHalalas: 1000, vatHalalas: 150 },
      { category: 'Z', ratePercent: 0, taxableHalalas: 200, vatHalalas: 0 },
      { category: 'E', ratePercent: 0, taxableHalalas: 300, vatHalalas: 0 },
    ]);
    expect(totals).toMatchObject({ subtotalHalalas: 1500, vatHalalas: 150, totalHalalas: 1650 });
  });

  it('a sale of exempt goods only is still totalled', () => {
    expect(computeTotals([{ lineTotalHalalas: 999, vatCategory: 'E' }], false)).toMatchObject({ subtotalHalalas: 999, vatHalalas: 0, totalHalalas: 999 });
  });
});

describe('whole halalas only', () => {
  it('a division that cannot be done says which numbers it was given', () => {
    expect(() => divideRoundHalfUp(1.5, 10)).toThrow('cannot divide 1.5 by 10 in whole halalas');
    expect(() => divideRoundHalfUp(10, 0)).toThrow('cannot divide 10 by 0 in whole halalas');
    expect(() => divideRoundHalfUp(10, -2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(2 ** 53, 3)).toThrow(RangeError);
  });
});
