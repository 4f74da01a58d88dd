import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0250 user totp', () => {
  it('adds user_totp: one row per enrolled user, a step never negative, rows only for users and journal entries', () => {
    const db = new Database(at.file);
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, { upTo: 240 });
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'user.added', '{}', 'p', 'h1');
    db.prepare(
      `INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active, created_seq, updated_seq)
       VALUES ('u1', 'سارة', 'Sara', 'admin', 's', 'h', NULL, NULL, 1, 1, 1)`,
    ).run();
    runMigrations(db, migrations, { upTo: 250 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(250);
    expect(tables(db)).toContain('user_totp');
    const row = db.prepare('INSERT INTO user_totp (user_id, last_step, recovery, enrolled_seq, updated_seq) VALUES (?, ?, ?, ?, ?)');
    expect(() => row.run('u1', -1, '[]', 1, 1)).toThrow(/CHECK/);
    expect(() => row.run('nobody', 1, '[]', 1, 1)).toThrow(/FOREIGN KEY/);
    expect(() => row.run('u1', 1, '[]', 99, 99)).toThrow(/FOREIGN KEY/);
    row.run('u1', 58_000_000, '[]', 1, 1);
    expect(() => row.run('u1', 58_000_001, '[]', 1, 1)).toThrow(/UNIQUE|PRIMARY/);
    // The secret is not a column: it lives in the secret store.
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('user_totp')").all().map((c) => c.name);
    expect(columns).toEqual(['user_id', 'last_step', 'recovery', 'enrolled_seq', 'updated_seq']);
    db.close();
  });
});
