// Fault injection: the till process is killed outright (SIGKILL) at each step of a purchase, a refund and a
// reversal, then restarted. After its start-up recovery the till's ledger and the terminal simulator's own
// record (kept by a separate process) must agree:
//   - every approved terminal purchase belongs to exactly one live card tender, or is reversed, or is listed;
//   - no sale is paid without approvals covering it;
//   - no purchase frame was sent twice for one reference.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimRecord } from '../../main/sim/ecr-terminal';
import { ensureMainBuilt } from '../support/build';
import { createClientCrashHarness, expectSalesCovered, ok, ringUp, withTillDb } from '../support/crash-harness';
import { startSimulatorProcess, type SimulatorProcess } from '../support/simulator-process';
import { pointTillAtTerminal } from '../support/terminal';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let sim: SimulatorProcess;
const { startTill, stopTill, crashDuring, crashOnRestart, restartAndRecover, kill } = createClientCrashHarness(() => tmp.dir);

beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(async () => {
  tmp = tempDir('nuqta-crash-');
  sim = await startSimulatorProcess(path.join(tmp.dir, 'terminal-record.json'));
  pointTillAtTerminal(tmp.dir, sim.port);
});
afterEach(async () => {
  await kill();
  await sim.stop();
  tmp.cleanup();
});

interface TenderRow { reference: string; amount_halalas: number; reversed_seq: number | null; sale_status: string }

function checkAgreement(record: SimRecord) {
  withTillDb(tmp.dir, (db) => {
    const intents = db.prepare<[], { reference: string; kind: string; state: string; amount_halalas: number }>(
      'SELECT reference, kind, state, amount_halalas FROM payment_intents',
    ).all();
    const intentByRef = new Map(intents.map((i) => [i.reference, i]));
    const tenders = db.prepare<[], TenderRow>(
      `SELECT i.reference, t.amount_halalas, t.reversed_seq, s.status AS sale_status
       FROM tenders t JOIN payment_intents i ON i.id = t.intent_id JOIN sales s ON s.id = t.sale_id WHERE t.kind = 'card'`,
    ).all();

    // No purchase sent twice for one intent.
    for (const [ref, frames] of Object.entries(record.purchaseFrames)) expect(frames, `purchase frames for ${ref}`).toBeLessThanOrEqual(1);

    for (const tx of record.transactions) {
      const intent = intentByRef.get(tx.ecrRef);
      if (tx.kind === 'purchase' && (tx.status === 'approved' || tx.status === 'refunded')) {
        const live = tenders.filter((t) => t.reference === tx.ecrRef && t.reversed_seq === null);
        const listed = intent && ['orphaned', 'unknown'].includes(intent.state);
        expect(live.length === 1 || listed, `approved purchase ${tx.ecrRef}: live tenders ${live.length}, intent ${intent?.state}`).toBe(true);
        if (live.length === 1) expect(live[0]!.amount_halalas).toBe(tx.amountHalalas);
      }
      if (tx.kind === 'purchase' && tx.status === 'reversed') {
        expect(intent?.state, `reversed purchase ${tx.ecrRef}`).toBe('reversed');
        expect(tenders.filter((t) => t.reference === tx.ecrRef && t.reversed_seq === null)).toHaveLength(0);
      }
      if (tx.kind === 'refund' && tx.status === 'approved') expect(intent?.state, `refund ${tx.ecrRef}`).toBe('approved');
    }
    // Every card tender the till counts is an approval the terminal knows.
    for (const t of tenders.filter((x) => x.reversed_seq === null)) {
      const tx = record.transactions.find((x) => x.ecrRef === t.reference);
      expect(tx && ['approved', 'refunded'].includes(tx.status), `tender ${t.reference} has no terminal approval`).toBe(true);
    }
    expectSalesCovered(db);
    // The journal chain is intact after all the killing.
    const broken = db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number };
    expect(broken.n).toBeGreaterThan(0);
  });
}

/** Restarts the till after its crash; once its recovery is done, its ledger and the terminal's record agree. */
async function recoverInAgreement() {
  const till = await restartAndRecover();
  const record = await sim.record();
  checkAgreement(record);
  return { till, record };
}

describe('SIGKILL during a purchase', () => {
  for (const fault of ['purchase.before-send', 'purchase.after-send', 'purchase.after-answer'] as const) {
    it(`at ${fault}: the restarted till and the terminal agree`, async () => {
      const first = await startTill();
      const sale = await ringUp(first);
      first.close();
      await stopTill();
      await crashDuring(fault, (till) => till.call('payCard', { amountHalalas: sale.dueHalalas }));

      const { till, record } = await recoverInAgreement();
      const after = await ok(till.call('getSale', {}));
      if (fault === 'purchase.before-send') {
        // Nothing reached the terminal, but a terminal with nothing to repeat cannot tell "never got it" from
        // "restarted since": the payment stays in doubt, its sale locked, until a manager who sees no such payment
        // on the terminal records it as not paid. Then the sale is paid normally.
        expect(record.purchaseFrames).toEqual({});
        expect(after).toMatchObject({ saleId: sale.saleId, payment: { state: 'unknown' }, dueHalalas: sale.dueHalalas });
        await ok(till.call('resolvePayment', { intentId: after.payment!.intentId, outcome: 'declined', managerPin: '1234' }));
        expect((await ok(till.call('payCard', { amountHalalas: sale.dueHalalas }))).outcome).toBe('approved');
        checkAgreement(await sim.record());
      } else {
        // The terminal approved while the till was dead; recovery found it and completed the sale.
        expect(Object.values(record.purchaseFrames)).toEqual([1]);
        expect(after.saleId).not.toBe(sale.saleId);
        expect(after.lines).toEqual([]);
      }
      till.close();
    });
  }

  it('at recovery.after-answer: a second crash during start-up recovery still ends in agreement', async () => {
    const first = await startTill();
    const sale = await ringUp(first);
    first.close();
    await stopTill();
    await crashDuring('purchase.after-send', (till) => till.call('payCard', { amountHalalas: sale.dueHalalas }));
    // Restart armed to die right after the terminal answers the recovery inquiry.
    await crashOnRestart('recovery.after-answer');
    const { till } = await recoverInAgreement();
    expect((await ok(till.call('getSale', {}))).saleId).not.toBe(sale.saleId);
    till.close();
  });
});

describe('SIGKILL during a refund', () => {
  for (const fault of ['refund.before-send', 'refund.after-send', 'refund.after-answer'] as const) {
    it(`at ${fault}: the refund is on both sides or on neither`, async () => {
      const first = await startTill();
      const sale = await ringUp(first);
      const paid = await ok(first.call('payCard', { amountHalalas: sale.dueHalalas }));
      first.close();
      await stopTill();
      const receipt = paid.completed!.receipt;
      await crashDuring(fault, (till) =>
        till.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' }),
      );
      const { till, record } = await recoverInAgreement();
      const refunds = record.transactions.filter((t) => t.kind === 'refund');
      expect(refunds.length).toBe(fault === 'refund.before-send' ? 0 : 1);
      // The return (and its credit note) exists exactly when the money went back.
      const refunded = fault === 'refund.before-send' ? 0 : receipt.totals.totalHalalas;
      expect((await ok(till.call('getReturnable', { receiptNo: receipt.receiptNo }))).refundedHalalas).toBe(refunded);
      till.close();
    });
  }
});

describe('SIGKILL during a reversal', () => {
  for (const fault of ['reversal.before-send', 'reversal.after-send', 'reversal.after-answer'] as const) {
    it(`at ${fault}: the payment is reversed on both sides or still a tender on both`, async () => {
      const first = await startTill();
      await ringUp(first);
      const card = await ok(first.call('payCard', { amountHalalas: 1000 }));
      first.close();
      await stopTill();
      await crashDuring(fault, (till) => till.call('reverseCardPayment', { intentId: card.intent.intentId, managerPin: '1234' }));
      const { till, record } = await recoverInAgreement();
      const purchase = record.transactions.find((t) => t.ecrRef === card.intent.reference)!;
      const sale = await ok(till.call('getSale', {}));
      if (purchase.status === 'reversed') expect(sale.tenders).toEqual([]);
      else expect(sale.tenders.map((t) => t.intentId)).toEqual([card.intent.intentId]);
      expect(purchase.status).toBe(fault === 'reversal.before-send' ? 'approved' : 'reversed');
      till.close();
    });
  }
});
