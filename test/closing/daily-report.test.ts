// The report over whole days read from the daily totals gives the entry-reading report's answer for the same
// entries. The ledger: a real demo till's sales — cash, card, split, an STC Pay one, discounted ones, voids, cash and card returns,
// two cashiers — its entries then spread over several days (the journal's times rewritten, the totals re-derived),
// so that every range of days is checked against `reportBetween` over the same span of the journal.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createDailyReports, createPeriodReports } from '../../main/closing';
import { openDatabase, rederiveDailyTotals } from '../../main/db';
import { createIntentStore } from '../../main/payments';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
const scratch = tempDir('nuqta-daily-report-', { verifyLedger: false });
const file = path.join(scratch.dir, 'days.db');

beforeAll(async () => {
  const t = await startTestTill();
  try {
    const cash = async (...barcodes: string[]) => {
      let due = 0;
      for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
      return (await t.call('tenderCash', { tenderedHalalas: due + 150 })).receipt;
    };
    const card = async (...barcodes: string[]) => {
      let due = 0;
      for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
      const paid = await t.call('payCard', { amountHalalas: due });
      expect(paid.outcome).toBe('approved');
      return paid.completed!.receipt;
    };
    const back = async (receipt: Awaited<ReturnType<typeof cash>>, barcode: string) => {
      const line = receipt.lines.find((l) => l.barcode === barcode)!;
      await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    };
    for (let round = 0; round < 3; round += 1) {
      const a = await cash(DEMO.milk.barcode, DEMO.bread.barcode);
      const b = await card(DEMO.dates.barcode, DEMO.water.barcode);
      await cash(DEMO.coffee.barcode);
      await card(DEMO.milk.barcode);
      await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
      await t.call('voidSale', {});
      // A split: part card, the rest cash.
      const due = (await t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
      expect((await t.call('payCard', { amountHalalas: due - 1000 })).outcome).toBe('approved');
      await t.call('tenderCash', { tenderedHalalas: 1000 });
      // Discounted: a line 10 % off, a price lowered by hand, then the sale 1.00 off (cash).
      await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
      const lines = (await t.call('scanBarcode', { barcode: DEMO.water.barcode })).lines;
      await t.call('setLineDiscount', { lineId: lines[0]!.lineId, discount: { rule: { kind: 'percent', percent: 10 }, reason: 'promotion' }, managerPin: PIN });
      await t.call('overridePrice', { lineId: lines[1]!.lineId, unitPriceHalalas: 75, reason: 'price_match', managerPin: PIN });
      const off = (await t.call('setSaleDiscount', { discount: { rule: { kind: 'amount', halalas: 100 }, reason: 'staff' }, managerPin: PIN })).dueHalalas;
      await t.call('tenderCash', { tenderedHalalas: off });
      await back(a, DEMO.bread.barcode);
      if (round !== 1) await back(b, DEMO.dates.barcode);
    }
    const src = openDatabase(ledgerFile(t.dir), { readonly: true });
    fs.writeFileSync(file, src.serialize());
    src.close();
  } finally {
    await t.close();
  }
  // Spread over days: entry n at 05:00 UTC on 1 March plus n × 53 minutes (the journal's order is its times' order).
  const db = new Database(file);
  db.exec('DROP TRIGGER journal_no_update');
  db.exec(`UPDATE journal SET at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-03-01T05:00:00.000Z', '+' || (seq * 53) || ' minutes')`);
  // One card sale paid by STC Pay; every other sale rung up by a second cashier (the return follows its sale).
  db.exec(`UPDATE journal SET payload = json_set(payload, '$.tenders[0].card.scheme', 'STCPAY', '$.tenders[0].card.wallet', NULL)
            WHERE seq = (SELECT MIN(seq) FROM journal WHERE type = 'sale.completed' AND json_extract(payload, '$.tenders[0].kind') = 'card')`);
  db.exec(`INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, active, created_seq, updated_seq) VALUES ('u-second', 'سارة', 'Sara', 'cashier', 'x', 'y', 1, 1, 1)`);
  const seconds = db.prepare<[], { seq: number; saleId: string }>(`SELECT seq, json_extract(payload, '$.saleId') AS saleId FROM journal WHERE type = 'sale.completed' ORDER BY seq`).all().filter((_, i) => i % 2 === 1);
  for (const s of seconds) {
    db.prepare(`UPDATE journal SET payload = json_set(payload, '$.cashier.id', 'u-second') WHERE seq = ?`).run(s.seq);
    db.prepare(`UPDATE sales SET cashier = json_set(cashier, '$.id', 'u-second') WHERE id = ?`).run(s.saleId);
  }
  db.transaction(() => rederiveDailyTotals(db))();
  db.close();
});
afterAll(() => scratch.cleanup());

describe('the report over whole days', () => {
  it('is the entry-reading report of the same span, for every range of days', () => {
    const db = openDatabase(file, { readonly: true });
    try {
      const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
      const journal = { head: () => head.get()! };
      const entries = createPeriodReports({ db, journal, intents: createIntentStore(db), tillId: () => 'T01' });
      const daily = createDailyReports({ db, journal, reports: entries, tillId: () => 'T01' });
      const days = db.prepare<[], { day: string }>(`SELECT DISTINCT day FROM daily_totals ORDER BY day`).all().map((r) => r.day);
      expect(days.length).toBeGreaterThanOrEqual(4);
      let checked = 0;
      for (let i = 0; i < days.length; i += 1) {
        for (let j = i; j < days.length; j += 1) {
          const fromDays = daily.days(days[i]!, days[j]!);
          const fromEntries = entries.reportBetween(fromDays.afterSeq, fromDays.uptoSeq);
          expect({ ...fromDays, to: '' }).toEqual({ ...fromEntries, to: '' });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(10);
      // The whole ledger: every sale, tender kind, return and both cashiers are in it (the comparison above is not empty).
      const all = daily.days(days[0]!, days[days.length - 1]!);
      expect(all.receipts.count).toBe(18);
      expect(all.voids.count).toBe(3);
      expect(all.returns.count).toBe(5);
      expect(all.tenders.map((x) => x.scheme ?? x.kind)).toContain('STCPAY');
      expect(all.tenders.filter((x) => x.kind === 'card').length).toBeGreaterThanOrEqual(2);
      expect(all.refunds.map((x) => x.kind).sort()).toEqual(['card', 'cash']);
      expect(all.cashiers).toHaveLength(2);
      expect(all.cashiers.find((c) => c.cashierId === 'u-second')).toMatchObject({ count: 9 });
      expect(all.cashiers.reduce((s, c) => s + c.netHalalas, 0)).toBe(all.netHalalas);
      expect(all.cash.takenHalalas).toBeGreaterThan(0);
      // Each round's discounted sale: 0.65 off the milk, 0.25 off the water's price, 1.00 off the sale.
      expect(all.discounts).toEqual({ count: 9, halalas: 3 * (65 + 25 + 100) });
      expect(all.cash.refundedHalalas).toBeGreaterThan(0);
      // A day with nothing in it, before the ledger began: an empty report.
      expect(daily.days('2026-02-01', '2026-02-02')).toMatchObject({ afterSeq: 0, uptoSeq: 0, receipts: { count: 0 }, tenders: [], cashiers: [] });
    } finally {
      db.close();
    }
  });
});
