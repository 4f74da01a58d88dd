// 0310 — a store credit voucher voided from the screen (issue 13: lost, stolen, issued in error). 0280 let the
// state go to 'voided' but also back again, and a voided voucher's balance still go down: a voided voucher would
// be no more final than a manager's word. From here:
// - voiding keeps the balance it had (the `credit.voided` entry records it: what the shop no longer owes);
// - a voided voucher never changes again (not made active, not spent).
import type { Migration } from '../migrate';

export const migration0310StoreCreditVoid: Migration = {
  version: 310,
  name: 'store credit void',
  up(db) {
    db.exec(`
      CREATE TRIGGER store_credit_void_keeps_balance BEFORE UPDATE ON store_credit
        WHEN NEW.state = 'voided' AND OLD.state <> 'voided' AND NEW.balance_halalas <> OLD.balance_halalas
        BEGIN SELECT RAISE(ABORT, 'a store credit voucher is voided with the balance it had'); END;
      CREATE TRIGGER store_credit_voided_final BEFORE UPDATE ON store_credit
        WHEN OLD.state = 'voided'
        BEGIN SELECT RAISE(ABORT, 'a voided store credit voucher never changes'); END;
    `);
  },
};
