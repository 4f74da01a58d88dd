// The journal's hash chain against someone who edits the file and recomputes what they can: each entry's hash
// covers the hash of the entry before it, so an edit cannot be hidden by re-linking the next entry; and the check
// at every start (the chain's last stretch) sees a broken link or a missing entry, not only an edited one. Issue 9:
// "the previous hash dropped from the hashed text" and "the link check deleted" must fail a test.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db';
import { assertLedgerSound, createJournal, verifyJournal } from '../../main/ledger';
import { entryHash } from '../../main/ledger/hash';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  // Damaged on purpose: not a ledger to verify on cleanup.
  tmp = tempDir('nuqta-guard-', { verifyLedger: false });
  db = openDatabase(path.join(tmp.dir, 'till.db'));
  const journal = createJournal(db, 'T01');
  db.transaction(() => {
    for (let i = 1; i <= 5; i += 1) journal.append('test.event', { i });
  })();
  // What someone with the sqlite3 shell would have to do first.
  db.exec('DROP TRIGGER journal_no_update');
  db.exec('DROP TRIGGER journal_no_delete');
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

interface Row {
  seq: number;
  at: string;
  till_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}
const row = (seq: number) => db.prepare<[number], Row>('SELECT * FROM journal WHERE seq = ?').get(seq)!;
const rehash = (r: Row, payload: string) =>
  entryHash({ seq: r.seq, at: r.at, tillId: r.till_id, type: r.type, payload, prevHash: r.prev_hash });

/** Rewrites entry `seq` with a new payload and a hash recomputed for it: the entry is self-consistent again. */
const rewrite = (seq: number, payload: string): string => {
  const hash = rehash(row(seq), payload);
  db.prepare('UPDATE journal SET payload = ?, hash = ? WHERE seq = ?').run(payload, hash, seq);
  return hash;
};

const startRefusal = () => {
  try {
    assertLedgerSound(db);
    return null;
  } catch (e) {
    return { code: (e as { code?: string }).code, detail: String((e as Error).message) };
  }
};

describe('an edit hidden by re-linking', () => {
  it('an entry rewritten and the next one re-linked to it is still found: the next entry\'s own hash covers its link', () => {
    const forged = rewrite(3, '{"i":300}');
    db.prepare('UPDATE journal SET prev_hash = ? WHERE seq = 4').run(forged);
    // Entries 1–3 and the link from 4 to 3 are consistent now; only entry 4's hash over its (changed) link is not.
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 4, entries: 3, reason: expect.stringMatching(/does not match its hash/) });
    expect(startRefusal()).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/entry 4 does not match its hash/) });
  });

  it('re-linking every entry to the end still needs each one re-hashed: the head hash then changes', () => {
    const head = row(5).hash;
    let previous = rewrite(3, '{"i":300}');
    for (const seq of [4, 5]) {
      const r = { ...row(seq), prev_hash: previous };
      previous = rehash(r, r.payload);
      db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(r.prev_hash, previous, seq);
    }
    // A fully rewritten chain verifies on its own; what gives it away is that its head is no longer the head
    // that was recorded (signed) before: the same content with another history hashes differently.
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 5 });
    expect(row(5).hash).not.toBe(head);
  });
});

describe('the check at every start', () => {
  it('sees a rewritten entry that was not re-linked: the next entry no longer follows it', () => {
    rewrite(3, '{"i":300}');
    expect(startRefusal()).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/entry 4 does not follow entry 3/) });
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/previous-hash link/) });
  });

  it('sees an entry missing from the middle', () => {
    db.prepare('DELETE FROM journal WHERE seq = 3').run();
    expect(startRefusal()).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/entry 4 does not follow entry 2/) });
  });

  it('sees an entry taken out even when everything after it was re-linked and re-hashed: the numbers jump', () => {
    db.prepare('DELETE FROM journal WHERE seq = 3').run();
    let previous = row(2).hash;
    for (const seq of [4, 5]) {
      const r = { ...row(seq), prev_hash: previous };
      previous = rehash(r, r.payload);
      db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(r.prev_hash, previous, seq);
    }
    expect(startRefusal()).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/entry 4 does not follow entry 2/) });
    expect(verifyJournal(db)).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/expected entry 3, found 4/) });
  });

  it('sees an edited entry whose hash was left as it was', () => {
    db.prepare(`UPDATE journal SET payload = '{"i":200}' WHERE seq = 2`).run();
    expect(startRefusal()).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/entry 2 does not match its hash/) });
  });

  it('passes a whole chain', () => {
    expect(startRefusal()).toBeNull();
  });
});
