import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0070 pin guard', () => {
  it('adds one guard row per subject, with counts that cannot go negative', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 60 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'manager.pin_failed', '{}', 'p', 'h')").run();
    runMigrations(db, migrations, { upTo: 70 });
    expect(schemaVersion(db)).toBe(70);
    expect(tables(db)).toContain('pin_guard');
    db.prepare("INSERT INTO pin_guard VALUES ('manager', 1, 0, NULL, 1)").run();
    expect(() => db.prepare("INSERT INTO pin_guard VALUES ('manager', 2, 0, NULL, 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO pin_guard VALUES ('other', -1, 0, NULL, 1)").run()).toThrow(/CHECK/);
    db.close();
  });
});
