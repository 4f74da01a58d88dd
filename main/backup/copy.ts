// One verified copy of a ledger: SQLite's online backup into a hidden `.partial` file beside the target, the
// copy made a standalone file (rollback-journal mode: no -wal or -shm beside it, one file to carry away), synced,
// checked with everything `nuqta ledger verify` checks (in a worker thread: ./verify-client.ts), and only then
// renamed to its real name. A copy that fails the check, or whose check could not finish, is deleted: nothing
// unverified is ever left under a backup's name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db';
import { isDiskFull } from '../errors';
import type { LedgerReport, ProjectionFactory } from '../ledger';
import { BackupError } from './errors';
import { partialFileName } from './names';
import { verifyCopy, type VerifyOptions } from './verify-client';

/** A failed verification, with the report for whoever shows the stage and entry (the CLI). */
export class BackupNotVerified extends BackupError {
  constructor(readonly report: Extract<LedgerReport, { ok: false }>) {
    super('BACKUP_NOT_VERIFIED', `${report.stage}${report.brokenAt === null ? '' : ` at entry ${report.brokenAt}`}: ${report.reason}`);
  }
}

export interface VerifiedCopy {
  file: string;
  bytes: number;
  entries: number;
  headHash: string;
  /** What verify said of the copy (warnings included: an unsealed tail, receipts journaled as missing). */
  report: Extract<LedgerReport, { ok: true }>;
}

export interface CopyOptions {
  /** The domains' projections, as `ledger verify` replays them (main/app's LEDGER_PROJECTIONS). */
  projections: readonly ProjectionFactory[];
  /** Replace an existing file at the destination (`nuqta backup FILE --force`). */
  overwrite?: boolean;
  /** Pages copied per step; the event loop runs between steps, so sales go on during a backup. */
  pagesPerStep?: number;
  /** Where the copy is verified (default: the worker thread from the bundles, see ./verify-client.ts). */
  verify?: VerifyOptions;
  /** Hears that the worker could not start and the copy was verified on this thread instead. */
  log?: { warn(message: string, detail?: unknown): void };
}

/** 100 pages (400 KiB) a step: each step is well under a millisecond's work, so a scan never waits on it. */
const PAGES_PER_STEP = 100;

export async function writeVerifiedCopy(source: Db, destination: string, options: CopyOptions): Promise<VerifiedCopy> {
  const folder = path.dirname(destination);
  assertWritableFolder(folder);
  const partial = path.join(folder, partialFileName(path.basename(destination)));
  removeCopy(partial);
  try {
    const pages = options.pagesPerStep ?? PAGES_PER_STEP;
    await source.backup(partial, { progress: () => pages });
    standalone(partial);
    syncFile(partial);
  } catch (e) {
    removeCopy(partial);
    throw folderError(e, folder);
  }
  let report: LedgerReport;
  try {
    report = await verifyCopy(partial, { ...options.verify, projections: options.projections, ...(options.log ? { log: options.log } : {}) });
  } catch (e) {
    removeCopy(partial);
    throw e;
  }
  if (!report.ok) {
    removeCopy(partial);
    throw new BackupNotVerified(report);
  }
  try {
    if (fs.existsSync(destination) && !options.overwrite) throw new BackupError('BACKUP_FOLDER_UNAVAILABLE', `${destination} exists`);
    // The file being replaced may have had a -wal or a hot -journal beside it: SQLite would apply those to the
    // new file when it is opened.
    for (const suffix of SIDE_FILES) fs.rmSync(`${destination}${suffix}`, { force: true });
    fs.renameSync(partial, destination);
    syncFolder(folder);
  } catch (e) {
    removeCopy(partial);
    throw folderError(e, folder);
  }
  return { file: destination, bytes: fs.statSync(destination).size, entries: report.entries, headHash: report.headHash, report };
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** A copy and anything SQLite wrote beside it. */
export function removeCopy(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => `${file}${s}`)]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // a folder that went away takes the copy with it
    }
  }
}

function assertWritableFolder(folder: string): void {
  try {
    if (!fs.statSync(folder).isDirectory()) throw new BackupError('BACKUP_FOLDER_UNAVAILABLE', `${folder} is not a folder`);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw folderError(e, folder);
  }
}

/** The copy in rollback-journal mode: it opens (read-only, too) without creating -wal and -shm files beside it. */
function standalone(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The rename itself on the disk; folders cannot be opened for this on Windows, where NTFS journals it anyway. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // a network share may refuse; the copy is complete and synced
  }
}

const UNAVAILABLE = /^(EACCES|EPERM|EROFS|ENOENT|ENOTDIR|EISDIR|EIO|ENXIO|ENODEV|EBUSY|ESTALE|EHOSTDOWN|ENOTCONN|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_IOERR|SQLITE_PERM)/;

/** What went wrong with the folder, as the admin reads it; anything else (our bug) goes on as it is. */
function folderError(e: unknown, folder: string): unknown {
  if (e instanceof BackupError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (isDiskFull(e)) return new BackupError('BACKUP_FOLDER_FULL', `${folder}: ${message}`);
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  // better-sqlite3 says a missing folder with a TypeError of its own.
  if (UNAVAILABLE.test(code) || /directory does not exist/.test(message)) return new BackupError('BACKUP_FOLDER_UNAVAILABLE', `${folder}: ${message}`);
  return e;
}
