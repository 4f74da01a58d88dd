import { describe, expect, it } from 'vitest';
import type { CompletedSale, PaymentProgress } from '../../preload/contract/schemas';
import { customerPayment, readViewMode, THANKS_MS, thanksFor, thanksShowing } from '../../renderer/customer/displayRules';
import { intent, openSale } from './fixtures';

const progress = (over: Partial<PaymentProgress> = {}): PaymentProgress => ({
  intentId: 'I1',
  saleId: 'S1',
  state: 'awaiting',
  stage: 'sent',
  otp: null,
  ...over,
});

describe('which screen the page shows', () => {
  it('is the customer display for view=customer, with or without the secret', () => {
    expect(readViewMode('#view=customer')).toBe('customer');
    expect(readViewMode('#secret=abc123&view=customer')).toBe('customer');
    expect(readViewMode('view=customer')).toBe('customer');
  });
  it('is the till otherwise', () => {
    expect(readViewMode('')).toBe('till');
    expect(readViewMode('#secret=abc123')).toBe('till');
    expect(readViewMode('#view=till')).toBe('till');
    expect(readViewMode('#view=customerx')).toBe('till');
  });
});

describe('what the customer is told about a card payment', () => {
  it('says "follow the terminal" while the sale\'s payment is being sent or awaited', () => {
    expect(customerPayment(openSale({ payment: intent({ state: 'sending' }) }), null)).toBe('card');
    expect(customerPayment(openSale({ payment: intent({ state: 'awaiting' }) }), null)).toBe('card');
    // STC Pay: the customer confirms in the app and reads the code to the cashier.
    expect(customerPayment(openSale({ payment: intent({ method: 'stcpay', state: 'sending' }) }), null)).toBe('stcpay');
    expect(customerPayment(openSale({ payment: intent({ method: 'stcpay', state: 'awaiting' }) }), null)).toBe('stcpay');
    expect(customerPayment(openSale({ payment: intent({ method: 'stcpay', state: 'unknown' }) }), null)).toBe('wait');
  });

  it('says "one moment, do not pay again" while the outcome is unknown', () => {
    expect(customerPayment(openSale({ payment: intent({ state: 'unknown' }) }), null)).toBe('wait');
  });

  it('says nothing without a payment, or for a reversal being processed by the manager', () => {
    expect(customerPayment(openSale(), null)).toBe('none');
    expect(customerPayment(null, null)).toBe('none');
    expect(customerPayment(openSale({ payment: intent({ kind: 'reversal', state: 'awaiting' }) }), null)).toBe('none');
  });

  it('follows a progress event that is ahead of the sale copy (the payment just started)', () => {
    const sale = openSale({ revision: 4 });
    expect(customerPayment(sale, { progress: progress({ state: 'sending' }), saleRevision: 4 })).toBe('card');
  });

  it('follows progress of the same payment (e.g. it became unknown)', () => {
    const sale = openSale({ payment: intent({ state: 'awaiting' }), revision: 5 });
    expect(customerPayment(sale, { progress: progress({ state: 'unknown' }), saleRevision: 3 })).toBe('wait');
    expect(customerPayment(sale, { progress: progress({ state: 'approved' }), saleRevision: 5 })).toBe('none');
  });

  it('ignores progress the sale has moved past, of another sale, or of an earlier attempt', () => {
    // The payment ended (the sale copy is newer and has no payment): a late "awaiting" must not come back.
    expect(customerPayment(openSale({ revision: 6 }), { progress: progress(), saleRevision: 5 })).toBe('none');
    expect(customerPayment(openSale(), { progress: progress({ saleId: 'S0' }), saleRevision: 1 })).toBe('none');
    const retry = openSale({ payment: intent({ intentId: 'I2', state: 'sending' }) });
    expect(customerPayment(retry, { progress: progress({ intentId: 'I1', state: 'declined' }), saleRevision: 1 })).toBe('card');
  });
});

describe('thanking the customer', () => {
  const completed = (change: number): CompletedSale => ({
    receipt: {
      receiptNo: 'T01-000002',
      tillId: 'T01',
      saleId: 'S1',
      issuedAt: '2025-11-27T10:05:00Z',
      shopNameAr: 'بقالة',
      shopNameEn: 'Grocery',
      vatNumber: '300000000000003',
      lines: openSale().lines,
      totals: { subtotalHalalas: 4348, vatHalalas: 652, totalHalalas: 5000, breakdown: [] },
      tenders: [{ kind: 'cash', amountHalalas: 5000, tenderedHalalas: 5000 + change, changeHalalas: change }],
    },
    changeHalalas: change,
    drawer: 'opened',
    next: openSale({ saleId: 'S2', lines: [], revision: 0 }),
  });

  it('takes the total and the change from the completed sale', () => {
    expect(thanksFor(completed(1575), 1000)).toEqual({
      saleId: 'S1',
      nextSaleId: 'S2',
      receiptNo: 'T01-000002',
      totalHalalas: 5000,
      changeHalalas: 1575,
      until: 1000 + THANKS_MS,
    });
    expect(thanksFor(completed(0), 0).changeHalalas).toBeNull();
  });

  it('shows for its time, over the completed sale or the empty next one', () => {
    const thanks = thanksFor(completed(0), 0);
    expect(thanksShowing(thanks, openSale({ saleId: 'S2', lines: [] }), THANKS_MS - 1)).toBe(true);
    expect(thanksShowing(thanks, openSale({ saleId: 'S1' }), 10)).toBe(true); // the event came first
    expect(thanksShowing(thanks, null, 10)).toBe(true);
    expect(thanksShowing(thanks, openSale({ saleId: 'S2', lines: [] }), THANKS_MS)).toBe(false);
    expect(thanksShowing(null, openSale(), 0)).toBe(false);
  });

  it('ends as soon as the next customer\'s first item is on the sale', () => {
    const thanks = thanksFor(completed(0), 0);
    expect(thanksShowing(thanks, openSale({ saleId: 'S2' }), 10)).toBe(false);
  });
});
