// STC Pay through the whole till: the contract's payStcPay / submitStcPayOtp, the payment service's intents,
// the real client over mutual TLS to the simulator, and the simulator's own ledger as the other side's record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentProgress } from '../../../preload/contract';
import { OTP } from '../../../main/sim/stcpay';
import { startStcPayTill, type StcPayTill } from '../../support/providers';
import { DEMO } from '../../support/till';

let t: StcPayTill;
let progress: PaymentProgress[];
beforeEach(async () => {
  t = await startStcPayTill();
  progress = [];
  t.till.subscribe((event, payload) => {
    if (event === 'paymentProgress') progress.push(payload as PaymentProgress);
  });
});
afterEach(async () => {
  await t.close();
});

const ring = async (...barcodes: string[]) => {
  let sale = await t.call('getSale', {});
  for (const barcode of barcodes) sale = await t.call('scanBarcode', { barcode });
  return sale;
};

/** Resolves with the next OTP prompt (stage awaiting_otp) after `from` progress events. */
const nextPrompt = async (from = 0): Promise<PaymentProgress> => {
  for (let i = 0; i < 400; i += 1) {
    const found = progress.slice(from).find((p) => p.stage === 'awaiting_otp');
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no OTP prompt');
};

/** Pays by STC Pay, answering each prompt with the next code in `codes`. */
const payWith = async (amountHalalas: number, mobile: string, ...codes: string[]) => {
  let seen = progress.length;
  const paying = t.call('payStcPay', { amountHalalas, mobile });
  for (const code of codes) {
    const prompt = await nextPrompt(seen);
    seen = progress.indexOf(prompt) + 1;
    await t.call('submitStcPayOtp', { intentId: prompt.intentId, otp: code });
  }
  return paying;
};

describe('an STC Pay sale', () => {
  it('asks for the customer code, confirms once and completes the sale with the masked mobile', async () => {
    const sale = await ring(DEMO.milk.barcode, DEMO.coffee.barcode);
    const result = await payWith(sale.dueHalalas, '0551234567', OTP.paid);
    expect(result.outcome).toBe('approved');
    expect(result.intent.method).toBe('stcpay');
    const tender = result.completed!.receipt.tenders[0]!;
    if (tender.kind !== 'card') throw new Error('electronic tender expected');
    expect(tender.card).toMatchObject({ scheme: 'STCPAY', schemeLabel: 'STC Pay', maskedPan: '9665*****567' });
    expect(result.completed!.drawer).toBe('not_needed');
    // STC Pay's own record: one Authorize, paid, the same amount, the same reference.
    const paid = t.sim.payment(tender.reference)!;
    expect(paid).toMatchObject({ status: 2, amountHalalas: sale.dueHalalas, mobile: '966551234567', confirmRequests: 1 });
    expect(t.sim.authorizeRequests(tender.reference)).toBe(1);
    expect(tender.card.rrn).toBe(paid.stcPayRefNum);
    // The prompt showed the masked number and the attempt, never the whole number.
    const prompt = progress.find((p) => p.stage === 'awaiting_otp')!;
    expect(prompt.otp).toMatchObject({ attempt: 1, maskedMobile: '9665*****567', lastError: null });
    expect(JSON.stringify(progress)).not.toContain('966551234567');
    // Sale history names it as STC Pay, not as a card.
    const [latest] = await t.call('listReceipts', { limit: 1 });
    expect(latest).toMatchObject({ receiptNo: result.completed!.receipt.receiptNo, tenderKinds: ['stcpay'] });
  });

  it('keeps the question on the sale while the code is awaited, for a view that loads meanwhile', async () => {
    const sale = await ring(DEMO.milk.barcode);
    const paying = t.call('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '0551234567' });
    const prompt = await nextPrompt();
    const loaded = await t.call('getSale', {});
    expect(loaded.payment).toMatchObject({ intentId: prompt.intentId, method: 'stcpay', otp: { attempt: 1, maskedMobile: '9665*****567' } });
    await t.call('submitStcPayOtp', { intentId: prompt.intentId, otp: OTP.paid });
    expect((await paying).outcome).toBe('approved');
  });

  it('takes the code again after a wrong one, saying why', async () => {
    const sale = await ring(DEMO.bread.barcode);
    const result = await payWith(sale.dueHalalas, '+966 55 123 4567', '999999', OTP.paid);
    expect(result.outcome).toBe('approved');
    const prompts = progress.filter((p) => p.stage === 'awaiting_otp');
    expect(prompts.map((p) => p.otp?.attempt)).toEqual([1, 2]);
    expect(prompts[1]!.otp?.lastError?.ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('declines on insufficient balance with a bilingual reason and leaves the sale open to pay otherwise', async () => {
    const sale = await ring(DEMO.dates.barcode);
    const result = await payWith(sale.dueHalalas, '0551234567', OTP.insufficientBalance);
    expect(result.outcome).toBe('declined');
    expect(result.intent.reason?.en).toMatch(/balance/i);
    expect(result.intent.reason?.ar).toMatch(/[\u0600-\u06ff]/);
    expect(result.sale).toMatchObject({ saleId: sale.saleId, tenders: [], payment: null });
    const cash = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    expect(cash.receipt.tenders.map((x) => x.kind)).toEqual(['cash']);
  });

  it('declines an expired code and a customer cancel, each with its own reason', async () => {
    const sale = await ring(DEMO.water.barcode);
    const expired = await payWith(sale.dueHalalas, '0551234567', OTP.expired);
    expect(expired.outcome).toBe('declined');
    expect(expired.intent.reason?.en).toMatch(/expired/i);
    const cancelled = await payWith(sale.dueHalalas, '0551234567', OTP.cancelled);
    expect(cancelled.outcome).toBe('declined');
    expect(cancelled.intent.reason?.en).not.toBe(expired.intent.reason?.en);
    expect(cancelled.intent.reference).not.toBe(expired.intent.reference);
  });

  it('refuses a mobile number that is not Saudi before anything is sent', async () => {
    await ring(DEMO.water.barcode);
    const refused = await t.attempt('payStcPay', { amountHalalas: 100, mobile: '0112345678' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STCPAY_MOBILE_INVALID' } });
    expect(t.sim.ledger().payments).toHaveLength(0);
  });

  it('stops before the code is sent when the cashier cancels: nothing is charged', async () => {
    const sale = await ring(DEMO.water.barcode);
    const paying = t.call('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '0551234567' });
    const prompt = await nextPrompt();
    await t.call('cancelCardPayment', { intentId: prompt.intentId });
    const result = await paying;
    expect(result.outcome).toBe('declined');
    expect(t.sim.payment(result.intent.reference)?.confirmRequests).toBe(0);
    expect(await t.attempt('submitStcPayOtp', { intentId: prompt.intentId, otp: OTP.paid })).toMatchObject({
      ok: false,
      error: { code: 'STCPAY_NO_OTP_AWAITED' },
    });
  });

  it('asks STC Pay by PaymentInquiry when the Confirm answer comes too late, and completes the sale as paid', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    // Processed at once, answered after the till gave up (confirm timeout 2 s in these tests).
    t.sim.script({ call: 'DirectPaymentConfirm', action: 'late', delayMs: 4_000 });
    const result = await payWith(sale.dueHalalas, '0551234567', OTP.paid);
    expect(result.outcome).toBe('approved');
    expect(result.completed?.receipt.tenders[0]).toMatchObject({ kind: 'card', card: { scheme: 'STCPAY' } });
    expect(t.sim.payment(result.intent.reference)).toMatchObject({ status: 2, confirmRequests: 1 });
  }, 20_000);

  it('keeps a Confirm that vanished unknown, locking the sale, until STC Pay says how it ended', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    // 'hang': STC Pay never processes or answers; its inquiry says Pending, which is not an answer.
    t.sim.script({ call: 'DirectPaymentConfirm', action: 'hang' });
    const result = await payWith(sale.dueHalalas, '0551234567', OTP.paid);
    expect(result.outcome).toBe('unknown');
    expect(result.sale.payment?.state).toBe('unknown');
    expect(await t.attempt('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    expect(await t.attempt('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '0551234567' })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_PENDING' },
    });
    // Nothing was sent twice while it was in doubt.
    expect(t.sim.authorizeRequests(result.intent.reference)).toBe(1);
  }, 20_000);

  it('after a manager records a payment STC Pay could not be asked about as not paid, still asks, and lists a late approval', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    // The Confirm takes effect but its connection drops; then STC Pay cannot be asked for a while.
    t.sim.script({ call: 'DirectPaymentConfirm', action: 'reset', process: true });
    t.sim.script(...Array.from({ length: 40 }, () => ({ call: 'PaymentInquiry' as const, action: 'status' as const, status: 503 })));
    const result = await payWith(sale.dueHalalas, '0551234567', OTP.paid);
    expect(result.outcome).toBe('unknown');
    await expect
      .poll(async () => {
        const r = await t.attempt('resolvePayment', { intentId: result.intent.intentId, outcome: 'declined', managerPin: '1234' });
        return r.ok ? r.value.state : r.error.code;
      })
      .toBe('declined');
    // The customer pays in cash; STC Pay then answers again and says the wallet payment went through.
    await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    t.sim.clearScript();
    await expect
      .poll(async () => (await t.call('getTerminalStatus', {})).needsAttention.map((i) => [i.intentId, i.state]), { timeout: 10_000 })
      .toEqual([[result.intent.intentId, 'orphaned']]);
    expect(t.sim.payment(result.intent.reference)?.status).toBe(2);
  }, 30_000);

  it('refunds an STC Pay sale through RefundPayment: a return of its lines, with the manager PIN', async () => {
    const sale = await ring(DEMO.dates.barcode);
    const paid = await payWith(sale.dueHalalas, '0551234567', OTP.paid);
    const receipt = paid.completed!.receipt;
    // Money goes back only as a return of the receipt's lines (with its credit note): there is no refund by amount.
    const input = { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' as const };
    const wrong = await t.attempt('returnSale', { ...input, managerPin: '9999' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    const issued = await t.call('returnSale', { ...input, managerPin: '1234' });
    const original = receipt.tenders[0]!;
    expect(issued.refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: sale.dueHalalas })]);
    expect(original.kind === 'card' && issued.refund.refunds[0]?.kind === 'card' ? issued.refund.refunds[0].card.scheme : null).toBe(
      original.kind === 'card' ? original.card.scheme : 'not a card',
    );
    expect(issued.drawer).toBe('not_needed');
    expect(t.sim.payment(paid.intent.reference)?.amountReversedHalalas).toBe(sale.dueHalalas);
    const again = await t.attempt('returnSale', { ...input, managerPin: '1234' });
    expect(again).toMatchObject({ ok: false, error: { code: 'RETURN_NOTHING_LEFT' } });
  });

  it('says STC Pay cannot be reversed on an open sale', async () => {
    const sale = await ring(DEMO.dates.barcode, DEMO.coffee.barcode);
    const part = await payWith(1000, '0551234567', OTP.paid);
    expect(part).toMatchObject({ outcome: 'approved', completed: null });
    const reversed = await t.attempt('reverseCardPayment', { intentId: part.intent.intentId, managerPin: '1234' });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'REVERSAL_NOT_SUPPORTED' } });
    const rest = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas - 1000 });
    expect(rest.receipt.tenders.map((x) => [x.kind, x.amountHalalas])).toEqual([
      ['card', 1000],
      ['cash', sale.dueHalalas - 1000],
    ]);
  });

  it('shows STC Pay on the status panel and checks it on request', async () => {
    const status = await t.call('checkTerminal', {});
    expect(status.stcPay).toMatchObject({ health: 'connected' });
    expect(status.stcPay?.checkedAt).not.toBeNull();
  });
});
