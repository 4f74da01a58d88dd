import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0060 seals', () => {
  it('adds an append-only seal table that refers to journal entries', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 50 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'sale.opened', '{}', 'p', 'h')").run();
    runMigrations(db, migrations, { upTo: 60 });
    expect(schemaVersion(db)).toBe(60);
    expect(tables(db)).toEqual(expect.arrayContaining(['journal_seals', 'journal_seals_no_delete', 'journal_seals_no_update']));
    db.prepare("INSERT INTO journal_seals VALUES (1, '0123456789abcdef', 'sig', 'now')").run();
    expect(() => db.prepare("INSERT INTO journal_seals VALUES (2, 'short', 'sig', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE journal_seals SET signature = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal_seals').run()).toThrow(/append-only/);
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO journal_seals VALUES (9, '0123456789abcdef', 'sig', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
