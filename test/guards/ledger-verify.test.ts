// What `ledger verify` checks besides the links (./ledger-chain.test.ts), at the edges mutation testing found
// unguarded: the hashed text's exact format (a ledger written by any till version must verify on any other), a
// file whose integrity check lists problems rather than failing outright, a ledger from before the tables a
// check reads existed, and entries older than replay that must not be replayed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase, type Db } from '../../main/db';
import { createJournal, ensureJournalFormat, integrityProblems, verifyJournal, verifyLedger } from '../../main/ledger';
import { entryHash, GENESIS_HASH } from '../../main/ledger/hash';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A migrated ledger file with `n` plain entries. */
function ledger(n = 3): Db {
  const tmp = tempDir('nuqta-guard-', { verifyLedger: false });
  const db = openDatabase(path.join(tmp.dir, 'till.db'));
  cleanups.push(() => tmp.cleanup(), () => db.close());
  const journal = createJournal(db, 'T01');
  db.transaction(() => {
    for (let i = 1; i <= n; i += 1) journal.append('test.event', { i });
  })();
  return db;
}

describe('the hashed text', () => {
  it('is the previous hash, sequence, time, till, type and payload, one per line, as SHA-256 hex', () => {
    const f = { seq: 7, at: '2026-01-02T03:04:05.000Z', tillId: 'T01', type: 'sale.opened', payload: '{"saleId":"s"}', prevHash: 'ab'.repeat(32) };
    const text = `${'ab'.repeat(32)}\n7\n2026-01-02T03:04:05.000Z\nT01\nsale.opened\n{"saleId":"s"}`;
    expect(entryHash(f)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    // The separator keeps fields apart: text moved from one field into the next is another entry.
    expect(entryHash({ ...f, type: 'sale.opened{', payload: '"saleId":"s"}' })).not.toBe(entryHash(f));
  });

  it('the first entry links to 64 zeros, as every ledger ever written does', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const db = ledger(1);
    expect(db.prepare<[], { prev_hash: string }>('SELECT prev_hash FROM journal WHERE seq = 1').get()!.prev_hash).toBe('0'.repeat(64));
    expect(verifyLedger(db)).toMatchObject({ ok: true, entries: 1, legacyEntries: 0 });
    // Not wrong, but said: a journal no till key has sealed.
    expect(verifyLedger(db)).toMatchObject({ warnings: ['the journal is not sealed: it names no signing key'] });
  });
});

describe('SQLite integrity', () => {
  it('a file whose integrity check lists problems is refused, with every problem named', () => {
    const tmp = tempDir('nuqta-guard-', { verifyLedger: false });
    cleanups.push(() => tmp.cleanup());
    const file = path.join(tmp.dir, 'till.db');
    const db = openDatabase(file);
    const journal = createJournal(db, 'T01');
    db.transaction(() => journal.append('test.event', { i: 1 }))();
    db.exec('CREATE TABLE scratch (x INTEGER, y INTEGER); CREATE INDEX scratch_x ON scratch (x); INSERT INTO scratch VALUES (1, 10), (2, 20);');
    expect(integrityProblems(db)).toBeNull();
    db.close();
    // An index that no longer agrees with its table: SQLite can still read the file and says what is wrong.
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX scratch_x ON scratch (y)' WHERE name = 'scratch_x'").run();
    raw.close();

    const damaged = new Database(file, { readonly: true });
    cleanups.push(() => damaged.close());
    expect(integrityProblems(damaged)).toEqual(['row 1 missing from index scratch_x', 'row 2 missing from index scratch_x']);
    expect(verifyLedger(damaged)).toEqual({
      ok: false,
      stage: 'integrity',
      entries: 0,
      brokenAt: null,
      reason: 'SQLite integrity check: row 1 missing from index scratch_x; row 2 missing from index scratch_x',
    });
  });
});

describe('a ledger from an older version', () => {
  it('without some derived tables or columns yet: the chain is verified, the missing ones are not read', () => {
    const tmp = tempDir('nuqta-guard-', { verifyLedger: false });
    cleanups.push(() => tmp.cleanup());
    const db = new Database(path.join(tmp.dir, 'old.db'));
    cleanups.push(() => db.close());
    db.exec(`CREATE TABLE journal (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, till_id TEXT NOT NULL, type TEXT NOT NULL,
               payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
             CREATE TABLE sales (id TEXT PRIMARY KEY, opened_seq INTEGER NOT NULL);`);
    const journal = createJournal(db, 'T01');
    db.transaction(() => {
      journal.append('sale.opened', { saleId: 's1' });
      db.prepare('INSERT INTO sales (id, opened_seq) VALUES (?, ?)').run('s1', 1);
    })();
    // sales.closed_seq and every other derived table came later.
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 1 });
    // The reference that exists is still checked.
    db.prepare('UPDATE sales SET opened_seq = 2').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'sales.opened_seq refers to journal entry 2, which is missing (journal truncated)' });
  });

  it('entries written before replay existed have their chain checked, not their rows replayed', () => {
    const db = ledger(0);
    const journal = createJournal(db, 'T01');
    // An old till's sale: its rows are not what today's replay would make (here: none at all).
    db.transaction(() => {
      journal.append('sale.opened', { saleId: 'legacy-1' });
      journal.append('sale.opened', { saleId: 'legacy-2' });
    })();
    ensureJournalFormat(db, journal);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS })).toMatchObject({ ok: true, entries: 3, legacyEntries: 2 });
  });
});
