import { describe, expect, it } from 'vitest';
import { quickTenderAmounts } from '../../renderer/tender/quickTender';
import { checkTender } from '../../renderer/tender/tendered';

describe('quickTenderAmounts', () => {
  it('offers the next notes at or above the total', () => {
    expect(quickTenderAmounts(1250)).toEqual([2000, 5000, 10000, 20000]);
    expect(quickTenderAmounts(350)).toEqual([500, 1000, 2000, 5000]);
    expect(quickTenderAmounts(3700)).toEqual([5000, 10000, 20000, 50000]);
  });

  it('leaves out a note equal to the total (the exact button covers it)', () => {
    expect(quickTenderAmounts(5000)).toEqual([10000, 20000, 50000]);
    expect(quickTenderAmounts(5000)).not.toContain(5000);
  });

  it('offers round-ups when no single note covers the total', () => {
    expect(quickTenderAmounts(73000)).toEqual([80000, 100000]);
    expect(quickTenderAmounts(50000)).toEqual([60000]);
  });

  it('offers no amount that would give 500 riyals or more in change', () => {
    expect(quickTenderAmounts(100)).toEqual([500, 1000, 2000, 5000]);
    expect(quickTenderAmounts(5000)).not.toContain(100000);
    for (const total of [1, 99, 4999, 5001, 49999, 50001, 99999]) {
      for (const a of quickTenderAmounts(total)) expect(a - total).toBeLessThan(50000);
    }
  });

  it('always returns ascending amounts strictly above the total, at most the count asked for', () => {
    for (const total of [1, 499, 501, 1999, 19999, 45050, 120000]) {
      const amounts = quickTenderAmounts(total);
      expect(amounts.length).toBeGreaterThan(0);
      expect(amounts.length).toBeLessThanOrEqual(4);
      expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
      for (const a of amounts) expect(a).toBeGreaterThan(total);
    }
    expect(quickTenderAmounts(1250, 2)).toEqual([2000, 5000]);
  });

  it('offers nothing for an empty or invalid total', () => {
    expect(quickTenderAmounts(0)).toEqual([]);
    expect(quickTenderAmounts(-100)).toEqual([]);
    expect(quickTenderAmounts(12.5)).toEqual([]);
  });
});

describe('checkTender', () => {
  it('treats an empty field as the exact amount', () => {
    expect(checkTender('', 1250)).toEqual({ ok: true, tenderedHalalas: 1250 });
    expect(checkTender('   ', 1250)).toEqual({ ok: true, tenderedHalalas: 1250 });
  });

  it('accepts enough, refuses too little and junk', () => {
    expect(checkTender('20', 1250)).toEqual({ ok: true, tenderedHalalas: 2000 });
    expect(checkTender('١٢٫٥', 1250)).toEqual({ ok: true, tenderedHalalas: 1250 });
    expect(checkTender('12.49', 1250)).toEqual({ ok: false, code: 'UNDER_TENDER' });
    expect(checkTender('12.505', 1250)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
    expect(checkTender('abc', 1250)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
  });

  it('refuses a tender that would give 500 riyals or more in change (a barcode in the amount field)', () => {
    expect(checkTender('512.49', 1250)).toEqual({ ok: true, tenderedHalalas: 51249 });
    expect(checkTender('512.50', 1250)).toEqual({ ok: false, code: 'CHANGE_TOO_LARGE' });
    expect(checkTender('123456', 1250)).toEqual({ ok: false, code: 'CHANGE_TOO_LARGE' });
    expect(checkTender('62810001', 1250)).toEqual({ ok: false, code: 'CHANGE_TOO_LARGE' });
  });
});
