// What a backup file is called: `nuqta-<tillId>-<UTC time>-<reason>.db`, e.g.
// nuqta-RUH-02-20250611T203000.123Z-daily.db. The name alone says whose copy it is and when it was taken, so
// retention can pick this till's copies out of a shared folder (a network share several tills write to) and
// never touch a file it did not name. A copy is written under a hidden `.partial` name first and takes its
// real name only once verified: a file with the real name is always a verified copy.

export type BackupReason = 'daily' | 'closing' | 'manual';

/** 20250611T203000.123Z: ISO 8601 basic format, UTC, fixed width, so names sort by time. */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '');
}

export function backupFileName(tillId: string, at: Date, reason: BackupReason): string {
  return `nuqta-${tillId}-${utcStamp(at)}-${reason}.db`;
}

/** Where the copy is written before it is verified: hidden, and never matching a backup's name. */
export function partialFileName(finalName: string): string {
  return `.${finalName}.partial`;
}

export interface NamedBackup {
  name: string;
  stamp: string;
  reason: BackupReason;
}

// Till ids are [A-Z0-9-]: nothing in one needs escaping in a pattern, and a fixed-width stamp after it keeps
// "T1" from matching "T1-02"'s copies.
const patternFor = (tillId: string, partial: boolean): RegExp =>
  new RegExp(`^${partial ? '\\.' : ''}nuqta-${tillId.replace(/[^A-Z0-9-]/g, '')}-(\\d{8}T\\d{6}\\.\\d{3}Z)-(daily|closing|manual)\\.db${partial ? '\\.partial' : ''}$`);

/** A file this till named as a verified backup, or null for anything else in the folder. */
export function parseBackupName(tillId: string, name: string): NamedBackup | null {
  const m = patternFor(tillId, false).exec(name);
  return m ? { name, stamp: m[1]!, reason: m[2] as BackupReason } : null;
}

/** A copy of this till's that was being written when the till stopped (never verified). */
export function isPartialOf(tillId: string, name: string): boolean {
  return patternFor(tillId, true).test(name);
}
