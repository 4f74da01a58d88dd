import { describe, expect, it } from 'vitest';
import { priceOf, ruleOf } from '../../renderer/discounts/discountForm';

describe('the discount dialog reads what was typed', () => {
  it('takes a whole percentage 1–100, in either digit script, with or without the sign', () => {
    expect(ruleOf('percent', '10')).toEqual({ kind: 'percent', percent: 10 });
    expect(ruleOf('percent', '١٥٪')).toEqual({ kind: 'percent', percent: 15 });
    expect(ruleOf('percent', '100%')).toEqual({ kind: 'percent', percent: 100 });
    for (const bad of ['0', '101', '12.5', '', 'abc', '-5']) expect(ruleOf('percent', bad), bad).toBeNull();
  });

  it('takes an amount in riyals as halalas, never zero', () => {
    expect(ruleOf('amount', '5')).toEqual({ kind: 'amount', halalas: 500 });
    expect(ruleOf('amount', '٢٫٥')).toEqual({ kind: 'amount', halalas: 250 });
    for (const bad of ['0', '0.00', '1.234', 'x']) expect(ruleOf('amount', bad), bad).toBeNull();
  });

  it('takes a price, zero included (a free item, which main sends to a manager)', () => {
    expect(priceOf('4.50')).toBe(450);
    expect(priceOf('0')).toBe(0);
    expect(priceOf('4.505')).toBeNull();
  });
});
