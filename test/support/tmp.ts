import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';

export interface TempDirOptions {
  /**
   * Check the till.db left in the folder before removing it (default true): the whole `ledger verify` —
   * chain, seals, and every derived row replayed from the journal. Every test that runs a till so also tests
   * that what it wrote replays exactly. Tests that damage a ledger on purpose turn it off.
   */
  verifyLedger?: boolean;
}

/** A fresh folder under the OS temp dir; removed by the returned cleanup. */
export function tempDir(prefix = 'nuqta-test-', options: TempDirOptions = {}): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      try {
        if (options.verifyLedger !== false) assertLedgerVerifies(path.join(dir, 'till.db'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Throws with the first problem `nuqta ledger verify` would report for `file` (nothing when there is no file). */
export function assertLedgerVerifies(file: string): void {
  if (!fs.existsSync(file)) return;
  const db = openDatabase(file, { readonly: true });
  try {
    const hasJournal = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'journal'").pluck().get() as number;
    if (!hasJournal) return;
    const report = verifyLedger(db, { projections: LEDGER_PROJECTIONS });
    if (!report.ok) throw new Error(`the ledger left by this test does not verify (${report.stage}${report.brokenAt ? ` at ${report.brokenAt}` : ''}): ${report.reason}`);
  } finally {
    db.close();
  }
}
