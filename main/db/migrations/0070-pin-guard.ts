// 0070 — the manager PIN's guard against guessing, kept in the ledger so a restart does not reset it: how many
// wrong PINs in a row, how many lockouts in a row (each one longer), and until when the PIN is locked. Every
// change is journaled (manager.pin_failed / pin_locked / pin_cleared / pin_unlocked) and replayed by verify.
import type { Migration } from '../migrate';

export const migration0070PinGuard: Migration = {
  version: 70,
  name: 'pin guard',
  up(db) {
    db.exec(`
      CREATE TABLE pin_guard (
        subject      TEXT    PRIMARY KEY,
        failures     INTEGER NOT NULL CHECK (failures >= 0),
        lockouts     INTEGER NOT NULL CHECK (lockouts >= 0),
        locked_until TEXT,
        updated_seq  INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;
    `);
  },
};
