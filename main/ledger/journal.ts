// Appending to the journal. An append is only legal inside a write transaction that also updates the
// tables derived from it, so the journal and the tables can never disagree after a crash.
import type { Db } from '../db';
import { canonicalJson, entryHash, GENESIS_HASH } from './hash';
import { FORMAT_ENTRY } from './replay';
import { SIGNING_KEY_ENTRY, type Sealer, type SigningKey } from './seals';

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

export interface JournalOptions {
  now?: () => Date;
  /** Signs the chain as it grows (./seals.ts); a journal without one (a test rig, the CLI) leaves it to the till. */
  sealer?: Sealer;
  /**
   * Who is signed in at the till for the call that writes the entry (issue 14: every line change, tender, refund,
   * drawer opening and settlement records the user). Recorded in the entry's payload as `actor` — hashed with it,
   * so nobody rewrites who did what — unless the payload names one itself. Null: nobody (the CLI, a background job
   * outside any call, a till with no users).
   */
  actor?: () => string | null;
}

export function createJournal(db: Db, tillId: string, options: JournalOptions = {}): Journal {
  const now = options.now ?? (() => new Date());
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
        payload: canonicalJson(withActor(payload, options.actor?.() ?? null)),
        prevHash: previous.hash,
      };
      const entry = { ...fields, hash: entryHash(fields) };
      insert.run(entry);
      options.sealer?.afterAppend(entry);
      return entry;
    },
  };
}

const withActor = (payload: Record<string, unknown>, actor: string | null): Record<string, unknown> =>
  actor === null || Object.hasOwn(payload, 'actor') ? payload : { ...payload, actor };

/**
 * The journal's format marker: every entry after it records all its derived rows need (what `ledger verify`
 * replays). A journal that already has entries without one was written by an older till: those entries are
 * named legacy (their chain is checked, their rows are not replayed). Appended once, at the till's start.
 */
export function ensureJournalFormat(db: Db, journal: Journal): void {
  const has = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM journal WHERE type = ?').get(FORMAT_ENTRY)!.n > 0;
  if (has) return;
  db.transaction(() => journal.append(FORMAT_ENTRY, { format: 2, legacyUpTo: journal.head().seq })).immediate();
}

/** Records the till's public signing key in the journal the first time it is used. */
export function registerSigningKey(db: Db, journal: Journal, key: SigningKey): void {
  const known = db
    .prepare<[string, string], { n: number }>("SELECT COUNT(*) AS n FROM journal WHERE type = ? AND json_extract(payload, '$.keyId') = ?")
    .get(SIGNING_KEY_ENTRY, key.keyId)!.n > 0;
  if (known) return;
  db.transaction(() => journal.append(SIGNING_KEY_ENTRY, { keyId: key.keyId, publicKey: key.publicKey, algorithm: 'ed25519' })).immediate();
}
