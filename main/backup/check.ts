// A ledger file checked as `nuqta ledger verify` checks it, on the calling thread: what `nuqta restore`, the
// support bundle and the backup verification worker run (a backup's copy is checked in that worker, off the
// till's event loop: ./verify-client.ts).
import { openDatabase, type Db } from '../db';
import { isTillError } from '../errors';
import { verifyLedger, type LedgerReport, type ProjectionFactory } from '../ledger';

/**
 * Read-only. A file SQLite cannot open at all is a failed integrity stage, not a throw; a till error (a newer
 * schema) is thrown for the caller to show as such.
 */
export function checkLedgerFile(file: string, projections: readonly ProjectionFactory[]): LedgerReport {
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (e) {
    if (isTillError(e)) throw e;
    return { ok: false, stage: 'integrity', entries: 0, brokenAt: null, reason: `SQLite cannot open the file: ${(e as Error).message}` };
  }
  try {
    return verifyLedger(db, { projections });
  } finally {
    db.close();
  }
}
