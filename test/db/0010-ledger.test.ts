import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0010 ledger', () => {
  it('creates an append-only journal and the settings table', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toEqual(expect.arrayContaining(['journal', 'journal_no_delete', 'journal_no_update', 'settings']));
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 't', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE journal SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    db.close();
  });
});
