// The nexo connector in cloud-sync mode against the provider simulator over real TLS sockets: outcomes, the unknown
// state and its recovery by TransactionStatus, reversal, refund, reconciliation, health, and every way the
// connection can fail — each ending in a defined state, never in a second Payment.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCertificates, startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import { createNexoConnector, serviceIdOf, type NexoConnector } from '../../../main/payments/nexo';
import { containsFullPan } from '../../../main/payments/ecr/pan';
import { guardUnhandled, nextRef, sleep, stages } from '../../support/payment-harness';
import { API_KEY, connectorFor, FAST, SALE_ID } from '../../support/nexo-rig';

guardUnhandled();

let sim: NexoSimulator;
let till: NexoConnector;
beforeAll(async () => {
  sim = await startNexoSimulator({ apiKey: API_KEY });
  till = connectorFor(sim, 'cloud-sync');
});
afterAll(async () => {
  await till.close();
  await sim.close();
});

/** Inquires until the answer is final (found / not_found), as the intent layer does with backoff. */
async function inquireUntilFinal(connector: NexoConnector, reference: string, tries = 20) {
  for (let i = 0; i < tries; i += 1) {
    const answer = await connector.inquire(reference);
    if (answer.kind !== 'unreachable') return answer;
    await sleep(100);
  }
  throw new Error(`no final answer about ${reference}`);
}

describe('outcomes', () => {
  it('approve: the record carries the terminal’s identifiers, the stages run in order, one Payment on the wire', async () => {
    const ref = nextRef();
    const s = stages();
    const outcome = await till.purchase({ reference: ref, amountHalalas: 1234 }, { onStage: s.onStage });
    expect(outcome.kind).toBe('approved');
    if (outcome.kind !== 'approved') return;
    const tx = sim.find(ref)!;
    expect(tx).toMatchObject({ status: 'approved', amountHalalas: 1234, serviceId: serviceIdOf(ref), saleId: SALE_ID });
    expect(outcome.record).toMatchObject({
      reference: ref,
      approved: true,
      responseCode: 'Success',
      amountHalalas: 1234,
      scheme: 'MADA',
      schemeLabel: 'mada',
      wallet: null,
      verification: 'pin',
      entryMode: 'chip',
      authCode: tx.approvalCode,
      rrn: tx.poiTransactionId, // verbatim, even when its 16-digit part passes Luhn
      stan: tx.acquirerTransactionId,
      tid: '12345678',
      mid: 'NUQTA-SIM-MERCHANT',
      at: tx.poiTimeStamp,
    });
    expect(outcome.record.maskedPan).toMatch(/^588845\*{6}\d{4}$/);
    expect(s.list).toEqual(['connecting', 'sent', 'awaiting_result']);
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('decline (Refusal) and wrong PIN are declined with a bilingual reason and the card record', async () => {
    sim.script({ outcome: 'decline', refusalReason: 'Not enough balance' }, { outcome: 'decline', errorCondition: 'WrongPIN' });
    const refused = await till.purchase({ reference: nextRef(), amountHalalas: 900 });
    expect(refused).toMatchObject({ kind: 'declined', responseCode: 'Refusal', reason: { en: 'Declined by the card issuer: Not enough balance', ar: 'مرفوضة من البنك' } });
    const pin = await till.purchase({ reference: nextRef(), amountHalalas: 900 });
    expect(pin).toMatchObject({ kind: 'declined', responseCode: 'WrongPIN', reason: { ar: 'الرقم السري غير صحيح' }, record: { approved: false, scheme: 'MADA' } });
  });

  it('Apple Pay by PaymentBrand: wallet, consumer-device verification, contactless; the scheme from the brand', async () => {
    sim.script({ brand: 'mada_applepay' }, { brand: 'applepay' });
    const mada = await till.purchase({ reference: nextRef(), amountHalalas: 2500 });
    expect(mada).toMatchObject({ kind: 'approved', record: { wallet: 'apple_pay', verification: 'cdcvm', entryMode: 'contactless', scheme: 'MADA', schemeLabel: 'mada_applepay' } });
    const bare = await till.purchase({ reference: nextRef(), amountHalalas: 2500 });
    expect(bare).toMatchObject({ kind: 'approved', record: { wallet: 'apple_pay', scheme: 'OTHER', schemeLabel: 'applepay' } });
  });

  it('a partial approval is approved for the lower amount', async () => {
    sim.script({ outcome: 'partial', partialHalalas: 400 });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 1000 })).toMatchObject({ kind: 'approved', record: { amountHalalas: 400, responseCode: 'Partial' } });
  });

  it('a full card number in MaskedPan never reaches the record', async () => {
    sim.script({ unmaskedPan: true });
    const outcome = await till.purchase({ reference: nextRef(), amountHalalas: 100 });
    expect(outcome.kind).toBe('approved');
    // The card's number appears nowhere (identifiers such as the POITransactionID may hold other Luhn-valid runs:
    // they are not card numbers and stay verbatim, see record.ts).
    expect(JSON.stringify(outcome)).not.toContain('5888450012345671');
    if (outcome.kind === 'approved') {
      expect(outcome.record.maskedPan).toBe('588845******5671');
      expect(containsFullPan(outcome.record.maskedPan + outcome.record.schemeLabel + outcome.record.texts.en)).toBe(false);
    }
  });
});

describe('unknown outcomes and recovery by TransactionStatus', () => {
  it('no answer → unknown, exactly one Payment reached the provider, and NotFound releases it', async () => {
    const ref = nextRef();
    sim.script({ outcome: 'drop' });
    const outcome = await till.purchase({ reference: ref, amountHalalas: 700 });
    expect(outcome).toMatchObject({ kind: 'unknown', why: 'timeout' });
    expect(sim.paymentRequests(ref)).toBe(1);
    expect(await till.inquire(ref)).toEqual({ kind: 'not_found' });
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('an answer after the till gave up: unknown, then found approved by TransactionStatus (one Payment)', async () => {
    const ref = nextRef();
    sim.script({ delayMs: FAST.purchaseMs! + 800 });
    expect(await till.purchase({ reference: ref, amountHalalas: 5500 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    const s = stages();
    const early = await till.inquire(ref, { onStage: s.onStage });
    expect(early).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('in progress') });
    expect(s.list).toEqual(['recovering', 'awaiting_result']);
    expect(await inquireUntilFinal(till, ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 5500, reference: ref } } });
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('in progress for N polls → still unknown each time → eventually found', async () => {
    const ref = nextRef();
    sim.script({ answer: 'never', inProgressPolls: 3 });
    expect(await till.purchase({ reference: ref, amountHalalas: 800 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    for (let i = 0; i < 3; i += 1) expect((await till.inquire(ref)).kind).toBe('unreachable');
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
  });

  it('a declined payment found later is found declined', async () => {
    const ref = nextRef();
    sim.script({ outcome: 'decline', answer: 'never' });
    expect((await till.purchase({ reference: ref, amountHalalas: 800 })).kind).toBe('unknown');
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'declined', responseCode: 'Refusal' } });
  });

  it('HTTP 500 after the provider processed it → unknown; TransactionStatus finds the approval', async () => {
    const ref = nextRef();
    sim.script({ answer: 'http-error', httpStatus: 502 });
    expect(await till.purchase({ reference: ref, amountHalalas: 300 })).toMatchObject({ kind: 'unknown', detail: expect.stringContaining('502') });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    expect(sim.paymentRequests(ref)).toBe(1);
  });

  it('malformed JSON and an empty body → unknown (corrupt), then found', async () => {
    for (const answer of ['malformed', 'empty'] as const) {
      const ref = nextRef();
      sim.script({ answer });
      expect(await till.purchase({ reference: ref, amountHalalas: 300 })).toMatchObject({ kind: 'unknown', why: 'corrupt' });
      expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    }
  });

  it('Busy → unknown (busy), and the terminal never started it: not_found', async () => {
    const ref = nextRef();
    sim.script({ outcome: 'busy' });
    expect(await till.purchase({ reference: ref, amountHalalas: 300 })).toMatchObject({ kind: 'unknown', why: 'busy' });
    expect(await till.inquire(ref)).toEqual({ kind: 'not_found' });
  });

  it('a duplicate ServiceID is rejected (unknown) and never mistaken for the original', async () => {
    const ref = nextRef();
    expect((await till.purchase({ reference: ref, amountHalalas: 1000 })).kind).toBe('approved');
    // The same reference again (a bug above us): the provider rejects it; nothing is charged twice.
    expect(await till.purchase({ reference: ref, amountHalalas: 1000 })).toMatchObject({ kind: 'unknown', detail: expect.stringContaining('Duplicate ServiceID') });
    expect(sim.ledger.transactions.filter((t) => t.transactionId === ref)).toHaveLength(1);
    // A rejection the provider scripts for a fresh reference: unknown, then NotFound releases it.
    const fresh = nextRef();
    sim.script({ outcome: 'duplicate-service-id' });
    expect((await till.purchase({ reference: fresh, amountHalalas: 1000 })).kind).toBe('unknown');
    expect(await till.inquire(fresh)).toEqual({ kind: 'not_found' });
  });

  it('TransactionStatus Busy, or no answer to it, is unreachable (still unknown)', async () => {
    const ref = nextRef();
    sim.script({ answer: 'never' });
    await till.purchase({ reference: ref, amountHalalas: 100 });
    sim.script({ categories: ['TransactionStatus'], outcome: 'busy' }, { categories: ['TransactionStatus'], answer: 'never' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('Busy') });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('no answer') });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found' });
  });

  it('cancel while waiting: Abort goes to the provider naming the payment; unknown, then found declined (Aborted)', async () => {
    const ref = nextRef();
    sim.script({ delayMs: 5000 });
    const cancel = new AbortController();
    const seen: string[] = [];
    const off = sim.subscribe((e) => {
      if (e.event === 'request') seen.push(e.category);
    });
    const paying = till.purchase({ reference: ref, amountHalalas: 2000 }, { signal: cancel.signal, onStage: (st) => st === 'awaiting_result' && setTimeout(() => cancel.abort(), 50) });
    expect(await paying).toMatchObject({ kind: 'unknown', why: 'cancelled' });
    off();
    expect(seen).toEqual(['Payment', 'Abort']);
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'declined', responseCode: 'Aborted', reason: { en: expect.stringMatching(/^Cancelled from the till/), ar: 'أُلغيت من نقطة البيع' } } });
    expect(sim.find(ref)?.status).toBe('aborted');
  });

  it('cancel before anything was sent → declined NOT_SENT, nothing reached the provider', async () => {
    const ref = nextRef();
    const cancel = new AbortController();
    cancel.abort();
    expect(await till.purchase({ reference: ref, amountHalalas: 100 }, { signal: cancel.signal })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', record: null });
    expect(sim.paymentRequests(ref)).toBe(0);
  });

  it('references and amounts are validated before anything is queued', async () => {
    await expect(till.purchase({ reference: '123', amountHalalas: 100 })).rejects.toThrow(RangeError);
    await expect(till.purchase({ reference: nextRef(), amountHalalas: 0 })).rejects.toThrow(RangeError);
    await expect(till.purchase({ reference: nextRef(), amountHalalas: 1.5 })).rejects.toThrow(RangeError);
    await expect(till.inquire('abc')).rejects.toThrow(RangeError);
  });
});

describe('reversal, refund, reconciliation, health', () => {
  it('reverse: the original is confirmed by TransactionStatus, then reversed; the reversal is found under Reversal', async () => {
    const original = nextRef();
    expect((await till.purchase({ reference: original, amountHalalas: 3000 })).kind).toBe('approved');
    const reversal = nextRef();
    const outcome = await till.reverse({ reference: reversal, originalReference: original });
    expect(outcome).toMatchObject({ kind: 'approved', record: { amountHalalas: 3000, reference: reversal } });
    expect(sim.find(original)?.status).toBe('reversed');
    expect(sim.find(reversal)).toMatchObject({ kind: 'reversal', status: 'approved', original: sim.find(original)!.poiTransactionId });
    // A fresh connector (as after a crash) finds it without knowing it was a Reversal.
    const fresh = connectorFor(sim, 'cloud-sync');
    expect(await fresh.inquire(reversal)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    await fresh.close();
    // A second reversal is refused by the terminal; one of a payment the terminal never saw is not even sent.
    expect(await till.reverse({ reference: nextRef(), originalReference: original })).toMatchObject({ kind: 'declined', responseCode: 'NotAllowed' });
    const unknownOriginal = nextRef();
    expect(await till.reverse({ reference: unknownOriginal, originalReference: nextRef() })).toMatchObject({ kind: 'declined', responseCode: 'NOT_REVERSIBLE', record: null });
    expect(sim.find(unknownOriginal)).toBeUndefined();
  });

  it('refund names the original by the POITransactionID kept as rrn; over-refunding is declined', async () => {
    const original = nextRef();
    const paid = await till.purchase({ reference: original, amountHalalas: 5000 });
    if (paid.kind !== 'approved') throw new Error('not approved');
    const refund = nextRef();
    expect(await till.refund({ reference: refund, amountHalalas: 1500, originalRrn: paid.record.rrn, originalAt: paid.record.at })).toMatchObject({
      kind: 'approved',
      record: { amountHalalas: 1500 },
    });
    expect(sim.find(original)?.refundedHalalas).toBe(1500);
    expect(await till.refund({ reference: nextRef(), amountHalalas: 4000, originalRrn: paid.record.rrn, originalAt: paid.record.at })).toMatchObject({
      kind: 'declined',
      responseCode: 'NotAllowed',
    });
    expect(await till.inquire(refund)).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 1500 } } });
  });

  it('reconciliation totals agree with the simulator’s ledger, and a second one starts from zero', async () => {
    const s = await startNexoSimulator({ apiKey: API_KEY });
    const c = connectorFor(s, 'cloud-sync');
    const a = await c.purchase({ reference: nextRef(), amountHalalas: 1000 });
    s.script({ brand: 'visa' });
    await c.purchase({ reference: nextRef(), amountHalalas: 250 });
    if (a.kind === 'approved') await c.refund({ reference: nextRef(), amountHalalas: 300, originalRrn: a.record.rrn, originalAt: a.record.at });
    const totals = await c.settle();
    expect(totals).toMatchObject({
      inBalance: true,
      schemes: expect.arrayContaining([
        { scheme: 'mada', purchaseCount: 1, purchaseHalalas: 1000, refundCount: 1, refundHalalas: 300 },
        { scheme: 'visa', purchaseCount: 1, purchaseHalalas: 250, refundCount: 0, refundHalalas: 0 },
      ]),
    });
    expect(await c.settle()).toMatchObject({ schemes: [] });
    await c.close();
    await s.close();
  });

  it('health: a Diagnosis, never a financial message', async () => {
    const before = { ...sim.ledger.requests };
    expect(await till.health()).toEqual({ state: 'connected' });
    expect(sim.ledger.requests.Diagnosis).toBe((before.Diagnosis ?? 0) + 1);
    expect(sim.ledger.requests.Payment).toBe(before.Payment);
  });
});

describe('connection failures end in defined states', () => {
  const party = { poiId: 'NUQTA-SIM-POI-1', saleId: SALE_ID, apiKey: API_KEY, timeouts: FAST };

  it('untrusted server certificate (system roots, or another CA) fails closed: NOT_SENT, nothing reached the provider', async () => {
    const other = generateCertificates();
    try {
      for (const ca of [undefined, other.caPem]) {
        const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: sim.baseUrl, ca });
        const ref = nextRef();
        const outcome = await c.purchase({ reference: ref, amountHalalas: 100 });
        expect(outcome).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', record: null, reason: { ar: expect.stringContaining('غير موثوقة') } });
        expect(sim.paymentRequests(ref)).toBe(0);
        expect(await c.inquire(ref)).toMatchObject({ kind: 'unreachable' });
        expect(await c.health()).toMatchObject({ state: 'disconnected', detail: expect.stringContaining('certificate') });
        await c.close();
      }
    } finally {
      other.cleanup();
    }
  });

  it('a certificate for another name fails closed too', async () => {
    const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: sim.baseUrl, ca: sim.caPem, serverName: 'provider.example' });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', reason: { en: expect.stringContaining('certificate') } });
    await c.close();
  });

  it('DNS failure → NOT_SENT with its own message', async () => {
    const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: 'https://nuqta-test.invalid', ca: sim.caPem });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({
      kind: 'declined',
      responseCode: 'NOT_SENT',
      reason: { en: expect.stringContaining('DNS'), ar: expect.stringContaining('DNS') },
    });
    expect(await c.health()).toMatchObject({ state: 'disconnected', detail: expect.stringContaining('DNS') });
    await c.close();
  });

  it('connection refused → NOT_SENT with its own message', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: `https://127.0.0.1:${port}`, ca: sim.caPem });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', reason: { en: expect.stringContaining('refused the connection') } });
    await c.close();
  });

  it('a server that accepts TCP but never completes TLS → NOT_SENT after the connect timeout', async () => {
    const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as net.AddressInfo).port;
    const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: `https://127.0.0.1:${port}`, ca: sim.caPem, timeouts: { ...FAST, connectMs: 300 } });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', reason: { en: expect.stringContaining('in time') } });
    await c.close();
    silent.close();
  });

  it('a wrong API key (401) → NOT_SENT; the provider took nothing', async () => {
    const c = createNexoConnector({ ...party, apiKey: 'wrong', mode: 'cloud-sync', baseUrl: sim.baseUrl, ca: sim.caPem });
    const ref = nextRef();
    expect(await c.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', reason: { en: expect.stringContaining('API key') } });
    expect(sim.paymentRequests(ref)).toBe(0);
    await c.close();
  });

  it('the connection dropped after the request was written → unknown (disconnected)', async () => {
    // A TLS server (the simulator's certificate) that reads the request and hangs up without answering.
    const tls = await import('node:tls');
    const certs = generateCertificates();
    const rude = tls.createServer({ key: certs.keyPem, cert: certs.certPem }, (socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((r) => rude.listen(0, '127.0.0.1', () => r()));
    const c = createNexoConnector({ ...party, mode: 'cloud-sync', baseUrl: `https://127.0.0.1:${(rude.address() as net.AddressInfo).port}`, ca: certs.caPem });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    await c.close();
    rude.close();
    certs.cleanup();
  });
});
