import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

describe('migration 0040 payments', () => {
  it('adds payment intents with their states, one tender per intent, and gives an older till no terminal and the demo PIN', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 30 });
    // A till's settings as they were before card payments (no terminal, no manager PIN).
    db.prepare("INSERT INTO settings (key, value) VALUES ('till', ?)").run(JSON.stringify({ tillId: 'T01', shopNameAr: 'س', shopNameEn: 'S' }));
    db.prepare("INSERT INTO journal VALUES (1, 'now', 'T01', 'sale.opened', '{}', 'p', 'h')").run();
    db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'open', 'now', 1)").run();
    runMigrations(db, migrations, { upTo: 40 });
    expect(schemaVersion(db)).toBe(40);
    expect(tables(db)).toEqual(expect.arrayContaining(['payment_intents', 'payment_reference_counters']));

    const settings = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'till'").pluck().get() as string) as Record<string, unknown>;
    expect(settings).toMatchObject({ tillId: 'T01', terminal: null, managerPin: { salt: 'nuqta-demo-manager' } });

    const intent = (id: string, reference: string, state: string) =>
      db
        .prepare(
          `INSERT INTO payment_intents (id, reference, till_id, kind, connector, sale_id, amount_halalas, state, created_at, created_seq, updated_seq)
           VALUES (?, ?, 'T01', 'purchase', 'mada-ecr', 's1', 100, ?, 'now', 1, 1)`,
        )
        .run(id, reference, state);
    intent('i1', '00000000000001', 'sending');
    expect(() => intent('i2', '00000000000001', 'sending')).toThrow(/UNIQUE/); // a reference is never reused
    expect(() => intent('i3', '00000000000003', 'paid')).toThrow(/CHECK/); // only the known states
    db.prepare("INSERT INTO tenders (id, sale_id, kind, amount_halalas, tendered_halalas, change_halalas, seq, intent_id) VALUES ('t1', 's1', 'card', 100, 100, 0, 1, 'i1')").run();
    expect(() =>
      db.prepare("INSERT INTO tenders (id, sale_id, kind, amount_halalas, tendered_halalas, change_halalas, seq, intent_id) VALUES ('t2', 's1', 'card', 100, 100, 0, 1, 'i1')").run(),
    ).toThrow(/UNIQUE/); // one tender per intent
    db.close();
  });
});
