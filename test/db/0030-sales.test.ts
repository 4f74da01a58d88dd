import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0030 sales', () => {
  it('adds the sale tables on top of a version-20 database and keeps its rows', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 20 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'sale.opened', '{}', 'p', 'h')").run();
    runMigrations(db, migrations, { upTo: 30 });
    expect(schemaVersion(db)).toBe(30);
    expect(tables(db)).toEqual(expect.arrayContaining(['sales', 'sale_lines', 'tenders', 'receipts', 'receipt_counters']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual({ n: 1 });
    // Only one open sale per till.
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('a', 'T01', 'open', 'now', 1)").run();
    expect(() =>
      db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('b', 'T01', 'open', 'now', 1)").run(),
    ).toThrow(/UNIQUE/);
    // Receipt numbers are unique per till.
    db.prepare("INSERT INTO receipts VALUES ('T01-000001', 'T01', 1, 'a', 'now', '{}', 1)").run();
    expect(() => db.prepare("INSERT INTO receipts VALUES ('T01-x', 'T01', 1, 'a2', 'now', '{}', 1)").run()).toThrow();
    db.close();
  });
});
