// 0290 — a keyed index of the users' PINs (issue 14's sign-in time): a PIN alone names its user, and finding them
// hashed the PIN once per active user (scrypt, ~50 ms each: a second with twenty staff). Each row holds an HMAC of
// the PIN under a key sealed in the till's secret store, so the user is found with one lookup and checked with
// one scrypt; a copy of the database without the secret store gives no shortcut to a PIN.
// - user_pin_index: a cache, not the truth. `pin_hash` is the users row's hash it was made for: a row whose hash no
//   longer matches (a new PIN from the CLI, which has no key) is ignored, and such users are found by the old scan
//   and indexed on their next sign-in. Not journaled and not replayed: emptied, the till is only slower.
import type { Migration } from '../migrate';

export const migration0290UserPinIndex: Migration = {
  version: 290,
  name: 'user pin index',
  up(db) {
    db.exec(`
      CREATE TABLE user_pin_index (
        user_id   TEXT PRIMARY KEY REFERENCES users(id),
        lookup    TEXT NOT NULL CHECK (length(lookup) = 64),
        pin_hash  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX user_pin_index_by_lookup ON user_pin_index(lookup);
    `);
  },
};
