// Migration 0050 (printing): the print_jobs table and its rules, and settings of older tills brought up
// to date without touching values a till already has.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { migration0050Printing } from '../../main/db/migrations/0050-printing';
import { createJournal } from '../../main/ledger';
import { DEMO_SETTINGS, openSettings } from '../../main/settings';
import { allMigrations, openTillDb } from '../devices/support/print-till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  // Ledgers made by hand, damaged on purpose or only half migrated: not a till's ledger to verify.
  tmp = tempDir('nuqta-test-', { verifyLedger: false });
  file = path.join(tmp.dir, 'till.db');
});
afterEach(() => tmp.cleanup());

/** A till's settings as written before printing was configurable (no address, printer, pole, scanner). */
function olderSettings(): Record<string, unknown> {
  const { shopAddressAr: _a, shopAddressEn: _e, printer: _p, poleDisplay: _d, serialScanner: _s, ...rest } = DEMO_SETTINGS;
  return rest;
}

const before50 = migrations.filter((m) => m.version < 50);

describe('migration 0050 printing', () => {
  it('is version 50 and follows the existing migrations', () => {
    expect(migration0050Printing.version).toBe(50);
    expect(allMigrations.at(-1)!.version).toBeGreaterThanOrEqual(50);
  });

  it('adds null printer, pole and scanner and empty address lines to older settings, which then parse', () => {
    const db = new Database(file);
    runMigrations(db, before50);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('till', JSON.stringify(olderSettings()));
    runMigrations(db, allMigrations);
    expect(schemaVersion(db)).toBe(allMigrations.at(-1)!.version);
    const value = JSON.parse(db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'till'").get()!.value) as Record<string, unknown>;
    expect(value).toMatchObject({ shopAddressAr: '', shopAddressEn: '', printer: null, poleDisplay: null, serialScanner: null });
    expect(openSettings(db).get()).toMatchObject({ tillId: 'T01', printer: null });
    db.close();
  });

  it('leaves settings that already have the keys alone', () => {
    const db = new Database(file);
    runMigrations(db, before50);
    const current = { ...DEMO_SETTINGS, printer: { profile: 'epson-tm-t88', link: { kind: 'tcp', host: '192.0.2.7', port: 9100 } } };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('till', JSON.stringify(current));
    // A printer set to null on purpose is a key that is present: not touched either.
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('other', JSON.stringify({ printer: null }));
    runMigrations(db, allMigrations);
    const read = (key: string) => JSON.parse(db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)!.value) as unknown;
    expect(read('till')).toEqual(current);
    expect(read('other')).toEqual({ printer: null });
    db.close();
  });

  it('creates a STRICT print_jobs table that refuses impossible rows', () => {
    const db = openTillDb(file);
    const settings = openSettings(db);
    const journal = createJournal(db, settings.get().tillId);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'print_jobs'").get()!.sql;
    expect(sql).toMatch(/STRICT/);

    // A receipt to print (receipt_no is a foreign key).
    const seq = db.transaction(() => journal.append('test.receipt', {}).seq)();
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'completed', 'x', ?)").run(seq);
    const receiptCols = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('receipts')").all().map((c) => c.name);
    const values: Record<string, unknown> = { receipt_no: 'T01-000001', sale_id: 's1', till_id: 'T01', number: 1, issued_at: 'x', body: '{}', seq };
    const cols = receiptCols.filter((c) => c in values);
    db.prepare(`INSERT INTO receipts (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);

    const insert = db.prepare(
      `INSERT INTO print_jobs (id, kind, receipt_no, copy, intent_id, state, created_at, created_seq, updated_seq)
       VALUES (@id, @kind, 'T01-000001', @copy, NULL, @state, 'x', ${seq}, ${seq})`,
    );
    insert.run({ id: 'j1', kind: 'receipt', copy: 'original', state: 'queued' });
    expect(db.prepare<[], { attempts: number; bytes_sent: number }>("SELECT * FROM print_jobs WHERE id = 'j1'").get()).toMatchObject({ attempts: 0, bytes_sent: 0 });
    expect(() => insert.run({ id: 'j2', kind: 'receipt', copy: 'original', state: 'lost' })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'j3', kind: 'receipt', copy: 'merchant', state: 'queued' })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'j4', kind: 'card_slip', copy: 'customer', state: 'queued' })).toThrow(/CHECK/); // no intent
    expect(() => db.prepare("UPDATE print_jobs SET bytes_sent = 2 WHERE id = 'j1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
