// Tables derived from the journal for sales. Each row remembers the journal entry that made it (`*_seq`), so
// `ledger verify` can tell a derived row whose journal entry is gone. Lines are never deleted: a removed line
// keeps its row with the entry that removed it. Sales and lines carry UUIDs so a later HQ sync can upsert.
import type { Migration } from '../migrate';

export const migration0030Sales: Migration = {
  version: 30,
  name: 'sales',
  up(db) {
    db.exec(`
      CREATE TABLE sales (
        id               TEXT    PRIMARY KEY,
        till_id          TEXT    NOT NULL,
        status           TEXT    NOT NULL CHECK (status IN ('open', 'completed', 'voided')),
        opened_at        TEXT    NOT NULL,
        opened_seq       INTEGER NOT NULL REFERENCES journal(seq),
        closed_at        TEXT,
        closed_seq       INTEGER REFERENCES journal(seq),
        revision         INTEGER NOT NULL DEFAULT 0,
        subtotal_halalas INTEGER,
        vat_halalas      INTEGER,
        total_halalas    INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX sales_one_open_per_till ON sales(till_id) WHERE status = 'open';

      CREATE TABLE sale_lines (
        id                 TEXT    PRIMARY KEY,
        sale_id            TEXT    NOT NULL REFERENCES sales(id),
        position           INTEGER NOT NULL,
        product_id         INTEGER NOT NULL,
        barcode            TEXT    NOT NULL,
        name_ar            TEXT    NOT NULL,
        name_en            TEXT    NOT NULL,
        unit_price_halalas INTEGER NOT NULL CHECK (unit_price_halalas >= 0),
        quantity           INTEGER NOT NULL CHECK (quantity > 0),
        vat_category       TEXT    NOT NULL CHECK (vat_category IN ('S', 'Z', 'E')),
        added_seq          INTEGER NOT NULL REFERENCES journal(seq),
        removed_seq        INTEGER REFERENCES journal(seq),
        UNIQUE (sale_id, position)
      ) STRICT;

      CREATE TABLE tenders (
        id               TEXT    PRIMARY KEY,
        sale_id          TEXT    NOT NULL REFERENCES sales(id),
        kind             TEXT    NOT NULL,
        amount_halalas   INTEGER NOT NULL,
        tendered_halalas INTEGER NOT NULL,
        change_halalas   INTEGER NOT NULL,
        seq              INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;
      CREATE INDEX tenders_by_sale ON tenders(sale_id);

      -- Gapless, monotonic receipt numbers per till: the counter moves in the same transaction as the receipt.
      CREATE TABLE receipt_counters (
        till_id     TEXT    PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE receipts (
        receipt_no TEXT    PRIMARY KEY,
        till_id    TEXT    NOT NULL,
        number     INTEGER NOT NULL,
        sale_id    TEXT    NOT NULL UNIQUE REFERENCES sales(id),
        issued_at  TEXT    NOT NULL,
        body       TEXT    NOT NULL,
        seq        INTEGER NOT NULL REFERENCES journal(seq),
        UNIQUE (till_id, number)
      ) STRICT;
    `);
  },
};
