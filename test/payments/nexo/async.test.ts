// cloud-async: POST /async answers "ok", the result arrives as an event notification on the till's local listener;
// when it does not come, TransactionStatus polling finds the result. Over real TLS (provider) and a real HTTP
// listener on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import { createNotificationListener, type NexoConnector, type NotificationListener } from '../../../main/payments/nexo';
import { guardUnhandled, nextRef, stages } from '../../support/payment-harness';
import { API_KEY, connectorFor, FAST } from '../../support/nexo-rig';

guardUnhandled();

let sim: NexoSimulator;
let listener: NotificationListener;
let till: NexoConnector;
beforeAll(async () => {
  sim = await startNexoSimulator({ apiKey: API_KEY });
  listener = await createNotificationListener();
  sim.setNotificationTarget({ url: listener.url, ...listener.credentials });
  till = connectorFor(sim, 'cloud-async', { notificationListener: listener });
});
afterAll(async () => {
  await till.close();
  await listener.close();
  await sim.close();
});

/** Counts TransactionStatus requests the provider receives while `fn` runs. */
async function countingStatus<T>(fn: () => Promise<T>): Promise<{ result: T; statusQueries: number; endpoints: string[] }> {
  let statusQueries = 0;
  const endpoints: string[] = [];
  const off = sim.subscribe((e) => {
    if (e.event !== 'request') return;
    endpoints.push(`${e.category}@${e.endpoint}`);
    if (e.category === 'TransactionStatus') statusQueries += 1;
  });
  try {
    return { result: await fn(), statusQueries, endpoints };
  } finally {
    off();
  }
}

describe('cloud async', () => {
  it('the result arrives by notification: approved, no polling, the listener matched it', async () => {
    const ref = nextRef();
    const before = listener.stats().accepted;
    const s = stages();
    sim.script({ delayMs: 100 });
    const { result, statusQueries, endpoints } = await countingStatus(() => till.purchase({ reference: ref, amountHalalas: 4200 }, { onStage: s.onStage }));
    expect(result).toMatchObject({ kind: 'approved', record: { amountHalalas: 4200, reference: ref } });
    expect(statusQueries).toBe(0);
    expect(endpoints).toEqual(['Payment@async']);
    expect(listener.stats().accepted).toBe(before + 1);
    expect(s.list).toEqual(['connecting', 'sent', 'awaiting_result']);
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('a decline by notification is declined', async () => {
    sim.script({ outcome: 'decline' });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'Refusal' });
  });

  it('no notification: TransactionStatus polling (over /sync) finds the result after asyncNotificationMs', async () => {
    const ref = nextRef();
    sim.script({ notify: false, delayMs: 150, inProgressPolls: 1 });
    const started = Date.now();
    const { result, statusQueries, endpoints } = await countingStatus(() => till.purchase({ reference: ref, amountHalalas: 999 }));
    expect(result).toMatchObject({ kind: 'approved', record: { amountHalalas: 999 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST.asyncNotificationMs!);
    expect(statusQueries).toBeGreaterThanOrEqual(2); // InProgress once, then found
    expect(endpoints.filter((e) => e.startsWith('TransactionStatus')).every((e) => e.endsWith('@sync'))).toBe(true);
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('without a listener the connector polls from the start', async () => {
    const c = connectorFor(sim, 'cloud-async');
    const { result, statusQueries } = await countingStatus(() => c.purchase({ reference: nextRef(), amountHalalas: 350 }));
    expect(result.kind).toBe('approved');
    expect(statusQueries).toBeGreaterThanOrEqual(1);
    await c.close();
  });

  it('neither notification nor a final status before the deadline → unknown (timeout); inquire finds it later', async () => {
    const ref = nextRef();
    sim.script({ notify: false, inProgressPolls: 1000 });
    expect(await till.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    sim.find(ref)!.inProgressPolls = 0;
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('an immediate error answer to /async (Busy) is applied at once; a 500 is unknown', async () => {
    sim.script({ outcome: 'busy' });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'busy' });
    const ref = nextRef();
    sim.script({ answer: 'http-error' });
    expect(await till.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'unknown', detail: expect.stringContaining('500') });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found' });
  });

  it('cancel while waiting for the notification: Abort sent, unknown, then found declined (Aborted)', async () => {
    const ref = nextRef();
    sim.script({ delayMs: 5000 });
    const cancel = new AbortController();
    const paying = till.purchase({ reference: ref, amountHalalas: 100 }, { signal: cancel.signal, onStage: (s) => s === 'awaiting_result' && setTimeout(() => cancel.abort(), 30) });
    expect(await paying).toMatchObject({ kind: 'unknown', why: 'cancelled' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'declined', responseCode: 'Aborted' } });
  });

  it('the listener refuses notifications without its credentials, and ignores ones nobody waits for', async () => {
    const stats = listener.stats();
    const denied = await fetch(listener.url, { method: 'POST', body: '{}', headers: { authorization: `Basic ${Buffer.from('nuqta:guess').toString('base64')}` } });
    expect(denied.status).toBe(401);
    const stray = await fetch(listener.url, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${listener.credentials.username}:${listener.credentials.password}`).toString('base64')}` },
      body: JSON.stringify({ SaleToPOIResponse: { MessageHeader: { MessageCategory: 'Payment', MessageType: 'Response', ServiceID: 'N000000001', SaleID: 'X', POIID: 'Y' } } }),
    });
    expect(stray.status).toBe(200);
    expect(listener.stats()).toEqual({ accepted: stats.accepted, unmatched: stats.unmatched + 1, unauthorised: stats.unauthorised + 1 });
  });
});
