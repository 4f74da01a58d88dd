import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0210 z reports', () => {
  it('keeps Z reports numbered per till and final: no update, no delete, no second number', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 210 });
    expect(schemaVersion(db)).toBe(210);
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'closing.z', '{}', 'p', 'h1');
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(2, 'now', 'T01', 'closing.z', '{}', 'h1', 'h2');
    const insert = db.prepare(`INSERT INTO z_reports (till_id, number, after_seq, upto_seq, closed_at, body, seq) VALUES ('T01', ?, 0, 0, 'now', '{}', ?)`);
    insert.run(1, 1);
    expect(() => insert.run(1, 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(0, 2)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE z_reports SET body = '{\"x\":1}'").run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM z_reports').run()).toThrow(/final/);
    db.close();
  });
});
