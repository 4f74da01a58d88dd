// 0160 — standard (B2B) tax invoices (main/einvoicing/clearance, docs/einvoicing.md):
// - the open sale's business buyer (canonical JSON; null: a simplified invoice), journaled as sale.buyer_set /
//   sale.buyer_removed;
// - one clearance row per standard document: ZATCA clears it before it is handed over. 'waiting' rows are sent
//   (again: the identical bytes) until ZATCA answers; the answer moves the row on and is journaled. 'replaced':
//   the cashier issued a simplified invoice for the sale instead; the standard document is still sent, so
//   ZATCA's chain has no gap, and should ZATCA clear it after all it is cancelled by a credit note;
// - a simplified document ZATCA rejected is answered in one step by a credit note and a new invoice: the report
//   row names the new invoice (`reissued_icv`), so it is answered once.
import type { Migration } from '../migrate';

export const migration0160TaxInvoices: Migration = {
  version: 160,
  name: 'tax invoices',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN buyer TEXT;
      ALTER TABLE einvoice_reports ADD COLUMN reissued_icv INTEGER;

      CREATE TABLE einvoice_clearances (
        egs_id          TEXT    NOT NULL,
        icv             INTEGER NOT NULL,
        state           TEXT    NOT NULL CHECK (state IN ('waiting', 'cleared', 'rejected', 'replaced', 'reported')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_error      TEXT,
        -- ZATCA's warnings or errors, as JSON [{code, category, message, status}].
        messages        TEXT,
        -- ZATCA's cleared copy (the one to hand over) and its QR; null until cleared.
        cleared_xml     BLOB,
        cleared_qr      TEXT,
        -- 'replaced': the simplified invoice issued instead (its ICV); and, should ZATCA clear this one after all,
        -- the credit note that cancels it.
        replaced_by_icv INTEGER,
        cancelled_by_icv INTEGER,
        -- 'replaced' rows go on being sent; this says ZATCA answered them (cleared or rejected) at last.
        settled         INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1)),
        created_seq     INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq     INTEGER NOT NULL REFERENCES journal(seq),
        PRIMARY KEY (egs_id, icv),
        FOREIGN KEY (egs_id, icv) REFERENCES einvoice_documents(egs_id, icv)
      ) STRICT;
      CREATE INDEX einvoice_clearances_due ON einvoice_clearances(state, next_attempt_at) WHERE settled = 0;
    `);
  },
};
