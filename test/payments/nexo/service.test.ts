// The nexo connector under the till's own, unchanged payment service (main/payments/service.ts): intents committed
// with their reference before anything is sent, `unknown` settled only by TransactionStatus, NotFound the only
// release, a crash recovered by a new process from nothing but the reference — checked against the provider's ledger.
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckout } from '../../../main/checkout';
import type { Db } from '../../../main/db';
import { startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import type { Payments } from '../../../main/payments';
import type { PaymentConnector } from '../../../main/payments/connector';
import { openTillParts } from '../../support/payments-rig';
import { tempDir } from '../../support/tmp';
import { guardUnhandled } from '../../support/payment-harness';
import { API_KEY, connectorFor, FAST } from '../../support/nexo-rig';

guardUnhandled();

const MILK = '6281000000014';
const MANAGER_PIN = '1234';

interface Till {
  db: Db;
  payments: Payments;
  checkout: ReturnType<typeof createCheckout>;
  connector: PaymentConnector;
  close(): Promise<void>;
}

let sim: NexoSimulator | undefined;
const open: Till[] = [];
const dirs: Array<() => void> = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await sim?.close();
  sim = undefined;
  for (const cleanup of dirs.splice(0)) cleanup();
});

/** A till on `dir` (a new one, or the same folder again as after a crash) whose terminal is the nexo simulator. */
function startTill(dir: string, connector: PaymentConnector): Till {
  const parts = openTillParts(dir);
  const { db, checkout } = parts;
  const payments = parts.payments(connector, { protocol: 'nexo', transport: 'simulator' }, [50, 100, 200]);
  const till: Till = {
    db,
    payments,
    checkout,
    connector,
    async close() {
      await payments.close();
      await connector.close();
      db.close();
    },
  };
  open.push(till);
  return till;
}

async function rig(mode: 'cloud-sync' | 'local' = 'cloud-sync') {
  sim = await startNexoSimulator({ apiKey: API_KEY });
  const tmp = tempDir('nuqta-nexo-till-');
  dirs.push(tmp.cleanup);
  const till = startTill(tmp.dir, connectorFor(sim, mode, { saleId: 'T01' }));
  return { sim, till, dir: tmp.dir };
}

const ringUp = (till: Till) => {
  till.checkout.scanBarcode(MILK);
  return till.checkout.currentSale().dueHalalas;
};

describe('nexo under the unchanged payment service', () => {
  it('approved: the sale completes with the terminal’s evidence; one Payment per reference', async () => {
    const { sim, till } = await rig();
    const due = ringUp(till);
    const result = await till.payments.payCard(due);
    expect(result.outcome).toBe('approved');
    expect(result.completed).not.toBeNull();
    const tx = sim.find(result.intent.reference)!;
    expect(tx).toMatchObject({ status: 'approved', amountHalalas: due, saleId: 'T01' });
    expect(result.intent.card).toMatchObject({ rrn: tx.poiTransactionId, authCode: tx.approvalCode, scheme: 'MADA' });
    expect(sim.paymentRequests(result.intent.reference)).toBe(1);
  });

  it('no answer → unknown → the service asks → NotFound → released; the next attempt uses a new reference', async () => {
    const { sim, till } = await rig();
    const due = ringUp(till);
    sim.script({ outcome: 'drop' });
    const lost = await till.payments.payCard(due);
    expect(lost.outcome).toBe('not_found');
    const again = await till.payments.payCard(due);
    expect(again.outcome).toBe('approved');
    expect(again.intent.reference).not.toBe(lost.intent.reference);
    expect(sim.paymentRequests(lost.intent.reference)).toBe(1);
    expect(sim.paymentRequests(again.intent.reference)).toBe(1);
    expect(sim.ledger.transactions.filter((t) => t.status === 'approved')).toHaveLength(1);
  });

  it('approved after the till gave up: unknown, blocks a new payment, then the background inquiry completes the sale', async () => {
    const { sim, till } = await rig();
    const due = ringUp(till);
    sim.script({ delayMs: FAST.purchaseMs! + 1000 });
    const r = await till.payments.payCard(due);
    expect(r.outcome).toBe('unknown');
    await expect(till.payments.payCard(due)).rejects.toMatchObject({ code: 'PAYMENT_PENDING' });
    await expect.poll(() => till.payments.pendingForSale(r.intent.saleId!), { timeout: 8000 }).toBeNull();
    expect(till.checkout.currentSale().saleId).not.toBe(r.intent.saleId); // that sale completed
    expect(sim.find(r.intent.reference)?.status).toBe('approved');
    expect(sim.paymentRequests(r.intent.reference)).toBe(1);
  });

  it('a crash after sending: a new process knows only the reference, asks by the derived ServiceID, and completes the sale', async () => {
    const { sim, till, dir } = await rig();
    const due = ringUp(till);
    sim.script({ answer: 'never', inProgressPolls: 1 });
    // The till "dies" mid-payment: its call never returns; nothing is closed.
    const dying = till.payments.payCard(due).catch(() => undefined);
    await expect.poll(() => sim.ledger.transactions.length).toBe(1);
    const reference = sim.ledger.transactions[0]!.transactionId;
    open.splice(open.indexOf(till), 1);
    // A new process on the same ledger, with a brand-new connector.
    const reborn = startTill(dir, connectorFor(sim, 'cloud-sync', { saleId: 'T01' }));
    await reborn.payments.recoverAll();
    await expect.poll(() => reborn.payments.status().needsAttention.length, { timeout: 8000 }).toBe(0);
    expect(reborn.payments.status().last).toMatchObject({ reference, state: 'approved' });
    expect(sim.paymentRequests(reference)).toBe(1);
    // Tidy the "dead" process only now (its stuck call ends as the new process already knew: approved).
    await till.payments.close();
    await dying;
    await till.connector.close();
    till.db.close();
  });

  it('manager reversal of a card payment on an open sale goes out as a nexo Reversal', async () => {
    const { sim, till } = await rig('local');
    const due = ringUp(till);
    const part = await till.payments.payCard(due - 100); // leaves the sale open
    expect(part.outcome).toBe('approved');
    const after = await till.payments.reverseCardPayment(part.intent.intentId, MANAGER_PIN);
    expect(after.state).toBe('reversed');
    expect(sim.find(part.intent.reference)?.status).toBe('reversed');
    expect(sim.ledger.transactions.find((t) => t.kind === 'reversal')).toMatchObject({ status: 'approved', original: sim.find(part.intent.reference)!.poiTransactionId });
  });

  it('refund through the service names the original by its POITransactionID', async () => {
    const { sim, till } = await rig();
    const due = ringUp(till);
    const sale = await till.payments.payCard(due);
    const refund = await till.payments.refundPayment({ originalIntentId: sale.intent.intentId, amountHalalas: 100, inTx: () => undefined });
    expect(refund.state).toBe('approved');
    expect(sim.find(sale.intent.reference)).toMatchObject({ refundedHalalas: 100 });
  });
});
