import { describe, expect, it } from 'vitest';
import type { CardPaymentResult } from '../../preload/contract/schemas';
import type { PaymentProgress } from '../../preload/contract/schemas';
import {
  adoptedPaymentEnded,
  closedFlow,
  otpEntryOpen,
  paymentFlow,
  shownStage,
  stepOf,
  type PaymentFlow,
  type PaymentFlowEvent,
  type Waiting,
} from '../../renderer/payments/paymentFlow';
import { cardDetails, cardTender, intent, openSale, otpPrompt, stcPayDetails } from './fixtures';

const run = (...events: PaymentFlowEvent[]): PaymentFlow => events.reduce(paymentFlow, closedFlow);
const waiting = (flow: PaymentFlow): Waiting => {
  if (flow.phase !== 'waiting') throw new Error(`not waiting: ${flow.phase}`);
  return flow;
};
const result = (over: Partial<CardPaymentResult>): CardPaymentResult => ({
  outcome: 'approved',
  intent: intent({ state: 'approved', card: cardDetails() }),
  sale: openSale(),
  completed: null,
  ...over,
});

describe('card flow', () => {
  it('opens on the amount and sends once', () => {
    const sent = run({ type: 'open', method: 'card' }, { type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 });
    expect(waiting(sent)).toMatchObject({ saleId: 'S1', amountHalalas: 2000, intentId: null, stage: 'connecting' });
    // A second Enter while waiting changes nothing.
    expect(paymentFlow(sent, { type: 'send', method: 'card', saleId: 'S1', amountHalalas: 999 })).toBe(sent);
    expect(paymentFlow(sent, { type: 'open', method: 'card' })).toBe(sent);
    expect(paymentFlow(sent, { type: 'close' })).toBe(sent);
  });

  it('follows the terminal through progress events, adopting the intent id from the first one', () => {
    let flow = run({ type: 'open', method: 'card' }, { type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 });
    flow = paymentFlow(flow, { type: 'progress', progress: { intentId: 'I9', saleId: 'S1', state: 'awaiting', stage: 'sent', otp: null } });
    expect(waiting(flow)).toMatchObject({ intentId: 'I9', stage: 'sent', state: 'awaiting' });
    expect(shownStage(waiting(flow))).toBe('sent');
    flow = paymentFlow(flow, { type: 'progress', progress: { intentId: 'I9', saleId: 'S1', state: 'awaiting', stage: 'awaiting_result', otp: null } });
    expect(shownStage(waiting(flow))).toBe('awaiting_result');
  });

  it('ignores progress of other payments (another sale, another intent)', () => {
    let flow = run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 });
    flow = paymentFlow(flow, { type: 'progress', progress: { intentId: 'X', saleId: 'S2', state: 'awaiting', stage: 'sent', otp: null } });
    expect(waiting(flow).intentId).toBeNull();
    flow = paymentFlow(flow, { type: 'progress', progress: { intentId: 'I1', saleId: 'S1', state: 'awaiting', stage: 'sent', otp: null } });
    flow = paymentFlow(flow, { type: 'progress', progress: { intentId: 'REFUND', saleId: null, state: 'awaiting', stage: 'awaiting_result', otp: null } });
    expect(waiting(flow)).toMatchObject({ intentId: 'I1', stage: 'sent' });
  });

  it("learns the id and state from the sale's payment too", () => {
    let flow = run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 });
    flow = paymentFlow(flow, { type: 'sale', sale: openSale({ payment: intent({ intentId: 'I7', state: 'awaiting' }) }) });
    expect(waiting(flow)).toMatchObject({ intentId: 'I7', state: 'awaiting' });
    expect(shownStage({ ...waiting(flow), stage: null })).toBe('sent');
  });

  it('derives a stage from the state when the terminal sent none', () => {
    const base = waiting(run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 1 }));
    expect(shownStage({ ...base, stage: null, state: 'sending' })).toBe('connecting');
    expect(shownStage({ ...base, stage: null, state: 'awaiting' })).toBe('sent');
    expect(shownStage({ ...base, stage: null, state: 'unknown' })).toBe('recovering');
    expect([stepOf('connecting'), stepOf('sent'), stepOf('awaiting_result'), stepOf('recovering')]).toEqual([0, 1, 2, 2]);
    expect(stepOf('awaiting_otp')).toBe(1); // the customer's part, like the card and PIN
  });

  it('marks a cancel and lets it be retried when the call failed', () => {
    let flow = run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 }, { type: 'cancel' });
    expect(waiting(flow).cancelRequested).toBe(true);
    flow = paymentFlow(flow, { type: 'cancelFailed' });
    expect(waiting(flow).cancelRequested).toBe(false);
  });

  it('keeps declined and not_found on the panel, and leaves it for approved and unknown', () => {
    const sent = run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 });
    const declined = paymentFlow(sent, {
      type: 'result',
      result: result({ outcome: 'declined', intent: intent({ state: 'declined', reason: { en: 'Insufficient funds', ar: 'رصيد غير كافٍ' } }) }),
    });
    expect(declined).toMatchObject({ phase: 'result', outcome: 'declined', amountHalalas: 2000 });
    expect(paymentFlow(sent, { type: 'result', result: result({ outcome: 'not_found', intent: intent({ state: 'not_found' }) }) })).toMatchObject({
      phase: 'result',
      outcome: 'not_found',
    });
    expect(paymentFlow(sent, { type: 'result', result: result({}) })).toEqual(closedFlow);
    expect(paymentFlow(sent, { type: 'result', result: result({ outcome: 'unknown', intent: intent({ state: 'unknown' }) }) })).toEqual(closedFlow);
    // Retry from a decline sends again.
    expect(paymentFlow(declined, { type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 }).phase).toBe('waiting');
    expect(paymentFlow(declined, { type: 'close' })).toEqual(closedFlow);
  });

  it('goes back to the amount when the call is refused', () => {
    expect(run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 2000 }, { type: 'failed' })).toEqual({ phase: 'entry', method: 'card' });
  });

  it('adopts a payment another view started and knows when it is over', () => {
    const payment = intent({ intentId: 'I3', state: 'awaiting', amountHalalas: 1500 });
    const flow = run({ type: 'adopt', saleId: 'S1', payment });
    expect(waiting(flow)).toMatchObject({ adopted: true, intentId: 'I3', amountHalalas: 1500 });
    expect(adoptedPaymentEnded(flow, openSale({ payment }))).toBe(false);
    expect(adoptedPaymentEnded(flow, openSale({ payment: null, tenders: [cardTender('I3', 1500)] }))).toBe(true);
    expect(adoptedPaymentEnded(flow, openSale({ payment: { ...payment, state: 'unknown' } }))).toBe(true);
    expect(adoptedPaymentEnded(flow, openSale({ saleId: 'S2' }))).toBe(true);
    // A payment this view started is never "adopted-ended".
    expect(adoptedPaymentEnded(run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 1 }), openSale())).toBe(false);
    expect(paymentFlow(flow, { type: 'ended', intent: { ...payment, state: 'declined' } })).toMatchObject({ phase: 'result', outcome: 'declined' });
    expect(paymentFlow(flow, { type: 'ended', intent: null })).toEqual(closedFlow);
  });
});

describe('STC Pay flow', () => {
  it('adopting a payment that waits for the customer code asks for it with the prompt from the sale', () => {
    const otp = { attempt: 2, expiresAt: '2026-11-27T10:05:00Z', maskedMobile: '9665*****567', lastError: { en: 'Wrong code', ar: 'رمز خاطئ' } };
    const payment = intent({ intentId: 'P9', method: 'stcpay', state: 'awaiting', otp });
    const flow = waiting(run({ type: 'adopt', saleId: 'S1', payment }));
    expect(flow).toMatchObject({ method: 'stcpay', stage: 'awaiting_otp', otp });
    expect(waiting(run({ type: 'adopt', saleId: 'S1', payment: { ...payment, otp: null } }))).toMatchObject({ otp: null, stage: null });
  });

  const progress = (over: Partial<PaymentProgress>): PaymentProgress => ({
    intentId: 'P1',
    saleId: 'S1',
    state: 'awaiting',
    stage: 'sent',
    otp: null,
    ...over,
  });
  const sent = (): PaymentFlow => run({ type: 'open', method: 'stcpay' }, { type: 'send', method: 'stcpay', saleId: 'S1', amountHalalas: 3425 });
  const prompted = (over: Parameters<typeof otpPrompt>[0] = {}): PaymentFlow =>
    paymentFlow(sent(), { type: 'progress', progress: progress({ stage: 'awaiting_otp', otp: otpPrompt(over) }) });

  it('opens on the number and amount, and remembers it is STC Pay throughout', () => {
    expect(run({ type: 'open', method: 'stcpay' })).toEqual({ phase: 'entry', method: 'stcpay' });
    const flow = waiting(sent());
    expect(flow).toMatchObject({ method: 'stcpay', otp: null, otpSent: false, stage: 'connecting' });
    expect(otpEntryOpen(flow)).toBe(false);
    // Refused by main (a bad number, STC Pay not set up): back to the number, still STC Pay.
    expect(paymentFlow(flow, { type: 'failed' })).toEqual({ phase: 'entry', method: 'stcpay' });
  });

  it('asks for the code when main prompts for it, with the try, expiry and masked number', () => {
    const flow = waiting(prompted());
    expect(flow.otp).toEqual(otpPrompt());
    expect(flow.intentId).toBe('P1');
    expect(shownStage(flow)).toBe('awaiting_otp');
    expect(otpEntryOpen(flow)).toBe(true);
  });

  it('hides the entry while a code is checked, and asks again with the reason after a wrong one', () => {
    let flow = paymentFlow(prompted(), { type: 'otpSent' });
    expect(otpEntryOpen(waiting(flow))).toBe(false);
    flow = paymentFlow(flow, { type: 'progress', progress: progress({ stage: 'awaiting_result' }) });
    expect(waiting(flow)).toMatchObject({ otp: null, otpSent: false, stage: 'awaiting_result' });
    expect(otpEntryOpen(waiting(flow))).toBe(false);
    const wrong = { en: 'Wrong code.', ar: 'الرمز غير صحيح.' };
    flow = paymentFlow(flow, { type: 'progress', progress: progress({ stage: 'awaiting_otp', otp: otpPrompt({ attempt: 2, lastError: wrong }) }) });
    expect(waiting(flow).otp).toMatchObject({ attempt: 2, lastError: wrong });
    expect(otpEntryOpen(waiting(flow))).toBe(true);
  });

  it('lets the code be typed again when the call itself was refused', () => {
    const flow = paymentFlow(paymentFlow(prompted(), { type: 'otpSent' }), { type: 'otpFailed' });
    expect(otpEntryOpen(waiting(flow))).toBe(true);
  });

  it('hides the entry once the cashier cancels, and ignores prompts for other payments', () => {
    expect(otpEntryOpen(waiting(paymentFlow(prompted(), { type: 'cancel' })))).toBe(false);
    const other = paymentFlow(prompted(), { type: 'progress', progress: progress({ intentId: 'X', stage: 'awaiting_result' }) });
    expect(waiting(other).otp).toEqual(otpPrompt());
  });

  it('never offers a code entry for a card payment', () => {
    const card = run({ type: 'send', method: 'card', saleId: 'S1', amountHalalas: 1 }, { type: 'progress', progress: progress({ stage: 'awaiting_otp' }) });
    expect(otpEntryOpen(waiting(card))).toBe(false);
  });

  it('offers the entry to a view that adopted an STC Pay payment waiting for its code (after a reload)', () => {
    const payment = intent({ intentId: 'P1', method: 'stcpay', state: 'awaiting' });
    const adopted = waiting(run({ type: 'adopt', saleId: 'S1', payment }));
    expect(adopted).toMatchObject({ method: 'stcpay', adopted: true, otp: null, stage: null });
    expect(otpEntryOpen(adopted)).toBe(true);
    expect(shownStage(adopted)).toBe('awaiting_otp');
    // Still being sent: no code yet.
    expect(otpEntryOpen(waiting(run({ type: 'adopt', saleId: 'S1', payment: { ...payment, state: 'sending' } })))).toBe(false);
    // A stage learnt since then rules.
    expect(otpEntryOpen(waiting(paymentFlow(adopted, { type: 'progress', progress: progress({ stage: 'awaiting_result' }) })))).toBe(false);
  });

  it('ends like a card payment: declined on the panel with its reason, approved and unknown off it', () => {
    const declinedIntent = intent({ intentId: 'P1', method: 'stcpay', state: 'declined', reason: { en: 'Not enough balance', ar: 'الرصيد غير كافٍ' } });
    const declined = paymentFlow(prompted(), { type: 'result', result: result({ outcome: 'declined', intent: declinedIntent }) });
    expect(declined).toMatchObject({ phase: 'result', method: 'stcpay', outcome: 'declined', amountHalalas: 3425 });
    const approved = intent({ intentId: 'P1', method: 'stcpay', state: 'approved', card: stcPayDetails() });
    expect(paymentFlow(prompted(), { type: 'result', result: result({ intent: approved }) })).toEqual(closedFlow);
    // Retry from the decline sends again as STC Pay.
    expect(paymentFlow(declined, { type: 'send', method: 'stcpay', saleId: 'S1', amountHalalas: 3425 })).toMatchObject({ phase: 'waiting', method: 'stcpay' });
  });
});
