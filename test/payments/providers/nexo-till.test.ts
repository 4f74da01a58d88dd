// A card terminal through a provider (nexo / Terminal API) in the whole till: settings and the sealed API key
// pick the connector, the payment service drives it, and the HTTPS simulator's ledger is the other side's record.
import { afterEach, describe, expect, it } from 'vitest';
import { startNexoTill, type NexoTill } from '../../support/providers';
import { DEMO } from '../../support/till';

let t: NexoTill | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const ring = async (till: NexoTill, ...barcodes: string[]) => {
  let sale = await till.call('getSale', {});
  for (const barcode of barcodes) sale = await till.call('scanBarcode', { barcode });
  return sale;
};

describe.each(['cloud-sync', 'cloud-async', 'local'] as const)('a card sale through a nexo terminal, %s', (mode) => {
  it('completes on approval, sent once under the intent reference, with the masked card', async () => {
    t = await startNexoTill(mode);
    const sale = await ring(t, DEMO.milk.barcode, DEMO.coffee.barcode);
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('approved');
    expect(result.intent.method).toBe('card');
    const tender = result.completed!.receipt.tenders[0]!;
    if (tender.kind !== 'card') throw new Error('card tender expected');
    expect(tender.card.scheme).toBe('MADA');
    expect(tender.card.maskedPan).not.toMatch(/\d{13,}/);
    expect(t.sim.find(tender.reference)).toMatchObject({ kind: 'purchase', status: 'approved', amountHalalas: sale.dueHalalas });
    expect(t.sim.paymentRequests(tender.reference)).toBe(1);
    const status = await t.call('getTerminalStatus', {});
    expect(status).toMatchObject({ configured: true, protocol: 'nexo' });
  });
});

describe('nexo cloud terminal faults', () => {
  it('declines with the provider reason and takes a new reference for the next try', async () => {
    t = await startNexoTill('cloud-sync');
    const sale = await ring(t, DEMO.dates.barcode);
    t.sim.script({ outcome: 'decline', errorCondition: 'Refusal', refusalReason: 'Not enough balance' });
    const declined = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(declined.outcome).toBe('declined');
    expect(declined.intent.reason?.ar).toMatch(/[\u0600-\u06ff]/);
    const approved = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(approved.outcome).toBe('approved');
    expect(approved.intent.reference).not.toBe(declined.intent.reference);
  });

  it('asks TransactionStatus when the answer never comes and completes the sale from it, never a second Payment', async () => {
    t = await startNexoTill('cloud-sync', {}, { purchaseTimeoutMs: 10_000 });
    const sale = await ring(t, DEMO.coffee.barcode);
    t.sim.script({ answer: 'never' });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('approved');
    expect(t.sim.paymentRequests(result.intent.reference)).toBe(1);
    expect(t.sim.ledger.requests.TransactionStatus).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('answers a 5xx with unknown, then settles it by TransactionStatus', async () => {
    t = await startNexoTill('cloud-sync');
    const sale = await ring(t, DEMO.bread.barcode);
    t.sim.script({ answer: 'http-error', httpStatus: 502 });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    // The simulator processed it before failing the HTTP answer: TransactionStatus finds the approval.
    expect(result.outcome).toBe('approved');
    expect(t.sim.paymentRequests(result.intent.reference)).toBe(1);
  });

  it('releases a payment the provider never received (TransactionStatus: not found)', async () => {
    t = await startNexoTill('cloud-sync', {}, { purchaseTimeoutMs: 10_000 });
    const sale = await ring(t, DEMO.water.barcode);
    t.sim.script({ outcome: 'drop' });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('not_found');
    expect(result.sale).toMatchObject({ payment: null, tenders: [] });
  }, 30_000);

  it('refunds a completed sale (a return of its line) and reverses a payment of the open sale, with the manager PIN', async () => {
    t = await startNexoTill('cloud-sync');
    const first = await ring(t, DEMO.dates.barcode);
    const paid = await t.call('payCard', { amountHalalas: first.dueHalalas });
    const receipt = paid.completed!.receipt;
    const issued = await t.call('returnSale', {
      receiptNo: receipt.receiptNo,
      lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }],
      reason: 'damaged',
      managerPin: '1234',
    });
    expect(issued.refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: first.dueHalalas })]);
    expect(t.sim.find(paid.intent.reference)?.refundedHalalas).toBe(first.dueHalalas);

    await ring(t, DEMO.dates.barcode, DEMO.coffee.barcode);
    const part = await t.call('payCard', { amountHalalas: 2000 });
    const reversed = await t.call('reverseCardPayment', { intentId: part.intent.intentId, managerPin: '1234' });
    expect(reversed.state).toBe('reversed');
    expect(t.sim.find(part.intent.reference)?.status).toBe('reversed');
  });
});
