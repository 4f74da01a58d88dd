// The X and the Z read each period's sale and return entries in one pass (main/closing/period-entries.ts); the
// figures are the ones the query-per-figure reading gave (test/closing/period-report-by-figure.ts, kept as it was).
// The ledger: a real demo till's sales — cash, card, split, an STC Pay one, discounted ones, voids, cash and card
// returns, two cashiers — compared over every period that starts after one of its entries.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createPeriodReports } from '../../main/closing';
import { openDatabase } from '../../main/db';
import { createIntentStore } from '../../main/payments';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';
import { createPeriodReportsByFigure } from './period-report-by-figure';

const PIN = '1234';
const scratch = tempDir('nuqta-one-pass-', { verifyLedger: false });
const file = path.join(scratch.dir, 'period.db');

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
    for (let round = 0; round < 2; round += 1) {
      const a = await cash(DEMO.milk.barcode, DEMO.bread.barcode);
      const b = await card(DEMO.dates.barcode, DEMO.water.barcode);
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
      // Only a price lowered by hand: the one sale whose entry names no discount.
      const water = (await t.call('scanBarcode', { barcode: DEMO.water.barcode })).lines[0]!;
      const lowered = (await t.call('overridePrice', { lineId: water.lineId, unitPriceHalalas: 75, reason: 'price_match', managerPin: PIN })).dueHalalas;
      await t.call('tenderCash', { tenderedHalalas: lowered });
      await back(a, DEMO.bread.barcode);
      await back(b, DEMO.dates.barcode);
    }
    const src = openDatabase(ledgerFile(t.dir), { readonly: true });
    fs.writeFileSync(file, src.serialize());
    src.close();
  } finally {
    await t.close();
  }
  // One card sale paid by STC Pay; every other sale rung up by a second cashier (the return follows its sale).
  const db = new Database(file);
  db.exec('DROP TRIGGER journal_no_update');
  db.exec(`UPDATE journal SET payload = json_set(payload, '$.tenders[0].card.scheme', 'STCPAY', '$.tenders[0].card.wallet', NULL)
            WHERE seq = (SELECT MIN(seq) FROM journal WHERE type = 'sale.completed' AND json_extract(payload, '$.tenders[0].kind') = 'card')`);
  db.exec(`INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, active, created_seq, updated_seq) VALUES ('u-second', 'سارة', 'Sara', 'cashier', 'x', 'y', 1, 1, 1)`);
  const seconds = db.prepare<[], { seq: number; saleId: string }>(`SELECT seq, json_extract(payload, '$.saleId') AS saleId FROM journal WHERE type = 'sale.completed' ORDER BY seq`).all().filter((_, i) => i % 2 === 1);
  for (const s of seconds) {
    db.prepare(`UPDATE journal SET payload = json_set(payload, '$.cashier.id', 'u-second') WHERE seq = ?`).run(s.seq);
    db.prepare(`UPDATE sales SET cashier = json_set(cashier, '$.id', 'u-second') WHERE id = ?`).run(s.saleId);
  }
  db.close();
});
afterAll(() => scratch.cleanup());

describe('the one-pass reading of a period', () => {
  it('gives the query-per-figure reading’s report, for every period of the ledger', () => {
    const db = openDatabase(file, { readonly: true });
    try {
      const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
      const deps = { db, journal: { head: () => head.get()! }, intents: createIntentStore(db), tillId: () => 'T01', now: () => new Date('2026-03-01T12:00:00.000Z') };
      const onePass = createPeriodReports(deps);
      const byFigure = createPeriodReportsByFigure(deps);
      const headSeq = head.get()!.seq;

      // The whole ledger: every sale, tender kind, return, discount and both cashiers are in it (not an empty comparison).
      const all = onePass.report(0);
      expect(all).toEqual(byFigure.report(0));
      expect(all.receipts.count).toBe(12);
      expect(all.voids.count).toBe(2);
      expect(all.returns.count).toBe(4);
      expect(all.tenders.map((x) => x.scheme ?? x.kind)).toContain('STCPAY');
      expect(all.tenders.filter((x) => x.kind === 'card').length).toBeGreaterThanOrEqual(2);
      expect(all.refunds.map((x) => x.kind).sort()).toEqual(['card', 'cash']);
      expect(all.cashiers).toHaveLength(2);
      expect(all.cashiers.every((c) => c.count > 0)).toBe(true);
      // Each round: 0.65 off the milk, 0.25 off the water's price, 1.00 off the sale; and the water's price alone.
      expect(all.discounts).toEqual({ count: 8, halalas: 2 * (65 + 25 + 100 + 25) });
      expect(all.vat.length).toBeGreaterThan(0);

      // Every period that starts after an entry and ends at the head or 7 entries later (empty ones included).
      let compared = 0;
      for (let after = 0; after <= headSeq; after += 1) {
        expect(onePass.report(after)).toEqual(byFigure.report(after));
        expect(onePass.reportBetween(after, after + 7)).toEqual(byFigure.reportBetween(after, after + 7));
        compared += 2;
      }
      expect(compared).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });
});
