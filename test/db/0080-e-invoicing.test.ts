import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

const insertDocument = (db: Database.Database, icv: number, uuid: string) =>
  db
    .prepare(
      `INSERT INTO einvoice_documents (egs_id, icv, uuid, kind, profile, number, sale_id, issue_date, issue_time, pih, hash, qr, xml, xml_sha256, issued_seq)
       VALUES ('egs', ?, ?, 'invoice', 'simplified', 'T01-000001', 's', '2026-12-04', '21:00:00', 'p', 'h', 'q', ?, 'x', 1)`,
    )
    .run(icv, uuid, Buffer.from('<Invoice/>'));

describe('migration 0080 e-invoicing', () => {
  it('keeps issued documents as they are: one chain per unit, one active unit, no edits, no removals', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 70 });
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'einvoice.unit_created', '{}', 'p', 'h')").run();
    runMigrations(db, migrations, { upTo: 80 });
    expect(schemaVersion(db)).toBe(80);
    expect(tables(db)).toEqual(expect.arrayContaining(['einvoice_units', 'einvoice_documents', 'einvoice_reports']));

    // A unit is active only with its certificate, and only one is active at a time.
    expect(() => db.prepare("INSERT INTO einvoice_units VALUES ('egs', 'simulator', 'cn', 's', NULL, NULL, 'active', 1, 1)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO einvoice_units VALUES ('egs', 'simulator', 'cn', 's', 'cert', '2030-01-01', 'active', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO einvoice_units VALUES ('egs2', 'simulator', 'cn', 's', 'cert', '2030-01-01', 'active', 1, 1)").run()).toThrow(/UNIQUE/);

    insertDocument(db, 1, 'u1');
    expect(() => insertDocument(db, 1, 'u2')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insertDocument(db, 2, 'u1')).toThrow(/UNIQUE/);
    expect(() => insertDocument(db, 0, 'u3')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE einvoice_documents SET hash = 'x' WHERE icv = 1").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM einvoice_documents WHERE icv = 1').run()).toThrow(/never removed/);

    db.prepare("INSERT INTO einvoice_reports (egs_id, icv, state, created_seq, updated_seq) VALUES ('egs', 1, 'waiting', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO einvoice_reports (egs_id, icv, state, created_seq, updated_seq) VALUES ('egs', 1, 'sent', 1, 1)").run()).toThrow(/CHECK|UNIQUE|PRIMARY/);
    db.close();
  });
});
