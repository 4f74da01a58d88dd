// 0250 — two-factor (TOTP, RFC 6238) for admins and managers (main/people/totp.ts, docs/people.md).
// - user_totp: one row per user who confirmed an enrolment: the last time step a code was accepted at (a code is
//   accepted once: the same step or an earlier one is a replay) and the ten recovery codes, each a scrypt hash with
//   its own salt (the codes themselves are shown once and never stored), a used one marked. The TOTP secret is
//   not here: it is sealed in the till's secret store (main/secrets), so a copy of the database alone makes no
//   codes. Every change is journaled (totp.enrolled / totp.used / totp.recovery_used / totp.removed) and
//   replayed by `ledger verify`.
import type { Migration } from '../migrate';

export const migration0250UserTotp: Migration = {
  version: 250,
  name: 'user totp',
  up(db) {
    db.exec(`
      CREATE TABLE user_totp (
        user_id       TEXT    PRIMARY KEY REFERENCES users(id),
        last_step     INTEGER NOT NULL CHECK (last_step >= 0),
        recovery      TEXT    NOT NULL,
        enrolled_seq  INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq   INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;
    `);
  },
};
