// 0090 — returns: what came back of a receipt, line by line, and how it was refunded. A return is issued whole
// in one transaction (its lines, its refunds, its number, its credit note), so its rows are final when written:
// triggers refuse any change, like the e-invoices. Return numbers are gapless per till, apart from receipt
// numbers (a refund receipt is not a sale's tax invoice).
import type { Migration } from '../migrate';

export const migration0090Returns: Migration = {
  version: 90,
  name: 'returns',
  up(db) {
    db.exec(`
      CREATE TABLE returns (
        id                  TEXT    PRIMARY KEY,
        return_no           TEXT    NOT NULL UNIQUE,
        till_id             TEXT    NOT NULL,
        number              INTEGER NOT NULL CHECK (number > 0),
        sale_id             TEXT    NOT NULL REFERENCES sales(id),
        original_receipt_no TEXT    NOT NULL REFERENCES receipts(receipt_no),
        reason              TEXT    NOT NULL,
        issued_at           TEXT    NOT NULL,
        total_halalas       INTEGER NOT NULL CHECK (total_halalas > 0),
        body                TEXT    NOT NULL,
        seq                 INTEGER NOT NULL REFERENCES journal(seq),
        UNIQUE (till_id, number)
      ) STRICT;
      CREATE INDEX returns_by_receipt ON returns(original_receipt_no);

      CREATE TABLE return_lines (
        return_id          TEXT    NOT NULL REFERENCES returns(id),
        line_id            TEXT    NOT NULL REFERENCES sale_lines(id),
        quantity           INTEGER NOT NULL CHECK (quantity > 0),
        line_total_halalas INTEGER NOT NULL CHECK (line_total_halalas >= 0),
        PRIMARY KEY (return_id, line_id)
      ) STRICT;
      CREATE INDEX return_lines_by_line ON return_lines(line_id);

      CREATE TABLE return_counters (
        till_id     TEXT    PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER returns_no_update BEFORE UPDATE ON returns
        BEGIN SELECT RAISE(ABORT, 'an issued return is never changed'); END;
      CREATE TRIGGER returns_no_delete BEFORE DELETE ON returns
        BEGIN SELECT RAISE(ABORT, 'an issued return is never removed'); END;
      CREATE TRIGGER return_lines_no_update BEFORE UPDATE ON return_lines
        BEGIN SELECT RAISE(ABORT, 'an issued return is never changed'); END;
      CREATE TRIGGER return_lines_no_delete BEFORE DELETE ON return_lines
        BEGIN SELECT RAISE(ABORT, 'an issued return is never removed'); END;
    `);
  },
};
