// Walks the whole chain and reports the first broken link. Also checks that every derived row points at a
// journal entry that exists, which catches a journal truncated at its tail (the chain alone cannot).
import type { Db } from '../db';
import { entryHash, GENESIS_HASH } from './hash';

export type VerifyResult =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

interface Row {
  seq: number;
  at: string;
  till_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

const DERIVED_REFERENCES = [
  ['sales', 'opened_seq'],
  ['sales', 'closed_seq'],
  ['sale_lines', 'added_seq'],
  ['sale_lines', 'removed_seq'],
  ['tenders', 'seq'],
  ['receipts', 'seq'],
  ['tenders', 'reversed_seq'],
  ['payment_intents', 'created_seq'],
  ['payment_intents', 'updated_seq'],
  ['print_jobs', 'created_seq'],
  ['print_jobs', 'updated_seq'],
] as const;

export function verifyJournal(db: Db): VerifyResult {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const rows = db.prepare<[], Row>('SELECT * FROM journal ORDER BY seq').iterate();
  for (const row of rows) {
    const fail = (reason: string): VerifyResult => ({ ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason });
    if (row.seq !== expectedSeq) return fail(`expected entry ${expectedSeq}, found ${row.seq} (an entry is missing)`);
    if (row.prev_hash !== prevHash) return fail('previous-hash link does not match the entry before it');
    const recomputed = entryHash({
      seq: row.seq,
      at: row.at,
      tillId: row.till_id,
      type: row.type,
      payload: row.payload,
      prevHash: row.prev_hash,
    });
    if (recomputed !== row.hash) return fail('entry content does not match its hash (edited)');
    prevHash = row.hash;
    expectedSeq += 1;
  }
  const entries = expectedSeq - 1;
  for (const [table, column] of DERIVED_REFERENCES) {
    // A ledger from an older version may not have every table yet (verify never migrates).
    const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table);
    if (!columns.some((c) => c.name === column)) continue;
    const dangling = db
      .prepare<[number], { seq: number }>(`SELECT ${column} AS seq FROM ${table} WHERE ${column} > ? LIMIT 1`)
      .get(entries);
    if (dangling) {
      return {
        ok: false,
        entries,
        brokenAt: dangling.seq,
        reason: `${table}.${column} refers to journal entry ${dangling.seq}, which is missing (journal truncated)`,
      };
    }
  }
  return { ok: true, entries, headHash: prevHash };
}
