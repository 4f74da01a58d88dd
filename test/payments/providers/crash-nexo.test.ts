// Fault injection through a payment provider: the till (the real browser host process) takes cards through a
// nexo / Terminal API terminal — the nexo provider simulator, a process of its own with its ledger in a record
// file. The till is killed outright (SIGKILL) at each step of a purchase and of a refund, then restarted; after
// its start-up recovery (TransactionStatus by the ServiceID derived from the reference) the till's ledger and the
// provider's record must agree:
//   - every purchase the provider approved belongs to exactly one live card tender, or is reversed, or is listed
//     as needing attention; every refund it approved is an approved refund intent of the same amount;
//   - no sale is paid without approvals covering it, and every card tender is an approval the provider holds;
//   - no Payment request was sent twice for one reference (nor a Reversal);
//   - the journal's hash chain is intact.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimLedger } from '../../../main/sim/nexo/types';
import type { CardPaymentResult } from '../../../preload/contract';
import { verifyJournal } from '../../../main/ledger';
import { createClientCrashHarness, expectNothingInFlight, expectReleasedUnknown, expectSalesCovered, ok, ringUp, withTillDb, type Sale } from '../../support/crash-harness';
import type { HostClient } from '../../support/host-client';
import { ensureProviderSimsBuilt, pointTillAtNexoProcess, startNexoSimProcess, type NexoSimProcess } from '../../support/provider-sim-process';
import { tempDir } from '../../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let sim: NexoSimProcess;
const { startTill, crashDuring, crashWhilePaying, crashOnRestart, killWhen, restartAndRecover, settled, kill } = createClientCrashHarness(() => tmp.dir);

beforeAll(() => ensureProviderSimsBuilt(), 120_000);
beforeEach(async () => {
  tmp = tempDir('nuqta-crash-nexo-');
  sim = await startNexoSimProcess(path.join(tmp.dir, 'nexo-record.json'));
  pointTillAtNexoProcess(tmp.dir, sim, 'cloud-sync');
});
afterEach(async () => {
  await kill();
  await sim.stop();
  tmp.cleanup();
});

interface IntentRowLite { id: string; reference: string; kind: string; state: string; amount_halalas: number; original_id: string | null }
interface TenderRow { reference: string; amount_halalas: number; reversed_seq: number | null; sale_status: string }

/** The till's ledger (its SQLite file) against the provider's record. */
function checkAgreement(record: SimLedger) {
  withTillDb(tmp.dir, (db) => {
    const intents = db.prepare<[], IntentRowLite>('SELECT id, reference, kind, state, amount_halalas, original_id FROM payment_intents').all();
    const intentByRef = new Map(intents.map((i) => [i.reference, i]));
    const tenders = db.prepare<[], TenderRow>(
      `SELECT i.reference, t.amount_halalas, t.reversed_seq, s.status AS sale_status
       FROM tenders t JOIN payment_intents i ON i.id = t.intent_id JOIN sales s ON s.id = t.sale_id WHERE t.intent_id IS NOT NULL`,
    ).all();
    const live = (ref: string) => tenders.filter((t) => t.reference === ref && t.reversed_seq === null);

    expectNothingInFlight(intents);

    // No financial request was sent twice for one reference.
    for (const [ref, n] of Object.entries(record.paymentRequests)) expect(n, `Payment requests for ${ref}`).toBeLessThanOrEqual(1);
    const reversals = new Map<string, number>();
    for (const tx of record.transactions.filter((t) => t.category === 'Reversal')) reversals.set(tx.transactionId, (reversals.get(tx.transactionId) ?? 0) + 1);
    for (const [ref, n] of reversals) expect(n, `Reversal requests for ${ref}`).toBeLessThanOrEqual(1);

    for (const tx of record.transactions) {
      const intent = intentByRef.get(tx.transactionId);
      expect(intent, `provider transaction ${tx.transactionId} (${tx.kind} ${tx.status}) has no intent in the till`).toBeDefined();
      expect(tx.status, `provider transaction ${tx.transactionId} still in progress`).not.toBe('in_progress');
      if (tx.kind === 'purchase' && tx.status === 'approved') {
        const listed = ['orphaned', 'unknown'].includes(intent!.state);
        expect(live(tx.transactionId).length === 1 || listed, `approved purchase ${tx.transactionId}: live tenders ${live(tx.transactionId).length}, intent ${intent!.state}`).toBe(true);
        if (!listed) expect(intent!.state).toBe('approved');
        if (live(tx.transactionId).length === 1) expect(live(tx.transactionId)[0]!.amount_halalas).toBe(tx.amountHalalas);
        // What the provider says was refunded is what the till's approved refunds add up to.
        const refunded = intents.filter((r) => r.kind === 'refund' && r.original_id === intent!.id && r.state === 'approved').reduce((s, r) => s + r.amount_halalas, 0);
        expect(refunded, `refunded against ${tx.transactionId}`).toBe(tx.refundedHalalas);
      }
      if (tx.kind === 'purchase' && tx.status === 'reversed') {
        expect(intent!.state, `reversed purchase ${tx.transactionId}`).toBe('reversed');
        expect(live(tx.transactionId)).toHaveLength(0);
      }
      if (tx.kind === 'purchase' && ['declined', 'aborted'].includes(tx.status)) {
        expect(live(tx.transactionId), `declined purchase ${tx.transactionId} is a tender`).toHaveLength(0);
      }
      if (tx.kind === 'refund' && tx.status === 'approved') {
        expect(intent!.kind).toBe('refund');
        expect(intent!.state, `refund ${tx.transactionId}`).toBe('approved');
        expect(intent!.amount_halalas).toBe(tx.amountHalalas);
      }
    }
    // Every approval the till counts is one the provider holds, for the same amount.
    for (const i of intents.filter((x) => x.state === 'approved')) {
      const tx = record.transactions.find((t) => t.transactionId === i.reference);
      expect(tx && tx.status === 'approved', `till ${i.kind} ${i.reference} approved, provider says ${tx?.status ?? 'nothing'}`).toBe(true);
      expect(tx!.amountHalalas).toBe(i.amount_halalas);
    }
    for (const t of tenders.filter((x) => x.reversed_seq === null)) {
      const tx = record.transactions.find((x) => x.transactionId === t.reference && x.kind === 'purchase');
      expect(tx?.status, `tender ${t.reference} has no provider approval`).toBe('approved');
      expect(tx!.amountHalalas).toBe(t.amount_halalas);
    }
    expectReleasedUnknown(intents, 'the provider', (ref) => record.transactions.some((t) => t.transactionId === ref));
    expectSalesCovered(db);
    // The journal chain is intact after all the killing.
    expect(verifyJournal(db)).toMatchObject({ ok: true });
  });
}

/** Restarts the till after its crash; once its recovery is done, its ledger and the provider's record agree. */
async function recoverInAgreement() {
  const till = await restartAndRecover();
  const record = await sim.record();
  checkAgreement(record);
  return { till, record };
}

/** Pays the whole sale by card. */
const payByCard = (till: HostClient, sale: Sale) => till.call('payCard', { amountHalalas: sale.dueHalalas });

/** After the restart the provider holds one Payment, and recovery completed the sale with it. */
async function expectRecoveredOnePayment(sale: Sale) {
  const { till, record } = await recoverInAgreement();
  expect(Object.values(record.paymentRequests)).toEqual([1]);
  expect((await ok(till.call('getSale', {}))).saleId).not.toBe(sale.saleId);
  till.close();
}

describe('nexo cloud-sync: SIGKILL during a purchase', () => {
  for (const fault of ['purchase.before-send', 'purchase.after-send', 'purchase.after-answer'] as const) {
    it(`at ${fault}: the restarted till and the provider agree`, async () => {
      const sale = await crashWhilePaying(fault, payByCard);

      const { till, record } = await recoverInAgreement();
      const after = await ok(till.call('getSale', {}));
      if (fault === 'purchase.before-send') {
        // Nothing reached the provider: TransactionStatus says NotFound, the payment is released, the sale waits.
        expect(record.paymentRequests).toEqual({});
        expect(record.transactions).toEqual([]);
        expect(after).toMatchObject({ saleId: sale.saleId, payment: null, dueHalalas: sale.dueHalalas, tenders: [] });
        const again = await ok(till.call('payCard', { amountHalalas: sale.dueHalalas }));
        expect(again.outcome).toBe('approved');
        const second = await sim.record();
        expect(Object.values(second.paymentRequests)).toEqual([1]);
        checkAgreement(second);
      } else {
        // The Payment reached the provider (after-send: 'sent' is reported once the request has been flushed to the
        // socket, main/payments/nexo/http.ts), which approved it while the till was dead; recovery found it by
        // TransactionStatus and completed the sale.
        expect(Object.values(record.paymentRequests)).toEqual([1]);
        expect(record.transactions.map((t) => [t.kind, t.status, t.amountHalalas])).toEqual([['purchase', 'approved', sale.dueHalalas]]);
        expect(after.saleId).not.toBe(sale.saleId);
        expect(after.lines).toEqual([]);
      }
      till.close();
    });
  }

  it('at recovery.after-answer: a second crash during start-up recovery still ends in agreement', async () => {
    const sale = await crashWhilePaying('purchase.after-send', payByCard);
    // Restart armed to die right after the provider answers the recovery's TransactionStatus.
    await crashOnRestart('recovery.after-answer');
    await expectRecoveredOnePayment(sale);
  });

  it('a purchase the provider declined while the till was dead is released, not a tender', async () => {
    await sim.script({ outcome: 'decline' });
    const sale = await crashWhilePaying('purchase.after-send', payByCard);
    const { till, record } = await recoverInAgreement();
    expect(record.transactions.map((t) => t.status)).toEqual(['declined']);
    expect(await ok(till.call('getSale', {}))).toMatchObject({ saleId: sale.saleId, tenders: [], payment: null });
    till.close();
  });
});

/** Kills the till (from outside) once the provider has recorded the request `match` accepts in the state asked. */
const killWhenProviderHas = (till: HostClient, action: (till: HostClient) => Promise<unknown>, match: Parameters<NexoSimProcess['transaction']>[0]) =>
  killWhen(() => sim.transaction(match), till, action);

describe('nexo cloud-sync: SIGKILL while the provider holds the answer', () => {
  it('approved but never answered: the restarted till finds the approval and completes the sale', async () => {
    await sim.script({ answer: 'never' });
    const till = await startTill();
    const sale = await ringUp(till);
    await killWhenProviderHas(till, (t) => t.call('payCard', { amountHalalas: sale.dueHalalas }), (tx) => tx.kind === 'purchase' && tx.status === 'approved');
    await expectRecoveredOnePayment(sale);
  });

  it('still in progress at restart: unknown, then the background inquiry completes the sale once the provider decides', async () => {
    // Long enough that the restarted till asks while the provider is still deciding, even on a loaded machine
    // (a host's start took over 1.5 s under a full CI run, and the state was already approved).
    await sim.script({ delayMs: 6_000 });
    const till = await startTill();
    const sale = await ringUp(till);
    await killWhenProviderHas(till, (t) => t.call('payCard', { amountHalalas: sale.dueHalalas }), (tx) => tx.kind === 'purchase' && tx.status === 'in_progress');
    const again = await startTill();
    // TransactionStatus says InProgress: the payment is in doubt and holds its sale.
    await expect.poll(async () => (await ok(again.call('getTerminalStatus', {}))).last?.state, { timeout: 5_000, interval: 50 }).toBe('unknown');
    expect(await again.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    await settled(again, 20_000);
    const record = await sim.record();
    checkAgreement(record);
    expect(record.transactions.map((t) => [t.kind, t.status])).toEqual([['purchase', 'approved']]);
    expect(Object.values(record.paymentRequests)).toEqual([1]);
    expect((await ok(again.call('getSale', {}))).saleId).not.toBe(sale.saleId);
    again.close();
  });

  it('a refund approved but never answered is an approved refund after the restart', async () => {
    const till = await startTill();
    const sale = await ringUp(till);
    const card = await ok(till.call('payCard', { amountHalalas: sale.dueHalalas }));
    await sim.script({ answer: 'never' });
    const receipt = card.completed!.receipt;
    await killWhenProviderHas(
      till,
      (t) => t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' }),
      (tx) => tx.kind === 'refund' && tx.status === 'approved',
    );
    const { till: again, record } = await recoverInAgreement();
    const total = receipt.totals.totalHalalas;
    expect(record.transactions.find((t) => t.transactionId === card.intent.reference)?.refundedHalalas).toBe(total);
    expect((await ok(again.call('getTerminalStatus', {}))).last).toMatchObject({ kind: 'refund', state: 'approved', amountHalalas: total });
    // Recovery found the refund approved and issued the return (its credit note) in that same transaction.
    expect((await ok(again.call('getReturnable', { receiptNo: receipt.receiptNo }))).refundedHalalas).toBe(total);
    again.close();
  });
});

describe('nexo cloud-sync: SIGKILL during a refund', () => {
  for (const fault of ['refund.before-send', 'refund.after-send', 'refund.after-answer'] as const) {
    it(`at ${fault}: the refund is on both sides or on neither`, async () => {
      let card!: CardPaymentResult;
      await crashDuring(fault, async (till) => {
        const sale = await ringUp(till);
        card = await ok(till.call('payCard', { amountHalalas: sale.dueHalalas }));
        const receipt = card.completed!.receipt;
        return till.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
      });
      const { till, record } = await recoverInAgreement();
      const receipt = card.completed!.receipt;
      const total = receipt.totals.totalHalalas;
      const refunded = fault === 'refund.before-send' ? 0 : total;
      const refunds = record.transactions.filter((t) => t.kind === 'refund');
      expect(refunds.map((t) => [t.status, t.amountHalalas])).toEqual(fault === 'refund.before-send' ? [] : [['approved', total]]);
      expect(record.transactions.find((t) => t.transactionId === card.intent.reference)?.refundedHalalas).toBe(refunded);
      // The return (and its credit note) exists exactly when the money went back.
      expect((await ok(till.call('getReturnable', { receiptNo: receipt.receiptNo }))).refundedHalalas).toBe(refunded);
      const status = await ok(till.call('getTerminalStatus', {}));
      expect(status.needsAttention).toEqual([]);
      expect(status.last).toMatchObject({ kind: 'refund', state: fault === 'refund.before-send' ? 'not_found' : 'approved' });
      till.close();
    });
  }
});

describe('nexo cloud-async: SIGKILL after the /async submission', () => {
  it('at purchase.after-send: recovery finds the approval by TransactionStatus and completes the sale', async () => {
    pointTillAtNexoProcess(tmp.dir, sim, 'cloud-async');
    const sale = await crashWhilePaying('purchase.after-send', payByCard);
    const { till, record } = await recoverInAgreement();
    expect(record.requests.Payment).toBe(1);
    expect(record.transactions.map((t) => [t.kind, t.status])).toEqual([['purchase', 'approved']]);
    const after = await ok(till.call('getSale', {}));
    expect(after.saleId).not.toBe(sale.saleId);
    till.close();
  });
});
