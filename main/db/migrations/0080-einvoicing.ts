// 0080 — e-invoicing (ZATCA phase 2). Each till is one EGS unit: its key (in the secret store), its stamp
// certificate, and ONE chain of documents — invoices, credit and debit notes share the counter (ICV) and the
// previous-invoice hash (PIH). A document is stored as the exact bytes that were hashed and signed, in the
// transaction that completes the sale, and is never changed or removed: a reprint, an export and a report
// resend these bytes. What the platform answered lives beside it in einvoice_reports, the reporting queue.
import type { Migration } from '../migrate';

export const migration0080Einvoicing: Migration = {
  version: 80,
  name: 'e-invoicing',
  up(db) {
    db.exec(`
      CREATE TABLE einvoice_units (
        egs_id        TEXT    PRIMARY KEY,
        environment   TEXT    NOT NULL CHECK (environment IN ('simulator', 'sandbox', 'simulation', 'production')),
        -- The CSR's common name and serial (1-solution|2-model|3-serial): what ZATCA knows the unit by.
        common_name   TEXT    NOT NULL,
        serial        TEXT    NOT NULL,
        -- Base64 of the DER production certificate (the CSID); null until onboarding has finished.
        certificate   TEXT,
        not_after     TEXT,
        state         TEXT    NOT NULL CHECK (state IN ('onboarding', 'active', 'retired')),
        created_seq   INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq   INTEGER NOT NULL REFERENCES journal(seq),
        CHECK ((state = 'active') <= (certificate IS NOT NULL))
      ) STRICT;
      -- A till signs with one unit at a time.
      CREATE UNIQUE INDEX einvoice_units_one_active ON einvoice_units(state) WHERE state = 'active';

      CREATE TABLE einvoice_documents (
        egs_id       TEXT    NOT NULL REFERENCES einvoice_units(egs_id),
        icv          INTEGER NOT NULL CHECK (icv >= 1),
        uuid         TEXT    NOT NULL UNIQUE,
        kind         TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'debit_note')),
        profile      TEXT    NOT NULL CHECK (profile IN ('simplified', 'standard')),
        -- The document's own number (cbc:ID): the receipt number it was issued with.
        number       TEXT    NOT NULL,
        sale_id      TEXT,
        issue_date   TEXT    NOT NULL,
        issue_time   TEXT    NOT NULL,
        pih          TEXT    NOT NULL,
        hash         TEXT    NOT NULL,
        qr           TEXT    NOT NULL,
        xml          BLOB    NOT NULL,
        xml_sha256   TEXT    NOT NULL,
        issued_seq   INTEGER NOT NULL REFERENCES journal(seq),
        PRIMARY KEY (egs_id, icv)
      ) STRICT;
      CREATE INDEX einvoice_documents_by_number ON einvoice_documents(number);
      CREATE TRIGGER einvoice_documents_no_update BEFORE UPDATE ON einvoice_documents
        BEGIN SELECT RAISE(ABORT, 'an issued e-invoice is never changed: issue a credit note'); END;
      CREATE TRIGGER einvoice_documents_no_delete BEFORE DELETE ON einvoice_documents
        BEGIN SELECT RAISE(ABORT, 'an issued e-invoice is never removed'); END;

      -- The reporting queue: one row per simplified document, oldest first by (issued_seq). 'waiting' rows are
      -- sent; each answer moves the row on. Attempts and back-off are bookkeeping; outcomes are journaled.
      CREATE TABLE einvoice_reports (
        egs_id          TEXT    NOT NULL,
        icv             INTEGER NOT NULL,
        state           TEXT    NOT NULL CHECK (state IN ('waiting', 'reported', 'warned', 'rejected')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_error      TEXT,
        -- ZATCA's warnings or errors, as JSON [{code, category, message, status}].
        messages        TEXT,
        reported_at     TEXT,
        created_seq     INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq     INTEGER NOT NULL REFERENCES journal(seq),
        PRIMARY KEY (egs_id, icv),
        FOREIGN KEY (egs_id, icv) REFERENCES einvoice_documents(egs_id, icv)
      ) STRICT;
      CREATE INDEX einvoice_reports_waiting ON einvoice_reports(state, next_attempt_at) WHERE state = 'waiting';
    `);
  },
};
