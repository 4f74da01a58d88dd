// The print queue. A completed sale's receipt (and its card slips) are queued in the very transaction that
// completes the sale, so a crash can delay a receipt but never lose it. Each row remembers the journal
// entries that made and last changed it, like every derived table.
//
// `bytes_sent` answers one question: did any byte of this job ever leave for the printer? If so, part of
// the original may be on paper already, and a retry must print marked as a copy (the original of a tax
// invoice is never printed twice). It only ever goes from 0 to 1.
import type { Migration } from '../migrate';

export const migration0050Printing: Migration = {
  version: 50,
  name: 'printing',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id           TEXT    PRIMARY KEY,
        kind         TEXT    NOT NULL CHECK (kind IN ('receipt', 'card_slip')),
        receipt_no   TEXT    NOT NULL REFERENCES receipts(receipt_no),
        copy         TEXT    NOT NULL CHECK (copy IN ('original', 'copy', 'customer', 'merchant')),
        intent_id    TEXT    REFERENCES payment_intents(id),
        state        TEXT    NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed', 'cancelled')),
        attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        bytes_sent   INTEGER NOT NULL DEFAULT 0 CHECK (bytes_sent IN (0, 1)),
        error        TEXT,
        created_at   TEXT    NOT NULL,
        printed_at   TEXT,
        created_seq  INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq  INTEGER NOT NULL REFERENCES journal(seq),
        -- A card slip belongs to one card tender; a receipt never names one.
        CHECK ((kind = 'card_slip') = (intent_id IS NOT NULL)),
        CHECK ((kind = 'receipt') = (copy IN ('original', 'copy')))
      ) STRICT;
      CREATE INDEX print_jobs_by_state ON print_jobs(state, updated_seq);
      CREATE INDEX print_jobs_by_receipt ON print_jobs(receipt_no);

      -- Tills set up before printing was configurable: no printer, pole display or serial scanner until
      -- the admin sets them up, and empty address lines. Only when the keys are absent: json_insert never
      -- overwrites, so a till that already has some of them keeps its values.
      UPDATE settings SET value = json_insert(value,
          '$.shopAddressAr', '',
          '$.shopAddressEn', '',
          '$.printer', json('null'),
          '$.poleDisplay', json('null'),
          '$.serialScanner', json('null'))
        WHERE key = 'till' AND json_extract(value, '$.printer') IS NULL AND json_type(value, '$.printer') IS NULL;
    `);
  },
};
