import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0150 unit invoice types', () => {
  it('reads every unit onboarded before as simplified-only (0100), and takes 0100 or 1100 from then on', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 140 });
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'einvoice.unit_created', '{}', 'p', 'h1');
    const unit = (egsId: string, state: string) =>
      db
        .prepare(`INSERT INTO einvoice_units (egs_id, environment, common_name, serial, certificate, state, created_seq, updated_seq) VALUES (?, 'simulator', 'cn', 'sn', 'MII=', ?, 1, 1)`)
        .run(egsId, state);
    unit('old-retired', 'retired');
    unit('old-active', 'active');
    runMigrations(db, migrations, { upTo: 150 });
    expect(schemaVersion(db)).toBe(150);
    expect(db.prepare('SELECT egs_id, invoice_types FROM einvoice_units ORDER BY egs_id').all()).toEqual([
      { egs_id: 'old-active', invoice_types: '0100' },
      { egs_id: 'old-retired', invoice_types: '0100' },
    ]);

    const typed = db.prepare(
      `INSERT INTO einvoice_units (egs_id, environment, common_name, serial, state, invoice_types, created_seq, updated_seq) VALUES (?, 'simulator', 'cn', 'sn', 'onboarding', ?, 1, 1)`,
    );
    typed.run('b2b', '1100');
    expect(db.prepare("SELECT invoice_types FROM einvoice_units WHERE egs_id = 'b2b'").get()).toEqual({ invoice_types: '1100' });
    // Only the two kinds a till onboards for; '1000' (standard only) is not one of them, nor is nothing.
    expect(() => typed.run('x', '1000')).toThrow(/CHECK/);
    expect(() => typed.run('y', null)).toThrow(/NOT NULL/);
    db.close();
  });
});
