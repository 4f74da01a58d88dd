// 0280 — store credit (issue 13, "a return … to cash or store credit"): a bearer voucher with a number and a
// balance in halalas, issued by a return instead of cash and taken as a tender on a later sale. There are no
// customers yet, so the voucher is the credit: whoever holds the paper holds the balance (docs/returns.md).
// - store_credit: one row per voucher. The balance only goes down, never below 0 nor above what was issued; it is
//   'used' exactly when nothing is left. A voucher is never removed. Every change is journaled (credit.issued,
//   credit.redeemed) in the transaction that makes it, and replayed by `ledger verify` (main/credit/projection.ts).
import type { Migration } from '../migrate';

export const migration0280StoreCredit: Migration = {
  version: 280,
  name: 'store credit',
  up(db) {
    db.exec(`
      CREATE TABLE store_credit (
        voucher_no        TEXT    PRIMARY KEY,
        issued_halalas    INTEGER NOT NULL CHECK (issued_halalas > 0),
        balance_halalas   INTEGER NOT NULL CHECK (balance_halalas >= 0 AND balance_halalas <= issued_halalas),
        return_no         TEXT    NOT NULL REFERENCES returns(return_no),
        created_at        TEXT    NOT NULL,
        state             TEXT    NOT NULL CHECK (state IN ('active', 'used', 'voided')),
        issued_seq        INTEGER NOT NULL REFERENCES journal(seq),
        updated_seq       INTEGER NOT NULL REFERENCES journal(seq),
        CHECK ((state = 'used') = (balance_halalas = 0))
      ) STRICT;
      CREATE INDEX store_credit_by_return ON store_credit(return_no);

      CREATE TRIGGER store_credit_no_delete BEFORE DELETE ON store_credit
        BEGIN SELECT RAISE(ABORT, 'a store credit voucher is never removed'); END;
      CREATE TRIGGER store_credit_fixed BEFORE UPDATE OF voucher_no, issued_halalas, return_no, created_at, issued_seq ON store_credit
        BEGIN SELECT RAISE(ABORT, 'a store credit voucher''s issue is never changed'); END;
      CREATE TRIGGER store_credit_only_down BEFORE UPDATE OF balance_halalas ON store_credit
        WHEN NEW.balance_halalas > OLD.balance_halalas
        BEGIN SELECT RAISE(ABORT, 'a store credit balance only goes down'); END;
    `);
  },
};
