// The two-step STC Pay flow over real mutual TLS against the simulator: every outcome the cashier can meet,
// and the agreement between what the till concludes and what "STC Pay" (the simulator's ledger) holds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorPki } from '../../../main/sim/stcpay';
import { NO_WALLET_MOBILE, OTP } from '../../../main/sim/stcpay';
import { inquireUntilKnown, type Authorization, type StcPayClient } from '../../../main/payments/stcpay';
import { nextRef } from '../../support/payment-harness';
import { MOBILE, sharedPki, startRig, type Rig } from '../../support/stcpay-rig';

let pki: SimulatorPki;
let rig: Rig;
let client: StcPayClient;

beforeAll(async () => {
  pki = await sharedPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  await rig?.sim.close();
});

async function start(options: Parameters<typeof startRig>[1] = {}) {
  rig = await startRig(pki, options);
  client = rig.client();
}

async function authorize(amountHalalas = 2500, reference = nextRef()): Promise<Authorization> {
  const a = await client.authorize({ reference, amountHalalas, mobile: MOBILE, billNumber: 'B-1' });
  expect(a.kind).toBe('authorized');
  return a as Authorization;
}

const confirm = (a: Authorization, otp: string) =>
  client.confirm({ reference: a.reference, stcPayPmtReference: a.stcPayPmtReference, otpReference: a.otpReference, otp });

describe('STC Pay DirectPayment over mutual TLS', () => {
  it('paid: authorize → OTP → confirm; inquiry agrees; one Authorize arrived', async () => {
    await start();
    const a = await authorize(1999);
    expect(a.msisdn).toBe('966551234567');
    expect(a.expirySeconds).toBe(300);
    const paid = await confirm(a, OTP.paid);
    expect(paid).toMatchObject({ kind: 'paid', payment: { reference: a.reference, amountHalalas: 1999, status: 'paid', statusCode: 2 } });
    expect(await client.inquire(a.reference, new Date())).toMatchObject({ kind: 'found', status: 'paid', payment: { amountHalalas: 1999 } });
    expect(rig.sim.payment(a.reference)).toMatchObject({ status: 2, amountHalalas: 1999, mobile: '966551234567', billNumber: 'B-1' });
    expect(rig.sim.authorizeRequests(a.reference)).toBe(1);
  });

  it('wrong OTP, then the right one on the same authorization', async () => {
    await start();
    const a = await authorize();
    const wrong = await confirm(a, '999999');
    expect(wrong).toMatchObject({ kind: 'refused', reason: 'wrong_otp', otpRetry: true, code: '1001' });
    if (wrong.kind === 'refused') expect(wrong.message.ar).toMatch(/الرمز غير صحيح/);
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'paid' });
    expect(rig.sim.payment(a.reference)).toMatchObject({ status: 2, wrongOtps: 1, confirmRequests: 2 });
  });

  it('a code that is not digits is refused here and never sent', async () => {
    await start();
    const a = await authorize();
    expect(await confirm(a, '12a456')).toMatchObject({ kind: 'not_sent', reason: 'otp_format' });
    expect(rig.sim.payment(a.reference)?.confirmRequests).toBe(0);
    // Arabic-Indic digits are digits.
    expect(await confirm(a, '١٢٣٤٥٦')).toMatchObject({ kind: 'paid' });
  });

  it('three wrong codes cancel the payment', async () => {
    await start();
    const a = await authorize();
    await confirm(a, '000001');
    await confirm(a, '000002');
    expect(await confirm(a, '000003')).toMatchObject({ kind: 'refused', reason: 'cancelled', otpRetry: false });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'cancelled' });
  });

  it('expired OTP (by code, and by the clock)', async () => {
    await start();
    const a = await authorize();
    expect(await confirm(a, OTP.expired)).toMatchObject({ kind: 'refused', reason: 'expired_otp', otpRetry: false });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'expired' });
    await rig.sim.close();

    let clock = Date.now();
    await start({ otpExpirySeconds: 60, now: () => new Date(clock) });
    const b = await authorize();
    clock += 61_000;
    expect(await client.inquire(b.reference)).toMatchObject({ kind: 'found', status: 'expired' });
    expect(await confirm(b, OTP.paid)).toMatchObject({ kind: 'refused', reason: 'expired_otp' });
  });

  it('insufficient balance', async () => {
    await start();
    const a = await authorize();
    const r = await confirm(a, OTP.insufficientBalance);
    expect(r).toMatchObject({ kind: 'refused', reason: 'insufficient_balance', code: '1003' });
    if (r.kind === 'refused') expect(r.message).toEqual({ en: expect.stringMatching(/balance/), ar: expect.stringMatching(/الرصيد/) });
    expect(rig.sim.payment(a.reference)).toMatchObject({ status: 4, outcome: 'insufficient_balance' });
  });

  it('cancelled by the customer (PaymentStatus 4 in the Confirm answer)', async () => {
    await start();
    const a = await authorize();
    expect(await confirm(a, OTP.cancelled)).toMatchObject({ kind: 'refused', reason: 'cancelled', code: '4' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'cancelled' });
  });

  it('timeout on Confirm → unknown (never resent) → PaymentInquiry finds it paid', async () => {
    await start({ timeoutOtpDelayMs: 60_000 });
    client = rig.client({ timeouts: { confirmMs: 400 } });
    const a = await authorize(4200);
    const r = await confirm(a, OTP.timesOut);
    expect(r).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(rig.sim.payment(a.reference)?.confirmRequests).toBe(1);
    expect(await client.inquire(a.reference, new Date())).toMatchObject({ kind: 'found', status: 'paid', payment: { amountHalalas: 4200 } });
  });

  it('Authorize lost inside the provider (never answers) → unknown → inquiry: not found', async () => {
    await start();
    client = rig.client({ timeouts: { authorizeMs: 300 } });
    rig.sim.script({ call: 'DirectPaymentAuthorize', action: 'hang' });
    const reference = nextRef();
    const r = await client.authorize({ reference, amountHalalas: 100, mobile: MOBILE, billNumber: 'B' });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(await client.inquire(reference, new Date())).toEqual({ kind: 'not_found' });
    expect(rig.sim.authorizeRequests(reference)).toBe(1);
  });

  it('answers after the till gave up: unknown, then the inquiry finds what really happened', async () => {
    await start();
    client = rig.client({ timeouts: { confirmMs: 300 } });
    const a = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'late', delayMs: 1500 });
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'paid' });
  });

  it('slow but within the wait: a normal answer', async () => {
    await start();
    rig.sim.script({ call: 'DirectPaymentAuthorize', action: 'slow', delayMs: 300 });
    await authorize();
  });

  it('a pending payment is found as pending; inquiries retried with backoff until it settles', async () => {
    await start();
    const a = await authorize();
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'pending' });
    setTimeout(() => void confirm(a, OTP.paid), 100);
    expect(await inquireUntilKnown(client, a.reference, undefined, { delaysMs: [200, 200, 400, 800] })).toMatchObject({ kind: 'found', status: 'paid' });
  });

  it('HTTP 5xx: unknown for Confirm whether or not it took effect; inquiry tells which', async () => {
    await start();
    const a = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'status', status: 502, process: true });
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'unknown', reason: 'server_error' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'paid' });

    const b = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'status', status: 503, process: false });
    expect(await confirm(b, OTP.paid)).toMatchObject({ kind: 'unknown', reason: 'server_error' });
    expect(await client.inquire(b.reference)).toMatchObject({ kind: 'found', status: 'pending' });

    // A 5xx on an inquiry is no answer, never "not found".
    rig.sim.script({ call: 'PaymentInquiry', action: 'status', status: 500 });
    expect(await client.inquire(nextRef())).toMatchObject({ kind: 'unreachable', reason: 'server_error' });
  });

  it('malformed JSON: unknown for Confirm, unreachable for an inquiry', async () => {
    await start();
    const a = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'malformed' });
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'unknown', reason: 'malformed' });
    rig.sim.script({ call: 'PaymentInquiry', action: 'malformed' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'unreachable', reason: 'malformed' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'paid' });
  });

  it('connection dropped after the request: unknown', async () => {
    await start();
    const a = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'reset' });
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'unknown', reason: 'disconnected' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'paid' });
  });

  it('duplicate RefNum is refused, and the first payment is untouched', async () => {
    await start();
    const a = await authorize(700);
    const again = await client.authorize({ reference: a.reference, amountHalalas: 700, mobile: MOBILE, billNumber: 'B' });
    expect(again).toMatchObject({ kind: 'refused', reason: 'duplicate_reference', code: '1004' });
    expect(rig.sim.authorizeRequests(a.reference)).toBe(2);
    expect(rig.sim.ledger().payments.filter((p) => p.refNum === a.reference)).toHaveLength(1);
    rig.sim.script({ call: 'DirectPaymentAuthorize', action: 'duplicate' });
    expect(await client.authorize({ reference: nextRef(), amountHalalas: 700, mobile: MOBILE, billNumber: 'B' })).toMatchObject({ reason: 'duplicate_reference' });
  });

  it('a mobile without a wallet is refused by STC Pay; a non-Saudi number never leaves the till', async () => {
    await start();
    expect(await client.authorize({ reference: nextRef(), amountHalalas: 100, mobile: NO_WALLET_MOBILE, billNumber: 'B' })).toMatchObject({ kind: 'refused', reason: 'invalid_mobile' });
    const local = await client.authorize({ reference: nextRef(), amountHalalas: 100, mobile: '+971501234567', billNumber: 'B' });
    expect(local).toMatchObject({ kind: 'not_sent', reason: 'invalid_mobile', message: { ar: expect.stringMatching(/جوال سعودي/) } });
    expect(Object.keys(rig.sim.ledger().authorizeRequests)).toHaveLength(1);
  });

  it('refund: partial, then the rest; more than what is left is refused', async () => {
    await start();
    const a = await authorize(5000);
    const paid = await confirm(a, OTP.paid);
    if (paid.kind !== 'paid') throw new Error('not paid');
    const ref = paid.payment.stcPayRefNum;
    expect(await client.refund({ stcPayRefNum: ref, amountHalalas: 1250, reference: nextRef() })).toMatchObject({ kind: 'refunded', amountHalalas: 1250, newStcPayRefNum: expect.stringMatching(/^\d{12}$/) });
    expect(await client.refund({ stcPayRefNum: ref, amountHalalas: 3751, reference: nextRef() })).toMatchObject({ kind: 'refused', reason: 'refund_refused' });
    expect(await client.refund({ stcPayRefNum: ref, amountHalalas: 3750, reference: nextRef() })).toMatchObject({ kind: 'refunded' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', payment: { amountReversedHalalas: 5000 } });
    expect(rig.sim.payment(a.reference)?.refunds.map((r) => r.amountHalalas)).toEqual([1250, 3750]);
    expect(await client.refund({ stcPayRefNum: '404404404404', amountHalalas: 100, reference: nextRef() })).toMatchObject({ kind: 'refused', reason: 'refund_refused' });
  });

  it('cancel while waiting: unknown once sent, nothing decided locally', async () => {
    await start();
    const a = await authorize();
    rig.sim.script({ call: 'DirectPaymentConfirm', action: 'late', delayMs: 2000 });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const r = await client.confirm({ reference: a.reference, stcPayPmtReference: a.stcPayPmtReference, otpReference: a.otpReference, otp: OTP.paid }, { signal: abort.signal });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'abandoned' });
    expect(await client.inquire(a.reference)).toMatchObject({ kind: 'found', status: 'paid' });
  });

  it('amounts on the wire as bare JSON numbers work the same', async () => {
    await start();
    client = rig.client({ amountEncoding: 'number' });
    const a = await authorize(1);
    expect(rig.sim.payment(a.reference)?.amountHalalas).toBe(1);
    expect(await confirm(a, OTP.paid)).toMatchObject({ kind: 'paid', payment: { amountHalalas: 1 } });
  });
});
