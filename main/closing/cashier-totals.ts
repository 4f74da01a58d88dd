// Per-cashier totals of a period, from either reading (the entries, or the daily totals): sales counted and totalled
// per cashier id, less the returns of those cashiers' sales, named from the users table as the till knows them now.
import type { CashierTotal } from '../../preload/contract';
import type { Db } from '../db';

/** One cashier's part: '' is no cashier (sales before users, or nobody signed in). */
export interface CashierPart {
  id: string;
  count: number;
  amount: number;
}

export function createCashierNames(db: Db) {
  const name = db.prepare<[string], { nameAr: string; nameEn: string }>('SELECT name_ar AS nameAr, name_en AS nameEn FROM users WHERE id = ?');
  return (sales: CashierPart[], returns: CashierPart[]): CashierTotal[] => {
    const byId = new Map<string, { count: number; net: number }>();
    for (const s of sales) {
      const t = byId.get(s.id) ?? { count: 0, net: 0 };
      t.count += s.count;
      t.net += s.amount;
      byId.set(s.id, t);
    }
    for (const r of returns) {
      const t = byId.get(r.id) ?? { count: 0, net: 0 };
      t.net -= r.amount;
      byId.set(r.id, t);
    }
    return [...byId.entries()]
      .map(([id, t]): CashierTotal => {
        const known = id === '' ? undefined : name.get(id);
        return { cashierId: id === '' ? null : id, nameAr: known?.nameAr ?? '', nameEn: known?.nameEn ?? '', count: t.count, netHalalas: t.net };
      })
      .sort((a, b) => b.netHalalas - a.netHalalas || (a.cashierId ?? '').localeCompare(b.cashierId ?? ''));
  };
}
