// A refund with no credit note is a hole in the e-invoicing: money goes back and no document says so. The till
// therefore has one way to give money back to a customer — a return of lines of a receipt (returnSale), which
// issues the credit note in the transaction that records the refund. The old terminal panel's refund of an amount
// typed by hand (refundCard) is gone from the contract, and no method takes an amount to refund.
import { describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../preload/contract';

describe('the contract', () => {
  it('has no refund by amount: no method named for refunds, and returnSale takes lines, never an amount', () => {
    expect(methodNames.filter((m) => /refund/i.test(m))).toEqual([]);
    const shape = methods.returnSale.input.shape;
    expect(Object.keys(shape).sort()).toEqual(['lines', 'managerPin', 'reason', 'receiptNo', 'refundTo', 'secondFactor']);
  });
});
