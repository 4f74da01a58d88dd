// The journal is the till's truth: every event that changes money or a sale is a row here, chained by
// SHA-256 so an edit anywhere breaks every later link. Triggers make the table append-only for the app;
// someone with the sqlite3 shell can still drop them, which is what `ledger verify` is for.
import type { Migration } from '../migrate';

export const migration0010Ledger: Migration = {
  version: 10,
  name: 'ledger',
  up(db) {
    db.exec(`
      CREATE TABLE journal (
        seq       INTEGER PRIMARY KEY,
        at        TEXT    NOT NULL,
        till_id   TEXT    NOT NULL,
        type      TEXT    NOT NULL,
        payload   TEXT    NOT NULL,
        prev_hash TEXT    NOT NULL,
        hash      TEXT    NOT NULL UNIQUE
      ) STRICT;

      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
      BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
