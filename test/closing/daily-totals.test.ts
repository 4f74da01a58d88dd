// The daily totals (migrations 0240, 0270) on a real till: each sale (its discounts too), void and return adds to its business day's rows in
// its own transaction; `ledger verify` re-derives every row from the journal and names one edited, added or
// removed by hand; a ledger from before 0240 (or a zone change) gets the same rows from its journal.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { alignDailyTotalsZone, zoneOffsetMinutes } from '../../main/closing';
import { openDatabase, rederiveDailyTotals } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
let t: TestTill;
const scratch = tempDir('nuqta-daily-tamper-', { verifyLedger: false });

interface Row {
  day: string;
  dim: string;
  key: string;
  count: number;
  amount: number;
  vat: number;
}

beforeAll(async () => {
  t = await startTestTill();
  // Cash: milk + bread; card: dates; a void (coffee); the bread comes back in cash.
  await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  const due1 = (await t.call('scanBarcode', { barcode: DEMO.bread.barcode })).dueHalalas;
  const first = (await t.call('tenderCash', { tenderedHalalas: 2000 })).receipt;
  const due2 = (await t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
  expect((await t.call('payCard', { amountHalalas: due2 })).outcome).toBe('approved');
  await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
  await t.call('voidSale', {});
  const bread = first.lines.find((l) => l.barcode === DEMO.bread.barcode)!;
  await t.call('returnSale', { receiptNo: first.receiptNo, lines: [{ lineId: bread.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
  expect(due1 + due2).toBeGreaterThan(0);
  // Discounted, by card: water lowered from 1.00 to 0.80 (× 2), coffee 10 % off its line, then 1.00 off the sale.
  await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  const scanned = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
  const lines = (await t.call('scanBarcode', { barcode: DEMO.coffee.barcode })).lines;
  const water = lines.find((l) => l.barcode === DEMO.water.barcode)!;
  const coffee = lines.find((l) => l.barcode === DEMO.coffee.barcode)!;
  expect(water.quantity).toBe(2);
  expect(scanned.lines.length).toBe(1);
  await t.call('overridePrice', { lineId: water.lineId, unitPriceHalalas: 80, reason: 'price_match', managerPin: PIN });
  await t.call('setLineDiscount', { lineId: coffee.lineId, discount: { rule: { kind: 'percent', percent: 10 }, reason: 'promotion' }, managerPin: PIN });
  const due3 = (await t.call('setSaleDiscount', { discount: { rule: { kind: 'amount', halalas: 100 }, reason: 'loyal_customer' }, managerPin: PIN })).dueHalalas;
  expect((await t.call('payCard', { amountHalalas: due3 })).outcome).toBe('approved');
  third = due3;
});
let third = 0;
/** The discounted sale's lines as sold: water 2 × 0.80, coffee 2 × 27.75 less 10 %. */
const WATER = 2 * 80;
const COFFEE = 2 * DEMO.coffee.price - Math.round((2 * DEMO.coffee.price) / 10);
afterAll(async () => {
  await t.close();
  scratch.cleanup();
});

/** A copy of the running till's ledger, its WAL included. */
const copyOfLedger = (file: string) => {
  const src = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    fs.writeFileSync(file, src.serialize());
  } finally {
    src.close();
  }
};

const rowsOf = (db: Database.Database): Row[] => db.prepare<[], Row>('SELECT day, dim, key, count, amount, vat FROM daily_totals ORDER BY day, dim, key').all();

describe('the daily totals', () => {
  it('hold the day: sales, discounts, hours, tenders, cash, cashier, VAT, items, voids, returns — in the entry’s own transaction', () => {
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      const rows = rowsOf(db);
      const day = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
      const of = (dim: string, key = '') => rows.find((r) => r.dim === dim && r.key === key);
      expect(new Set(rows.map((r) => r.day))).toEqual(new Set([day]));
      expect(third).toBe(WATER + COFFEE - 100);
      expect(of('sales')).toMatchObject({ count: 3, amount: DEMO.milk.price + DEMO.bread.price + DEMO.dates.price + third });
      // What the third sale gave off: the price lowered (2 × 0.20), the line's 10 %, the sale's 1.00.
      expect(of('discount', 'price')).toMatchObject({ count: 1, amount: 2 * (DEMO.water.price - 80) });
      expect(of('discount', 'line')).toMatchObject({ count: 1, amount: 2 * DEMO.coffee.price - COFFEE });
      expect(of('discount', 'sale')).toMatchObject({ count: 1, amount: 100 });
      expect(of('voids')).toMatchObject({ count: 1, amount: DEMO.coffee.price });
      expect(of('returns')).toMatchObject({ count: 1, amount: DEMO.bread.price });
      expect(of('cash', 'taken')).toMatchObject({ count: 1, amount: DEMO.milk.price + DEMO.bread.price });
      expect(of('cash', 'refunded')).toMatchObject({ count: 1, amount: DEMO.bread.price });
      expect(of('tender', 'cash::')).toMatchObject({ count: 1, amount: DEMO.milk.price + DEMO.bread.price });
      expect(rows.filter((r) => r.dim === 'tender' && r.key.startsWith('card:')).reduce((s, r) => s + r.amount, 0)).toBe(DEMO.dates.price + third);
      expect(rows.filter((r) => r.dim === 'hour').reduce((s, r) => s + r.count, 0)).toBe(3);
      // The demo till signs its demo cashier in: all the sales are hers, and the return is charged to her sale.
      const cashiers = rows.filter((r) => r.dim === 'cashier');
      expect(cashiers).toHaveLength(1);
      expect(cashiers[0]!.key).not.toBe('');
      expect(of('cashier_return', cashiers[0]!.key)).toMatchObject({ count: 1, amount: DEMO.bread.price });
      expect(rows.filter((r) => r.dim === 'item').map((r) => r.amount).sort((a, b) => a - b)).toEqual([DEMO.bread.price, DEMO.milk.price, DEMO.dates.price, WATER, COFFEE].sort((a, b) => a - b));
      const vat = of('vat', 'S:15')!;
      expect(vat.vat).toBe(rows.find((r) => r.dim === 'sales')!.vat);
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('ledger verify names a row edited, added or removed by hand', () => {
    const tampered = (sql: string) => {
      const file = path.join(scratch.dir, `t${Math.random().toString(36).slice(2)}.db`);
      copyOfLedger(file);
      const raw = new Database(file);
      raw.exec(sql);
      raw.close();
      const db = openDatabase(file, { readonly: true });
      try {
        return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      } finally {
        db.close();
      }
    };
    const edited = tampered(`UPDATE daily_totals SET amount = amount + 100 WHERE dim = 'sales'`);
    expect(edited).toMatchObject({ ok: false, stage: 'rows', reason: expect.stringMatching(/daily_totals .*sales.*amount is \d+, the journal says \d+/) });
    expect(tampered(`UPDATE daily_totals SET count = 0 WHERE dim = 'voids'`)).toMatchObject({ ok: false, reason: expect.stringMatching(/daily_totals .*voids.*count is 0/) });
    expect(tampered(`INSERT INTO daily_totals VALUES ('2020-01-01', 'sales', '', 1, 1, 0, 1, 1)`)).toMatchObject({ ok: false, reason: expect.stringMatching(/2020-01-01 sales.*no journal entry made/) });
    expect(tampered(`UPDATE daily_totals SET amount = amount - 1 WHERE dim = 'discount' AND key = 'price'`)).toMatchObject({ ok: false, reason: expect.stringMatching(/daily_totals .*discount price.*amount is 39, the journal says 40/) });
    expect(tampered(`DELETE FROM daily_totals WHERE dim = 'discount' AND key = 'sale'`)).toMatchObject({ ok: false, reason: expect.stringMatching(/daily_totals .*discount sale.*missing/) });
    expect(tampered(`DELETE FROM daily_totals WHERE dim = 'cashier'`)).toMatchObject({ ok: false, reason: expect.stringMatching(/daily_totals .*cashier.*missing/) });
  });

  it('re-derive from the journal alone the rows the triggers kept (the backfill of an older ledger), and follow a zone change', () => {
    const file = path.join(scratch.dir, 'rederive.db');
    copyOfLedger(file);
    const db = openDatabase(file);
    try {
      const kept = rowsOf(db);
      expect(kept.length).toBeGreaterThan(10);
      db.transaction(() => rederiveDailyTotals(db))();
      expect(rowsOf(db)).toEqual(kept);
      // Far enough west that the day's sales fall on another date (or the same one, near midday): the rows move with it.
      expect(zoneOffsetMinutes('America/Los_Angeles', new Date('2026-01-15T12:00:00Z'))).toBe(-480);
      expect(zoneOffsetMinutes('Asia/Riyadh')).toBe(180);
      expect(alignDailyTotalsZone(db, 'Asia/Riyadh')).toBe(false);
      // A zone whose date differs from Riyadh's at the hour the ledger's sales were made (they are made as the test
      // runs): eleven hours east moves what was sold from 13:00 Riyadh time to the next date, fourteen hours west
      // what was sold before 14:00 to the previous one. One fixed zone left the dates equal for half of every day.
      const firstSaleAt = db.prepare(`SELECT at FROM journal WHERE type = 'sale.completed' ORDER BY seq LIMIT 1`).pluck().get() as string;
      const riyadhHour = (new Date(firstSaleAt).getUTCHours() + 3) % 24;
      const [zone, offset] = riyadhHour >= 13 ? (['Pacific/Kiritimati', 840] as const) : (['Pacific/Pago_Pago', -660] as const);
      expect(alignDailyTotalsZone(db, zone)).toBe(true);
      expect(db.prepare('SELECT zone, offset_minutes AS offset FROM daily_totals_zone').get()).toEqual({ zone, offset });
      const moved = rowsOf(db);
      expect(moved.map((r) => r.day)).not.toEqual(kept.map((r) => r.day));
      expect(moved.filter((r) => r.dim === 'sales').map((r) => r.amount)).toEqual(kept.filter((r) => r.dim === 'sales').map((r) => r.amount));
    } finally {
      db.close();
    }
  });
});
