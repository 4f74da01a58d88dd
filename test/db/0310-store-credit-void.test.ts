import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0310 store credit void', () => {
  it('lets an active voucher be voided with its balance, and a voided one never change again', () => {
    const db = new Database(at.file);
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, { upTo: 310 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(310);
    expect(tables(db)).toEqual(expect.arrayContaining(['store_credit_void_keeps_balance', 'store_credit_voided_final']));
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'credit.issued', '{}', 'p', 'h1');
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(2, 'now', 'T01', 'credit.voided', '{}', 'h1', 'h2');
    db.prepare(
      `INSERT INTO returns (id, return_no, till_id, number, sale_id, original_receipt_no, reason, issued_at, total_halalas, body, seq)
       VALUES ('r1', 'T01-R000001', 'T01', 1, 's1', 'T01-000001', 'damaged', 'now', 500, '{}', 1)`,
    ).run();
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      `INSERT INTO store_credit (voucher_no, issued_halalas, balance_halalas, return_no, created_at, state, issued_seq, updated_seq) VALUES (?, 500, ?, 'T01-R000001', 'now', 'active', 1, 1)`,
    );
    insert.run('SC1', 500);
    insert.run('SC2', 300);
    const update = (sql: string) => db.prepare(`UPDATE store_credit SET ${sql}`).run();
    // Voided with less than it had: refused; with its balance: done.
    expect(() => update(`state = 'voided', balance_halalas = 100, updated_seq = 2 WHERE voucher_no = 'SC1'`)).toThrow(/balance it had/);
    update(`state = 'voided', updated_seq = 2 WHERE voucher_no = 'SC1'`);
    // Then nothing moves it: not active again, not spent, not used up.
    expect(() => update(`state = 'active' WHERE voucher_no = 'SC1'`)).toThrow(/never changes/);
    expect(() => update(`balance_halalas = 400 WHERE voucher_no = 'SC1'`)).toThrow(/never changes/);
    expect(() => update(`balance_halalas = 0, state = 'used' WHERE voucher_no = 'SC1'`)).toThrow(/never changes/);
    // A used-up voucher cannot be voided (0280's check: only a used one holds 0); an active one still spends.
    update(`balance_halalas = 0, state = 'used' WHERE voucher_no = 'SC2'`);
    expect(() => update(`state = 'voided' WHERE voucher_no = 'SC2'`)).toThrow(/CHECK/);
    expect(db.prepare('SELECT voucher_no, balance_halalas, state FROM store_credit ORDER BY voucher_no').all()).toEqual([
      { voucher_no: 'SC1', balance_halalas: 500, state: 'voided' },
      { voucher_no: 'SC2', balance_halalas: 0, state: 'used' },
    ]);
    db.close();
  });
});
