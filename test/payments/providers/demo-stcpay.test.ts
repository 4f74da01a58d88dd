// The demo default takes STC Pay through the in-process simulator, as a fresh till does with no settings.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { PaymentProgress } from '../../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../../support/till';

let t: TestTill | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('pays by STC Pay on the demo default and keeps the simulator certificates across restarts', async () => {
  // Its own certificates, made at this first start (other tests' tills find the run's set: test/support/kept-pki.ts).
  t = await startTestTill(undefined, { providerCheckMs: 0 }, { ownSimulatorPki: true });
  const till = t;
  const prompts: PaymentProgress[] = [];
  const subscribe = () => till.till.subscribe((event, payload) => void (event === 'paymentProgress' && prompts.push(payload as PaymentProgress)));
  let off = subscribe();
  expect((await till.call('getTill', {})).stcPayPayments).toBe(true);
  const sale = await till.call('scanBarcode', { barcode: DEMO.milk.barcode });
  const paying = till.call('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '٠٥٥١٢٣٤٥٦٧' });
  await expect.poll(() => prompts.find((p) => p.stage === 'awaiting_otp'), { timeout: 10_000 }).toBeTruthy();
  await till.call('submitStcPayOtp', { intentId: prompts.find((p) => p.stage === 'awaiting_otp')!.intentId, otp: '123456' });
  expect((await paying).outcome).toBe('approved');

  const ca = path.join(till.dir, 'simulators', 'stcpay', 'ca.pem');
  const before = fs.readFileSync(ca, 'utf8');
  off();
  await till.restart();
  off = subscribe();
  expect(fs.readFileSync(ca, 'utf8')).toBe(before);
  const status = await till.call('checkTerminal', {});
  expect(status.stcPay).toMatchObject({ health: 'connected' });
  off();
});
