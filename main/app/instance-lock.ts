// One till process per data folder: two writers would fork the journal's hash chain. The lock is a file
// holding the owner's pid; a lock left by a process that no longer exists (kill -9, power cut) is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { TillError } from '../errors';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Folders this process holds, so a second till in the same process is refused too. */
const heldHere = new Set<string>();

export interface InstanceLock {
  release(): void;
}

export function acquireInstanceLock(dataDir: string): InstanceLock {
  const file = path.join(path.resolve(dataDir), 'till.lock');
  if (heldHere.has(file)) throw new TillError('LEDGER_LOCKED', `data folder ${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      heldHere.add(file);
      return {
        release: () => {
          if (!heldHere.delete(file)) return;
          if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Our own pid in a lock we do not hold is a leftover of an earlier process that had the same pid.
      const owner = readPid(file);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new TillError('LEDGER_LOCKED', `data folder ${dataDir} is in use by process ${owner}`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new TillError('LEDGER_LOCKED', `could not take the lock on ${dataDir}`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
