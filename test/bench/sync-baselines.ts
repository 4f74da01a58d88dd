// What a durable commit cannot beat on this disk, measured beside the till's own commits (same folder, same
// moments: one sample of each after every sale) so the ratio compares like with like (issue 9: commit p50 ≤ 2×
// the bare transaction). A raw 4 KiB page written and synced — the floor of any durable write; and a bare
// SQLite transaction of 5 rows in WAL with synchronous=FULL — what the till's commit would cost with no journal
// entries, hashing, seals or derived tables.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface SyncBaselines {
  /** One 4 KiB page written over the same place in a file, then fsync (data and metadata). */
  fsync4k(): number;
  /** The same with fdatasync (data only; what SQLite uses where it can). */
  fdatasync4k(): number;
  /** One transaction inserting 5 small rows into a fresh WAL, synchronous=FULL file. */
  bareWalTx5Rows(): number;
  close(): void;
}

export function openSyncBaselines(dir: string): SyncBaselines {
  const page = Buffer.alloc(4096, 0x5a);
  const pageFile = path.join(dir, 'page-4k.bin');
  const fd = fs.openSync(pageFile, 'w+', 0o600);
  // The page exists on disk before the first sample, so each sample overwrites allocated space as SQLite does.
  fs.writeSync(fd, page, 0, page.length, 0);
  fs.fsyncSync(fd);

  const db = new Database(path.join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, sale TEXT NOT NULL, position INTEGER NOT NULL, amount_halalas INTEGER NOT NULL, note TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (sale, position, amount_halalas, note) VALUES (?, ?, ?, ?)');
  let sale = 0;
  const fiveRows = db.transaction(() => {
    sale += 1;
    for (let i = 1; i <= 5; i += 1) insert.run(`sale-${sale}`, i, 100 * i, 'a line of about the size of a sale line');
  });

  const sample = (fn: () => void) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  return {
    fsync4k: () =>
      sample(() => {
        fs.writeSync(fd, page, 0, page.length, 0);
        fs.fsyncSync(fd);
      }),
    fdatasync4k: () =>
      sample(() => {
        fs.writeSync(fd, page, 0, page.length, 0);
        fs.fdatasyncSync(fd);
      }),
    bareWalTx5Rows: () => sample(fiveRows),
    close() {
      fs.closeSync(fd);
      db.close();
      fs.rmSync(pageFile, { force: true });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `bare.db${suffix}`), { force: true });
    },
  };
}
