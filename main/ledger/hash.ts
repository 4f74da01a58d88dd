// How a journal entry is hashed. Kept apart from the writer so `verify` recomputes with exactly the same
// function, and so the format is documented in one place: fields joined by a newline, which none of them
// can contain except `payload` (last, so it cannot shift the others).
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: string;
  tillId: string;
  type: string;
  payload: string;
  prevHash: string;
}

/**
 * A journal row as stored (migration 0010: STRICT, every column NOT NULL, so SQLite itself keeps these types).
 * `ledger verify` and the start-up tail check read it raw: a damaged entry must be reported where it breaks the
 * chain, not thrown as an unreadable row.
 */
export interface JournalRow {
  seq: number;
  at: string;
  till_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export const JOURNAL_COLUMNS = 'seq, at, till_id, type, payload, prev_hash, hash';

export const hashedFieldsOf = (row: JournalRow): HashedFields => ({
  seq: row.seq,
  at: row.at,
  tillId: row.till_id,
  type: row.type,
  payload: row.payload,
  prevHash: row.prev_hash,
});

export function entryHash(f: HashedFields): string {
  return createHash('sha256')
    .update([f.prevHash, String(f.seq), f.at, f.tillId, f.type, f.payload].join('\n'), 'utf8')
    .digest('hex');
}

/** JSON with sorted keys, so the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
