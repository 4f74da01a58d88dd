// 0100 — a return whose money goes back through a card or STC Pay payment waits for that refund: the request is
// written with the refund's intent (one transaction), and settled in the transaction that settles the refund —
// issued (the return, its credit note) when approved, cancelled when declined or not found. Until then its lines
// are held, so no other return can take them.
import type { Migration } from '../migrate';

export const migration0100ReturnRequests: Migration = {
  version: 100,
  name: 'return requests',
  up(db) {
    db.exec(`
      CREATE TABLE return_requests (
        id               TEXT    PRIMARY KEY,
        receipt_no       TEXT    NOT NULL REFERENCES receipts(receipt_no),
        refund_intent_id TEXT    NOT NULL UNIQUE REFERENCES payment_intents(id),
        -- JSON: the returned lines, the reason, and the split between the card refund and cash.
        plan             TEXT    NOT NULL,
        state            TEXT    NOT NULL CHECK (state IN ('waiting', 'issued', 'cancelled')),
        requested_seq    INTEGER NOT NULL REFERENCES journal(seq),
        settled_seq      INTEGER REFERENCES journal(seq),
        return_id        TEXT    REFERENCES returns(id)
      ) STRICT;
      CREATE INDEX return_requests_by_receipt ON return_requests(receipt_no);
    `);
  },
};
