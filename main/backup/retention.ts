// Retention: after a new copy is verified, this till's oldest copies beyond `keep` are removed. Only files this
// till named as verified backups are candidates (parseBackupName); another till's copies in a shared folder,
// and anything an admin put there, are never touched. Copies half-written when a till stopped (hidden
// `.partial` files of this till) are removed too: they never were backups.
import fs from 'node:fs';
import path from 'node:path';
import { isPartialOf, parseBackupName } from './names';

export interface Pruned {
  removed: string[];
  /** Files that should have gone but could not be removed (logged; the next backup tries again). */
  failed: Array<{ name: string; error: string }>;
}

/** This till's verified copies in `folder`, newest first. */
export function listBackups(folder: string, tillId: string): string[] {
  return fs
    .readdirSync(folder)
    .map((name) => parseBackupName(tillId, name))
    .filter((b) => b !== null)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0))
    .map((b) => b.name);
}

/** Keeps the newest `keep` copies of this till; `except` (the copy being written now) is left alone. */
export function pruneBackups(folder: string, tillId: string, keep: number, except: ReadonlySet<string> = new Set()): Pruned {
  const out: Pruned = { removed: [], failed: [] };
  const stale = [
    ...listBackups(folder, tillId).slice(Math.max(1, keep)),
    ...fs.readdirSync(folder).filter((name) => isPartialOf(tillId, name)),
  ].filter((name) => !except.has(name));
  for (const name of stale) {
    try {
      fs.rmSync(path.join(folder, name));
      out.removed.push(name);
    } catch (e) {
      out.failed.push({ name, error: (e as Error).message });
    }
  }
  return out;
}
