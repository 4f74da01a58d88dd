// ECR reference numbers: 14 digits, unique per till forever. The counter lives in the ledger and moves in
// the same transaction as the intent that uses it. Its first value is random, so a reinstalled till (fresh
// ledger) does not start again at 1 and collide with references the terminal still remembers.
import { randomInt } from 'node:crypto';
import type { Db } from '../db';

const WIDTH = 14;

export function nextReference(db: Db, tillId: string): string {
  if (!db.inTransaction) throw new Error('payment references are taken inside the intent transaction');
  const row = db.prepare<[string], { last: number }>('SELECT last FROM payment_reference_counters WHERE till_id = ?').get(tillId);
  const next = row ? row.last + 1 : randomInt(1, 2 ** 40);
  db.prepare(
    `INSERT INTO payment_reference_counters (till_id, last) VALUES (?, ?)
     ON CONFLICT(till_id) DO UPDATE SET last = excluded.last`,
  ).run(tillId, next);
  return String(next).padStart(WIDTH, '0');
}
