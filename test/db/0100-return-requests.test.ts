import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0100 return requests', () => {
  it('adds one request per refund intent, in one of three states', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 90 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'sale.completed', '{}', 'p', 'h')").run();
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'completed', 'now', 1)").run();
    db.prepare("INSERT INTO receipts VALUES ('T01-000001', 'T01', 1, 's1', 'now', '{}', 1)").run();
    db.prepare(
      `INSERT INTO payment_intents (id, reference, till_id, kind, connector, sale_id, original_id, amount_halalas, state, created_at, created_seq, updated_seq)
       VALUES ('i1', 'r1', 'T01', 'refund', 'mada-ecr', 's1', NULL, 100, 'sending', 'now', 1, 1)`,
    ).run();
    runMigrations(db, migrations, { upTo: 100 });
    expect(schemaVersion(db)).toBe(100);
    expect(tables(db)).toContain('return_requests');
    const insert = db.prepare("INSERT INTO return_requests VALUES (?, 'T01-000001', ?, '{}', ?, 1, NULL, NULL)");
    insert.run('q1', 'i1', 'waiting');
    expect(() => insert.run('q2', 'i1', 'waiting')).toThrow(/UNIQUE/);
    expect(() => insert.run('q3', 'nope', 'waiting')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE return_requests SET state = 'lost'").run()).toThrow(/CHECK/);
    db.close();
  });
});
