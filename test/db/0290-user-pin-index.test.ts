import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0290 user pin index', () => {
  it('adds user_pin_index: one row per user and kind (PIN, badge), a 64-hex lookup, the users row hash it was made for', () => {
    const db = new Database(at.file);
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, { upTo: 290 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(290);
    expect(tables(db)).toContain('user_pin_index');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'user_pin_index'").pluck().all()).toContain('user_pin_index_by_lookup');
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'user.added', '{}', 'p', 'h1');
    db.prepare(
      `INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active, created_seq, updated_seq)
       VALUES ('u1', 'سارة', 'Sara', 'admin', 's', 'h', NULL, NULL, 1, 1, 1)`,
    ).run();
    db.pragma('foreign_keys = ON');
    const insert = db.prepare('INSERT INTO user_pin_index (user_id, kind, lookup, secret_hash) VALUES (?, ?, ?, ?)');
    expect(() => insert.run('u1', 'pin', 'short', 'h')).toThrow(/CHECK/);
    expect(() => insert.run('u1', 'password', 'a'.repeat(64), 'h')).toThrow(/CHECK/);
    expect(() => insert.run('nobody', 'pin', 'a'.repeat(64), 'h')).toThrow(/FOREIGN KEY/);
    insert.run('u1', 'pin', 'a'.repeat(64), 'h');
    insert.run('u1', 'badge', 'b'.repeat(64), 'h');
    expect(() => insert.run('u1', 'pin', 'c'.repeat(64), 'h')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
