// The list of methods whose reply is the sale, held to the contract: the host leaves out the saleChanged a call
// raised only for these, and the page's client raises it from their replies, so a method missing here would
// leave the page's view behind on the browser host.
import { describe, expect, it } from 'vitest';
import { methods, Sale, SALE_REPLY_METHODS, type MethodName } from '../../preload/contract';

describe('SALE_REPLY_METHODS', () => {
  it('is exactly the methods whose output is the Sale schema', () => {
    const answeringWithTheSale = (Object.keys(methods) as MethodName[]).filter((m) => methods[m].output === Sale);
    expect(answeringWithTheSale.length).toBeGreaterThan(5);
    expect([...SALE_REPLY_METHODS].sort()).toEqual(answeringWithTheSale.sort());
  });
});
