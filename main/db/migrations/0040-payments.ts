// Card payments. An intent is written (and journaled) BEFORE any byte goes to the terminal, under a
// reference that is never reused, so after a timeout or a crash the till can ask the terminal about exactly
// that reference instead of guessing. Approved card payments become tenders of their sale; a reversed tender
// keeps its row with the entry that reversed it.
import type { Migration } from '../migrate';

export const migration0040Payments: Migration = {
  version: 40,
  name: 'payments',
  up(db) {
    db.exec(`
      CREATE TABLE payment_intents (
        id              TEXT    PRIMARY KEY,
        reference       TEXT    NOT NULL UNIQUE,
        till_id         TEXT    NOT NULL,
        kind            TEXT    NOT NULL CHECK (kind IN ('purchase', 'refund', 'reversal')),
        connector       TEXT    NOT NULL,
        sale_id         TEXT    REFERENCES sales(id),
        original_id     TEXT    REFERENCES payment_intents(id),
        amount_halalas  INTEGER NOT NULL CHECK (amount_halalas > 0),
        state           TEXT    NOT NULL CHECK (state IN ('sending', 'awaiting', 'approved', 'declined', 'unknown',
                                                          'not_found', 'reversing', 'reversed', 'orphaned')),
        card            TEXT,
        reason          TEXT,
        created_at      TEXT    NOT NULL,
        created_seq     INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq     INTEGER NOT NULL REFERENCES journal(seq)
      ) STRICT;
      CREATE INDEX payment_intents_by_state ON payment_intents(state);
      CREATE INDEX payment_intents_by_sale ON payment_intents(sale_id);

      -- References must never repeat on a terminal, even after the till is reinstalled: the counter starts
      -- at a random offset the first time it is used (see main/payments/references.ts).
      CREATE TABLE payment_reference_counters (
        till_id TEXT    PRIMARY KEY,
        last    INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE tenders ADD COLUMN intent_id TEXT REFERENCES payment_intents(id);
      ALTER TABLE tenders ADD COLUMN details TEXT;
      ALTER TABLE tenders ADD COLUMN reversed_seq INTEGER REFERENCES journal(seq);
      CREATE UNIQUE INDEX tenders_one_per_intent ON tenders(intent_id) WHERE intent_id IS NOT NULL;

      -- Tills set up before card payments: no terminal until the admin configures one, and the demo manager
      -- PIN (1234) until a real one is provisioned.
      UPDATE settings SET value = json_set(value,
          '$.terminal', json('null'),
          '$.managerPin', json('{"salt":"nuqta-demo-manager","hash":"d1a25e511dd8990b8d02eb1fe65b5c7fd47cea081288cefd1a3026c302f9c501"}'))
        WHERE key = 'till' AND json_extract(value, '$.managerPin') IS NULL;
    `);
  },
};
