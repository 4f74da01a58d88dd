// 0290 — a keyed index of the users' PINs and staff badges (issue 14's sign-in time): a PIN alone names its user,
// and finding them hashed the PIN once per active user (scrypt, ~50 ms each: a second with twenty staff); a badge
// likewise. Each row holds an HMAC of the PIN (or badge) under a key sealed in the till's secret store, so the user
// is found with one lookup and checked with one scrypt; a copy of the database without the secret store gives no
// shortcut to a PIN.
// - user_pin_index: a cache, not the truth. `secret_hash` is the users row's pin_hash (badge_hash) it was made
//   for: a row whose hash no longer matches (a new PIN from the CLI, which has no key) is ignored, and such users
//   are found by the old scan and indexed on their next sign-in. Not journaled, not replayed: emptied, the till
//   is only slower.
import type { Migration } from '../migrate';

export const migration0290UserPinIndex: Migration = {
  version: 290,
  name: 'user pin index',
  up(db) {
    db.exec(`
      CREATE TABLE user_pin_index (
        user_id      TEXT NOT NULL REFERENCES users(id),
        kind         TEXT NOT NULL CHECK (kind IN ('pin', 'badge')),
        lookup       TEXT NOT NULL CHECK (length(lookup) = 64),
        secret_hash  TEXT NOT NULL,
        PRIMARY KEY (user_id, kind)
      ) STRICT;
      CREATE INDEX user_pin_index_by_lookup ON user_pin_index(kind, lookup);
    `);
  },
};
