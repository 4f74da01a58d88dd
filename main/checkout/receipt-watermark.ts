// The receipt numbers this till has issued, kept OUTSIDE the database file: a short append-only log in the data
// folder (receipt-numbers.log, 0600), one line per completed sale, written right after its commit. If the
// database goes back in time — its -wal file deleted after a crash, an older backup put back — its receipt
// counter falls behind numbers customers already hold on paper. The till sees that at start (`missing`), says
// which sales are gone, and numbers on above the highest number issued, so a number is never given to two sales.
//
// Limits (docs/ledger.md): the line is written after the commit, so a crash in the microseconds between the two
// followed by the loss of the -wal file can still lose that one number; the log is in the same folder, so
// restoring an old copy of the whole folder restores an old log too.
import fs from 'node:fs';
import path from 'node:path';

export const WATERMARK_FILE = 'receipt-numbers.log';

export interface IssuedReceipt {
  tillId: string;
  number: number;
  receiptNo: string;
  saleId: string;
  totalHalalas: number;
  issuedAt: string;
}

export interface ReceiptWatermark {
  /** After the sale's commit: records its number. Never throws (the sale is already safe). */
  issued(receipt: IssuedReceipt): void;
  /** Receipts the log holds above `lastInDatabase` for this till: issued, but no longer in the database. */
  missing(tillId: string, lastInDatabase: number): IssuedReceipt[];
  /** An admin chose where numbering goes on (journaled by the caller): numbers above `last` logged before are void. */
  reset(tillId: string, last: number): void;
  close(): void;
}

interface Line {
  t: string;
  n?: number;
  reset?: number;
  no?: string;
  sale?: string;
  total?: number;
  at?: string;
}

/** Rewritten down to KEEP_LINES when it passes this size, so reading it at start stays instant. */
const MAX_BYTES = 512 * 1024;
const KEEP_LINES = 2000;
const SYNC_AFTER_MS = 200;

export function openReceiptWatermark(
  dataDir: string,
  log: { error(message: string, detail?: unknown): void } = console,
): ReceiptWatermark {
  const file = path.join(dataDir, WATERMARK_FILE);
  compact(file);
  let fd: number | null = null;
  let syncTimer: NodeJS.Timeout | null = null;
  const append = (line: Line) => {
    try {
      fd ??= fs.openSync(file, 'a', 0o600);
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
      // A kill -9 keeps what was written (it is in the OS's cache); a power cut needs it on the disk: soon after,
      // off the event loop (libuv's thread pool), so the next scan does not wait for the disk.
      syncTimer ??= setTimeout(() => {
        syncTimer = null;
        if (fd !== null) fs.fdatasync(fd, (e) => e && log.error('receipt watermark: fdatasync failed', e));
      }, SYNC_AFTER_MS);
      syncTimer.unref();
    } catch (e) {
      log.error('receipt watermark: could not record the receipt number', e);
    }
  };
  return {
    issued: (r) => append({ t: r.tillId, n: r.number, no: r.receiptNo, sale: r.saleId, total: r.totalHalalas, at: r.issuedAt }),
    missing: (tillId, lastInDatabase) => receiptsMissingFrom(dataDir, tillId, lastInDatabase),
    reset: (tillId, last) => append({ t: tillId, reset: last }),
    close() {
      if (syncTimer) clearTimeout(syncTimer);
      syncTimer = null;
      if (fd === null) return;
      try {
        fs.fdatasyncSync(fd);
      } catch {
        // closing anyway
      }
      fs.closeSync(fd);
      fd = null;
    },
  };
}

/** Read-only (what `ledger verify` asks): receipts the log holds above `lastInDatabase` for `tillId`. */
export function receiptsMissingFrom(dataDir: string, tillId: string, lastInDatabase: number): IssuedReceipt[] {
  return receiptLogAsNow(dataDir)(tillId, lastInDatabase);
}

/**
 * The log as it is now, to hold against counters read from the database after it. A line is written after its
 * sale's commit, so every line read first is in a database read later, unless it was lost; read the other way
 * round, a sale completed between the two reads would look missing.
 */
export function receiptLogAsNow(dataDir: string): (tillId: string, lastInDatabase: number) => IssuedReceipt[] {
  const lines = readLines(path.join(dataDir, WATERMARK_FILE));
  return (tillId, lastInDatabase) => {
    const found = new Map<number, IssuedReceipt>();
    for (const line of lines) {
      if (line.t !== tillId) continue;
      if (line.reset !== undefined) {
        for (const n of [...found.keys()]) if (n > line.reset) found.delete(n);
        continue;
      }
      if (typeof line.n === 'number' && line.n > lastInDatabase) {
        found.set(line.n, { tillId, number: line.n, receiptNo: line.no ?? '', saleId: line.sale ?? '', totalHalalas: line.total ?? 0, issuedAt: line.at ?? '' });
      }
    }
    return [...found.values()].sort((a, b) => a.number - b.number);
  };
}

function readLines(file: string): Line[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    try {
      const line = JSON.parse(raw) as Line;
      if (line && typeof line.t === 'string') lines.push(line);
    } catch {
      // A torn last line (a crash mid-write) says nothing; every other line still counts.
    }
  }
  return lines;
}

/** Keeps the log small: the last KEEP_LINES lines, written aside and renamed into place. */
function compact(file: string): void {
  try {
    if (fs.statSync(file).size <= MAX_BYTES) return;
  } catch {
    return;
  }
  const kept = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-KEEP_LINES);
  const aside = `${file}.tmp`;
  const fd = fs.openSync(aside, 'w', 0o600);
  fs.writeSync(fd, `${kept.join('\n')}\n`);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(aside, file);
}
