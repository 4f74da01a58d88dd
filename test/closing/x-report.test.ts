// The X report on a real till (demo devices, real SQLite): what a manager reads mid-day — sales, voids, returns,
// VAT, how the money came in and went back — computed from the ledger and changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTotals } from '../../main/money';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const PIN = '1234';
let t: TestTill;

beforeAll(async () => {
  t = await startTestTill();
});
afterAll(async () => {
  await t.close();
});

describe('the X report', () => {
  it('is empty on a new till, and asks for the manager', async () => {
    const x = await t.call('getXReport', { managerPin: PIN });
    expect(x).toMatchObject({ receipts: { count: 0, first: null, last: null }, salesHalalas: 0, netHalalas: 0, tenders: [], refunds: [], vat: [] });
    const wrong = await t.attempt('getXReport', { managerPin: '9999' });
    expect(wrong.ok ? null : wrong.error.code).toBe('MANAGER_PIN_WRONG');
  });

  it('adds up a day: cash and card sales, a void, a return; VAT less the return; and reading it changes nothing', async () => {
    // Sale 1, cash: milk + bread (11.50), paid with 20.00.
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const due1 = (await t.call('scanBarcode', { barcode: DEMO.bread.barcode })).dueHalalas;
    const first = (await t.call('tenderCash', { tenderedHalalas: 2000 })).receipt;
    // Sale 2, card: dates (35.00).
    const due2 = (await t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
    const paid = await t.call('payCard', { amountHalalas: due2 });
    expect(paid.outcome).toBe('approved');
    const second = paid.completed!.receipt;
    // A voided sale (coffee), and a voided empty one that does not count.
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    await t.call('voidSale', {});
    await t.call('voidSale', {});
    // The bread comes back from sale 1: cash from the drawer.
    const bread = first.lines.find((l) => l.barcode === DEMO.bread.barcode)!;
    await t.call('returnSale', { receiptNo: first.receiptNo, lines: [{ lineId: bread.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });

    const x = await t.call('getXReport', { managerPin: PIN });
    expect(x.receipts).toEqual({ count: 2, first: first.receiptNo, last: second.receiptNo });
    expect(x.salesHalalas).toBe(due1 + due2);
    expect(x.voids).toEqual({ count: 1, halalas: DEMO.coffee.price });
    expect(x.returns).toEqual({ count: 1, halalas: DEMO.bread.price });
    expect(x.netHalalas).toBe(due1 + due2 - DEMO.bread.price);
    // VAT of what was sold less what came back, as the receipts and the refund receipt carry it.
    const sold = computeTotals([...first.lines, ...second.lines], true).breakdown;
    const back = computeTotals([{ ...bread }], true).breakdown;
    expect(x.vat).toEqual([{ category: 'S', ratePercent: 15, taxableHalalas: sold[0]!.taxableHalalas - back[0]!.taxableHalalas, vatHalalas: first.totals.vatHalalas + second.totals.vatHalalas - back[0]!.vatHalalas }]);
    const card = second.tenders[0]!;
    expect(card.kind).toBe('card');
    expect(x.tenders).toEqual([
      { kind: 'cash', scheme: null, wallet: null, count: 1, amountHalalas: due1 },
      { kind: 'card', scheme: card.kind === 'card' ? card.card.scheme : '', wallet: card.kind === 'card' ? card.card.wallet : null, count: 1, amountHalalas: due2 },
    ]);
    expect(x.refunds).toEqual([{ kind: 'cash', scheme: null, wallet: null, count: 1, amountHalalas: DEMO.bread.price }]);
    expect(x.cash).toEqual({ takenHalalas: due1, refundedHalalas: DEMO.bread.price });
    expect(x.paymentsNeedingAttention).toEqual([]);
    expect(x.chainHead.seq).toBe(x.uptoSeq);
    expect(x.from).not.toBeNull();

    // Read again: the same figures, and the journal did not move.
    const again = await t.call('getXReport', { managerPin: PIN });
    expect({ ...again, to: x.to }).toEqual(x);
  });
  it('the sales report over whole days: the same figures as the X for today, by hour and day, top items; manager only; a range the right way round', async () => {
    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const x = await t.call('getXReport', { managerPin: PIN });
    const r = await t.call('getSalesReport', { managerPin: PIN, from: today, to: today });
    // The till opened today: the whole days' report is the X's (apart from when it was read).
    expect({ ...r.report, to: x.to, afterSeq: x.afterSeq, uptoSeq: x.uptoSeq, chainHead: x.chainHead }).toEqual(x);
    expect(r.byDay).toEqual([{ day: today, count: x.receipts.count, salesHalalas: x.salesHalalas, returnsHalalas: x.returns.halalas }]);
    expect(r.byHour.reduce((n, h) => n + h.count, 0)).toBe(x.receipts.count);
    expect(r.topItems[0]).toMatchObject({ salesHalalas: DEMO.dates.price, quantity: 1 });
    expect(r.topItems[0]!.nameAr).not.toBe('');
    expect(r.report.cashiers).toHaveLength(1);
    const wrong = await t.attempt('getSalesReport', { managerPin: '9999', from: today, to: today });
    expect(wrong.ok ? null : wrong.error.code).toBe('MANAGER_PIN_WRONG');
    const reversed = await t.attempt('getSalesReport', { managerPin: PIN, from: '2026-02-02', to: '2026-02-01' });
    expect(reversed.ok).toBe(false);
    const empty = await t.call('getSalesReport', { managerPin: PIN, from: '2020-01-01', to: '2020-01-31' });
    expect(empty).toMatchObject({ byDay: [], byHour: [], topItems: [], report: { receipts: { count: 0 }, salesHalalas: 0 } });
  });

  it('runs the checklist’s backup: refused as data without a folder, then a verified copy the X reports as the last backup', async () => {
    const before = await t.call('getXReport', { managerPin: PIN });
    expect(before.lastBackup).toBeNull();
    const none = await t.call('backupForClosing', { managerPin: PIN });
    expect(none).toMatchObject({ backup: null, error: { code: 'BACKUP_NOT_CONFIGURED' } });
    expect((await t.attempt('backupForClosing', { managerPin: '9999' })).ok).toBe(false);
    const folder = path.join(t.dir, 'copies');
    fs.mkdirSync(folder);
    expect(await t.call('updateSettings', { managerPin: PIN, settings: { 'backups.folder': folder } })).toMatchObject({ outcome: 'saved' });
    const made = await t.call('backupForClosing', { managerPin: PIN });
    expect(made.error).toBeNull();
    expect(path.dirname(made.backup!.file)).toBe(folder);
    expect(path.basename(made.backup!.file)).toMatch(/-closing\.db$/);
    expect(fs.existsSync(made.backup!.file)).toBe(true);
    const after = await t.call('getXReport', { managerPin: PIN });
    expect(after.lastBackup).toEqual({ at: made.backup!.at, entries: made.backup!.entries });
    expect(made.backup!.entries).toBeGreaterThan(0);
  });
});
