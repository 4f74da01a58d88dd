import { describe, expect, it } from 'vitest';
import { intentMessage, outcomeCode } from '../../renderer/payments/intentMessages';
import { intent } from './fixtures';

describe('what the cashier is told after a payment action', () => {
  it('names each outcome', () => {
    expect(outcomeCode(intent({ state: 'approved' }))).toBe('PAYMENT_APPROVED');
    expect(outcomeCode(intent({ state: 'declined' }))).toBe('PAYMENT_DECLINED');
    expect(outcomeCode(intent({ state: 'not_found' }))).toBe('PAYMENT_NOT_FOUND');
    expect(outcomeCode(intent({ state: 'unknown' }))).toBe('STILL_UNKNOWN');
    expect(outcomeCode(intent({ state: 'awaiting' }))).toBe('IN_PROGRESS');
    expect(outcomeCode(intent({ state: 'reversed' }))).toBe('REVERSED');
    expect(outcomeCode(intent({ kind: 'reversal', state: 'approved' }))).toBe('REVERSED');
    expect(outcomeCode(intent({ kind: 'reversal', state: 'declined' }))).toBe('REVERSAL_FAILED');
    expect(outcomeCode(intent({ kind: 'refund', state: 'approved' }))).toBe('REFUND_APPROVED');
    expect(outcomeCode(intent({ kind: 'refund', state: 'declined' }))).toBe('REFUND_DECLINED');
    expect(outcomeCode(intent({ state: 'orphaned' }))).toBe('ORPHANED');
  });

  it("adds the terminal's own reason, in both languages, to bad news only", () => {
    const declined = intentMessage(intent({ state: 'declined', reason: { en: 'Insufficient funds', ar: 'رصيد غير كافٍ' } }));
    expect(declined.tone).toBe('error');
    expect(declined.data.message_en).toMatch(/nothing was charged.*Insufficient funds$/);
    expect(declined.data.message_ar).toMatch(/رصيد غير كافٍ$/);
    const approved = intentMessage(intent({ state: 'approved', reason: { en: 'x', ar: 'x' } }));
    expect(approved.tone).toBe('info');
    expect(approved.data.message_en).not.toMatch(/x$/);
  });
});

describe('STC Pay outcomes', () => {
  it('are told in STC Pay words where a card would be named', () => {
    const refund = intentMessage(intent({ kind: 'refund', method: 'stcpay', state: 'approved' }));
    expect(refund.data.code).toBe('REFUND_APPROVED');
    expect(refund.data.message_en).toBe('The refund to STC Pay was approved.');
    expect(refund.data.message_ar).toContain('STC Pay');
    const declined = intentMessage(intent({ method: 'stcpay', state: 'declined', reason: { en: 'Not enough balance.', ar: 'الرصيد غير كافٍ.' } }));
    expect(declined.tone).toBe('error');
    expect(declined.data.message_en).toMatch(/^The STC Pay payment did not go through.*Not enough balance\.$/);
    // Where STC Pay has no words of its own, the general ones.
    expect(intentMessage(intent({ method: 'stcpay', state: 'unknown' })).data.message_en).toBe(intentMessage(intent({ state: 'unknown' })).data.message_en);
    // A card payment keeps the card's words.
    expect(intentMessage(intent({ kind: 'refund', state: 'approved' })).data.message_en).toBe('The refund to the card was approved.');
  });
});

describe('an approval learnt late', () => {
  it('completed its sale when the till has moved on from that sale', async () => {
    const { completedItsSale } = await import('../../renderer/payments/usePaymentActions');
    expect(completedItsSale(intent({ state: 'approved', saleId: 'S1' }), 'S2')).toBe(true);
    expect(completedItsSale(intent({ state: 'approved', saleId: 'S1' }), 'S1')).toBe(false);
    expect(completedItsSale(intent({ state: 'declined', saleId: 'S1' }), 'S2')).toBe(false);
    expect(completedItsSale(intent({ kind: 'refund', state: 'approved', saleId: null }), 'S2')).toBe(false);
  });
});
