import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0090 returns', () => {
  it('adds returns, their lines and a counter per till; issued rows refuse every change', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 80 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'sale.completed', '{}', 'p', 'h')").run();
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'completed', 'now', 1)").run();
    db.prepare("INSERT INTO sale_lines (id, sale_id, position, product_id, barcode, name_ar, name_en, unit_price_halalas, quantity, vat_category, added_seq) VALUES ('l1', 's1', 1, 1, 'b', 'ا', 'a', 100, 2, 'S', 1)").run();
    db.prepare("INSERT INTO receipts VALUES ('T01-000001', 'T01', 1, 's1', 'now', '{}', 1)").run();
    runMigrations(db, migrations, { upTo: 90 });
    expect(schemaVersion(db)).toBe(90);
    expect(tables(db)).toEqual(expect.arrayContaining(['returns', 'return_lines', 'return_counters']));
    const insert = db.prepare("INSERT INTO returns VALUES (?, ?, 'T01', ?, 's1', 'T01-000001', 'damaged', 'now', ?, '{}', 1)");
    insert.run('r1', 'T01-R000001', 1, 100);
    expect(() => insert.run('r2', 'T01-R000002', 1, 100)).toThrow(/UNIQUE/);
    expect(() => insert.run('r3', 'T01-R000003', 3, 0)).toThrow(/CHECK/);
    db.prepare("INSERT INTO return_lines VALUES ('r1', 'l1', 1, 100)").run();
    expect(() => db.prepare("INSERT INTO return_lines VALUES ('r1', 'l2', 1, 100)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO return_lines VALUES ('r1', 'l1', 0, 0)").run()).toThrow(/CHECK|UNIQUE|PRIMARY/);
    expect(() => db.prepare('UPDATE returns SET total_halalas = 1').run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM returns').run()).toThrow(/never removed/);
    expect(() => db.prepare('UPDATE return_lines SET quantity = 2').run()).toThrow(/never changed/);
    db.close();
  });
});
