import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

const sale = (total: number, cashierId: string) =>
  JSON.stringify({
    saleId: `s-${total}`,
    cashier: { id: cashierId, nameAr: 'أ', nameEn: 'A' },
    lines: [{ productId: 7, quantity: 2, lineTotalHalalas: total }],
    totals: { totalHalalas: total, vatHalalas: 100, subtotalHalalas: total - 100, breakdown: [{ category: 'S', ratePercent: 15, taxableHalalas: total - 100, vatHalalas: 100 }] },
    tenders: [{ kind: 'cash', amountHalalas: total, tenderedHalalas: total + 50, changeHalalas: 50 }],
  });

describe('migration 0240 daily totals', () => {
  it('backfills an older ledger from its journal, by Riyadh business day, then keeps the rows as entries are appended', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 220 });
    const put = db.prepare(`INSERT INTO journal (seq, at, till_id, type, payload, prev_hash, hash) VALUES (?, ?, 'T01', ?, ?, ?, ?)`);
    const insert = { run: (seq: number, when: string, type: string, payload: string) => put.run(seq, when, type, payload, `p${seq}`, `h${seq}`) };
    // 20:59 UTC is 23:59 in Riyadh; 21:00 UTC is the next day's midnight.
    insert.run(1, '2026-03-01T20:59:00.000Z', 'sale.completed', sale(1000, 'u1'));
    insert.run(2, '2026-03-01T21:00:00.000Z', 'sale.completed', sale(2000, 'u2'));
    runMigrations(db, migrations, { upTo: 240 });
    expect(schemaVersion(db)).toBe(240);
    const rows = () => db.prepare(`SELECT day, key, count, amount FROM daily_totals WHERE dim = ? ORDER BY day, key`);
    expect(rows().all('sales')).toEqual([
      { day: '2026-03-01', key: '', count: 1, amount: 1000 },
      { day: '2026-03-02', key: '', count: 1, amount: 2000 },
    ]);
    expect(rows().all('hour')).toEqual([
      { day: '2026-03-01', key: '23', count: 1, amount: 1000 },
      { day: '2026-03-02', key: '00', count: 1, amount: 2000 },
    ]);
    insert.run(3, '2026-03-01T22:00:00.000Z', 'sale.completed', sale(3000, 'u2'));
    insert.run(4, '2026-03-01T22:10:00.000Z', 'sale.voided', JSON.stringify({ lineCount: 0, totalHalalas: 0 }));
    expect(rows().all('cashier')).toEqual([
      { day: '2026-03-01', key: 'u1', count: 1, amount: 1000 },
      { day: '2026-03-02', key: 'u2', count: 2, amount: 5000 },
    ]);
    expect(rows().all('cash')).toEqual([
      { day: '2026-03-01', key: 'taken', count: 1, amount: 1000 },
      { day: '2026-03-02', key: 'taken', count: 2, amount: 5000 },
    ]);
    expect(rows().all('item')).toEqual([
      { day: '2026-03-01', key: '7', count: 2, amount: 1000 },
      { day: '2026-03-02', key: '7', count: 4, amount: 5000 },
    ]);
    // An empty void changes nothing.
    expect(rows().all('voids')).toEqual([]);
    db.close();
  });
});
