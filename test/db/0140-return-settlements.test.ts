import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0140 return settlements', () => {
  it('marks requests held by an approval from the journal, and adds cash owed on returns, paid once', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 120 });
    const entry = db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)');
    entry.run(1, 'now', 'T01', 'sale.completed', '{}', 'p', 'h1');
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'completed', 'now', 1)").run();
    db.prepare("INSERT INTO receipts VALUES ('T01-000001', 'T01', 1, 's1', 'now', '{}', 1)").run();
    const intent = db.prepare(
      `INSERT INTO payment_intents (id, reference, till_id, kind, connector, sale_id, original_id, amount_halalas, state, created_at, created_seq, updated_seq)
       VALUES (?, ?, 'T01', 'refund', 'mada-ecr', 's1', NULL, 100, 'approved', 'now', 1, 1)`,
    );
    const request = db.prepare("INSERT INTO return_requests VALUES (?, 'T01-000001', ?, '{\"cardHalalas\":100}', 'waiting', 1, NULL, NULL)");
    for (const n of [1, 2, 3]) {
      intent.run(`i${n}`, `r${n}`);
      request.run(`q${n}`, `i${n}`);
    }
    // Before 0140: one request refunded another amount, one could not be issued (no amount journaled then).
    entry.run(2, 'now', 'T01', 'return.refund_mismatch', JSON.stringify({ requestId: 'q1', intentId: 'i1', asked: 100, approved: 60 }), 'h1', 'h2');
    entry.run(3, 'now', 'T01', 'return.issue_failed', JSON.stringify({ requestId: 'q2', intentId: 'i2', error: 'no key' }), 'h2', 'h3');
    runMigrations(db, migrations, { upTo: 140 });
    expect(schemaVersion(db)).toBe(140);
    expect(db.prepare('SELECT id, held, approved_halalas, held_detail, held_seq FROM return_requests ORDER BY id').all()).toEqual([
      { id: 'q1', held: 'refund_mismatch', approved_halalas: 60, held_detail: null, held_seq: 2 },
      { id: 'q2', held: 'issue_failed', approved_halalas: 100, held_detail: 'no key', held_seq: 3 },
      { id: 'q3', held: null, approved_halalas: null, held_detail: null, held_seq: null },
    ]);
    expect(() => db.prepare("UPDATE return_requests SET held = 'lost' WHERE id = 'q3'").run()).toThrow(/CHECK/);

    expect(tables(db)).toEqual(expect.arrayContaining(['return_cash_owed', 'return_cash_owed_no_delete', 'return_cash_owed_paid_once']));
    db.prepare("INSERT INTO returns VALUES ('r1', 'T01-R000001', 'T01', 1, 's1', 'T01-000001', 'damaged', 'now', 100, '{}', 1)").run();
    const owe = db.prepare('INSERT INTO return_cash_owed (return_id, amount_halalas, owed_seq) VALUES (?, ?, 1)');
    expect(() => owe.run('nope', 40)).toThrow(/FOREIGN KEY/);
    expect(() => owe.run('r1', 0)).toThrow(/CHECK/);
    owe.run('r1', 40);
    expect(() => db.prepare("UPDATE return_cash_owed SET amount_halalas = 1").run()).toThrow(/only ever paid, once/);
    db.prepare('UPDATE return_cash_owed SET paid_seq = 3').run();
    expect(() => db.prepare('UPDATE return_cash_owed SET paid_seq = 2').run()).toThrow(/only ever paid, once/);
    expect(() => db.prepare('DELETE FROM return_cash_owed').run()).toThrow(/never removed/);
    db.close();
  });
});
