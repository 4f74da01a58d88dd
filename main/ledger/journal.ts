// Appending to the journal. An append is only legal inside a write transaction that also updates the
// tables derived from it, so the journal and the tables can never disagree after a crash.
import type { Db } from '../db';
import { canonicalJson, entryHash, GENESIS_HASH } from './hash';

export interface JournalEntry {
  seq: number;
  at: string;
  tillId: string;
  type: string;
  payload: string;
  prevHash: string;
  hash: string;
}

export interface Journal {
  /** Appends one entry; must run inside `db.transaction`. Returns the entry with its sequence number. */
  append(type: string, payload: Record<string, unknown>): JournalEntry;
  head(): { seq: number; hash: string };
}

export function createJournal(db: Db, tillId: string, now: () => Date = () => new Date()): Journal {
  const headStmt = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO journal (seq, at, till_id, type, payload, prev_hash, hash)
     VALUES (@seq, @at, @tillId, @type, @payload, @prevHash, @hash)`,
  );
  const head = () => headStmt.get() ?? { seq: 0, hash: GENESIS_HASH };

  return {
    head,
    append(type, payload) {
      if (!db.inTransaction) throw new Error(`journal append of ${type} outside a transaction`);
      // Read the head inside the transaction: the write lock makes it the real head.
      const previous = head();
      const fields = {
        seq: previous.seq + 1,
        at: now().toISOString(),
        tillId,
        type,
        payload: canonicalJson(payload),
        prevHash: previous.hash,
      };
      const entry = { ...fields, hash: entryHash(fields) };
      insert.run(entry);
      return entry;
    },
  };
}
