// The end of the chain: the last `count` entries, each linked to the one before and matching its own hash.
// Cheap enough for every start (a quarter of a millisecond); the whole chain is `ledger verify`'s.
import type { Db } from '../db';
import type { HashedFields } from './hash';

interface Row {
  seq: number;
  at: string;
  till_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** Null when the tail is whole, else what is wrong with it. */
export function verifyJournalTail(db: Db, count: number, hash: (f: HashedFields) => string): string | null {
  const rows = db.prepare<[number], Row>('SELECT * FROM journal ORDER BY seq DESC LIMIT ?').all(count).reverse();
  for (const [i, row] of rows.entries()) {
    const before = rows[i - 1];
    if (before && (row.seq !== before.seq + 1 || row.prev_hash !== before.hash)) return `entry ${row.seq} does not follow entry ${before.seq}`;
    const recomputed = hash({ seq: row.seq, at: row.at, tillId: row.till_id, type: row.type, payload: row.payload, prevHash: row.prev_hash });
    if (recomputed !== row.hash) return `entry ${row.seq} does not match its hash`;
  }
  return null;
}
