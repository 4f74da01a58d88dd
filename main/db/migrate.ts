// Numbered migrations, after Signal Desktop's runner: versions strictly increase, everything pending is
// applied in one transaction (a half-migrated till database is worse than an old one), and a database whose
// user_version is newer than this code is refused rather than written to (a till downgraded by IT).
import type Database from 'better-sqlite3';
import { TillError } from '../errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export function assertOrdered(list: readonly Migration[]): void {
  list.reduce((previous, m) => {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migration ${m.name}: version ${m.version} does not follow ${previous}`);
    }
    return m.version;
  }, 0);
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function runMigrations(
  db: Database.Database,
  list: readonly Migration[],
  options: { upTo?: number; checkOnly?: boolean } = {},
): { from: number; to: number } {
  assertOrdered(list);
  const from = schemaVersion(db);
  const known = latestVersion(list);
  if (from > known) {
    throw new TillError('LEDGER_SCHEMA_NEWER', `database schema ${from}, this build knows up to ${known}`);
  }
  if (options.checkOnly) return { from, to: from };
  const target = options.upTo ?? known;
  if (!list.some((m) => m.version > from && m.version <= target)) return { from, to: from };
  // Re-read the version under the write lock: another process (the CLI, a second start) may have just
  // migrated the same file, and then there is nothing left to do.
  return db.transaction(() => {
    const current = schemaVersion(db);
    if (current > known) throw new TillError('LEDGER_SCHEMA_NEWER', `database schema ${current}, this build knows up to ${known}`);
    const pending = list.filter((m) => m.version > current && m.version <= target);
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    return { from, to: pending.length ? pending[pending.length - 1]!.version : current };
  }).immediate();
}
