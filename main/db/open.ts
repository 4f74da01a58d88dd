// Opening the till's SQLite file: WAL for concurrent readers (CLI verify/backup while the till runs),
// synchronous=FULL so a committed sale survives a power cut, then pending migrations.
import Database from 'better-sqlite3';
import { runMigrations } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Skip migrations (tests that apply them step by step). */
  migrate?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.migrate ?? !options.readonly) runMigrations(db, migrations);
    else if (options.readonly) runMigrations(db, migrations, { checkOnly: true });
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
