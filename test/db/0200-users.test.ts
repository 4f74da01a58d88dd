import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0200 users', () => {
  it('adds users and the sign-in guard, and gives sales a cashier (none for those already there)', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 160 });
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'sale.opened', '{}', 'p', 'h1');
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'open', 'now', 1)").run();
    runMigrations(db, migrations, { upTo: 200 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(200);
    expect(db.prepare("SELECT cashier FROM sales WHERE id = 's1'").get()).toEqual({ cashier: null });
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'sign_in_guard']));

    const user = db.prepare(
      `INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active, created_seq, updated_seq)
       VALUES (?, 'سارة', 'Sara', ?, 's', 'h', NULL, NULL, ?, 1, 1)`,
    );
    expect(() => user.run('u0', 'owner', 1)).toThrow(/CHECK/);
    expect(() => user.run('u0', 'admin', 2)).toThrow(/CHECK/);
    user.run('u1', 'admin', 1);
    expect(() => user.run('u1', 'cashier', 1)).toThrow(/UNIQUE/);
    const guard = db.prepare('INSERT INTO sign_in_guard (subject, failures, lockouts, locked_until, updated_seq) VALUES (?, ?, 0, NULL, 1)');
    expect(() => guard.run('till', -1)).toThrow(/CHECK/);
    guard.run('till', 3);
    db.close();
  });
});
