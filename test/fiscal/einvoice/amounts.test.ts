import { describe, expect, it } from 'vitest';
import { apportion, documentAmounts, quantityText, totalsDifference, totalsFromLines, unitPriceText } from '../../../main/fiscal/einvoice';
import { computeTotals } from '../../../main/money';
import { line, randomDocuments, seeded } from './documents';

describe('apportion: a category total split over its lines, largest remainder first', () => {
  it('parts sum to the total exactly, each within one unit of its exact share', () => {
    const rnd = seeded(7);
    for (let run = 0; run < 2000; run++) {
      const weights = Array.from({ length: 1 + rnd(40) }, () => rnd(3) === 0 ? rnd(3) : 1 + rnd(2_000_000));
      const sum = weights.reduce((a, b) => a + b, 0);
      const total = sum === 0 ? 0 : rnd(sum + 1);
      const parts = apportion(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      if (sum === 0) {
        expect(parts.every((p) => p === 0)).toBe(true);
        continue;
      }
      parts.forEach((p, i) => {
        expect(Number.isSafeInteger(p)).toBe(true);
        // |p − w × total / sum| < 1, in integers: |p × sum − w × total| < sum.
        const gap = BigInt(p) * BigInt(sum) - BigInt(weights[i]!) * BigInt(total);
        expect(gap < BigInt(sum) && gap > -BigInt(sum)).toBe(true);
      });
    }
  });

  it('gives the extra units to the largest remainders, the earlier line on a tie', () => {
    expect(apportion(8695, [3333, 3333, 3333])).toEqual([2899, 2898, 2898]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(5, [1, 2])).toEqual([2, 3]); // 1.67 and 3.33: the first line's remainder is larger
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
  });

  it('stays exact beyond 2^53 (lines of millions of SAR)', () => {
    const weights = [611_529_316, 670_460_620, 187];
    const parts = apportion(1_114_774_020, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_114_774_020);
    // Floating-point products (≈ 7e17) lose the remainders and gave [531764622, 583009235, 163]: the unit left
    // over went to the wrong line.
    expect(parts).toEqual([531_764_623, 583_009_235, 162]);
    expect(apportion(1_739_130_435, [1_000_000_000, 999_999_999, 1])).toEqual([869_565_217, 869_565_217, 1]);
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1, [0.5])).toThrow(RangeError);
    expect(() => apportion(1, [0])).toThrow(RangeError);
  });
});

describe('the document amounts, from the lines alone', () => {
  it("reproduce main/money's totals on every generated sale", () => {
    for (const doc of randomDocuments(300, 99)) {
      expect(totalsFromLines(doc.lines, doc.pricesIncludeVat)).toEqual(computeTotals(doc.lines, doc.pricesIncludeVat));
      const { totals, lines } = documentAmounts(doc);
      expect(totalsDifference(totals, doc.totals)).toBeNull();
      for (const b of totals.breakdown) {
        const nets = lines.filter((_, i) => doc.lines[i]!.vatCategory === b.category).map((l) => l.netHalalas);
        expect(nets.reduce((x, y) => x + y, 0)).toBe(b.taxableHalalas);
      }
      lines.forEach((l, i) => {
        const rate = doc.lines[i]!.vatCategory === 'S' ? 15 : 0;
        expect(l.vatHalalas).toBe(Math.floor((l.netHalalas * rate * 2 + 100) / 200)); // half-up
        expect(l.withVatHalalas).toBe(l.netHalalas + l.vatHalalas);
        if (!doc.pricesIncludeVat) expect(l.netHalalas).toBe(doc.lines[i]!.lineTotalHalalas);
      });
    }
  });

  it('VAT-inclusive 3 × 33.33: VAT 13.04 once for the category, nets 28.99 + 28.98 + 28.98 = 86.95', () => {
    const { totals, lines } = documentAmounts({ lines: [line(3333), line(3333), line(3333)], pricesIncludeVat: true });
    expect(totals.breakdown).toEqual([{ category: 'S', ratePercent: 15, taxableHalalas: 8695, vatHalalas: 1304 }]);
    expect(lines.map((l) => l.netHalalas)).toEqual([2899, 2898, 2898]);
    expect(lines.map((l) => l.vatHalalas)).toEqual([435, 435, 435]);
  });

  it('VAT-exclusive 20000.50 × 15% is 3000.08 (half-up, not truncated), 0.01 × 15% is 0.00', () => {
    expect(documentAmounts({ lines: [line(2_000_050)], pricesIncludeVat: false }).totals.vatHalalas).toBe(300_008);
    expect(documentAmounts({ lines: [line(1)], pricesIncludeVat: false }).totals.vatHalalas).toBe(0);
    expect(documentAmounts({ lines: [line(1)], pricesIncludeVat: true }).lines).toEqual([{ netHalalas: 1, vatHalalas: 0, withVatHalalas: 1 }]);
  });

  it('zero-rated and exempt lines: net = gross, VAT 0, in both pricing modes', () => {
    for (const pricesIncludeVat of [true, false]) {
      const { totals, lines } = documentAmounts({ lines: [line(999, { vatCategory: 'Z' }), line(1001, { vatCategory: 'E' }), line(115)], pricesIncludeVat });
      expect(lines.slice(0, 2)).toEqual([
        { netHalalas: 999, vatHalalas: 0, withVatHalalas: 999 },
        { netHalalas: 1001, vatHalalas: 0, withVatHalalas: 1001 },
      ]);
      expect(totals.breakdown.map((b) => b.category)).toEqual(['S', 'Z', 'E']);
    }
  });

  it('says where the sale differs from its lines', () => {
    const expected = totalsFromLines([line(3333), line(100, { vatCategory: 'Z' })], true);
    expect(totalsDifference(expected, expected)).toBeNull();
    const off = { ...expected, vatHalalas: expected.vatHalalas + 1, breakdown: expected.breakdown.slice(0, 1) };
    expect(totalsDifference(expected, off)).toBe(`VAT ${expected.vatHalalas + 1} ≠ ${expected.vatHalalas}; category Z missing`);
    expect(totalsDifference(expected, { ...expected, breakdown: [...expected.breakdown, expected.breakdown[0]!] })).toBe('category S twice');
  });
});

describe('decimal text', () => {
  it('quantities with six places as the SDK writes them', () => {
    expect(quantityText(1000)).toBe('1.000000');
    expect(quantityText(33_000)).toBe('33.000000');
    expect(quantityText(1)).toBe('0.001000');
    expect(quantityText(1250)).toBe('1.250000');
    expect(() => quantityText(0)).toThrow(RangeError);
  });

  it("unit prices keep enough places to give back the line's net (BR-KSA-EN16931-11)", () => {
    expect(unitPriceText(2898, 1000)).toBe('28.98');
    expect(unitPriceText(100, 3000)).toBe('0.3333333333');
    expect(unitPriceText(1739, 1250)).toBe('13.912');
    expect(unitPriceText(1, 7)).toBe('1.4285714286');
    expect(unitPriceText(0, 1000)).toBe('0.00');
    // ZATCA's check: floor(quantity × price × 1000) / 1000, rounded to 2 places, within 0.01 of the net.
    const rnd = seeded(11);
    for (let run = 0; run < 5000; run++) {
      const milli = 1 + rnd(9_999_000);
      const net = rnd(1_000_000_000);
      const [whole, fraction = ''] = unitPriceText(net, milli).split('.');
      const thousandths = (BigInt(whole! + fraction) * BigInt(milli) * 1000n) / 10n ** BigInt(fraction.length + 3);
      const back = (thousandths + 5n) / 10n;
      expect(Math.abs(Number(back) - net)).toBeLessThanOrEqual(1);
    }
  });
});
