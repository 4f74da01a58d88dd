// Payments one after another on the same terminal, after the awkward ones: the till must never call a
// payment the terminal approved "not found", and never hang on the next one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCardTill, type CardTill } from '../support/terminal';
import { DEMO } from '../support/till';

let t: CardTill;
beforeEach(async () => {
  t = await startCardTill();
});
afterEach(async () => {
  await t.close();
});

const agreeWithTerminal = (reference: string, state: string) => {
  const tx = t.sim.terminal.find(reference);
  if (state === 'approved') expect(tx?.status, `terminal record of ${reference}`).toBe('approved');
  if (state === 'not_found' || state === 'declined') expect(tx?.status === 'approved', `terminal approved ${reference} but till says ${state}`).toBe(false);
};

describe('after a terminal that never answered', () => {
  it('a cancelled no-answer purchase, then a normal one: both settle and agree with the terminal', async () => {
    // A terminal in a shop has a history: the inquiry after the lost answer sees its last transaction is not ours.
    const before = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect((await t.call('payCard', { amountHalalas: before.dueHalalas })).outcome).toBe('approved');
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    t.sim.terminal.script({ outcome: 'no-answer' });
    const first = t.call('payCard', { amountHalalas: sale.dueHalalas });
    await expect.poll(async () => (await t.call('getSale', {})).payment?.state).toBe('awaiting');
    const pending = (await t.call('getSale', {})).payment!;
    await t.call('cancelCardPayment', { intentId: pending.intentId });
    const cancelled = await first;
    agreeWithTerminal(cancelled.intent.reference, cancelled.outcome);
    if (cancelled.outcome === 'unknown') {
      await expect.poll(async () => (await t.call('getSale', {})).payment, { timeout: 8000 }).toBeNull();
    }
    const second = await Promise.race([
      t.call('payCard', { amountHalalas: sale.dueHalalas }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('second payment hung')), 8000)),
    ]);
    agreeWithTerminal(second.intent.reference, second.outcome);
    expect(second.outcome).toBe('approved');
  });

  it('cancelling a purchase the terminal is still processing never ends as not_found if it then approves', async () => {
    for (let i = 0; i < 3; i += 1) {
      const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
      t.sim.terminal.script({ delayMs: 400 });
      const paying = t.call('payCard', { amountHalalas: sale.dueHalalas });
      await expect.poll(async () => (await t.call('getSale', {})).payment?.state).toBe('awaiting');
      await t.call('cancelCardPayment', { intentId: (await t.call('getSale', {})).payment!.intentId });
      const result = await paying;
      agreeWithTerminal(result.intent.reference, result.outcome);
      await expect.poll(async () => (await t.call('getSale', {})).payment, { timeout: 8000 }).toBeNull();
      const status = await t.call('getTerminalStatus', {});
      const last = status.last!;
      agreeWithTerminal(last.reference, last.state);
    }
  });

  it('sixty card payments in a row all agree with the terminal, Luhn-valid references included', async () => {
    // One 14-digit reference in ten passes the Luhn check; an early codec masked such references as card
    // numbers, so the answer no longer matched and the till hung, then called an approved payment "not found".
    const luhn = (digits: string) =>
      [...digits].reverse().reduce((sum, d, i) => sum + (i % 2 ? ((2 * Number(d)) % 10) + Math.floor((2 * Number(d)) / 10) : Number(d)), 0) % 10 === 0;
    let luhnValid = 0;
    for (let i = 0; i < 60; i += 1) {
      const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
      const paid = await t.call('payCard', { amountHalalas: sale.dueHalalas });
      expect(paid.outcome).toBe('approved');
      agreeWithTerminal(paid.intent.reference, paid.outcome);
      if (luhn(paid.intent.reference.replace(/^0+/, ''))) luhnValid += 1;
    }
    expect(luhnValid).toBeGreaterThan(0);
  });
});

