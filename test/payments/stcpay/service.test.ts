// The STC Pay connector under the till's own, unchanged payment service (main/payments/service.ts): intents
// committed with their reference before anything is sent, `unknown` settled only by PaymentInquiry, "not
// found" the only release — checked against the simulator's ledger.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCheckout } from '../../../main/checkout';
import type { Db } from '../../../main/db';
import type { SimulatorPki } from '../../../main/sim/stcpay';
import { OTP } from '../../../main/sim/stcpay';
import type { Payments } from '../../../main/payments';
import { createStcPayConnector, type StcPayClient } from '../../../main/payments/stcpay';
import { openTillParts } from '../../support/payments-rig';
import { tempDir } from '../../support/tmp';
import { MOBILE, sharedPki, startRig, type Rig } from '../../support/stcpay-rig';

const MILK = '6281000000014';

let pki: SimulatorPki;
beforeAll(async () => {
  pki = await sharedPki();
});
afterAll(() => pki.remove());

interface Till {
  db: Db;
  payments: Payments;
  checkout: ReturnType<typeof createCheckout>;
  otps: Array<string | null>;
  close(): Promise<void>;
}

let rig: Rig;
let till: Till;
afterEach(async () => {
  await till?.close();
  await rig?.sim.close();
});

function startTill(client: StcPayClient): Till {
  const tmp = tempDir('nuqta-stcpay-till-');
  const parts = openTillParts(tmp.dir);
  const { db, checkout, intents } = parts;
  const otps: Array<string | null> = [];
  const connector = createStcPayConnector({
    client,
    clientCode: rig.sim.clientCode,
    // What the wiring provides: the intent store's knowledge of a reference.
    describeReference: (reference) => {
      const row = intents.byReference(reference);
      return row ? { kind: row.kind, createdAt: new Date(row.created_at) } : undefined;
    },
    interaction: {
      customer: async () => ({ mobile: MOBILE }),
      otp: async () => (otps.length ? otps.shift()! : null),
    },
  });
  const payments = parts.payments(connector, { protocol: 'stcpay', transport: client.description }, [50, 100, 200]);
  return {
    db,
    payments,
    checkout,
    otps,
    async close() {
      await payments.close();
      db.close();
      tmp.cleanup();
    },
  };
}

const ringUp = () => {
  till.checkout.scanBarcode(MILK);
  return till.checkout.currentSale().dueHalalas;
};

describe('STC Pay under the unchanged payment service', () => {
  it('paid after a wrong OTP and a mistyped one: the sale completes with STC Pay evidence; one Authorize per reference', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client());
    const due = ringUp();
    till.otps.push('999999', '12ab56', OTP.paid);
    const result = await till.payments.payCard(due);
    expect(result.outcome).toBe('approved');
    expect(result.completed).not.toBeNull();
    const ref = result.intent.reference;
    const paid = rig.sim.payment(ref)!;
    // The mistyped code never left the till: two Confirms reached STC Pay.
    expect(paid).toMatchObject({ status: 2, amountHalalas: due, wrongOtps: 1, confirmRequests: 2 });
    expect(result.intent.card).toMatchObject({ schemeLabel: 'STC Pay', rrn: paid.stcPayRefNum, maskedPan: '9665*****567' });
    expect(rig.sim.authorizeRequests(ref)).toBe(1);
  });

  it('Confirm times out → unknown → the service inquires → paid: the sale completes, nothing was sent twice', async () => {
    rig = await startRig(pki, { timeoutOtpDelayMs: 30_000 });
    till = startTill(rig.client({ timeouts: { confirmMs: 400 } }));
    const due = ringUp();
    till.otps.push(OTP.timesOut);
    const result = await till.payments.payCard(due);
    expect(result.outcome).toBe('approved');
    expect(result.completed).not.toBeNull();
    expect(rig.sim.payment(result.intent.reference)).toMatchObject({ status: 2, confirmRequests: 1 });
    expect(rig.sim.authorizeRequests(result.intent.reference)).toBe(1);
  });

  it('Authorize lost → unknown → inquiry: not found → released; the next attempt uses a new reference', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client({ timeouts: { authorizeMs: 300 } }));
    const due = ringUp();
    rig.sim.script({ call: 'DirectPaymentAuthorize', action: 'hang' });
    const lost = await till.payments.payCard(due);
    expect(lost.outcome).toBe('not_found');
    till.otps.push(OTP.paid);
    const again = await till.payments.payCard(due);
    expect(again.outcome).toBe('approved');
    expect(again.intent.reference).not.toBe(lost.intent.reference);
    expect(rig.sim.authorizeRequests(lost.intent.reference)).toBe(1);
    expect(rig.sim.authorizeRequests(again.intent.reference)).toBe(1);
    expect(rig.sim.ledger().payments.map((p) => p.status)).toEqual([2]);
  });

  it('STC Pay unreachable during recovery: the payment stays unknown and blocks a new one', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client({ timeouts: { confirmMs: 300 } }));
    const due = ringUp();
    till.otps.push(OTP.paid);
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'late', delayMs: 1000 }, { call: 'PaymentInquiry', action: 'status', status: 503 });
    const r = await till.payments.payCard(due);
    expect(r.outcome).toBe('unknown');
    await expect(till.payments.payCard(due)).rejects.toMatchObject({ code: 'PAYMENT_PENDING' });
    // The background recovery asks again and finds it paid.
    await expect.poll(() => till.payments.status().needsAttention.length, { timeout: 5000 }).toBe(0);
    expect(till.payments.pendingForSale(r.intent.saleId!)).toBeNull();
  });

  it('insufficient balance is a decline; the cashier stopping before the OTP is a decline with nothing confirmed', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client());
    const due = ringUp();
    till.otps.push(OTP.insufficientBalance);
    const poor = await till.payments.payCard(due);
    expect(poor.outcome).toBe('declined');
    expect(poor.intent.reason?.ar).toMatch(/الرصيد/);
    const stopped = await till.payments.payCard(due); // no OTP queued: the cashier stops
    expect(stopped.outcome).toBe('declined');
    expect(rig.sim.payment(stopped.intent.reference)).toMatchObject({ status: 1, confirmRequests: 0 });
  });

  it('refund through the service against the original STCPayRefNum', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client());
    const due = ringUp();
    till.otps.push(OTP.paid);
    const sale = await till.payments.payCard(due);
    expect(sale.completed).not.toBeNull();
    // The payments side of a return's refund (main/returns writes the return's request in `inTx`).
    const refund = await till.payments.refundPayment({ originalIntentId: sale.intent.intentId, amountHalalas: 100, inTx: () => undefined });
    expect(refund.state).toBe('approved');
    expect(rig.sim.payment(sale.intent.reference)).toMatchObject({ amountReversedHalalas: 100 });
  });

  it('a refund whose answer is lost stays unknown: STC Pay cannot be asked about it by our reference', async () => {
    rig = await startRig(pki);
    till = startTill(rig.client({ timeouts: { refundMs: 300 } }));
    const due = ringUp();
    till.otps.push(OTP.paid);
    const sale = await till.payments.payCard(due);
    rig.sim.script({ call: 'RefundPayment', action: 'late', delayMs: 1000 });
    const refund = await till.payments.refundPayment({ originalIntentId: sale.intent.intentId, amountHalalas: 100, inTx: () => undefined });
    expect(refund.state).toBe('unknown');
    expect(rig.sim.payment(sale.intent.reference)).toMatchObject({ amountReversedHalalas: 100 });
  });
});
