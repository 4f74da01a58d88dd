// One test per migration (fixture before, assertions after), plus the runner's refusals.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations, openDatabase, runMigrations, schemaVersion } from '../../main/db';
import { latestVersion, type Migration } from '../../main/db/migrate';
import { TillError } from '../../main/errors';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  // Ledgers made by hand, damaged on purpose or only half migrated: not a till's ledger to verify.
  tmp = tempDir('nuqta-test-', { verifyLedger: false });
  file = path.join(tmp.dir, 'till.db');
});
afterEach(() => tmp.cleanup());

const tables = (db: Database.Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all().map((r) => r.name);

describe('migration runner', () => {
  it('brings a new database to the latest version with WAL and synchronous=FULL', () => {
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('refuses a database whose schema is newer than the code, and leaves it untouched', () => {
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion(migrations) + 10}`);
    raw.close();
    expect(() => openDatabase(file)).toThrowError(TillError);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as TillError).code).toBe('LEDGER_SCHEMA_NEWER');
    }
    const after = new Database(file);
    expect(schemaVersion(after)).toBe(latestVersion(migrations) + 10);
    expect(tables(after)).toEqual([]);
    after.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(file);
    const broken: Migration[] = [
      ...migrations,
      { version: 1000, name: 'broken', up: (d) => d.exec('CREATE TABLE half (x); SELECT no_such_function();') },
    ];
    expect(() => runMigrations(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rejects migrations that are out of order', () => {
    const db = new Database(file);
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} });
    expect(() => runMigrations(db, [m(20), m(10)])).toThrow(/does not follow/);
    db.close();
  });
});

describe('0010 ledger', () => {
  it('creates an append-only journal and the settings table', () => {
    const db = new Database(file);
    runMigrations(db, migrations, { upTo: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toEqual(expect.arrayContaining(['journal', 'journal_no_delete', 'journal_no_update', 'settings']));
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 't', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE journal SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('0030 sales', () => {
  it('adds the sale tables on top of a version-20 database and keeps its rows', () => {
    const db = new Database(file);
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
