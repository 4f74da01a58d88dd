// 0210 — Z reports: the day's closing per till, numbered without gaps, each the X report of its period (the
// journal entries after the previous Z, up to the head when it was taken) kept as it was printed. Final: a Z row
// is never changed or removed (triggers), as the journal's own rows are not.
import type { Migration } from '../migrate';

export const migration0210ZReports: Migration = {
  version: 210,
  name: 'z reports',
  up(db) {
    db.exec(`
      CREATE TABLE z_reports (
        till_id         TEXT    NOT NULL,
        number          INTEGER NOT NULL CHECK (number > 0),
        after_seq       INTEGER NOT NULL CHECK (after_seq >= 0),
        upto_seq        INTEGER NOT NULL CHECK (upto_seq >= after_seq),
        closed_at       TEXT    NOT NULL,
        body            TEXT    NOT NULL,
        acknowledged_by TEXT,
        seq             INTEGER NOT NULL UNIQUE REFERENCES journal(seq),
        PRIMARY KEY (till_id, number)
      ) STRICT;

      CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
      BEGIN SELECT RAISE(ABORT, 'a Z report is final'); END;

      CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
      BEGIN SELECT RAISE(ABORT, 'a Z report is final'); END;
    `);
  },
};
