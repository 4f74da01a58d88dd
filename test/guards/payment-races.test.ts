// Late answers through "repeat last transaction" (the terminal panel's button), over the real payment service,
// checkout and a SQLite ledger, with a connector whose answers the test releases by hand. repeatLastTransaction
// reads the payment before it asks the terminal and applies the answer after: each test makes something settle
// the payment in between, and the stale answer must change nothing (issue 9: "a late 'not found' overwriting an
// approved intent").
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentConnector } from '../../main/payments/connector';
import { openTillParts } from '../support/payments-rig';
import { approval, scriptedTerminal, tick } from '../support/scripted-terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function till(connector: PaymentConnector) {
  const tmp = tempDir('nuqta-guard-');
  const parts = openTillParts(tmp.dir, 'T01');
  // Cleanups run last-in first-out: the service stops, the file closes, then the folder is verified and removed.
  cleanups.push(() => tmp.cleanup(), () => void parts.db.close());
  const payments = parts.payments(connector, { protocol: 'mada-ecr', transport: 'scripted' }, [60_000]);
  cleanups.push(() => payments.close());
  const journalTypes = () => parts.db.prepare<[], { type: string }>('SELECT type FROM journal ORDER BY seq').all().map((r) => r.type);
  return { ...parts, payments, journalTypes };
}

/** A card purchase whose answer was lost and whose first inquiry found the terminal offline: in doubt. */
async function purchaseInDoubt(term: ReturnType<typeof scriptedTerminal>, t: ReturnType<typeof till>) {
  const sale = t.checkout.scanBarcode(DEMO.coffee.barcode);
  const paying = t.payments.payCard(sale.dueHalalas);
  await tick();
  term.answer('purchase').resolve({ kind: 'unknown', why: 'timeout', detail: 'no answer' });
  await tick();
  term.answerInquiry().resolve({ kind: 'unreachable', detail: 'offline' });
  expect((await paying).outcome).toBe('unknown');
  const row = t.intents.last()!;
  expect(row.state).toBe('unknown');
  return { sale, row };
}

describe('repeat last transaction never undoes a settled payment', () => {
  it('a "not found" that arrives after another inquiry found the approval leaves it approved, its sale complete', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const { sale, row } = await purchaseInDoubt(term, t);

    const repeating = t.payments.repeatLastTransaction(); // read the payment as unknown, now waits for the terminal
    await tick();
    const recovering = t.payments.recoverPayment(row.id); // meanwhile the cashier asks again
    await tick();
    expect(term.pendingInquiries()).toBe(2);
    const [repeatAnswer, recoverAnswer] = [term.answerInquiry(), term.answerInquiry()];
    recoverAnswer.resolve({ kind: 'found', outcome: { kind: 'approved', record: approval(row.reference, sale.dueHalalas) } });
    expect((await recovering).state).toBe('approved');
    const receipts = t.checkout.receipts(10);
    expect(receipts).toHaveLength(1);

    // The terminal's answer to the repeat, sent before the approval was known, comes last.
    repeatAnswer.resolve({ kind: 'not_found' });
    expect(await repeating).toMatchObject({ intentId: row.id, state: 'approved' });
    expect(t.intents.get(row.id)!.state).toBe('approved');
    expect(t.journalTypes()).not.toContain('purchase.not_found');
    // The sale stays paid by that card: one receipt, one live tender, nothing left to reverse.
    const receipt = t.checkout.receipt(receipts[0]!.receiptNo);
    expect(receipt.tenders).toMatchObject([{ kind: 'card', intentId: row.id, amountHalalas: sale.dueHalalas }]);
    expect(t.checkout.receipts(10)).toHaveLength(1);
    expect(term.calls.filter((c) => c === 'reverse')).toEqual([]);
  });

  it('a "not found" that arrives after a decline leaves it declined, not released as never sent', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const { row } = await purchaseInDoubt(term, t);
    const repeating = t.payments.repeatLastTransaction();
    await tick();
    const recovering = t.payments.recoverPayment(row.id);
    await tick();
    const [repeatAnswer, recoverAnswer] = [term.answerInquiry(), term.answerInquiry()];
    recoverAnswer.resolve({
      kind: 'found',
      outcome: { kind: 'declined', record: null, responseCode: '116', reason: { en: 'Insufficient funds', ar: 'الرصيد غير كافٍ' } },
    });
    expect((await recovering).state).toBe('declined');
    repeatAnswer.resolve({ kind: 'not_found' });
    expect((await repeating)?.state).toBe('declined');
    expect(t.intents.get(row.id)!.state).toBe('declined');
    expect(t.journalTypes().filter((type) => type.endsWith('.not_found'))).toEqual([]);
  });

  it('an answer about a payment still being sent is not applied: only the purchase\'s own answer settles it', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const sale = t.checkout.scanBarcode(DEMO.dates.barcode);
    const paying = t.payments.payCard(sale.dueHalalas);
    await tick();
    const row = t.intents.last()!;
    expect(row.state).toBe('awaiting'); // the terminal took it; the customer is at the PIN pad

    // The manager presses "repeat last" meanwhile; the terminal has not recorded the payment yet.
    const repeating = t.payments.repeatLastTransaction();
    await tick();
    term.answerInquiry().resolve({ kind: 'not_found' });
    expect((await repeating)?.state).toBe('awaiting');
    expect(t.intents.get(row.id)!.state).toBe('awaiting');

    // The purchase completes: the sale is paid by it, and no approval is orphaned or reversed.
    term.answer('purchase').resolve({ kind: 'approved', record: approval(row.reference, sale.dueHalalas) });
    const paid = await paying;
    expect(paid.outcome).toBe('approved');
    expect(paid.completed?.receipt.tenders).toMatchObject([{ kind: 'card', intentId: row.id }]);
    expect(t.intents.get(row.id)!.state).toBe('approved');
    expect(t.journalTypes()).not.toContain('payment.late_approval');
    expect(term.calls.filter((c) => c === 'reverse')).toEqual([]);
  });
});
