// The migration runner (main/db/migrate.ts): to the latest version in one transaction, never past a newer one.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase, runMigrations, schemaVersion } from '../../main/db';
import { latestVersion, type Migration } from '../../main/db/migrate';
import { TillError } from '../../main/errors';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration runner', () => {
  it('brings a new database to the latest version with WAL and synchronous=FULL', () => {
    const db = openDatabase(at.file);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('refuses a database whose schema is newer than the code, and leaves it untouched', () => {
    const raw = new Database(at.file);
    raw.pragma(`user_version = ${latestVersion(migrations) + 10}`);
    raw.close();
    expect(() => openDatabase(at.file)).toThrowError(TillError);
    try {
      openDatabase(at.file);
    } catch (e) {
      expect((e as TillError).code).toBe('LEDGER_SCHEMA_NEWER');
    }
    const after = new Database(at.file);
    expect(schemaVersion(after)).toBe(latestVersion(migrations) + 10);
    expect(tables(after)).toEqual([]);
    after.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(at.file);
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
    const db = new Database(at.file);
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} });
    expect(() => runMigrations(db, [m(20), m(10)])).toThrow(/does not follow/);
    db.close();
  });
});
