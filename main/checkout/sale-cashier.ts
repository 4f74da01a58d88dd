// Who rang a sale up (people, issue 14): the user signed in when the sale opened, kept on the sale (sales.cashier,
// canonical JSON) and carried onto its receipt. A sale opened while nobody was signed in (a live till starts
// locked) or still empty when another cashier signs in becomes that cashier's (sale.cashier_set): the one who
// rings the first item up is the one the receipt names. A sale with items keeps its owner: another cashier signing
// in parks it to them (checkout.ts, cashierSignedIn), and it is still theirs when recalled.
import { SaleCashier } from '../../preload/contract';
import { parseJsonColumn, type Db } from '../db';
import { canonicalJson } from '../ledger';

export function createSaleCashiers(db: Db) {
  const read = db.prepare<[string], { cashier: string | null }>('SELECT cashier FROM sales WHERE id = ?');
  const set = db.prepare(`UPDATE sales SET cashier = ?, revision = revision + 1 WHERE id = ? AND status = 'open'`);
  return {
    of(saleId: string): SaleCashier | null {
      const stored = read.get(saleId)?.cashier ?? null;
      return stored === null ? null : parseJsonColumn(SaleCashier, stored, `sales.cashier of ${saleId}`);
    },
    set(saleId: string, cashier: SaleCashier | null): void {
      set.run(cashier === null ? null : canonicalJson(cashier), saleId);
    },
  };
}

/** The cashier as a sale keeps it: only the id and the names (never the role). */
export const asSaleCashier = (user: SaleCashier | null): SaleCashier | null => (user ? { id: user.id, nameAr: user.nameAr, nameEn: user.nameEn } : null);
