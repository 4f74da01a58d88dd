// Putting a backup back (`nuqta restore FILE`, the till stopped). The backup is verified first, as
// `ledger verify` would; then its receipt numbers are compared with the high-water mark the till keeps OUTSIDE
// the database (receipt-numbers.log): a backup older than the last receipt issued would hand those numbers to
// new sales, so it is refused, naming them, unless the admin accepts going back. Then the decision is journaled in
// the restored ledger (restore.accepted_lower) with the counters raised above the mark (receipts.counter_raised,
// the entry the till writes when it finds numbers missing at start): a receipt number is never issued twice.
// The ledger it replaces is kept beside it as till.db.replaced-<time> (with its -wal, if it had one), never
// deleted. A plain restore leaves the file byte for byte the verified backup, so it is not journaled.
import fs from 'node:fs';
import path from 'node:path';
import { receiptsMissingFrom, type IssuedReceipt } from '../checkout';
import { openDatabase, type Db } from '../db';
import { createJournal, type LedgerReport, type ProjectionFactory } from '../ledger';
import { ledgerFile } from '../paths';
import { openSettings } from '../settings';
import { checkLedgerFile } from './check';
import { removeCopy, syncFolder } from './copy';
import { utcStamp } from './names';

export interface RestoreOptions {
  dataDir: string;
  /** The backup to put back. */
  file: string;
  /** The admin accepts a backup below the receipt-number high-water mark (journaled; numbering goes on above it). */
  acceptLowerReceipts: boolean;
  projections: readonly ProjectionFactory[];
  /** Who decided, for the journal ('cli'). */
  by: string;
  now?: () => Date;
}

export type RestoreOutcome =
  | {
      ok: true;
      /** The backup's own check. */
      report: Extract<LedgerReport, { ok: true }>;
      /** Where the ledger it replaced now is (null: there was none). */
      replaced: string | null;
      /** Receipts issued after the backup was taken, whose numbers the restored ledger skips (accepted). */
      skipped: IssuedReceipt[];
    }
  | { ok: false; code: 'RESTORE_NOT_VERIFIED'; report: Extract<LedgerReport, { ok: false }> }
  | { ok: false; code: 'RESTORE_BELOW_RECEIPTS'; wouldReissue: IssuedReceipt[] };

const LEDGER_SIDE_FILES = ['-wal', '-shm', '-journal'];

export async function restoreLedger(options: RestoreOptions): Promise<RestoreOutcome> {
  const now = options.now ?? (() => new Date());
  const report = checkLedgerFile(options.file, options.projections);
  if (!report.ok) return { ok: false, code: 'RESTORE_NOT_VERIFIED', report };

  const ledger = ledgerFile(options.dataDir);
  const backupCounters = readCounters(options.file) ?? new Map<string, number>();
  const tills = new Set([...backupCounters.keys(), ...(readCounters(ledger)?.keys() ?? []), ...backupTillId(options.file)]);
  const missing = [...tills].flatMap((tillId) => receiptsMissingFrom(options.dataDir, tillId, backupCounters.get(tillId) ?? 0));
  if (missing.length > 0 && !options.acceptLowerReceipts) return { ok: false, code: 'RESTORE_BELOW_RECEIPTS', wouldReissue: missing };

  const stamp = utcStamp(now());
  const staged = `${ledger}.restoring-${stamp}`;
  removeCopy(staged);
  try {
    await stage(options.file, staged);
    if (missing.length > 0) {
      journalAcceptedLower(staged, options, missing, backupCounters, report.headHash);
      // What goes in place is checked as it will be read, the entries just added included.
      const again = checkLedgerFile(staged, options.projections);
      if (!again.ok) throw new Error(`the restored ledger does not verify after journaling the decision: ${again.stage}: ${again.reason}`);
    }
    fs.chmodSync(staged, 0o600);
  } catch (e) {
    removeCopy(staged);
    throw e;
  }
  const replaced = setAside(ledger, stamp);
  fs.renameSync(staged, ledger);
  syncFolder(options.dataDir);
  return { ok: true, report, replaced, skipped: missing };
}

/** The backup copied page by page (its own -wal, if an old copy has one, included) into the data folder. */
async function stage(file: string, staged: string): Promise<void> {
  const source = openDatabase(file, { readonly: true });
  try {
    await source.backup(staged);
  } finally {
    source.close();
  }
}

function journalAcceptedLower(staged: string, options: RestoreOptions, missing: IssuedReceipt[], counters: Map<string, number>, backupHead: string): void {
  const db = openDatabase(staged);
  try {
    const journal = createJournal(db, openSettings(db).get().tillId);
    const byTill = new Map<string, IssuedReceipt[]>();
    for (const r of missing) byTill.set(r.tillId, [...(byTill.get(r.tillId) ?? []), r]);
    const setCounter = db.prepare(
      `INSERT INTO receipt_counters (till_id, last_number) VALUES (?, ?)
       ON CONFLICT(till_id) DO UPDATE SET last_number = excluded.last_number`,
    );
    db.transaction(() => {
      journal.append('restore.accepted_lower', {
        by: options.by,
        file: path.resolve(options.file),
        backupHeadHash: backupHead,
        receipts: missing.map((r) => r.receiptNo),
        reason: 'restored a backup older than receipts already issued; numbering goes on above them',
      });
      for (const [tillId, receipts] of byTill) {
        const from = counters.get(tillId) ?? 0;
        const to = receipts[receipts.length - 1]!.number;
        // The same entry (and the same counter) the till writes when it finds numbers missing at start.
        journal.append('receipts.counter_raised', { tillId, from, to, missing: receipts, reason: 'a restore accepted below receipts already issued' });
        setCounter.run(tillId, to);
      }
    }).immediate();
  } finally {
    db.close();
  }
}

/** The current ledger, renamed with its side files so it still opens as it was; null when there is none. */
function setAside(ledger: string, stamp: string): string | null {
  const replaced = `${ledger}.replaced-${stamp}`;
  const present = fs.existsSync(ledger);
  // Side files first: a till.db must never be left beside another file's -wal.
  for (const suffix of LEDGER_SIDE_FILES) {
    if (fs.existsSync(`${ledger}${suffix}`)) fs.renameSync(`${ledger}${suffix}`, `${replaced}${suffix}`);
  }
  if (!present) return null;
  fs.renameSync(ledger, replaced);
  return replaced;
}

/** Last receipt number per till in a ledger file; null when it cannot be read (a damaged ledger being replaced). */
function readCounters(file: string): Map<string, number> | null {
  if (!fs.existsSync(file)) return null;
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const rows = db.prepare<[], { till_id: string; last_number: number }>('SELECT till_id, last_number FROM receipt_counters').all();
    return new Map(rows.map((r) => [r.till_id, r.last_number]));
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The backup's own till id: a till that had sold nothing when it was taken has no counter yet. */
function backupTillId(file: string): string[] {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const raw = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'till'").get();
    const id = raw ? (JSON.parse(raw.value) as { tillId?: unknown }).tillId : undefined;
    return typeof id === 'string' ? [id] : [];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
