// Reading a test till's ledger beside it: the journal's shift entries and the shift tables as stored.
import Database from 'better-sqlite3';
import { ledgerFile } from '../../main/app';

export function query<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** The journal's entries of these types, in order, payloads parsed. */
export const entries = (dir: string, ...types: string[]) =>
  query<{ seq: number; type: string; payload: string }>(dir, `SELECT seq, type, payload FROM journal WHERE type IN (${types.map(() => '?').join(', ')}) ORDER BY seq`, ...types).map(
    (r) => ({ seq: r.seq, type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> }),
  );

export const SHIFT_TYPES = ['shift.opened', 'shift.cash_moved', 'shift.counted', 'shift.closed', 'manager.authorised'] as const;
