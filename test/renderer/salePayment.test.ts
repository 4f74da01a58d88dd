import { describe, expect, it } from 'vitest';
import {
  fullyPaidByTenders,
  lineChangeBlock,
  paidHalalas,
  payBlock,
  paymentInFlight,
  paymentLock,
  tenderOf,
} from '../../renderer/payments/salePayment';
import { cardTender, intent, openSale } from './fixtures';

describe('payments on the sale', () => {
  it('is unlocked with no payment', () => {
    const sale = openSale();
    expect(paymentLock(sale)).toBe('none');
    expect(lineChangeBlock(sale)).toBeNull();
    expect(payBlock(sale)).toBeNull();
    expect(paidHalalas(sale)).toBe(0);
  });

  it('is locked while a payment is in flight or unknown', () => {
    const busy = openSale({ payment: intent({ state: 'awaiting' }) });
    expect(paymentLock(busy)).toBe('busy');
    expect(paymentInFlight(busy)).toBe(true);
    expect(payBlock(busy)).toBe('PAYMENT_PENDING');
    expect(lineChangeBlock(busy)).toBe('PAYMENT_PENDING');
    const unknown = openSale({ payment: intent({ state: 'unknown' }) });
    expect(paymentLock(unknown)).toBe('unknown');
    expect(paymentInFlight(unknown)).toBe(false);
  });

  it('keeps lines fixed once a card tender is attached, but still takes payment for the rest', () => {
    const split = openSale({ tenders: [cardTender('I1', 2000), cardTender('I2', 1000)], dueHalalas: 2000 });
    expect(paidHalalas(split)).toBe(3000);
    expect(lineChangeBlock(split)).toBe('SALE_HAS_PAYMENTS');
    expect(payBlock(split)).toBeNull();
    expect(fullyPaidByTenders(split)).toBe(false);
    expect(tenderOf(split, 'I2')?.amountHalalas).toBe(1000);
    expect(tenderOf(split, 'nope')).toBeNull();
    expect(fullyPaidByTenders(openSale({ tenders: [cardTender('I1', 5000)], dueHalalas: 0 }))).toBe(true);
  });

  it('refuses to pay an empty sale', () => {
    expect(payBlock(openSale({ lines: [] }))).toBe('SALE_EMPTY');
    expect(payBlock(null)).toBe('SALE_EMPTY');
  });
});
