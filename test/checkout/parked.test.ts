// Parked sales on one real till (a real SQLite file, the ECR simulator as its card terminal): park, list, recall,
// swap, void from the list, the refusals while money is on a sale, a restart, and `ledger verify` on the parked
// columns. The tests run in order on the same till; the payment left in doubt comes last (it closes the simulator).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger, type LedgerReport } from '../../main/ledger';
import { startCardTill, type CardTill } from '../support/terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';

let t: CardTill;
const scratch = tempDir('nuqta-parked-tamper-', { verifyLedger: false });
beforeAll(async () => {
  t = await startCardTill();
}, 30_000);
afterAll(async () => {
  await t.close();
  scratch.cleanup();
});

const ring = async (...barcodes: string[]) => {
  let sale = await t.call('getSale', {});
  for (const barcode of barcodes) sale = await t.call('scanBarcode', { barcode });
  return sale;
};

const clearParked = async () => {
  for (const p of await t.call('listParkedSales', {})) await t.call('voidParkedSale', { saleId: p.saleId });
};

describe('parking a sale', () => {
  it('refuses an empty sale with its own code, in both languages', async () => {
    const result = await t.attempt('parkSale', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'PARK_SALE_EMPTY' } });
    if (!result.ok) {
      expect(result.error.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(result.error.message_en).toMatch(/park/i);
    }
    expect(await t.call('listParkedSales', {})).toEqual([]);
  });

  it('sets the sale aside, starts an empty one, and lists the parked sales newest first with lines and total', async () => {
    const first = await ring(DEMO.milk.barcode, DEMO.bread.barcode, DEMO.milk.barcode);
    const fresh = await t.call('parkSale', {});
    expect(fresh).toMatchObject({ status: 'open', lines: [] });
    expect(fresh.saleId).not.toBe(first.saleId);
    expect(await t.call('getSale', {})).toEqual(fresh);
    const second = await ring(DEMO.dates.barcode);
    await t.call('parkSale', {});
    const list = await t.call('listParkedSales', {});
    expect(list.map((p) => [p.saleId, p.lineCount, p.totalHalalas])).toEqual([
      [second.saleId, 1, DEMO.dates.price],
      [first.saleId, 2, 2 * DEMO.milk.price + DEMO.bread.price],
    ]);
    expect(Date.parse(list[0]!.parkedAt)).toBeGreaterThanOrEqual(Date.parse(list[1]!.parkedAt));
  });

  it('recalls into an empty sale (the empty one is replaced) and the recalled sale is paid as any other', async () => {
    const [, first] = await t.call('listParkedSales', {});
    const recalled = await t.call('recallSale', { saleId: first!.saleId });
    expect(recalled).toMatchObject({ saleId: first!.saleId, status: 'open', totals: { totalHalalas: first!.totalHalalas } });
    expect((await t.call('getSale', {})).saleId).toBe(first!.saleId);
    expect((await t.call('listParkedSales', {})).map((p) => p.saleId)).not.toContain(first!.saleId);
    // Still editable: a recalled sale is the open sale again.
    const more = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect(more.lines).toHaveLength(3);
    const paid = await t.call('tenderCash', { tenderedHalalas: more.dueHalalas });
    expect(paid.receipt.saleId).toBe(first!.saleId);
  });

  it('swaps: recalling while a sale has lines parks that sale in its place', async () => {
    const [waiting] = await t.call('listParkedSales', {});
    const current = await ring(DEMO.coffee.barcode);
    const recalled = await t.call('recallSale', { saleId: waiting!.saleId });
    expect(recalled.saleId).toBe(waiting!.saleId);
    const list = await t.call('listParkedSales', {});
    expect(list.map((p) => p.saleId)).toEqual([current.saleId]);
    expect(list[0]).toMatchObject({ lineCount: 1, totalHalalas: DEMO.coffee.price });
    expect(await t.attempt('recallSale', { saleId: waiting!.saleId })).toMatchObject({ ok: false, error: { code: 'PARKED_SALE_UNKNOWN' } });
    await t.call('voidSale', {});
  });

  it('voids a parked sale from the list, leaving the open sale alone', async () => {
    const open = await ring(DEMO.water.barcode);
    const [parked] = await t.call('listParkedSales', {});
    expect(await t.call('voidParkedSale', { saleId: parked!.saleId })).toEqual([]);
    expect(await t.call('getSale', {})).toEqual(open);
    expect(await t.attempt('recallSale', { saleId: parked!.saleId })).toMatchObject({ ok: false, error: { code: 'PARKED_SALE_UNKNOWN' } });
    await t.call('voidSale', {});
  });

  it('keeps parked sales over a restart, which opens an empty sale rather than a parked one', async () => {
    const a = await ring(DEMO.bread.barcode);
    await t.call('parkSale', {});
    const b = await ring(DEMO.milk.barcode, DEMO.dates.barcode);
    await t.call('parkSale', {});
    await t.restart();
    const after = await t.call('getSale', {});
    expect(after.lines).toEqual([]);
    expect([a.saleId, b.saleId]).not.toContain(after.saleId);
    expect((await t.call('listParkedSales', {})).map((p) => [p.saleId, p.lineCount])).toEqual([
      [b.saleId, 2],
      [a.saleId, 1],
    ]);
  }, 30_000);

  it('ledger verify replays the parked columns and finds one edited by hand', async () => {
    const live = new Database(ledgerFile(t.dir), { readonly: true });
    const copyOf = async (name: string, sql?: string) => {
      const file = path.join(scratch.dir, name);
      await live.backup(file);
      if (sql) {
        const edit = new Database(file);
        edit.exec(sql);
        edit.close();
      }
      const db = openDatabase(file, { readonly: true });
      try {
        return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      } finally {
        db.close();
      }
    };
    try {
      expect(await copyOf('untouched.db')).toMatchObject({ ok: true });
      const edits: Array<[string, string, RegExp]> = [
        ['seq.db', `UPDATE sales SET parked_seq = parked_seq - 1 WHERE parked_seq IS NOT NULL`, /sales .*parked_seq/],
        ['at.db', `UPDATE sales SET parked_at = '2026-01-01T00:00:00.000Z' WHERE parked_seq IS NOT NULL`, /sales .*parked_at/],
      ];
      for (const [name, sql, reason] of edits) {
        const report: LedgerReport = await copyOf(name, sql);
        expect(report).toMatchObject({ ok: false, stage: 'rows' });
        if (!report.ok) expect(report.reason).toMatch(reason);
      }
    } finally {
      live.close();
      await clearParked();
    }
  });

  it('refuses to park, or to swap out, a sale with part of it paid by card, and says why', async () => {
    await ring(DEMO.dates.barcode, DEMO.coffee.barcode);
    const card = await t.call('payCard', { amountHalalas: 1000 });
    expect(card).toMatchObject({ outcome: 'approved', completed: null });
    const result = await t.attempt('parkSale', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'PARK_HAS_PAYMENTS' } });
    if (!result.ok) expect(result.error.message_en).toMatch(/paid/);
    // A parked sale to recall: the swap is refused and nothing moves.
    const open = await t.call('getSale', {});
    expect(await t.attempt('recallSale', { saleId: open.saleId })).toMatchObject({ ok: false, error: { code: 'PARKED_SALE_UNKNOWN' } });
    await t.call('tenderCash', { tenderedHalalas: open.dueHalalas });
    const parked = await ring(DEMO.water.barcode);
    await t.call('parkSale', {});
    await ring(DEMO.dates.barcode);
    await t.call('payCard', { amountHalalas: 500 });
    expect(await t.attempt('recallSale', { saleId: parked.saleId })).toMatchObject({ ok: false, error: { code: 'PARK_HAS_PAYMENTS' } });
    expect((await t.call('listParkedSales', {})).map((p) => p.saleId)).toEqual([parked.saleId]);
    const still = await t.call('getSale', {});
    expect(still.tenders).toHaveLength(1);
    await t.call('tenderCash', { tenderedHalalas: still.dueHalalas });
  });

  it('refuses to park a sale whose card payment is in doubt', async () => {
    const sale = await ring(DEMO.milk.barcode);
    t.sim.terminal.script({ drop: 'after-approve' });
    const closing = new Promise<void>((resolve) => {
      const off = t.sim.terminal.subscribe((e) => {
        if (e.event === 'transaction') {
          off();
          void t.sim.close().then(resolve);
        }
      });
    });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    await closing;
    expect(result.outcome).toBe('unknown');
    const refused = await t.attempt('parkSale', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'PARK_PAYMENT_PENDING' } });
    if (!refused.ok) expect(refused.error.message_en).toMatch(/not settled/);
    const [parked] = await t.call('listParkedSales', {});
    expect(await t.attempt('recallSale', { saleId: parked!.saleId })).toMatchObject({ ok: false, error: { code: 'PARK_PAYMENT_PENDING' } });
    expect((await t.call('getSale', {})).saleId).toBe(sale.saleId);
  }, 30_000);
});
