// `npm run bench`: till-side cost of a payment through a provider, mirroring run.ts's mada ECR figure. A real
// till (startTill on a temp folder) is pointed at a provider simulator the way an admin configures one —
// endpoint and CA in the settings, credentials in the file secret store (test/support/providers.ts) — and
// payCard / payStcPay is timed from the call to its answer, sale completion included.
//
// What the figure contains, honestly: the simulators run in this process on 127.0.0.1 and answer at once (no
// script), but they do not report their own processing time. So each sample is a loopback round trip that
// includes a fresh TLS handshake per request (the till's clients use no connection reuse: nexo one
// handshake per payment, STC Pay two mutual-TLS ones, Authorize and Confirm) and the simulator's own request
// handling on the same event loop. The one simulator delay we can see is subtracted: the nexo simulator finishes
// a payment on a 0 ms timer (≈1 ms), between its in_progress and final transaction events.
// STC Pay's simulator answers synchronously, and the customer's code is typed the instant it is asked for, so
// no customer time is in its figure either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Node's performance (the global one's typings lack eventLoopUtilization).
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { startTill, type RunningTill } from '../../main/app';
import { startNexoSimulator } from '../../main/sim/nexo';
import { createStcPaySimulator, OTP } from '../../main/sim/stcpay';
import type { CardPaymentResult, PaymentProgress, Sale } from '../../preload/contract';
import { NEXO_API_KEY, pointTillAtNexo, pointTillAtStcPay } from '../support/providers';
import { DEMO } from '../support/till';
import { summarise, type Summary } from './stats';

/** Moderate: each payment costs one or two TLS handshakes; a few seconds per provider on 2 cores. */
const PAYMENTS = 150;
/** First payments (lazy loading, JIT, first TLS context) are run but not counted. */
const WARMUP = 5;
const ITEMS = Object.values(DEMO).map((item) => item.barcode);

export interface ProviderPaymentFigure {
  /** payCard / payStcPay wall time minus the simulator's visible delay: the till-side overhead. */
  tillOverheadMs: Summary;
  /** The call's wall time as measured. */
  wallMs: Summary;
  /** The simulator's own delay that was subtracted: event-loop idle time while it held the answer (0 where it holds none). */
  simulatorDelayMs: Summary;
  tlsHandshakesPerPayment: number;
  warmupPayments: number;
  note: string;
}

const tmpDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `nuqta-bench-${name}-`));

async function call<T>(till: RunningTill, method: string, input: unknown): Promise<T> {
  const r = await till.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}`);
  return r.value as T;
}

/**
 * Rings one item per sale and pays it `PAYMENTS + WARMUP` times with `pay`; `simDelay(reference)` is the
 * simulator's delay for the payment just made.
 */
async function measure(
  till: RunningTill,
  pay: (amountHalalas: number) => Promise<CardPaymentResult>,
  simDelay: (reference: string) => number,
): Promise<Pick<ProviderPaymentFigure, 'tillOverheadMs' | 'wallMs' | 'simulatorDelayMs'>> {
  const wall: number[] = [];
  const delays: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < PAYMENTS + WARMUP; i += 1) {
    const sale = await call<Sale>(till, 'scanBarcode', { barcode: ITEMS[i % ITEMS.length]! });
    const t0 = performance.now();
    const paid = await pay(sale.dueHalalas);
    const elapsed = performance.now() - t0;
    if (paid.outcome !== 'approved' || !paid.completed) {
      throw new Error(`provider payment ${i} ${paid.outcome} after ${Math.round(elapsed)} ms: ${paid.intent.reason?.en ?? 'no reason'}`);
    }
    if (i < WARMUP) continue;
    const delay = simDelay(paid.intent.reference);
    wall.push(elapsed);
    delays.push(delay);
    overhead.push(elapsed - delay);
  }
  return { tillOverheadMs: summarise(overhead), wallMs: summarise(wall), simulatorDelayMs: summarise(delays) };
}

/** (a) A cloud-sync nexo card payment through the HTTPS nexo simulator. */
export async function nexoCloudSyncPaymentOverhead(): Promise<ProviderPaymentFigure> {
  const sim = await startNexoSimulator({ apiKey: NEXO_API_KEY });
  const dir = tmpDir('nexo');
  let till: RunningTill | null = null;
  try {
    pointTillAtNexo(dir, sim, 'cloud-sync');
    till = await startTill({ host: 'browser', dataDir: dir, providerCheckMs: 0 });
    // The simulator's processing timer runs from its in_progress to its final transaction event (per
    // SaleTransactionID, the till's reference). Only the event loop's IDLE time in that window is delay the
    // timer added: time the loop spent on other work meanwhile (a previous receipt's print job) would have been
    // spent anyway, so subtracting the whole window would flatter the till.
    const started = new Map<string, EventLoopUtilization>();
    const delays = new Map<string, number>();
    sim.subscribe((e) => {
      if (e.event !== 'transaction' || e.transaction.category !== 'Payment') return;
      const id = e.transaction.transactionId;
      const since = started.get(id);
      if (e.transaction.status === 'in_progress') started.set(id, performance.eventLoopUtilization());
      else if (since) delays.set(id, performance.eventLoopUtilization(since).idle);
    });
    const t = till;
    const figures = await measure(t, (amountHalalas) => call(t, 'payCard', { amountHalalas }), (reference) => {
      const d = delays.get(reference);
      if (d === undefined) throw new Error(`the nexo simulator saw no payment ${reference}`);
      return d;
    });
    return {
      ...figures,
      tlsHandshakesPerPayment: 1,
      warmupPayments: WARMUP,
      note: 'round trip to a loopback nexo simulator (same process) incl. a TLS handshake, minus the idle time of its 0 ms processing timer',
    };
  } finally {
    await till?.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** (b) An STC Pay payment (Authorize, the customer's code, Confirm) through the mutual-TLS STC Pay simulator. */
export async function stcPayPaymentOverhead(): Promise<ProviderPaymentFigure> {
  const sim = await createStcPaySimulator();
  const { baseUrl } = await sim.listen(0);
  const dir = tmpDir('stcpay');
  let till: RunningTill | null = null;
  try {
    pointTillAtStcPay(dir, sim, baseUrl);
    till = await startTill({ host: 'browser', dataDir: dir, providerCheckMs: 0 });
    const t = till;
    // The customer reads the code at once: answered from the progress event that asks for it.
    t.subscribe((event, payload) => {
      const p = payload as PaymentProgress;
      if (event !== 'paymentProgress' || p.stage !== 'awaiting_otp') return;
      void t.dispatch('submitStcPayOtp', { intentId: p.intentId, otp: OTP.paid }).then((r) => {
        if (!r.ok) process.stderr.write(`[bench] submitStcPayOtp failed: ${r.error.code}\n`);
      });
    });
    const figures = await measure(t, (amountHalalas) => call(t, 'payStcPay', { amountHalalas, mobile: '0551234567' }), () => 0);
    return {
      ...figures,
      tlsHandshakesPerPayment: 2,
      warmupPayments: WARMUP,
      note: 'round trip to a loopback STC Pay simulator (same process, answers synchronously) incl. two mutual-TLS handshakes; OTP typed at once',
    };
  } finally {
    await till?.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
