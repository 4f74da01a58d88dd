// A write transaction committed without a sync of its own, for entries that only describe what followed a
// durable commit (the cash drawer's outcome after a sale). In WAL mode SQLite then appends the transaction to the
// -wal file without fsync; the next ordinary (synchronous=FULL) commit's fsync, or a checkpoint, makes it durable
// with it. A power cut before that loses this one entry whole — never half of it, never the chain (the WAL's
// checksums drop a torn tail as a unit) — and never anything committed before it. Never for money.
import type { Db } from './open';

export function writeRelaxed<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn(); // inside a caller's transaction: its commit decides
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
