// The till's backups: `backupNow` writes a verified copy into the configured folder, keeps the newest `keep`
// of this till's copies, records the last verified one for the health page and journals what happened
// (`backup.made` / `backup.failed`, with the reason). The daily schedule and the copy at closing run through it.
// One backup at a time; the copy is made in small steps on the till's own connection (SQLite carries the
// till's writes into a backup made on the same connection, so it never restarts while sales go on) and verified
// in a worker thread, so the counter keeps selling through both.
import path from 'node:path';
import type { Db } from '../db';
import { errorDataOf } from '../errors';
import type { Journal, ProjectionFactory } from '../ledger';
import type { BackupSettings } from '../settings';
import { writeVerifiedCopy } from './copy';
import { BackupError, isBackupError } from './errors';
import { readLastBackup, writeLastBackup, type LastBackup } from './last-backup';
import { backupFileName, type BackupReason } from './names';
import { pruneBackups } from './retention';
import { startDailySchedule, type DailySchedule } from './schedule';
import type { VerifyOptions } from './verify-client';

export interface BackupLog {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export interface BackupDeps {
  db: Db;
  journal: Journal;
  dataDir: string;
  settings: () => { tillId: string; backups: BackupSettings; timeZone: string };
  projections: readonly ProjectionFactory[];
  log: BackupLog;
  now?: () => Date;
  /** How long after start a missed daily backup is made (default 60 s: the till's own start goes first). */
  catchUpDelayMs?: number;
  pagesPerStep?: number;
  /** Where each copy is verified (default: a worker thread from the bundles; see ./verify-client.ts). */
  verify?: VerifyOptions;
}

export interface Backups {
  /** A verified copy now; waits for one already being written. Throws a BackupError the admin can read. */
  backupNow(reason: BackupReason): Promise<LastBackup>;
  /** What the health page shows: the last verified copy, or null. */
  lastVerifiedBackup(): LastBackup | null;
  /** Arms the daily backup (and catches up a missed one). */
  start(): void;
  /** Stops the schedule, lets a backup in progress finish, then makes the closing copy if the settings ask. */
  close(): Promise<void>;
}

/** A closing copy is skipped when a verified copy is younger than this. */
export const CLOSING_COPY_GAP_MS = 60 * 60_000;

export function createBackups(deps: BackupDeps): Backups {
  const now = deps.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let writing = 0;
  let schedule: DailySchedule | null = null;
  let closing = false;

  const make = async (reason: BackupReason): Promise<LastBackup> => {
    const { tillId, backups } = deps.settings();
    try {
      if (!backups.folder) throw new BackupError('BACKUP_NOT_CONFIGURED');
      const folder = path.resolve(backups.folder);
      const at = now();
      const name = backupFileName(tillId, at, reason);
      const copy = await writeVerifiedCopy(deps.db, path.join(folder, name), {
        projections: deps.projections,
        log: deps.log,
        ...(deps.pagesPerStep ? { pagesPerStep: deps.pagesPerStep } : {}),
        ...(deps.verify ? { verify: deps.verify } : {}),
      });
      const last: LastBackup = { at: at.toISOString(), file: copy.file, reason, bytes: copy.bytes, entries: copy.entries, headHash: copy.headHash };
      writeLastBackup(deps.dataDir, last);
      const pruned = pruneBackups(folder, tillId, backups.keep, new Set([name]));
      for (const f of pruned.failed) deps.log.warn(`backup: could not remove the old copy ${f.name}`, f.error);
      journal('backup.made', { reason, folder, file: name, bytes: copy.bytes, entries: copy.entries, headHash: copy.headHash, removed: pruned.removed });
      deps.log.info(`backup (${reason}) verified: ${copy.file}, ${copy.bytes} bytes, ${copy.entries} entries${pruned.removed.length ? `; removed ${pruned.removed.join(', ')}` : ''}`);
      return last;
    } catch (e) {
      const data = errorDataOf(e);
      const detail = isBackupError(e) ? e.detail : e instanceof Error ? e.message : String(e);
      const code = isBackupError(e) ? e.code : data.code;
      journal('backup.failed', { reason, code, detail, folder: backups.folder });
      deps.log.error(`backup (${reason}) FAILED: ${code}: ${detail}`, isBackupError(e) ? undefined : e);
      throw e;
    }
  };

  /** A journal entry is its own small transaction; one that cannot be written (a full disk) is only logged. */
  const journal = (type: string, payload: Record<string, unknown>) => {
    try {
      deps.db.transaction(() => deps.journal.append(type, payload)).immediate();
    } catch (e) {
      deps.log.error(`backup: could not journal ${type}`, e);
    }
  };

  const backupNow = (reason: BackupReason): Promise<LastBackup> => {
    writing += 1;
    const run = queue.then(() => make(reason));
    queue = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      writing -= 1;
    });
    return run;
  };

  const lastVerifiedBackup = () => readLastBackup(deps.dataDir);

  return {
    backupNow,
    lastVerifiedBackup,
    start() {
      if (schedule || closing) return;
      schedule = startDailySchedule({
        run: () => backupNow('daily').catch(() => undefined),
        busy: () => writing > 0,
        lastVerified: lastVerifiedBackup,
        dailyAt: () => (deps.settings().backups.folder ? deps.settings().backups.dailyAt : null),
        timeZone: () => deps.settings().timeZone,
        now,
        catchUpDelayMs: deps.catchUpDelayMs ?? 60_000,
        log: deps.log,
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      const started = schedule !== null;
      schedule?.stop();
      await queue;
      const { backups } = deps.settings();
      // Only a till that ran (not a start that failed half-way) makes its closing copy, and not again within the
      // hour: a till restarted for an update or after a crash need not verify a year of ledger on each close.
      const last = lastVerifiedBackup();
      const recent = last !== null && now().getTime() - Date.parse(last.at) < CLOSING_COPY_GAP_MS;
      if (started && backups.atClosing && backups.folder && !recent) await backupNow('closing').catch(() => undefined);
    },
  };
}
