// The PaymentConnector adapter on its own: what fits, what does not, and the inquiry rule.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorPki } from '../../../main/sim/stcpay';
import { OTP } from '../../../main/sim/stcpay';
import type { PaymentConnector } from '../../../main/payments/connector';
import { createStcPayConnector, type Authorization, type ReferenceInfo, type StcPayClient } from '../../../main/payments/stcpay';
import { nextRef } from '../../support/payment-harness';
import { MOBILE, sharedPki, startRig, type Rig } from '../../support/stcpay-rig';

let pki: SimulatorPki;
let rig: Rig;
beforeAll(async () => {
  pki = await sharedPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  await rig?.sim.close();
});

function adapter(client: StcPayClient, refs: Map<string, ReferenceInfo>, now?: () => Date): PaymentConnector {
  return createStcPayConnector({ client, clientCode: rig.sim.clientCode, describeReference: (r) => refs.get(r), ...(now ? { now } : {}) });
}

async function authorized(client: StcPayClient, reference = nextRef()): Promise<Authorization> {
  const a = await client.authorize({ reference, amountHalalas: 900, mobile: MOBILE, billNumber: 'B' });
  if (a.kind !== 'authorized') throw new Error(a.kind);
  return a;
}

describe('STC Pay as a PaymentConnector', () => {
  it('purchase without the cashier prompts sends nothing; reverse and settle are not STC Pay things', async () => {
    rig = await startRig(pki);
    const c = adapter(rig.client(), new Map());
    expect(c.protocol).toBe('stcpay');
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', record: null });
    expect(await c.reverse({ reference: nextRef(), originalReference: nextRef() })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SUPPORTED' });
    expect(await c.settle()).toMatchObject({ kind: 'unknown' });
    expect(await c.health()).toMatchObject({ state: 'connected' });
    expect(rig.sim.ledger().authorizeRequests).toEqual({});
  });

  it('inquire: paid → approved, cancelled → declined, pending → still unknown, none → not_found', async () => {
    rig = await startRig(pki);
    const client = rig.client();
    const refs = new Map<string, ReferenceInfo>();
    const c = adapter(client, refs);
    const purchase = (ref: string) => refs.set(ref, { kind: 'purchase', createdAt: new Date() });

    const paid = await authorized(client);
    purchase(paid.reference);
    await client.confirm({ reference: paid.reference, stcPayPmtReference: paid.stcPayPmtReference, otpReference: paid.otpReference, otp: OTP.paid });
    const found = await c.inquire(paid.reference);
    expect(found).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 900, schemeLabel: 'STC Pay', responseCode: '2' } } });
    if (found.kind === 'found') expect(found.outcome.record?.rrn).toBe(rig.sim.payment(paid.reference)!.stcPayRefNum);

    const cancelled = await authorized(client);
    purchase(cancelled.reference);
    await client.confirm({ reference: cancelled.reference, stcPayPmtReference: cancelled.stcPayPmtReference, otpReference: cancelled.otpReference, otp: OTP.cancelled });
    expect(await c.inquire(cancelled.reference)).toMatchObject({ kind: 'found', outcome: { kind: 'declined', responseCode: '4', reason: { ar: expect.stringMatching(/أُلغيت/) } } });

    const pending = await authorized(client);
    purchase(pending.reference);
    expect(await c.inquire(pending.reference)).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/waiting/) });

    const never = nextRef();
    purchase(never);
    expect(await c.inquire(never)).toEqual({ kind: 'not_found' });
  });

  it('inquire refuses to guess: unknown references and refunds stay unreachable', async () => {
    rig = await startRig(pki);
    const refs = new Map<string, ReferenceInfo>();
    const c = adapter(rig.client(), refs);
    expect(await c.inquire(nextRef())).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/not one of this till/) });
    const refundRef = nextRef();
    refs.set(refundRef, { kind: 'refund', createdAt: new Date() });
    expect(await c.inquire(refundRef)).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/cannot look up a refund/) });
  });

  it('a payment made just before midnight is found on its own day; not_found needs both days to say so', async () => {
    // Created 23:59 Saudi time yesterday; the till asks today.
    const created = new Date(Date.UTC(2025, 4, 10, 20, 59, 0));
    let simNow = created;
    rig = await startRig(pki, { now: () => simNow, otpExpirySeconds: 7 * 24 * 3600 });
    const client = rig.client();
    const refs = new Map<string, ReferenceInfo>();
    const today = () => new Date(created.getTime() + 2 * 60_000);
    const c = adapter(client, refs, today);
    const a = await authorized(client);
    refs.set(a.reference, { kind: 'purchase', createdAt: created });
    simNow = today();
    await client.confirm({ reference: a.reference, stcPayPmtReference: a.stcPayPmtReference, otpReference: a.otpReference, otp: OTP.paid });
    expect(await c.inquire(a.reference)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });

    const never = nextRef();
    refs.set(never, { kind: 'purchase', createdAt: created });
    let inquiries = 0;
    const off = rig.sim.subscribe((e) => {
      if (e.event === 'request' && e.call === 'PaymentInquiry') inquiries += 1;
    });
    expect(await c.inquire(never)).toEqual({ kind: 'not_found' });
    expect(inquiries).toBe(2);
    // One of the two days unanswered: still unknown.
    rig.sim.script({ call: 'PaymentInquiry', action: 'status', status: 500 });
    expect(await c.inquire(never)).toMatchObject({ kind: 'unreachable' });
    off();
  });

  it('refund: approved with STC Pay’s new reference; refused and lost answers map to declined and unknown', async () => {
    rig = await startRig(pki);
    const client = rig.client({ timeouts: { refundMs: 300 } });
    const c = adapter(client, new Map());
    const a = await authorized(client);
    const paid = await client.confirm({ reference: a.reference, stcPayPmtReference: a.stcPayPmtReference, otpReference: a.otpReference, otp: OTP.paid });
    if (paid.kind !== 'paid') throw new Error('not paid');
    const original = { originalRrn: paid.payment.stcPayRefNum, originalAt: paid.payment.paymentDate };
    expect(await c.refund({ reference: nextRef(), amountHalalas: 400, ...original })).toMatchObject({ kind: 'approved', record: { amountHalalas: 400, responseCode: 'REFUNDED' } });
    expect(await c.refund({ reference: nextRef(), amountHalalas: 600, ...original })).toMatchObject({ kind: 'declined', responseCode: '1007' });
    rig.sim.script({ call: 'RefundPayment', action: 'hang' });
    expect(await c.refund({ reference: nextRef(), amountHalalas: 100, ...original })).toMatchObject({ kind: 'unknown', why: 'timeout' });
  });
});
