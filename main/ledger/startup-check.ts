// What the till checks of its ledger file, in two parts, so a year of sales does not keep the counter shut:
//
//  - before it sells (bounded: milliseconds whatever the file's size): SQLite's quick_check of the small
//    tables every sale reads and writes in place (settings, the counters, the PIN guard), the last stretch of the
//    journal's chain re-hashed, and the file's header and schema read;
//  - right after, in a worker thread on its own read-only connection: `PRAGMA quick_check` of the whole file
//    (every page and b-tree). On a year-sized ledger that takes from seconds (in the OS cache) to minutes (cold,
//    after a reboot) — the bench measures both. Damage found then stops the selling (LEDGER_DAMAGED on every
//    write) and is logged; sales taken meanwhile are in the receipt-number log too (docs/ledger.md).
//
// The full check, every entry and every derived row, is `nuqta ledger verify`.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db';
import { TillError } from '../errors';
import { entryHash } from './hash';
import { verifyJournalTail } from './tail';

/** How much of the chain's end is re-hashed at every start. */
export const TAIL_ENTRIES = 256;

/** Tables that stay small however long the till sells: checked whole before the first sale. */
const SMALL_TABLES = ['settings', 'receipt_counters', 'payment_reference_counters', 'pin_guard', 'journal_seals'];

const problemsOf = (rows: unknown): string[] =>
  (rows as Array<Record<string, string>>).map((r) => Object.values(r)[0] ?? '').filter((t) => t !== 'ok');

export function assertLedgerSound(db: Db): void {
  let problems: string[] = [];
  try {
    const present = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    for (const table of SMALL_TABLES.filter((t) => present.has(t))) problems.push(...problemsOf(db.pragma(`quick_check(${table})`)));
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  if (problems.length) throw new TillError('LEDGER_DAMAGED', `quick_check: ${problems.slice(0, 10).join('; ')}`);
  let tail: string | null;
  try {
    tail = verifyJournalTail(db, TAIL_ENTRIES, entryHash);
  } catch (e) {
    tail = e instanceof Error ? e.message : String(e);
  }
  if (tail) throw new TillError('LEDGER_DAMAGED', `journal: ${tail}`);
}

export interface BackgroundCheck {
  /** Stops the check (the till is closing). */
  cancel(): Promise<void>;
}

export interface BackgroundCheckResult {
  /** What SQLite found wrong; null when the file is sound (or the check could not run: see `notRun`). */
  problems: string[] | null;
  /** Why the check could not run at all (no evidence either way). */
  notRun?: string;
  ms: number;
}

/**
 * `PRAGMA quick_check` of the whole file in a worker thread with its own read-only connection, so the till
 * answers scans meanwhile. `done` hears the result once (never after cancel()).
 */
export function checkWholeFileInBackground(file: string, done: (result: BackgroundCheckResult) => void): BackgroundCheck {
  // The worker is given better-sqlite3's own path: the same code then runs from the sources and from the bundles.
  const sqlite = createRequire(__filename).resolve('better-sqlite3');
  const started = performance.now();
  let settled = false;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.sqlite);
     let db;
     try {
       db = new Database(workerData.file, { readonly: true, fileMustExist: true });
       const rows = db.pragma('quick_check(10)');
       parentPort.postMessage({ problems: rows.map((r) => Object.values(r)[0]).filter((t) => t !== 'ok') });
     } catch (e) {
       parentPort.postMessage({ problems: [String(e && e.message || e)] });
     } finally {
       if (db) db.close();
     }`,
    { eval: true, workerData: { file, sqlite } },
  );
  worker.unref();
  const finish = (result: Omit<BackgroundCheckResult, 'ms'>) => {
    if (settled) return;
    settled = true;
    done({ ...result, ms: Math.round(performance.now() - started) });
  };
  worker.on('message', (m: { problems: string[] }) => finish({ problems: m.problems.length ? m.problems : null }));
  worker.on('error', (e) => finish({ problems: null, notRun: e.message }));
  return {
    async cancel() {
      settled = true;
      await worker.terminate();
    },
  };
}
