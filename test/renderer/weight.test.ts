import { describe, expect, it } from 'vitest';
import { formatKg, parseWeightGrams } from '../../renderer/format/weight';

describe('a typed weight', () => {
  it('is grams when whole, kilograms with a decimal point, in either digit script', () => {
    expect(parseWeightGrams('750')).toBe(750);
    expect(parseWeightGrams('0.75')).toBe(750);
    expect(parseWeightGrams('.333')).toBe(333);
    expect(parseWeightGrams('1.234')).toBe(1234);
    expect(parseWeightGrams('٠٫٧٥٠')).toBe(750);
    expect(parseWeightGrams(' 2. ')).toBe(2000);
    expect(parseWeightGrams('100.000')).toBe(100_000);
    expect(parseWeightGrams('100000')).toBe(100_000);
  });

  it('is refused beyond 1 g .. 100 kg, past three decimals, or as junk', () => {
    for (const bad of ['0', '0.000', '100.001', '100001', '1.2345', '.', '', '1,5', '-1', '1e3', 'abc']) expect(parseWeightGrams(bad), bad).toBeNull();
  });

  it('shows grams as kilograms with three places, never through a float', () => {
    expect(formatKg(750, 'latin')).toBe('0.750');
    expect(formatKg(1234, 'latin')).toBe('1.234');
    expect(formatKg(100_000, 'latin')).toBe('100.000');
    expect(formatKg(750, 'arabic')).toBe('٠٫٧٥٠');
  });
});
