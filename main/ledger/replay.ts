// Replaying the journal against the tables derived from it. Each domain that writes derived rows (checkout,
// payments, printing) describes its rows as a Projection next to the code that writes them; `verifyLedger`
// feeds every entry, in order, to every projection, and each one says where the tables disagree with what its
// entries made. An edit of a derived row (a receipt body, a sale's total) is found even though the journal's
// own chain is intact.
import type { Db } from '../db';

/** A journal entry as a projection sees it: the payload parsed. */
export interface ReplayEntry {
  seq: number;
  at: string;
  tillId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** The first difference found between a table and the journal. */
export interface Mismatch {
  table: string;
  /** The row's key (an id, a receipt number). */
  key: string;
  /** What differs, for a person: "column total_halalas is 1, the journal says 10650", "no row", "a row no entry made". */
  what: string;
  /** The entry the row should follow from, where there is one. */
  seq?: number;
}

export interface Projection {
  /** For reports: "sales", "card payments", "print jobs". */
  readonly name: string;
  /**
   * An entry written before the journal's format marker (an older version of the till): only remember which
   * rows it made, to leave them out. Their content is not replayed; their chain is still checked.
   */
  legacy(entry: ReplayEntry): void;
  /** Every later entry, in order. May compare rows that are final now and report the first difference. */
  apply(entry: ReplayEntry): Mismatch | undefined;
  /** After the last entry: compares what is still held, and that no table has a row no entry made. */
  finish(): Mismatch | undefined;
  /** What a person should know that does not make the ledger wrong (a journaled gap in receipt numbers). */
  warnings?(): string[];
}

export type ProjectionFactory = (db: Db) => Projection;

/** The entry that marks where this journal format starts (see ensureJournalFormat). */
export const FORMAT_ENTRY = 'ledger.format';

/**
 * Compares the columns of a table row with what the journal says they are. `expected` lists the columns to
 * check (others, like a sale's view revision, are not money and not replayed).
 */
export function compareRow(table: string, key: string, expected: Record<string, unknown>, actual: Record<string, unknown> | undefined, seq?: number): Mismatch | undefined {
  const at = seq === undefined ? {} : { seq };
  if (!actual) return { table, key, what: 'the row is missing', ...at };
  for (const [column, value] of Object.entries(expected)) {
    const found = actual[column] ?? null;
    if (found !== value) {
      return { table, key, what: `${column} is ${JSON.stringify(found)}, the journal says ${JSON.stringify(value)}`, ...at };
    }
  }
  return undefined;
}

/** "a row no entry made": more rows in a table than the journal accounts for. */
export function countRows(db: Db, table: string, expected: number, where = '1 = 1', params: unknown[] = []): Mismatch | undefined {
  const { n } = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params)!;
  if (n === expected) return undefined;
  return n > expected
    ? { table, key: '*', what: `${n - expected} row(s) that no journal entry made` }
    : { table, key: '*', what: `${expected - n} row(s) the journal made are missing` };
}

/** Reads a string field of a payload; a missing or mistyped one is reported by the caller as a mismatch. */
export const field = {
  str: (p: Record<string, unknown>, k: string): string => (typeof p[k] === 'string' ? (p[k] as string) : ''),
  num: (p: Record<string, unknown>, k: string): number => (typeof p[k] === 'number' ? (p[k] as number) : Number.NaN),
  strOrNull: (p: Record<string, unknown>, k: string): string | null => (typeof p[k] === 'string' ? (p[k] as string) : null),
};
