// The pure parts both sides share: what a count is worth (counts × value, integer halalas), its stored form, and
// what the shift screen accepts as typed (any digit script) before anything goes to main.
import { describe, expect, it } from 'vitest';
import { CashCount, cashCountTotal, DENOMINATIONS, normalCashCount } from '../../preload/contract';
import { checkCount, checkMovementAmount, checkReason, parsePieces, stepPieces } from '../../renderer/shift/shiftChecks';

describe('a cash count', () => {
  it('is worth its pieces times their values, in halalas', () => {
    expect(cashCountTotal({})).toBe(0);
    expect(cashCountTotal({ n500: 1, n1: 3, c100: 2, c5: 1 })).toBe(50_000 + 300 + 200 + 5);
    // A full drawer of every denomination at the most pieces stays an exact integer.
    const full = Object.fromEntries(DENOMINATIONS.map((d) => [d.key, 9999])) as CashCount;
    expect(cashCountTotal(full)).toBe(9999 * DENOMINATIONS.reduce((sum, d) => sum + d.valueHalalas, 0));
  });

  it('is stored without its empty denominations, in the drawer order', () => {
    expect(Object.keys(normalCashCount({ c5: 1, n20: 0, n500: 2, n1: 1 }))).toEqual(['n500', 'n1', 'c5']);
  });

  it('refuses unknown denominations, fractions and more than 9999 pieces', () => {
    expect(CashCount.safeParse({ n1000: 1 }).success).toBe(false);
    expect(CashCount.safeParse({ n50: 1.5 }).success).toBe(false);
    expect(CashCount.safeParse({ n50: 10_000 }).success).toBe(false);
    expect(CashCount.safeParse({ n50: -1 }).success).toBe(false);
    expect(CashCount.safeParse({ n50: 9999, c25: 0 }).success).toBe(true);
  });
});

describe('what the shift screen accepts', () => {
  it('reads pieces in Latin or Arabic-Indic digits; empty is none', () => {
    expect(parsePieces('')).toBe(0);
    expect(parsePieces(undefined)).toBe(0);
    expect(parsePieces(' 12 ')).toBe(12);
    expect(parsePieces('١٢')).toBe(12);
    expect(parsePieces('9999')).toBe(9999);
    expect(parsePieces('62810')).toBeNull();
    expect(parsePieces('1.5')).toBeNull();
    expect(parsePieces('-1')).toBeNull();
  });

  it('names the first row that is not a number of pieces', () => {
    expect(checkCount({ n100: '2', n50: '', c25: '٣' })).toEqual({ ok: true, value: { n100: 2, c25: 3 } });
    expect(checkCount({ n100: '2', n10: 'x', c5: 'y' })).toEqual({ ok: false, code: 'SHIFT_PIECES_INVALID', key: 'n10' });
  });

  it('steps a row by one piece, never below none nor above 9999', () => {
    expect(stepPieces('', 1)).toBe('1');
    expect(stepPieces('0', -1)).toBe('0');
    expect(stepPieces('٩', 1)).toBe('10');
    expect(stepPieces('9999', 1)).toBe('9999');
    expect(stepPieces('junk', 1)).toBe('1');
  });

  it('takes a paid-in/out amount above zero in riyals and halalas, and a one-line reason', () => {
    expect(checkMovementAmount('12.50')).toEqual({ ok: true, value: 1250 });
    expect(checkMovementAmount('٥٠')).toEqual({ ok: true, value: 5000 });
    expect(checkMovementAmount('0')).toMatchObject({ ok: false });
    expect(checkMovementAmount('1.005')).toMatchObject({ ok: false });
    expect(checkMovementAmount('100001')).toMatchObject({ ok: false });
    expect(checkReason('  Cleaner   Ahmed ')).toEqual({ ok: true, value: 'Cleaner Ahmed' });
    expect(checkReason('   ')).toMatchObject({ ok: false, code: 'SHIFT_REASON_REQUIRED' });
    expect(checkReason('x'.repeat(121))).toMatchObject({ ok: false });
  });
});
