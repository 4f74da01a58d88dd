// Store credit vouchers on the screen (docs/returns.md, "Store credit"): a voucher looked up by its number, and
// voided by a manager. Voiding moves no money (the paper stops paying), so no shift or e-invoicing gate.
import type { ManagerAuth } from '../auth';
import type { StoreCredit } from '../credit';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Handlers } from '../ipc';
import type { Journal } from '../ledger';

export type CreditHandlers = Pick<Handlers, 'getStoreCredit' | 'voidStoreCredit'>;

export interface CreditHandlerDeps {
  db: Db;
  journal: Journal;
  credit: Pick<StoreCredit, 'find' | 'voidInTx'>;
  manager: ManagerAuth;
}

export function createCreditHandlers({ db, journal, credit, manager }: CreditHandlerDeps): CreditHandlers {
  return {
    getStoreCredit: ({ voucherNo }) => {
      const voucher = credit.find(voucherNo);
      if (!voucher) throw new TillError('CREDIT_UNKNOWN', voucherNo);
      return voucher;
    },
    voidStoreCredit: ({ voucherNo, reason, note, managerPin }) => {
      manager.check(managerPin, 'approve:manager');
      return db
        .transaction(() => {
          // The approval and the void in one transaction: a void nobody approved is never written.
          journal.append('manager.authorised', { action: 'voidStoreCredit', voucherNo, reason });
          return credit.voidInTx({ voucherNo, reason, ...(note ? { note } : {}) });
        })
        .immediate();
    },
  };
}
