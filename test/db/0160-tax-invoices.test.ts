import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0160 tax invoices', () => {
  it("gives open sales a buyer (none for those already there) and standard documents their clearance rows", () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 140 });
    db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)').run(1, 'now', 'T01', 'sale.opened', '{}', 'p', 'h1');
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'open', 'now', 1)").run();
    runMigrations(db, migrations, { upTo: 160 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(160);
    expect(db.prepare("SELECT buyer FROM sales WHERE id = 's1'").get()).toEqual({ buyer: null });
    expect(tables(db)).toEqual(expect.arrayContaining(['einvoice_clearances']));

    const clearance = db.prepare("INSERT INTO einvoice_clearances (egs_id, icv, state, created_seq, updated_seq) VALUES ('egs', ?, ?, 1, 1)");
    db.pragma('foreign_keys = ON');
    expect(() => clearance.run(1, 'waiting')).toThrow(/FOREIGN KEY/); // only for a stored document
    db.prepare(
      `INSERT INTO einvoice_units (egs_id, environment, common_name, serial, state, created_seq, updated_seq) VALUES ('egs', 'simulator', 'cn', 'sn', 'onboarding', 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO einvoice_documents (egs_id, icv, uuid, kind, profile, number, sale_id, issue_date, issue_time, pih, hash, qr, xml, xml_sha256, issued_seq)
       VALUES ('egs', 1, 'u', 'invoice', 'standard', 'T01-000001', NULL, 'd', 't', 'p', 'h', 'q', x'00', 's', 1)`,
    ).run();
    expect(() => clearance.run(1, 'lost')).toThrow(/CHECK/);
    clearance.run(1, 'waiting');
    expect(db.prepare('SELECT state, settled, attempts FROM einvoice_clearances').get()).toEqual({ state: 'waiting', settled: 0, attempts: 0 });
    db.close();
  });
});
