// The terminal's settlement held against the ledger: on a real till (the demo's simulated terminal) a day of card
// payments settles in balance; on a real ledger written entry by entry, each way the two can part is found and
// the ledger's transactions of the scheme that differs are listed.
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createReconciliation, zReportBlocks } from '../../main/closing';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
const closers: Array<() => unknown> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('reconciling the terminal with the ledger', () => {
  it('settles a day of card sales, a reversed split and a card return in balance with the ledger', async () => {
    const t: TestTill = await startTestTill();
    closers.push(() => t.close());
    const ring = async (barcode: string) => (await t.call('scanBarcode', { barcode })).dueHalalas;
    const first = await t.call('payCard', { amountHalalas: await ring(DEMO.dates.barcode) });
    expect(first.outcome).toBe('approved');
    // Part of the next sale by card, reversed: the terminal voids it, so neither side counts it.
    const due = await ring(DEMO.coffee.barcode);
    const part = await t.call('payCard', { amountHalalas: 1000 });
    await t.call('reverseCardPayment', { intentId: part.intent.intentId, managerPin: PIN });
    await t.call('payCard', { amountHalalas: due });
    // The dates come back to the card.
    const receipt = first.completed!.receipt;
    await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });

    const settled = await t.call('settleTerminal', { managerPin: PIN });
    expect(settled.reconciliation).toBeDefined();
    const r = settled.reconciliation!;
    expect(r.matched).toBe(true);
    expect(r.differences).toEqual([]);
    const totals = r.schemes.reduce(
      (sum, s) => ({ purchases: sum.purchases + s.ledger.purchaseHalalas, refunds: sum.refunds + s.ledger.refundHalalas }),
      { purchases: 0, refunds: 0 },
    );
    expect(totals).toEqual({ purchases: DEMO.dates.price + DEMO.coffee.price, refunds: DEMO.dates.price });

    // Journaled for the Z; the next settlement starts from this one.
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    const entry = db.prepare(`SELECT payload FROM journal WHERE type = 'closing.reconciled' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    db.close();
    expect(JSON.parse(entry)).toMatchObject({ matched: true });
    const again = await t.call('settleTerminal', { managerPin: PIN });
    expect(again.reconciliation).toMatchObject({ matched: true, schemes: [] });

    // The X lists both settlements; the Z keeps and prints them.
    const x = await t.call('getXReport', { managerPin: PIN });
    expect(x.reconciliations.map((rec) => rec.matched)).toEqual([true, true]);
    const closed = await t.call('closeDay', { managerPin: PIN });
    expect(closed.z.report.reconciliations).toHaveLength(2);
    const paper = JSON.stringify(zReportBlocks(closed.z, { nameAr: 'متجر', nameEn: 'Shop', vatNumber: '300000000000003' }));
    expect(paper).toContain('Terminal settlement: مطابقة | matched');
  });

  it('finds a purchase the terminal has and the till has not, and lists the ledger side of that scheme', () => {
    const tmp = tempDir('nuqta-reconcile-', { verifyLedger: false });
    closers.push(() => tmp.cleanup());
    const db = openDatabase(ledgerFile(tmp.dir));
    closers.push(() => db.close());
    const journal = createJournal(db, 'T01');
    const write = (type: string, payload: Record<string, unknown>) => db.transaction(() => journal.append(type, payload)).immediate();
    const card = (scheme: string, label: string, rrn: string) => ({ scheme, schemeLabel: label, rrn });
    const settle = (schemes: Array<[string, number, number, number, number]>) =>
      write('terminal.settled', {
        inBalance: true,
        responseCode: '500',
        at: '2026-12-05T20:00:00Z',
        schemes: schemes.map(([scheme, purchaseCount, purchaseHalalas, refundCount, refundHalalas]) => ({ scheme, purchaseCount, purchaseHalalas, refundCount, refundHalalas })),
      });
    const reconciliation = createReconciliation({ db, journal });

    // Before today's window: a settled day the comparison must not reach back into.
    write('tender.attached', { saleId: 's0', tenderId: 'i0', intentId: 'i0', kind: 'card', amountHalalas: 999, card: card('MADA', 'mada', '000000000000') });
    settle([['mada', 1, 999, 0, 0]]);

    write('tender.attached', { saleId: 's1', tenderId: 'i1', intentId: 'i1', kind: 'card', amountHalalas: 3500, card: card('MADA', 'mada', '111111111111') });
    const totals = (total: number) => ({ subtotalHalalas: total, vatHalalas: 0, totalHalalas: total, breakdown: [] });
    write('sale.completed', { saleId: 's1', receiptNo: 'T01-000001', totals: totals(3500), lines: [], tenders: [] });
    write('tender.attached', { saleId: 's2', tenderId: 'i2', intentId: 'i2', kind: 'card', amountHalalas: 2775, card: card('VISA', 'VISA', '222222222222') });
    write('tender.attached', { saleId: 's3', tenderId: 'i3', intentId: 'i3', kind: 'card', amountHalalas: 1000, card: card('VISA', 'VISA', '333333333333') });
    write('tender.reversed', { saleId: 's3', intentId: 'i3' });
    // STC Pay is not on the terminal.
    write('tender.attached', { saleId: 's4', tenderId: 'i4', intentId: 'i4', kind: 'card', amountHalalas: 500, card: card('STCPAY', 'STC Pay', '444444444444') });
    write('return.issued', { returnNo: 'T01-R000001', saleId: 's1', totals: totals(700), refunds: [{ kind: 'card', intentId: 'r1', amountHalalas: 700, card: card('MADA', 'mada', '555555555555') }] });
    // The terminal also settled a 12.00 mada purchase the till never recorded (keyed on the terminal by hand).
    settle([
      ['MADA', 2, 4700, 1, 700],
      ['VISA', 1, 2775, 0, 0],
    ]);

    const r = reconciliation.reconcileLastSettlement()!;
    expect(r.matched).toBe(false);
    expect(r.schemes).toEqual([
      { scheme: 'MADA', terminal: { purchaseCount: 2, purchaseHalalas: 4700, refundCount: 1, refundHalalas: 700 }, ledger: { purchaseCount: 1, purchaseHalalas: 3500, refundCount: 1, refundHalalas: 700 }, matched: false },
      { scheme: 'VISA', terminal: { purchaseCount: 1, purchaseHalalas: 2775, refundCount: 0, refundHalalas: 0 }, ledger: { purchaseCount: 1, purchaseHalalas: 2775, refundCount: 0, refundHalalas: 0 }, matched: true },
    ]);
    expect(r.differences).toEqual([
      { kind: 'purchase', scheme: 'mada', amountHalalas: 3500, rrn: '111111111111', documentNo: 'T01-000001', intentId: 'i1' },
      { kind: 'refund', scheme: 'mada', amountHalalas: 700, rrn: '555555555555', documentNo: 'T01-R000001', intentId: 'r1' },
    ]);
    const journaled = db.prepare(`SELECT payload FROM journal WHERE type = 'closing.reconciled'`).pluck().get() as string;
    expect(JSON.parse(journaled)).toEqual(r);
  });
});
