// The last verified backup, for the health page ("last verified backup", a warning after 24 h) and for the
// scheduler's catch-up at start. A small JSON file in the data folder rather than a row in the ledger: it says
// where the folder's copies stand, which an older ledger put back by a restore must not roll back; it is read
// without opening the database (the health page, the CLI beside a running till); and the history itself is
// already in the journal (backup.made). Written aside and renamed, so a reader never sees half of it.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const LAST_BACKUP_FILE = 'last-backup.json';

export const LastBackup = z.object({
  /** When the copy was taken (ISO 8601, UTC). */
  at: z.iso.datetime(),
  /** The verified copy's full path. */
  file: z.string().min(1),
  reason: z.enum(['daily', 'closing', 'manual']),
  bytes: z.number().int().nonnegative(),
  /** How many journal entries the copy holds, and the hash of its last one: what a restore would go back to. */
  entries: z.number().int().nonnegative(),
  headHash: z.string(),
});
export type LastBackup = z.infer<typeof LastBackup>;

/** The last verified backup recorded in `dataDir`, or null (none yet, or a file no longer readable). */
export function readLastBackup(dataDir: string): LastBackup | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, LAST_BACKUP_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = LastBackup.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeLastBackup(dataDir: string, last: LastBackup): void {
  const file = path.join(dataDir, LAST_BACKUP_FILE);
  const aside = `${file}.tmp`;
  const fd = fs.openSync(aside, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(last)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(aside, file);
}
