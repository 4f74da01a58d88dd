import { describe, expect, it } from 'vitest';
import { computeTotals, lineTotalHalalas, quantityMilli } from '../../main/money';

describe('a line’s amount', () => {
  it('is price × pieces for a piece line, unchanged', () => {
    expect(lineTotalHalalas({ unitPriceHalalas: 650, quantity: 3 })).toBe(1950);
    expect(lineTotalHalalas({ unitPriceHalalas: 650, quantity: 3, soldBy: 'each' })).toBe(1950);
    expect(quantityMilli({ quantity: 3 })).toBe(3000);
  });

  it('is price per kg × grams ÷ 1000, rounded half-up to the halala, for a weighed line', () => {
    // 0.333 kg at 12.99/kg = 4.32567 SAR → 4.33.
    expect(lineTotalHalalas({ unitPriceHalalas: 1299, quantity: 333, soldBy: 'kg' })).toBe(433);
    // 0.750 kg at 45.00 = 33.75 exactly.
    expect(lineTotalHalalas({ unitPriceHalalas: 4500, quantity: 750, soldBy: 'kg' })).toBe(3375);
    // Exactly half a halala goes up (1 g at 5.00/kg = 0.5 halala → 1); just under it goes down (1 g at 4.99/kg → 0).
    expect(lineTotalHalalas({ unitPriceHalalas: 500, quantity: 1, soldBy: 'kg' })).toBe(1); // 0.5 → 1
    expect(lineTotalHalalas({ unitPriceHalalas: 499, quantity: 1, soldBy: 'kg' })).toBe(0);
    expect(lineTotalHalalas({ unitPriceHalalas: 7500, quantity: 100_000, soldBy: 'kg' })).toBe(750_000);
    expect(quantityMilli({ quantity: 333, soldBy: 'kg' })).toBe(333);
  });

  it('keeps VAT exact for weighed lines: document-level, from whole halalas', () => {
    const lines = [
      { lineTotalHalalas: lineTotalHalalas({ unitPriceHalalas: 1299, quantity: 333, soldBy: 'kg' }), vatCategory: 'S' as const },
      { lineTotalHalalas: lineTotalHalalas({ unitPriceHalalas: 795, quantity: 1234, soldBy: 'kg' }), vatCategory: 'S' as const },
    ];
    expect(lines.map((l) => l.lineTotalHalalas)).toEqual([433, 981]); // 9.8103 → 9.81
    const inclusive = computeTotals(lines, true);
    // 14.14 incl. VAT: VAT = 1414 × 15 / 115 = 184.43 → 184; net 1230.
    expect(inclusive).toMatchObject({ totalHalalas: 1414, vatHalalas: 184, subtotalHalalas: 1230 });
    const exclusive = computeTotals(lines, false);
    expect(exclusive).toMatchObject({ subtotalHalalas: 1414, vatHalalas: 212, totalHalalas: 1626 }); // 212.1 → 212
  });
});
