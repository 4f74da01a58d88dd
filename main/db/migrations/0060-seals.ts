// 0060 — signed seals over the journal's chain. Every so often (main/ledger/seals.ts) the till signs the hash of
// its latest entry with a per-till Ed25519 key held in its sealed secret store; the public key is itself a
// journal entry (ledger.signing_key). Someone who can write the database file but lacks that key can rewrite
// the chain only after the last seal: every earlier rewrite changes a hash that a seal signed. Append-only by
// trigger, like the journal.
import type { Migration } from '../migrate';

export const migration0060Seals: Migration = {
  version: 60,
  name: 'seals',
  up(db) {
    db.exec(`
      CREATE TABLE journal_seals (
        seq       INTEGER PRIMARY KEY REFERENCES journal(seq),
        key_id    TEXT    NOT NULL CHECK (length(key_id) = 16),
        signature TEXT    NOT NULL,
        at        TEXT    NOT NULL
      ) STRICT;

      CREATE TRIGGER journal_seals_no_update BEFORE UPDATE ON journal_seals
      BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;

      CREATE TRIGGER journal_seals_no_delete BEFORE DELETE ON journal_seals
      BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
    `);
  },
};
