// The end of the chain: the last `count` entries, each linked to the one before and matching its own hash.
// Cheap enough for every start (a quarter of a millisecond); the whole chain is `ledger verify`'s.
import type { Db } from '../db';
import { hashedFieldsOf, JOURNAL_COLUMNS, type HashedFields, type JournalRow } from './hash';

/** Null when the tail is whole, else what is wrong with it. */
export function verifyJournalTail(db: Db, count: number, hash: (f: HashedFields) => string): string | null {
  const rows = db.prepare<[number], JournalRow>(`SELECT ${JOURNAL_COLUMNS} FROM journal ORDER BY seq DESC LIMIT ?`).all(count).reverse();
  for (const [i, row] of rows.entries()) {
    const before = rows[i - 1];
    if (before && (row.seq !== before.seq + 1 || row.prev_hash !== before.hash)) return `entry ${row.seq} does not follow entry ${before.seq}`;
    const recomputed = hash(hashedFieldsOf(row));
    if (recomputed !== row.hash) return `entry ${row.seq} does not match its hash`;
  }
  return null;
}
