// When the day's closing (the Z) asks the closing manager for their authenticator code (docs/people.md): a shift of
// the period counted out by more than `twoFactor.cashDifferenceAboveHalalas` either way, or the period's shifts
// together out by more; or payments still in doubt that the manager closes anyway, by name.
import { describe, expect, it } from 'vitest';
import { closingNeedsSecondFactor } from '../../main/closing';

const shift = (differenceHalalas: number) => ({ shiftNo: 'T1-S000001', expectedHalalas: 10_000, countedHalalas: 10_000 + differenceHalalas, differenceHalalas });
const doubt = { reference: 'P-1', kind: 'sale', state: 'unknown', amountHalalas: 2_000 };
const LIMIT = 5_000;

describe('closingNeedsSecondFactor', () => {
  it('asks for a shift out by more than the threshold, over or short, and not at the threshold', () => {
    expect(closingNeedsSecondFactor({ shifts: [], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(false);
    expect(closingNeedsSecondFactor({ shifts: [shift(5_000), shift(-5_000)], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(false);
    expect(closingNeedsSecondFactor({ shifts: [shift(5_001)], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(true);
    expect(closingNeedsSecondFactor({ shifts: [shift(0), shift(-5_001)], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(true);
  });

  it('asks when the shifts together are out by more, though none alone is', () => {
    expect(closingNeedsSecondFactor({ shifts: [shift(-3_000), shift(-3_000)], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(true);
    expect(closingNeedsSecondFactor({ shifts: [shift(3_000), shift(-3_000)], paymentsNeedingAttention: [] }, LIMIT, false)).toBe(false);
  });

  it('asks when payments in doubt are acknowledged by name; not before (the Z is refused without the name)', () => {
    expect(closingNeedsSecondFactor({ shifts: [], paymentsNeedingAttention: [doubt] }, LIMIT, true)).toBe(true);
    expect(closingNeedsSecondFactor({ shifts: [], paymentsNeedingAttention: [doubt] }, LIMIT, false)).toBe(false);
    expect(closingNeedsSecondFactor({ shifts: [shift(9_000)], paymentsNeedingAttention: [doubt] }, LIMIT, false)).toBe(false);
    // A name given with nothing in doubt is not an acknowledgement (the Z ignores it).
    expect(closingNeedsSecondFactor({ shifts: [], paymentsNeedingAttention: [] }, LIMIT, true)).toBe(false);
  });
});
