// What the till checks of its ledger file before it sells: SQLite's quick_check (every page and b-tree of the
// file, without cross-checking index contents: seconds on a year of sales, see the bench), the last stretch of
// the journal's chain, and the last seal. The full check, every entry and every derived row, is
// `nuqta ledger verify`. A damaged file is refused with LEDGER_DAMAGED: the till will not add sales to it.
import type { Db } from '../db';
import { TillError } from '../errors';
import { entryHash } from './hash';
import { verifyJournalTail } from './tail';

/** How much of the chain's end is re-hashed at every start. */
export const TAIL_ENTRIES = 256;

export function assertLedgerSound(db: Db): void {
  let problems: string[];
  try {
    const rows = db.pragma('quick_check(10)') as Array<Record<string, string>>;
    problems = rows.map((r) => Object.values(r)[0] ?? '').filter((t) => t !== 'ok');
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  if (problems.length) throw new TillError('LEDGER_DAMAGED', `quick_check: ${problems.join('; ')}`);
  const tail = verifyJournalTail(db, TAIL_ENTRIES, entryHash);
  if (tail) throw new TillError('LEDGER_DAMAGED', `journal: ${tail}`);
}
