import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db';
import { createJournal, GENESIS_HASH, verifyJournal } from '../../main/ledger';
import { entryHash } from '../../main/ledger/hash';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  // Ledgers made by hand, damaged on purpose or only half migrated: not a till's ledger to verify.
  tmp = tempDir('nuqta-test-', { verifyLedger: false });
  db = openDatabase(path.join(tmp.dir, 'till.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const appendMany = (n: number) => {
  const journal = createJournal(db, 'T01');
  db.transaction(() => {
    for (let i = 1; i <= n; i += 1) journal.append('test.event', { i, text: `عنصر ${i}` });
  })();
  return journal;
};

describe('journal', () => {
  it('chains entries from the genesis hash with gapless sequence numbers', () => {
    const journal = appendMany(3);
    const rows = db.prepare<[], { seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM journal ORDER BY seq').all();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(journal.head()).toEqual({ seq: 3, hash: rows[2]!.hash });
  });

  it('refuses to append outside a transaction', () => {
    const journal = createJournal(db, 'T01');
    expect(() => journal.append('x', {})).toThrow(/outside a transaction/);
  });

  it('stores payloads canonically so equal payloads hash equally', () => {
    const journal = createJournal(db, 'T01');
    db.transaction(() => journal.append('x', { b: 1, a: { d: 2, c: 3 } }))();
    expect(db.prepare('SELECT payload FROM journal').pluck().get()).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('verifies an intact chain', () => {
    appendMany(50);
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 50 });
  });

  it('detects a hand edit of any row and names the first broken entry', () => {
    appendMany(10);
    // What someone with the sqlite3 shell would have to do first.
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET payload = '{"i":7,"text":"changed"}' WHERE seq = 7`).run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 7, entries: 6 });
  });

  it('detects an edited entry whose own hash was recomputed: the link from the next entry breaks', () => {
    appendMany(5);
    db.exec('DROP TRIGGER journal_no_update');
    const row = db.prepare<[], { seq: number; at: string; till_id: string; type: string; prev_hash: string }>('SELECT * FROM journal WHERE seq = 3').get()!;
    const payload = '{"i":3,"text":"changed"}';
    const hash = entryHash({ seq: 3, at: row.at, tillId: row.till_id, type: row.type, payload, prevHash: row.prev_hash });
    db.prepare('UPDATE journal SET payload = ?, hash = ? WHERE seq = 3').run(payload, hash);
    // Entry 3 is self-consistent now; only entry 4's link to it can tell.
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/previous-hash link/) });
  });

  it('hashes entries exactly as the documented format says (docs/ledger.md)', () => {
    // prev_hash ⏎ seq ⏎ at ⏎ till_id ⏎ type ⏎ payload, SHA-256 hex: a change to the format fails here.
    const fields = { seq: 7, at: '2026-12-04T10:00:00.000Z', tillId: 'T01', type: 'sale.opened', payload: '{"saleId":"s"}', prevHash: 'ab'.repeat(32) };
    const expected = createHash('sha256').update(`${'ab'.repeat(32)}\n7\n2026-12-04T10:00:00.000Z\nT01\nsale.opened\n{"saleId":"s"}`).digest('hex');
    expect(entryHash(fields)).toBe(expected);
    expect(entryHash({ ...fields, prevHash: 'cd'.repeat(32) })).not.toBe(expected);
  });

  it('detects a deleted entry in the middle', () => {
    appendMany(5);
    db.exec('DROP TRIGGER journal_no_delete');
    db.prepare('DELETE FROM journal WHERE seq = 2').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a truncated tail through the derived tables that refer to it', () => {
    const journal = createJournal(db, 'T01');
    db.transaction(() => {
      journal.append('x', {});
      const e = journal.append('sale.opened', { saleId: 's1' });
      db.prepare("INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('s1', 'T01', 'open', 'now', ?)").run(e.seq);
    })();
    db.exec('DROP TRIGGER journal_no_delete');
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM journal WHERE seq = 2').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
