import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, rederiveDailyTotals, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

type Line = Record<string, unknown>;
const sale = (seq: number, lines: Line[], saleDiscount?: number) =>
  JSON.stringify({
    saleId: `s-${seq}`,
    cashier: { id: 'u1', nameAr: 'أ', nameEn: 'A' },
    lines: lines.map((l) => ({ productId: 7, quantity: 1, unitPriceHalalas: 1000, lineTotalHalalas: 1000, ...l })),
    totals: { totalHalalas: 1000, vatHalalas: 100, subtotalHalalas: 900, breakdown: [{ category: 'S', ratePercent: 15, taxableHalalas: 900, vatHalalas: 100 }] },
    tenders: [{ kind: 'cash', amountHalalas: 1000, tenderedHalalas: 1000, changeHalalas: 0 }],
    ...(saleDiscount ? { discount: { rule: { kind: 'amount', halalas: saleDiscount }, reason: 'promotion', halalas: saleDiscount } } : {}),
  });
const lineOff = (halalas: number): Line => ({ discount: { rule: { kind: 'amount', halalas }, reason: 'promotion', halalas } });
const priced = (list: number, unit: number, more: Line = {}): Line => ({ unitPriceHalalas: unit, priceOverride: { listPriceHalalas: list, reason: 'price_match' }, ...more });

describe('migration 0270 daily discounts', () => {
  it('backfills the discounts of an older ledger by business day, then adds each sale’s as it is appended', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 240 });
    const put = db.prepare(`INSERT INTO journal (seq, at, till_id, type, payload, prev_hash, hash) VALUES (?, ?, 'T01', 'sale.completed', ?, ?, ?)`);
    const insert = (seq: number, when: string, payload: string) => put.run(seq, when, payload, `p${seq}`, `h${seq}`);
    // A line discount of 1.50 and a price lowered from 12.00 to 10.00 on 3 pieces; a raised price is no discount.
    insert(1, '2026-03-01T10:00:00.000Z', sale(1, [lineOff(150), priced(1200, 1000, { quantity: 3 }), priced(800, 1000)]));
    // The next Riyadh day: a sale discount of 2.00, and a weighed line (750 g) lowered from 20.00/kg to 18.99/kg:
    // 15.00 − 14.24 (14.2425 half-up) = 0.76 off. A zero-halala discount gives nothing.
    insert(2, '2026-03-01T21:30:00.000Z', sale(2, [priced(2000, 1899, { soldBy: 'kg', quantity: 750 }), lineOff(0)], 200));
    runMigrations(db, migrations);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(270);
    const rows = () => db.prepare(`SELECT day, key, count, amount, first_seq AS first, last_seq AS last FROM daily_totals WHERE dim = 'discount' ORDER BY day, key`).all();
    const backfilled = [
      { day: '2026-03-01', key: 'line', count: 1, amount: 150, first: 1, last: 1 },
      { day: '2026-03-01', key: 'price', count: 1, amount: 600, first: 1, last: 1 },
      { day: '2026-03-02', key: 'price', count: 1, amount: 76, first: 2, last: 2 },
      { day: '2026-03-02', key: 'sale', count: 1, amount: 200, first: 2, last: 2 },
    ];
    expect(rows()).toEqual(backfilled);
    // The other dimensions stay 0240's.
    expect(db.prepare(`SELECT count, amount FROM daily_totals WHERE dim = 'sales' AND day = '2026-03-01'`).get()).toEqual({ count: 1, amount: 1000 });

    insert(3, '2026-03-01T22:00:00.000Z', sale(3, [lineOff(50), lineOff(25)], 100));
    insert(4, '2026-03-01T22:05:00.000Z', sale(4, [{}]));
    const appended = [
      backfilled[0],
      backfilled[1],
      { day: '2026-03-02', key: 'line', count: 2, amount: 75, first: 3, last: 3 },
      backfilled[2],
      { day: '2026-03-02', key: 'sale', count: 2, amount: 300, first: 2, last: 3 },
    ];
    expect(rows()).toEqual(appended);
    // The re-derivation (a zone change) gives the same rows from the journal alone.
    db.transaction(() => rederiveDailyTotals(db))();
    expect(rows()).toEqual(appended);
    db.close();
  });
});
