import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0170 parked sales', () => {
  it('leaves an open sale unparked and allows parked sales beside the one open sale, never two unparked', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 160 });
    const entry = db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const seq of [1, 2, 3, 4]) entry.run(seq, 'now', 'T01', 'sale.opened', '{}', 'p', `h${seq}`);
    const sale = db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES (?, 'T01', 'open', 'now', ?)");
    sale.run('s1', 1);
    runMigrations(db, migrations, { upTo: 170 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(170);
    expect(db.prepare("SELECT parked_seq, parked_at FROM sales WHERE id = 's1'").get()).toEqual({ parked_seq: null, parked_at: null });
    // A second open sale is refused until the first is parked; then any number may wait.
    expect(() => sale.run('s2', 2)).toThrow(/UNIQUE/);
    db.prepare("UPDATE sales SET parked_seq = 2, parked_at = 'now' WHERE id = 's1'").run();
    sale.run('s2', 2);
    db.prepare("UPDATE sales SET parked_seq = 3, parked_at = 'now' WHERE id = 's2'").run();
    sale.run('s3', 3);
    expect(() => sale.run('s4', 4)).toThrow(/UNIQUE/);
    // Recalling a parked sale while another is unparked is refused by the index as well.
    expect(() => db.prepare("UPDATE sales SET parked_seq = NULL WHERE id = 's1'").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
