// For the migration tests: a fresh file per test (not a till's ledger: half-migrated databases are the point,
// so the cleanup does not verify it) and the names of its tables and triggers.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../support/tmp';

export function freshFile(): { readonly file: string } {
  let tmp: ReturnType<typeof tempDir>;
  const state = { file: '' };
  beforeEach(() => {
    tmp = tempDir('nuqta-migration-', { verifyLedger: false });
    state.file = path.join(tmp.dir, 'till.db');
  });
  afterEach(() => tmp.cleanup());
  return state;
}

export const tables = (db: Database.Database): string[] =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all().map((r) => r.name);
