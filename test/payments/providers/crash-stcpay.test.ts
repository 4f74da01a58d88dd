// Fault injection for STC Pay: the till (the real browser host process) takes STC Pay through the STC Pay
// simulator running as a process of its own, with its ledger in a record file. The till is killed outright
// (SIGKILL) at each step of the purchase — Authorize → the customer's OTP → Confirm — then restarted; after its
// start-up recovery (PaymentInquiry by RefNum) the till's ledger and STC Pay's record must agree:
//   - every payment STC Pay holds as paid is exactly one live tender of the same amount and STCPayRefNum, or is
//     listed as needing attention (STC Pay has no reversal: a late approval is 'orphaned', never lost);
//   - a payment STC Pay did not take is no tender, and one still pending is still in doubt, never released;
//   - no sale is paid without payments covering it;
//   - at most one Authorize arrived per RefNum, and no Confirm was sent twice;
//   - the journal's hash chain is intact.
// Where the fault points fall in an STC Pay purchase: before-send = intent committed, nothing sent; after-send =
// Authorize answered (stage 'sent': the customer has an SMS), no Confirm yet; after-answer = the whole purchase
// call returned (Confirm answered), before the till applied the answer.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OTP } from '../../../main/sim/stcpay';
import type { SimBehaviour, SimLedger } from '../../../main/sim/stcpay/types';
import { verifyJournal } from '../../../main/ledger';
import type { StcPaySettings } from '../../../main/settings';
import type { CardPaymentResult, Result } from '../../../preload/contract';
import { createCrashHarness, expectNothingInFlight, expectReleasedUnknown, expectSalesCovered, ok, ringUp, withTillDb, type Sale } from '../../support/crash-harness';
import { connectHost, type HostClient } from '../../support/host-client';
import {
  ensureProviderSimsBuilt,
  listenToTill,
  pointTillAtStcPayProcess,
  startStcPaySimProcess,
  type StcPaySimOptions,
  type StcPaySimProcess,
  type TillEvents,
} from '../../support/provider-sim-process';
import { tempDir } from '../../support/tmp';

const MOBILE = '0551234567';

let tmp: ReturnType<typeof tempDir> | null = null;
let sim: StcPaySimProcess | null = null;

interface Till {
  client: HostClient;
  events: TillEvents;
}

/** The till's socket, plus a second one listening for its events (the OTP prompt arrives as one). */
const { startTill, crashWhilePaying, crashOnRestart, killWhen, restartAndRecover, settled, kill } = createCrashHarness<Till>({
  dataDir: () => tmp!.dir,
  async connect(host) {
    const events = await listenToTill(host.url);
    return { client: await connectHost(host.url), events };
  },
  client: (till) => till.client,
  release: (till) => till.events.close(),
});

beforeAll(() => ensureProviderSimsBuilt(), 120_000);
afterEach(async () => {
  await kill();
  await sim?.stop();
  sim = null;
  tmp?.cleanup();
  tmp = null;
});

/** A fresh data folder and STC Pay; the till trusts it and holds its merchant certificate. */
async function setUp(options: StcPaySimOptions = {}, settings: Partial<StcPaySettings> = {}) {
  tmp = tempDir('nuqta-crash-stcpay-');
  sim = await startStcPaySimProcess(path.join(tmp.dir, 'stcpay-record.json'), options);
  pointTillAtStcPayProcess(tmp.dir, sim, settings);
}

/**
 * payStcPay as the cashier does it: the customer's mobile, then — when `otp` is given — the code typed in when
 * the till asks for it (a paymentProgress event with stage 'awaiting_otp'). Resolves with payStcPay's answer.
 */
async function payStcPay(till: Till, amountHalalas: number, otp?: string): Promise<Result<CardPaymentResult>> {
  const from = till.events.progress.length;
  const paying = till.client.call('payStcPay', { amountHalalas, mobile: MOBILE });
  if (otp === undefined) return paying;
  const prompt = await till.events.next('paymentProgress', (p) => p.stage === 'awaiting_otp' && till.events.progress.indexOf(p) >= from);
  await ok(till.client.call('submitStcPayOtp', { intentId: prompt.intentId, otp }));
  return paying;
}

interface IntentRowLite { id: string; reference: string; kind: string; connector: string; state: string; amount_halalas: number }
interface TenderRow { reference: string; amount_halalas: number; reversed_seq: number | null; details: string | null }

/** The till's ledger (its SQLite file) against STC Pay's record. */
function checkAgreement(record: SimLedger) {
  withTillDb(tmp!.dir, (db) => {
    const intents = db.prepare<[], IntentRowLite>('SELECT id, reference, kind, connector, state, amount_halalas FROM payment_intents').all();
    const intentByRef = new Map(intents.map((i) => [i.reference, i]));
    const tenders = db.prepare<[], TenderRow>(
      `SELECT i.reference, t.amount_halalas, t.reversed_seq, t.details
       FROM tenders t JOIN payment_intents i ON i.id = t.intent_id WHERE t.intent_id IS NOT NULL`,
    ).all();
    const live = (ref: string) => tenders.filter((t) => t.reference === ref && t.reversed_seq === null);

    expectNothingInFlight(intents);
    // At most one Authorize per RefNum (= intent reference), and no Confirm sent twice.
    for (const [ref, n] of Object.entries(record.authorizeRequests)) expect(n, `Authorize requests for ${ref}`).toBeLessThanOrEqual(1);
    for (const p of record.payments) expect(p.confirmRequests, `Confirm requests for ${p.refNum}`).toBeLessThanOrEqual(1);

    for (const p of record.payments) {
      const intent = intentByRef.get(p.refNum);
      expect(intent, `STC Pay payment ${p.refNum} (status ${p.status}) has no intent in the till`).toBeDefined();
      expect(intent!).toMatchObject({ kind: 'purchase', connector: 'stcpay' });
      if (p.status === 2) {
        // Paid: a live tender of that amount, or listed for a person (never quietly lost).
        const listed = ['orphaned', 'unknown'].includes(intent!.state);
        expect(live(p.refNum).length === 1 || listed, `paid ${p.refNum}: live tenders ${live(p.refNum).length}, intent ${intent!.state}`).toBe(true);
        if (!listed) {
          expect(intent!.state).toBe('approved');
          const tender = live(p.refNum)[0]!;
          expect(tender.amount_halalas).toBe(p.amountHalalas);
          expect(tender.details ?? '', `tender ${p.refNum} carries the STCPayRefNum`).toContain(p.stcPayRefNum!);
        }
      } else {
        expect(live(p.refNum), `unpaid ${p.refNum} (status ${p.status}) is a tender`).toHaveLength(0);
        expect(intent!.state, `unpaid ${p.refNum}`).not.toBe('approved');
        // Pending: the customer may still confirm, so the till must still be in doubt about it.
        if (p.status === 1) expect(intent!.state, `pending ${p.refNum}`).toBe('unknown');
      }
    }
    // Every STC Pay payment the till counts is one STC Pay holds as paid, for the same amount.
    for (const i of intents.filter((x) => x.connector === 'stcpay' && x.state === 'approved')) {
      const p = record.payments.find((x) => x.refNum === i.reference);
      expect(p?.status, `till approved ${i.reference}, STC Pay says ${p?.status ?? 'nothing'}`).toBe(2);
      expect(p!.amountHalalas).toBe(i.amount_halalas);
    }
    for (const t of tenders.filter((x) => x.reversed_seq === null)) {
      expect(record.payments.find((x) => x.refNum === t.reference)?.status, `tender ${t.reference} has no STC Pay payment`).toBe(2);
    }
    expectReleasedUnknown(intents, 'STC Pay', (ref) => record.payments.some((p) => p.refNum === ref));
    expectSalesCovered(db);
    expect(verifyJournal(db)).toMatchObject({ ok: true });
  });
}

/**
 * Rings up a sale and pays it by STC Pay with `otp`, kills the till from outside (SIGKILL) as soon as `until` says
 * STC Pay got that far, and restarts it; the sale as it was rung up, and the restarted till.
 */
async function killWhilePaying(otp: string, until: () => Promise<unknown>): Promise<{ sale: Sale; again: Till }> {
  const till = await startTill();
  const sale = await ringUp(till.client);
  await killWhen(until, till, (t) => payStcPay(t, sale.dueHalalas, otp));
  return { sale, again: await restartAndRecover() };
}

/** The sale is still open and unpaid; paying it again by STC Pay works with a new RefNum. */
async function stillToPay(till: Till, sale: Sale) {
  expect(await ok(till.client.call('getSale', {}))).toMatchObject({ saleId: sale.saleId, payment: null, dueHalalas: sale.dueHalalas, tenders: [] });
  const again = await ok(payStcPay(till, sale.dueHalalas, OTP.paid));
  expect(again.outcome).toBe('approved');
  return again;
}

describe('STC Pay: SIGKILL during a purchase', () => {
  it('at purchase.before-send: nothing reached STC Pay; the inquiry finds nothing and the payment is released', async () => {
    await setUp();
    const sale = await crashWhilePaying('purchase.before-send', (till, { dueHalalas }) => payStcPay(till, dueHalalas));
    const till = await restartAndRecover();
    const record = await sim!.record();
    expect(record).toEqual({ payments: [], authorizeRequests: {} });
    checkAgreement(record);
    const released = (await ok(till.client.call('getTerminalStatus', {}))).last!;
    expect(released).toMatchObject({ method: 'stcpay', state: 'not_found' });
    // Paid again under a new RefNum; the released one never reached STC Pay.
    const paid = await stillToPay(till, sale);
    const after = await sim!.record();
    expect(Object.keys(after.authorizeRequests)).toEqual([paid.intent.reference]);
    expect(paid.intent.reference).not.toBe(released.reference);
    checkAgreement(after);
    till.client.close();
  });

  it('at purchase.after-send (Authorize answered, no Confirm): pending is in doubt, then released once STC Pay expires it', async () => {
    await setUp({ otpExpirySeconds: 3 });
    const sale = await crashWhilePaying('purchase.after-send', (till, { dueHalalas }) => payStcPay(till, dueHalalas));
    const till = await restartAndRecover();
    const first = await sim!.record();
    expect(first.payments.map((p) => p.confirmRequests)).toEqual([0]);
    checkAgreement(first);
    if (first.payments[0]!.status === 1) {
      // Pending is no answer: the payment holds its sale until STC Pay says how it ended. (On a very slow machine
      // the 3 s may already be over at the first look; then checkAgreement has seen it released as expired.)
      expect((await ok(till.client.call('getTerminalStatus', {}))).last).toMatchObject({ method: 'stcpay', state: 'unknown' });
      expect(await till.client.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    }
    // The authorization lapses; the background inquiry sees it Expired and releases the payment.
    await settled(till, 15_000);
    const record = await sim!.record();
    expect(record.payments.map((p) => p.status)).toEqual([5]);
    checkAgreement(record);
    expect((await ok(till.client.call('getTerminalStatus', {}))).last).toMatchObject({ state: 'declined' });
    await stillToPay(till, sale);
    checkAgreement(await sim!.record());
    till.client.close();
  }, 30_000);

  it('at purchase.after-answer (Confirm answered paid): recovery finds it paid and completes the sale', async () => {
    await setUp();
    const sale = await crashWhilePaying('purchase.after-answer', (till, { dueHalalas }) => payStcPay(till, dueHalalas, OTP.paid));
    const till = await restartAndRecover();
    const record = await sim!.record();
    expect(record.payments.map((p) => [p.status, p.amountHalalas, p.confirmRequests])).toEqual([[2, sale.dueHalalas, 1]]);
    checkAgreement(record);
    const after = await ok(till.client.call('getSale', {}));
    expect(after.saleId).not.toBe(sale.saleId);
    expect(after.lines).toEqual([]);
    till.client.close();
  });

  it('at recovery.after-answer: a second crash during start-up recovery still ends in agreement', async () => {
    await setUp();
    const sale = await crashWhilePaying('purchase.after-answer', (till, { dueHalalas }) => payStcPay(till, dueHalalas, OTP.paid));
    await crashOnRestart('recovery.after-answer');
    const till = await restartAndRecover();
    checkAgreement(await sim!.record());
    expect((await ok(till.client.call('getSale', {}))).saleId).not.toBe(sale.saleId);
    till.client.close();
  });
});

describe('STC Pay: SIGKILL while the Confirm answer is held back', () => {
  it(`OTP ${OTP.timesOut} (paid at once, answer held back): the restarted till finds it paid and completes the sale`, async () => {
    // The till would wait 10 s for the answer, STC Pay holds it for 60 s: the kill lands while it waits.
    await setUp({ timeoutOtpDelayMs: 60_000 }, { confirmTimeoutMs: 10_000 });
    const { sale, again } = await killWhilePaying(OTP.timesOut, () => sim!.payment((p) => p.status === 2));
    const record = await sim!.record();
    expect(record.payments.map((p) => [p.status, p.outcome, p.confirmRequests])).toEqual([[2, 'paid', 1]]);
    checkAgreement(record);
    const after = await ok(again.client.call('getSale', {}));
    expect(after.saleId).not.toBe(sale.saleId);
    expect((await ok(again.client.call('getTerminalStatus', {}))).needsAttention).toEqual([]);
    again.client.close();
  });

  it('a Confirm still being processed at restart: in doubt (pending), then the background inquiry finds it paid', async () => {
    await setUp({}, { confirmTimeoutMs: 10_000 });
    // STC Pay takes 2 s to process the Confirm; the till is killed as soon as the Confirm has arrived.
    await sim!.script({ call: 'DirectPaymentConfirm', action: 'slow', delayMs: 2_000 });
    const { sale, again } = await killWhilePaying(OTP.paid, () => sim!.request('DirectPaymentConfirm'));
    const first = await sim!.record();
    if (first.payments[0]!.status === 1) {
      // Still pending at STC Pay: the payment holds its sale, nothing decided locally.
      checkAgreement(first);
      expect((await ok(again.client.call('getTerminalStatus', {}))).last).toMatchObject({ state: 'unknown' });
      expect(await again.client.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    }
    await settled(again, 15_000);
    const record = await sim!.record();
    expect(record.payments.map((p) => [p.status, p.confirmRequests])).toEqual([[2, 1]]);
    checkAgreement(record);
    expect((await ok(again.client.call('getSale', {}))).saleId).not.toBe(sale.saleId);
    again.client.close();
  }, 20_000);

  it('declined by STC Pay while the till was dead (insufficient balance, answer late): released, not a tender', async () => {
    await setUp({}, { confirmTimeoutMs: 10_000 });
    await sim!.script({ call: 'DirectPaymentConfirm', action: 'late', delayMs: 60_000 } satisfies SimBehaviour);
    const { sale, again } = await killWhilePaying(OTP.insufficientBalance, () => sim!.payment((p) => p.status === 4));
    const record = await sim!.record();
    expect(record.payments.map((p) => [p.status, p.outcome])).toEqual([[4, 'insufficient_balance']]);
    checkAgreement(record);
    expect((await ok(again.client.call('getTerminalStatus', {}))).last).toMatchObject({ state: 'declined' });
    await stillToPay(again, sale);
    checkAgreement(await sim!.record());
    again.client.close();
  });
});

describe('STC Pay: a manager releases a payment STC Pay still reports as pending', () => {
  // KNOWN GAP (reported to the lead; enable once fixed): resolvePayment('declined') is accepted for an STC Pay
  // payment whose Confirm was sent and which STC Pay reports as Pending; nothing asks STC Pay about it again (not
  // the background loop, not recoverAll on the next start), so when STC Pay completes it the payment is neither a
  // tender nor listed — the customer paid twice. The expected end: listed as 'orphaned' (STC Pay has no reversal).
  it('a manager cannot record as not paid what STC Pay still has in progress; its late answer settles it', async () => {
    await setUp({}, { confirmTimeoutMs: 10_000 });
    await sim!.script({ call: 'DirectPaymentConfirm', action: 'slow', delayMs: 3_000 });
    const { sale, again } = await killWhilePaying(OTP.paid, () => sim!.request('DirectPaymentConfirm'));
    const doubt = (await ok(again.client.call('getTerminalStatus', {}))).last!;
    expect(doubt.state).toBe('unknown');
    // STC Pay said "Pending": neither "not paid" nor "paid" may be recorded by hand while it is.
    await expect
      .poll(async () => {
        const r = await again.client.call('resolvePayment', { intentId: doubt.intentId, outcome: 'declined', managerPin: '1234' });
        return r.ok ? 'accepted' : r.error.code;
      }, { timeout: 5_000, interval: 50 })
      .toBe('PAYMENT_IN_PROGRESS');
    expect(await again.client.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    // STC Pay then completes the Confirm it had received; background recovery finds it paid and the sale completes.
    await sim!.payment((p) => p.status === 2);
    await expect
      .poll(async () => (await ok(again.client.call('getTerminalStatus', {}))).last?.state, { timeout: 20_000, interval: 200 })
      .toBe('approved');
    checkAgreement(await sim!.record());
    again.client.close();
  }, 40_000);
});
