// 0140 — what a person settles after a card refund (main/returns, docs/returns.md):
// - a return request held by an approved refund that could not issue its return — the terminal approved another
//   amount than asked (`refund_mismatch`) or the credit note could not be issued (`issue_failed`) — says so on its
//   row, with the amount the terminal approved, until a manager issues the return for what was refunded;
// - the cash part of a split card and cash return whose card refund was approved later (by recovery or a
//   manager's resolution, with nobody at the counter) is owed until a manager pays it out and the drawer opens.
// Backfilled from the journal, so requests held before this version read the same as after.
// - a customer without the receipt: the returns desk finds this till's sales of the item by its barcode (the
//   credit note must name the invoice it corrects), so sale lines get an index on the barcode.
import type { Migration } from '../migrate';

export const migration0140ReturnSettlements: Migration = {
  version: 140,
  name: 'return settlements',
  up(db) {
    db.exec(`
      ALTER TABLE return_requests ADD COLUMN held TEXT CHECK (held IS NULL OR held IN ('refund_mismatch', 'issue_failed'));
      ALTER TABLE return_requests ADD COLUMN approved_halalas INTEGER CHECK (approved_halalas IS NULL OR approved_halalas > 0);
      -- Why the return could not be issued (issue_failed): the error as journaled.
      ALTER TABLE return_requests ADD COLUMN held_detail TEXT;
      ALTER TABLE return_requests ADD COLUMN held_seq INTEGER REFERENCES journal(seq);

      UPDATE return_requests SET
        held = 'refund_mismatch',
        held_seq = j.seq,
        approved_halalas = json_extract(j.payload, '$.approved')
      FROM (SELECT seq, payload FROM journal WHERE type = 'return.refund_mismatch') AS j
      WHERE return_requests.state = 'waiting' AND return_requests.id = json_extract(j.payload, '$.requestId');
      -- An issue that failed came with the approval of the amount asked.
      UPDATE return_requests SET
        held = 'issue_failed',
        held_seq = j.seq,
        held_detail = json_extract(j.payload, '$.error'),
        approved_halalas = COALESCE(json_extract(j.payload, '$.approved'), json_extract(return_requests.plan, '$.cardHalalas'))
      FROM (SELECT seq, payload FROM journal WHERE type = 'return.issue_failed') AS j
      WHERE return_requests.state = 'waiting' AND return_requests.id = json_extract(j.payload, '$.requestId');

      CREATE INDEX sale_lines_by_barcode ON sale_lines(barcode);

      CREATE TABLE return_cash_owed (
        return_id      TEXT    PRIMARY KEY REFERENCES returns(id),
        amount_halalas INTEGER NOT NULL CHECK (amount_halalas > 0),
        owed_seq       INTEGER NOT NULL REFERENCES journal(seq),
        paid_seq       INTEGER REFERENCES journal(seq)
      ) STRICT;
      CREATE INDEX return_cash_owed_unpaid ON return_cash_owed(return_id) WHERE paid_seq IS NULL;
      CREATE TRIGGER return_cash_owed_no_delete BEFORE DELETE ON return_cash_owed
        BEGIN SELECT RAISE(ABORT, 'cash owed on a return is never removed'); END;
      -- The one change a row takes: paid, once.
      CREATE TRIGGER return_cash_owed_paid_once BEFORE UPDATE ON return_cash_owed
        WHEN OLD.paid_seq IS NOT NULL OR NEW.paid_seq IS NULL OR NEW.return_id IS NOT OLD.return_id
          OR NEW.amount_halalas IS NOT OLD.amount_halalas OR NEW.owed_seq IS NOT OLD.owed_seq
        BEGIN SELECT RAISE(ABORT, 'cash owed on a return is only ever paid, once'); END;
    `);
  },
};
