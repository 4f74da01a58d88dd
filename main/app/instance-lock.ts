// One till process per data folder: two writers would fork the journal's hash chain. The lock is an
// operating-system file lock, held by SQLite's exclusive locking mode on a small file of its own (POSIX fcntl
// locks on Linux, LockFileEx on Windows): the OS releases it when the process ends, however it ends (kill -9, a
// power cut), so a crash never leaves a lock that blocks the next start, and a pid the OS has since reused for
// another program means nothing. A second live till on the folder is still refused. The CLI's writing commands
// take the same lock (main/cli), so they wait for the till to be stopped rather than write under it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TillError } from '../errors';

export const LOCK_FILE = 'till.lock';
/** Who holds the lock, for the message a second process shows (informational: the lock is the OS lock). */
const OWNER_FILE = 'till.lock.owner';

/** Folders this process holds, so a second till in the same process gets the same clear refusal. */
const heldHere = new Set<string>();

export interface InstanceLock {
  release(): void;
}

export interface LockOwner {
  pid: number;
  host: string;
  what: string;
  since: string;
}

/** Takes the data folder's lock for `what` ("till", "nuqta catalog import"); throws LEDGER_LOCKED when held. */
export function acquireInstanceLock(dataDir: string, what = 'till'): InstanceLock {
  const folder = path.resolve(dataDir);
  const file = path.join(folder, LOCK_FILE);
  if (heldHere.has(file)) throw new TillError('LEDGER_LOCKED', `data folder ${dataDir} is already open in this process`);
  let db: Database.Database | null = null;
  try {
    db = openLockFile(file);
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock, and exclusive locking mode keeps it until the file is closed.
    db.exec('CREATE TABLE IF NOT EXISTS held (n INTEGER PRIMARY KEY); INSERT OR REPLACE INTO held (n) VALUES (1);');
  } catch (e) {
    db?.close();
    if (isBusy(e)) {
      const owner = readOwner(folder);
      const by = owner ? ` by ${owner.what} (process ${owner.pid} on ${owner.host}, since ${owner.since})` : '';
      throw new TillError('LEDGER_LOCKED', `data folder ${dataDir} is in use${by}`);
    }
    throw e;
  }
  const held = db;
  heldHere.add(file);
  writeOwner(folder, { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() });
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(file);
      fs.rmSync(path.join(folder, OWNER_FILE), { force: true });
      held.close();
    },
  };
}

/** The lock file; a pid file left by a till version before OS locks is replaced (it locks nothing). */
function openLockFile(file: string): Database.Database {
  // Private like everything in the data folder (SQLite would create it with the process's umask).
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  try {
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('schema_version'); // reads the header: "file is not a database" shows here
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    fs.rmSync(file, { force: true });
    return new Database(file, { timeout: 0 });
  }
}

const isBusy = (e: unknown) => {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

function writeOwner(folder: string, owner: LockOwner): void {
  try {
    fs.writeFileSync(path.join(folder, OWNER_FILE), JSON.stringify(owner), { mode: 0o600 });
  } catch {
    // Only the message of a refused second process needs it.
  }
}

function readOwner(folder: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, OWNER_FILE), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}
