// Properties of main/money over many random inputs, each against an oracle written out again here in BigInt:
// ZATCA's half-up rounding, a line's amount, a discount, the sale discount's spread, VAT per category at document
// level, and a line returned bit by bit. The till-level property test is test/returns/money.property.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, computeTotals, discountHalalas, divideRoundHalfUp, lineTotalHalalas, paidPartHalalas } from '../../main/money';
import type { VatCategory } from '../../preload/contract';

const halfUp = (n: bigint, d: bigint): bigint => (n < 0n ? -((-n * 2n + d) / (2n * d)) : (n * 2n + d) / (2n * d));
const SALE_CAP = 100_000_000; // 1,000,000 SAR
const amount = fc.integer({ min: 0, max: SALE_CAP });
const category = fc.constantFrom<VatCategory>('S', 'Z', 'E');

describe('main/money, over random inputs', () => {
  it('divides half-up, away from zero at exactly .5', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        // `+ 0`: a negative numerator that rounds to nothing gives -0, the same amount (-0 === 0, JSON writes 0).
        expect(divideRoundHalfUp(n, d) + 0).toBe(Number(halfUp(BigInt(n), BigInt(d))));
      }),
      { numRuns: 2000 },
    );
  });

  it("prices a line by the piece exactly and a weighed one by the gram, half-up once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (price, quantity, kg) => {
        const got = lineTotalHalalas({ unitPriceHalalas: price, quantity, soldBy: kg ? 'kg' : 'each' });
        expect(got).toBe(kg ? Number(halfUp(BigInt(price) * BigInt(quantity), 1000n)) : price * quantity);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes a percentage off half-up and never more than the base', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: SALE_CAP }), (base, percent, halalas) => {
        expect(discountHalalas({ kind: 'percent', percent }, base)).toBe(Number(halfUp(BigInt(base) * BigInt(percent), 100n)));
        expect(discountHalalas({ kind: 'amount', halalas }, base)).toBe(Math.min(halalas, base));
      }),
      { numRuns: 1000 },
    );
  });

  it('spreads a sale discount over the lines in parts that add up to it, each within a halala of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: SALE_CAP / 8 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 0, max: 1000 }), (weights, perMille) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        const total = Math.floor((sum * perMille) / 1000);
        const parts = apportion(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(sum > 0 ? total : 0);
        parts.forEach((p, i) => {
          expect(Number.isSafeInteger(p)).toBe(true);
          expect(p).toBeLessThanOrEqual(weights[i]!); // never more off a line than it has
          if (sum > 0) {
            const exact = (BigInt(weights[i]!) * BigInt(total) * 1000n) / BigInt(sum); // thousandths, floored
            expect(BigInt(p) * 1000n >= exact - 1000n && BigInt(p) * 1000n <= exact + 1000n).toBe(true);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('computes VAT once per category on what is left after the sale discount, half-up', () => {
    const line = fc.record({ lineTotalHalalas: fc.integer({ min: 0, max: SALE_CAP / 8 }), vatCategory: category, off: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (drawn, inclusive) => {
        const lines = drawn.map((l) => ({ lineTotalHalalas: l.lineTotalHalalas, vatCategory: l.vatCategory, saleDiscountShareHalalas: Math.floor((l.lineTotalHalalas * l.off) / 1000) }));
        const totals = computeTotals(lines, inclusive);
        const byCat = new Map<VatCategory, bigint>();
        for (const l of lines) byCat.set(l.vatCategory, (byCat.get(l.vatCategory) ?? 0n) + BigInt(l.lineTotalHalalas - l.saleDiscountShareHalalas));
        let vat = 0n;
        let subtotal = 0n;
        for (const [cat, a] of byCat) {
          const rate = cat === 'S' ? 15n : 0n;
          const v = inclusive ? halfUp(a * rate, 100n + rate) : halfUp(a * rate, 100n);
          const b = totals.breakdown.find((x) => x.category === cat)!;
          expect(b.vatHalalas).toBe(Number(v));
          expect(b.taxableHalalas).toBe(Number(inclusive ? a - v : a));
          vat += v;
          subtotal += inclusive ? a - v : a;
        }
        expect(totals.breakdown).toHaveLength(byCat.size);
        expect(totals).toMatchObject({ vatHalalas: Number(vat), subtotalHalalas: Number(subtotal), totalHalalas: Number(vat + subtotal) });
        // VAT-inclusive: the customer pays the lines as priced, less the discount, not a halala more or less.
        if (inclusive) expect(totals.totalHalalas).toBe(lines.reduce((s, l) => s + l.lineTotalHalalas - l.saleDiscountShareHalalas, 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives back a line returned bit by bit in parts that add up to what was paid for it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SALE_CAP }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 10 }),
        (paid, quantity, shares) => {
          let before = 0;
          let back = 0;
          for (const share of [...shares, 1000]) {
            const left = quantity - before;
            if (left === 0) break;
            const q = Math.max(1, Math.floor((left * share) / 1000));
            const part = paidPartHalalas(paid, q, before, quantity);
            expect(part).toBeGreaterThanOrEqual(0);
            // Never more than that quantity's exact share, rounded up.
            expect(part * quantity).toBeLessThanOrEqual(paid * q + quantity);
            back += part;
            before += q;
          }
          expect(back).toBe(paid);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
