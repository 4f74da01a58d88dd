// 0120 — shifts: a till's shifts, numbered without gaps per till, and the cash that moved in and out of the drawer
// besides sales and refunds (the float, paid-ins, paid-outs, safe drops, the closing count). Append-only like the
// returns: a movement is never changed or removed, and a shift row only ever gets its closing columns, once,
// after its count. One shift not yet closed per till, held by a partial unique index like the open sale.
import type { Migration } from '../migrate';

export const migration0120Shifts: Migration = {
  version: 120,
  name: 'shifts',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id                 TEXT    PRIMARY KEY,
        till_id            TEXT    NOT NULL,
        number             INTEGER NOT NULL CHECK (number > 0),
        demo               INTEGER NOT NULL CHECK (demo IN (0, 1)),
        opened_at          TEXT    NOT NULL,
        opened_seq         INTEGER NOT NULL REFERENCES journal(seq),
        float_halalas      INTEGER NOT NULL CHECK (float_halalas >= 0),
        closed_at          TEXT,
        closed_seq         INTEGER REFERENCES journal(seq),
        expected_halalas   INTEGER,
        counted_halalas    INTEGER,
        difference_halalas INTEGER,
        -- The manager's reason when the difference was above the threshold; null when the cashier closed alone.
        manager_reason     TEXT,
        UNIQUE (till_id, number),
        CHECK ((closed_seq IS NULL) = (closed_at IS NULL)),
        CHECK (closed_seq IS NULL OR (expected_halalas IS NOT NULL AND counted_halalas IS NOT NULL
                                      AND difference_halalas = counted_halalas - expected_halalas))
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open_per_till ON shifts(till_id) WHERE closed_seq IS NULL;

      CREATE TABLE shift_cash_movements (
        id             TEXT    PRIMARY KEY,
        shift_id       TEXT    NOT NULL REFERENCES shifts(id),
        kind           TEXT    NOT NULL CHECK (kind IN ('float', 'paid_in', 'paid_out', 'safe_drop', 'count')),
        amount_halalas INTEGER NOT NULL CHECK (amount_halalas >= 0),
        reason         TEXT,
        -- The float and the count: pieces per denomination (canonical JSON); their amount is what they are worth.
        denominations  TEXT,
        at             TEXT    NOT NULL,
        seq            INTEGER NOT NULL REFERENCES journal(seq),
        CHECK ((kind IN ('float', 'count')) = (denominations IS NOT NULL)),
        CHECK (kind IN ('float', 'count') OR (reason IS NOT NULL AND amount_halalas > 0))
      ) STRICT;
      CREATE INDEX shift_cash_movements_by_shift ON shift_cash_movements(shift_id);
      CREATE UNIQUE INDEX shift_cash_movements_one_float ON shift_cash_movements(shift_id) WHERE kind = 'float';
      CREATE UNIQUE INDEX shift_cash_movements_one_count ON shift_cash_movements(shift_id) WHERE kind = 'count';

      -- Numbers follow each other per till: the next is always the last + 1 (rows are never removed).
      CREATE TRIGGER shifts_number_gapless BEFORE INSERT ON shifts
        WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM shifts WHERE till_id = NEW.till_id)
        BEGIN SELECT RAISE(ABORT, 'a shift number follows the last of its till'); END;
      CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
        BEGIN SELECT RAISE(ABORT, 'a shift is never removed'); END;
      -- The one change a shift row takes: its closing columns, once, after its count.
      CREATE TRIGGER shifts_closed_once BEFORE UPDATE ON shifts
        WHEN OLD.closed_seq IS NOT NULL OR NEW.closed_seq IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.till_id IS NOT OLD.till_id OR NEW.number IS NOT OLD.number
          OR NEW.demo IS NOT OLD.demo OR NEW.opened_at IS NOT OLD.opened_at OR NEW.opened_seq IS NOT OLD.opened_seq
          OR NEW.float_halalas IS NOT OLD.float_halalas
          OR NOT EXISTS (SELECT 1 FROM shift_cash_movements WHERE shift_id = NEW.id AND kind = 'count')
        BEGIN SELECT RAISE(ABORT, 'a shift is only ever closed, once, after its count; nothing else of it changes'); END;

      CREATE TRIGGER shift_cash_movements_while_open BEFORE INSERT ON shift_cash_movements
        WHEN (SELECT closed_seq FROM shifts WHERE id = NEW.shift_id) IS NOT NULL
          OR EXISTS (SELECT 1 FROM shift_cash_movements WHERE shift_id = NEW.shift_id AND kind = 'count')
        BEGIN SELECT RAISE(ABORT, 'a counted or closed shift takes no more cash movements'); END;
      CREATE TRIGGER shift_cash_movements_no_update BEFORE UPDATE ON shift_cash_movements
        BEGIN SELECT RAISE(ABORT, 'a cash movement is never changed'); END;
      CREATE TRIGGER shift_cash_movements_no_delete BEFORE DELETE ON shift_cash_movements
        BEGIN SELECT RAISE(ABORT, 'a cash movement is never removed'); END;
    `);
  },
};
