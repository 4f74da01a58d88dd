import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0280 store credit', () => {
  it('adds store_credit: a voucher of an issued return, its balance between 0 and what was issued, used exactly at 0, never removed', () => {
    const db = new Database(at.file);
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, { upTo: 280 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(280);
    expect(tables(db)).toEqual(expect.arrayContaining(['store_credit', 'store_credit_no_delete', 'store_credit_fixed', 'store_credit_only_down']));
    // A return to name (its sale and receipt first: returns' own foreign keys).
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'credit.issued', '{}', 'p', 'h1');
    db.prepare(
      `INSERT INTO returns (id, return_no, till_id, number, sale_id, original_receipt_no, reason, issued_at, total_halalas, body, seq)
       VALUES ('r1', 'T01-R000001', 'T01', 1, 's1', 'T01-000001', 'damaged', 'now', 500, '{}', 1)`,
    ).run();
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      `INSERT INTO store_credit (voucher_no, issued_halalas, balance_halalas, return_no, created_at, state, issued_seq, updated_seq) VALUES (?, ?, ?, ?, 'now', ?, 1, 1)`,
    );
    expect(() => insert.run('SC1', 0, 0, 'T01-R000001', 'used')).toThrow(/CHECK/);
    expect(() => insert.run('SC1', 500, 501, 'T01-R000001', 'active')).toThrow(/CHECK/);
    expect(() => insert.run('SC1', 500, 0, 'T01-R000001', 'active')).toThrow(/CHECK/);
    expect(() => insert.run('SC1', 500, 100, 'T01-R000001', 'used')).toThrow(/CHECK/);
    expect(() => insert.run('SC1', 500, 500, 'T01-R000001', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('SC1', 500, 500, 'T01-R999999', 'active')).toThrow(/FOREIGN KEY/);
    insert.run('SC1', 500, 500, 'T01-R000001', 'active');
    expect(() => insert.run('SC1', 500, 500, 'T01-R000001', 'active')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(`UPDATE store_credit SET balance_halalas = 200 WHERE voucher_no = 'SC1'`).run();
    expect(() => db.prepare(`UPDATE store_credit SET balance_halalas = 300 WHERE voucher_no = 'SC1'`).run()).toThrow(/only goes down/);
    expect(() => db.prepare(`UPDATE store_credit SET issued_halalas = 900 WHERE voucher_no = 'SC1'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`UPDATE store_credit SET balance_halalas = 0 WHERE voucher_no = 'SC1'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE store_credit SET balance_halalas = 0, state = 'used' WHERE voucher_no = 'SC1'`).run();
    expect(() => db.prepare('DELETE FROM store_credit').run()).toThrow(/never removed/);
    db.close();
  });
});
