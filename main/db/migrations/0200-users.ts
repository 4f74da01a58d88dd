// 0200 — people (main/people, docs/people.md): the till's users and what guards their sign-in.
// - users: names in both languages, a role, the PIN as a scrypt hash with the user's own random salt (the PIN is
//   never stored), optionally a staff badge hashed the same way (the database does not hand out badges), active.
//   Every change is journaled (user.added / user.pin_set / user.deactivated) and replayed by `ledger verify`.
// - sign_in_guard: wrong PINs in a row per user (badge + PIN) or for the whole till (a PIN alone names nobody),
//   kept in the ledger like the manager PIN's guard so a restart does not reset the back-off.
// - sales.cashier: who was signed in when the sale opened (canonical JSON {id, nameAr, nameEn}; null before
//   users existed or when nobody was), from the sale.opened / sale.cashier_set entries.
import type { Migration } from '../migrate';

export const migration0200Users: Migration = {
  version: 200,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id          TEXT    PRIMARY KEY,
        name_ar     TEXT    NOT NULL,
        name_en     TEXT    NOT NULL,
        role        TEXT    NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'admin', 'trainee')),
        pin_salt    TEXT    NOT NULL,
        pin_hash    TEXT    NOT NULL,
        badge_salt  TEXT,
        badge_hash  TEXT,
        active      INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_seq INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;

      CREATE TABLE sign_in_guard (
        subject      TEXT    PRIMARY KEY,
        failures     INTEGER NOT NULL CHECK (failures >= 0),
        lockouts     INTEGER NOT NULL CHECK (lockouts >= 0),
        locked_until TEXT,
        updated_seq  INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;

      ALTER TABLE sales ADD COLUMN cashier TEXT;
    `);
  },
};
