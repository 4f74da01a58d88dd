// The renderer's withSecondFactor asks for the approver's code on exactly the methods whose input can carry it
// (docs/people.md): a method main asks a code of but the wrapper skips would leave the manager with a refusal and
// no way to type the code; one the wrapper resends with `secondFactor` but whose input refuses the key would fail.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods } from '../../preload/contract/methods';
import { SECOND_FACTOR_METHODS } from '../../renderer/people/secondFactor';

const carriesCode = (name: keyof typeof methods): boolean => {
  const input = methods[name].input as unknown;
  return input instanceof z.ZodObject && 'secondFactor' in input.shape;
};

describe('the methods the code dialog covers', () => {
  it('include the returns desk and the day closing, with every refund and cash-difference approval', () => {
    expect(SECOND_FACTOR_METHODS).toEqual(expect.arrayContaining(['returnSale', 'settleReturnRequest', 'payReturnCash', 'approveShiftClose', 'closeDay']));
  });

  it('are exactly the contract methods whose input takes `secondFactor`', () => {
    const inContract = (Object.keys(methods) as Array<keyof typeof methods>).filter(carriesCode).sort();
    expect([...SECOND_FACTOR_METHODS].sort()).toEqual(inContract);
  });
});
