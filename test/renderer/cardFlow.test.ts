import { describe, expect, it } from 'vitest';
import type { CardPaymentResult } from '../../preload/contract/schemas';
import {
  adoptedPaymentEnded,
  cardFlow,
  closedFlow,
  shownStage,
  stepOf,
  type CardEvent,
  type CardFlow,
  type Waiting,
} from '../../renderer/payments/cardFlow';
import { cardDetails, cardTender, intent, openSale } from './fixtures';

const run = (...events: CardEvent[]): CardFlow => events.reduce(cardFlow, closedFlow);
const waiting = (flow: CardFlow): Waiting => {
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
    const sent = run({ type: 'open' }, { type: 'send', saleId: 'S1', amountHalalas: 2000 });
    expect(waiting(sent)).toMatchObject({ saleId: 'S1', amountHalalas: 2000, intentId: null, stage: 'connecting' });
    // A second Enter while waiting changes nothing.
    expect(cardFlow(sent, { type: 'send', saleId: 'S1', amountHalalas: 999 })).toBe(sent);
    expect(cardFlow(sent, { type: 'open' })).toBe(sent);
    expect(cardFlow(sent, { type: 'close' })).toBe(sent);
  });

  it('follows the terminal through progress events, adopting the intent id from the first one', () => {
    let flow = run({ type: 'open' }, { type: 'send', saleId: 'S1', amountHalalas: 2000 });
    flow = cardFlow(flow, { type: 'progress', progress: { intentId: 'I9', saleId: 'S1', state: 'awaiting', stage: 'sent' } });
    expect(waiting(flow)).toMatchObject({ intentId: 'I9', stage: 'sent', state: 'awaiting' });
    expect(shownStage(waiting(flow))).toBe('sent');
    flow = cardFlow(flow, { type: 'progress', progress: { intentId: 'I9', saleId: 'S1', state: 'awaiting', stage: 'awaiting_result' } });
    expect(shownStage(waiting(flow))).toBe('awaiting_result');
  });

  it('ignores progress of other payments (another sale, another intent)', () => {
    let flow = run({ type: 'send', saleId: 'S1', amountHalalas: 2000 });
    flow = cardFlow(flow, { type: 'progress', progress: { intentId: 'X', saleId: 'S2', state: 'awaiting', stage: 'sent' } });
    expect(waiting(flow).intentId).toBeNull();
    flow = cardFlow(flow, { type: 'progress', progress: { intentId: 'I1', saleId: 'S1', state: 'awaiting', stage: 'sent' } });
    flow = cardFlow(flow, { type: 'progress', progress: { intentId: 'REFUND', saleId: null, state: 'awaiting', stage: 'awaiting_result' } });
    expect(waiting(flow)).toMatchObject({ intentId: 'I1', stage: 'sent' });
  });

  it("learns the id and state from the sale's payment too", () => {
    let flow = run({ type: 'send', saleId: 'S1', amountHalalas: 2000 });
    flow = cardFlow(flow, { type: 'sale', sale: openSale({ payment: intent({ intentId: 'I7', state: 'awaiting' }) }) });
    expect(waiting(flow)).toMatchObject({ intentId: 'I7', state: 'awaiting' });
    expect(shownStage({ ...waiting(flow), stage: null })).toBe('sent');
  });

  it('derives a stage from the state when the terminal sent none', () => {
    const base = waiting(run({ type: 'send', saleId: 'S1', amountHalalas: 1 }));
    expect(shownStage({ ...base, stage: null, state: 'sending' })).toBe('connecting');
    expect(shownStage({ ...base, stage: null, state: 'awaiting' })).toBe('sent');
    expect(shownStage({ ...base, stage: null, state: 'unknown' })).toBe('recovering');
    expect([stepOf('connecting'), stepOf('sent'), stepOf('awaiting_result'), stepOf('recovering')]).toEqual([0, 1, 2, 2]);
  });

  it('marks a cancel and lets it be retried when the call failed', () => {
    let flow = run({ type: 'send', saleId: 'S1', amountHalalas: 2000 }, { type: 'cancel' });
    expect(waiting(flow).cancelRequested).toBe(true);
    flow = cardFlow(flow, { type: 'cancelFailed' });
    expect(waiting(flow).cancelRequested).toBe(false);
  });

  it('keeps declined and not_found on the panel, and leaves it for approved and unknown', () => {
    const sent = run({ type: 'send', saleId: 'S1', amountHalalas: 2000 });
    const declined = cardFlow(sent, {
      type: 'result',
      result: result({ outcome: 'declined', intent: intent({ state: 'declined', reason: { en: 'Insufficient funds', ar: 'رصيد غير كافٍ' } }) }),
    });
    expect(declined).toMatchObject({ phase: 'result', outcome: 'declined', amountHalalas: 2000 });
    expect(cardFlow(sent, { type: 'result', result: result({ outcome: 'not_found', intent: intent({ state: 'not_found' }) }) })).toMatchObject({
      phase: 'result',
      outcome: 'not_found',
    });
    expect(cardFlow(sent, { type: 'result', result: result({}) })).toEqual(closedFlow);
    expect(cardFlow(sent, { type: 'result', result: result({ outcome: 'unknown', intent: intent({ state: 'unknown' }) }) })).toEqual(closedFlow);
    // Retry from a decline sends again.
    expect(cardFlow(declined, { type: 'send', saleId: 'S1', amountHalalas: 2000 }).phase).toBe('waiting');
    expect(cardFlow(declined, { type: 'close' })).toEqual(closedFlow);
  });

  it('goes back to the amount when the call is refused', () => {
    expect(run({ type: 'send', saleId: 'S1', amountHalalas: 2000 }, { type: 'failed' })).toEqual({ phase: 'entry' });
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
    expect(adoptedPaymentEnded(run({ type: 'send', saleId: 'S1', amountHalalas: 1 }), openSale())).toBe(false);
    expect(cardFlow(flow, { type: 'ended', intent: { ...payment, state: 'declined' } })).toMatchObject({ phase: 'result', outcome: 'declined' });
    expect(cardFlow(flow, { type: 'ended', intent: null })).toEqual(closedFlow);
  });
});
