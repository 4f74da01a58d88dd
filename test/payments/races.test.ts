// Races the real terminal can produce but not on cue: a scripted connector whose every answer the test
// releases by hand, over the real payment service, checkout and a real SQLite ledger. (Found by review;
// each test below failed before the fix it guards.)
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger';
import type { InquiryOutcome, PaymentConnector, TerminalOutcome, TerminalRecord } from '../../main/payments/connector';
import { DEMO } from '../support/till';
import { openTillParts } from '../support/payments-rig';
import { tempDir } from '../support/tmp';

type Deferred<T> = { promise: Promise<T>; resolve(v: T): void };
const deferred = <T>(): Deferred<T> => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

const approval = (reference: string, amountHalalas: number): TerminalRecord => ({
  reference,
  responseCode: '000',
  approved: true,
  amountHalalas,
  scheme: 'MADA',
  schemeLabel: 'mada',
  wallet: null,
  verification: 'pin',
  entryMode: 'chip',
  maskedPan: '440647******1234',
  authCode: 'A1B2C3',
  rrn: '123456789012',
  stan: '1',
  tid: 't',
  mid: 'm',
  at: new Date().toISOString(),
  texts: { en: '', ar: '' },
});

function scriptedTerminal() {
  const outcomes = { purchase: [] as Deferred<TerminalOutcome>[], reverse: [] as Deferred<TerminalOutcome>[] };
  const inquiries: Deferred<InquiryOutcome>[] = [];
  const calls: string[] = [];
  const outcome = (m: 'purchase' | 'reverse') => {
    calls.push(m);
    const d = deferred<TerminalOutcome>();
    outcomes[m].push(d);
    return d.promise;
  };
  const connector: PaymentConnector = {
    protocol: 'mada-ecr',
    purchase: () => outcome('purchase'),
    refund: () => outcome('purchase'),
    reverse: () => outcome('reverse'),
    inquire: () => {
      calls.push('inquire');
      const d = deferred<InquiryOutcome>();
      inquiries.push(d);
      return d.promise;
    },
    settle: async () => ({ kind: 'unknown', detail: 'n/a' }),
    health: async () => ({ state: 'connected' }),
    close: async () => {},
  };
  return {
    connector,
    calls,
    answer: (m: 'purchase' | 'reverse') => outcomes[m].shift()!,
    answerInquiry: () => inquiries.shift()!,
  };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function till(connector: PaymentConnector) {
  const tmp = tempDir('nuqta-race-');
  const { db, checkout, intents, payments: paymentsWith } = openTillParts(tmp.dir, 'T01');
  cleanups.push(() => tmp.cleanup(), () => db.close());
  const payments = paymentsWith(connector, { protocol: 'mada-ecr', transport: 'scripted' }, [60_000]);
  cleanups.push(() => void payments.close());
  return { db, checkout, payments, intents };
}

describe('late and repeated answers never undo a settled payment', () => {
  it('a second inquiry answering "busy" after the first found the approval changes nothing, and nothing is reversed', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const sale = t.checkout.scanBarcode(DEMO.milk.barcode);
    const paying = t.payments.payCard(sale.dueHalalas);
    await tick();
    term.answer('purchase').resolve({ kind: 'unknown', why: 'timeout', detail: 'no answer' });
    await tick();
    const row = t.intents.last()!;
    const manual = t.payments.recoverPayment(row.id); // the cashier asks again meanwhile: it joins the first
    await tick();
    term.answerInquiry().resolve({ kind: 'found', outcome: { kind: 'approved', record: approval(row.reference, sale.dueHalalas) } });
    expect((await paying).outcome).toBe('approved');
    await manual;
    expect(t.intents.get(row.id)!.state).toBe('approved');
    // Any later answer, even a lost line, leaves it approved.
    const again = t.payments.recoverPayment(row.id);
    expect((await again).state).toBe('approved');
    expect(term.calls.filter((c) => c === 'reverse')).toEqual([]);
    expect(verifyJournal(t.db)).toMatchObject({ ok: true });
  });

  it('a manager cannot resolve while the terminal is being asked, and an answer after a resolution cannot flip it', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const sale = t.checkout.scanBarcode(DEMO.bread.barcode);
    const paying = t.payments.payCard(sale.dueHalalas);
    await tick();
    term.answer('purchase').resolve({ kind: 'unknown', why: 'disconnected', detail: 'cable' });
    await tick();
    const row = t.intents.last()!;
    expect(() => t.payments.resolvePayment({ intentId: row.id, outcome: 'approved', rrn: '123456789012', authCode: 'ABC123', managerPin: '1234' })).toThrowError(
      expect.objectContaining({ code: 'PAYMENTS_RECOVERING' }),
    );
    term.answerInquiry().resolve({ kind: 'unreachable', detail: 'still offline' });
    expect((await paying).outcome).toBe('unknown');
    const resolved = t.payments.resolvePayment({ intentId: row.id, outcome: 'approved', rrn: '123456789012', authCode: 'ABC123', managerPin: '1234' });
    expect(resolved.state).toBe('approved');
    // The terminal comes back and answers "unreachable" to a stray inquiry: nothing moves.
    const late = t.payments.recoverPayment(row.id);
    expect((await late).state).toBe('approved');
    expect(term.calls.filter((c) => c === 'reverse')).toEqual([]);
  });

  it('an approval found for a payment the manager recorded as not paid is an orphan, never a second tender', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const sale = t.checkout.scanBarcode(DEMO.coffee.barcode);
    const paying = t.payments.payCard(sale.dueHalalas);
    await tick();
    term.answer('purchase').resolve({ kind: 'unknown', why: 'timeout', detail: '' });
    await tick();
    term.answerInquiry().resolve({ kind: 'unreachable', detail: 'offline' });
    await paying;
    const row = t.intents.last()!;
    t.payments.resolvePayment({ intentId: row.id, outcome: 'declined', managerPin: '1234' });
    const later = t.payments.recoverPayment(row.id);
    expect((await later).state).toBe('declined'); // released payments are not asked about again
    expect(t.checkout.announce().tenders).toEqual([]);
  });
});

describe('a sale being reversed is held', () => {
  it('cash cannot complete a sale while its card payment is being reversed', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    t.checkout.scanBarcode(DEMO.dates.barcode);
    t.checkout.scanBarcode(DEMO.coffee.barcode);
    const card = t.payments.payCard(4000);
    await tick();
    const row = t.intents.last()!;
    term.answer('purchase').resolve({ kind: 'approved', record: approval(row.reference, 4000) });
    expect((await card).outcome).toBe('approved');
    const reversing = t.payments.reverseCardPayment(row.id, '1234');
    await tick();
    expect(t.checkout.announce().payment?.state).toBe('reversing');
    await expect(t.checkout.tenderCash(100_000)).rejects.toMatchObject({ code: 'PAYMENT_PENDING' });
    term.answer('reverse').resolve({ kind: 'approved', record: approval(t.intents.last()!.reference, 4000) });
    expect((await reversing).state).toBe('reversed');
    const sale = t.checkout.announce();
    expect(sale).toMatchObject({ status: 'open', tenders: [], payment: null });
    expect(sale.dueHalalas).toBe(sale.totals.totalHalalas);
  });
});
