// `ledger verify` for the daily totals (migration 0240): the journal's sales, voids, returns and cash payouts added
// up again here, in TypeScript, independently of the SQL triggers that maintain the rows, and every row compared.
// A row edited, added or removed by hand is a mismatch naming its day, dimension and key.
import type { Db } from '../db';
import type { Mismatch, Projection, ReplayEntry } from '../ledger';
import { divideRoundHalfUp } from '../money';

interface Sum {
  count: number;
  amount: number;
  vat: number;
  first_seq: number;
  last_seq: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
// A missing number stays visible as a mismatch (NaN never equals a stored integer), as the other projections do.
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const strOr = (v: unknown, or: string): string => (typeof v === 'string' ? v : or);
const tenderKey = (t: Obj): string => `${strOr(t.kind, '')}:${strOr(obj(t.card).scheme, '')}:${strOr(obj(t.card).wallet, '')}`;
const vatKey = (b: Obj): string => `${strOr(b.category, '')}:${String(b.ratePercent)}`;

/** Migration 0270's `discount` rows: a line's own discount, the sale's, a price set by hand below the catalog's. */
function discountsOf(p: Obj, put: (dim: string, key: string, count: number, amount: number) => void): void {
  const lineAt = (l: Obj, price: number) => (l.soldBy === 'kg' ? divideRoundHalfUp(price * num(l.quantity), 1000) : price * num(l.quantity));
  for (const l of arr(p.lines)) {
    const off = obj(l.discount).halalas;
    if (typeof off === 'number' && off > 0) put('discount', 'line', 1, off);
    const list = obj(l.priceOverride).listPriceHalalas;
    if (typeof list === 'number' && list > num(l.unitPriceHalalas)) put('discount', 'price', 1, lineAt(l, list) - lineAt(l, num(l.unitPriceHalalas)));
  }
  const off = obj(p.discount).halalas;
  if (typeof off === 'number' && off > 0) put('discount', 'sale', 1, off);
}

export function dailyTotalsProjection(db: Db): Projection {
  const offsetMs = (db.prepare<[], { offset_minutes: number }>('SELECT offset_minutes FROM daily_totals_zone WHERE id = 1').get()?.offset_minutes ?? 180) * 60_000;
  const sums = new Map<string, Sum>();
  const cashierOfSale = new Map<string, string>();

  const add = (day: string, dim: string, key: string, seq: number, count: number, amount: number, vat = 0) => {
    const id = `${day}\u0000${dim}\u0000${key}`;
    const s = sums.get(id);
    if (!s) sums.set(id, { count, amount, vat, first_seq: seq, last_seq: seq });
    else {
      s.count += count;
      s.amount += amount;
      s.vat += vat;
      s.last_seq = Math.max(s.last_seq, seq);
      s.first_seq = Math.min(s.first_seq, seq);
    }
  };

  const derive = (e: ReplayEntry): void => {
    const p = e.payload;
    const local = new Date(Date.parse(e.at) + offsetMs).toISOString();
    const day = local.slice(0, 10);
    const put = (dim: string, key: string, count: number, amount: number, vat = 0) => add(day, dim, key, e.seq, count, amount, vat);
    const totals = obj(p.totals);
    switch (e.type) {
      case 'sale.completed': {
        const cashier = strOr(obj(p.cashier).id, '');
        cashierOfSale.set(strOr(p.saleId, ''), cashier);
        const total = num(totals.totalHalalas);
        const vat = num(totals.vatHalalas);
        put('sales', '', 1, total, vat);
        put('hour', local.slice(11, 13), 1, total, vat);
        put('cashier', cashier, 1, total, vat);
        for (const t of arr(p.tenders)) {
          put('tender', tenderKey(t), 1, num(t.amountHalalas));
          if (t.kind === 'cash') put('cash', 'taken', 1, num(t.tenderedHalalas) - num(t.changeHalalas));
        }
        for (const b of arr(totals.breakdown)) put('vat', vatKey(b), 1, num(b.taxableHalalas), num(b.vatHalalas));
        for (const l of arr(p.lines)) put('item', String(l.productId), num(l.quantity), num(l.lineTotalHalalas));
        discountsOf(p, put);
        return;
      }
      case 'sale.voided':
        if (num(p.lineCount) > 0) put('voids', '', 1, num(p.totalHalalas));
        return;
      case 'return.issued': {
        const total = num(totals.totalHalalas);
        const vat = num(totals.vatHalalas);
        put('returns', '', 1, total, vat);
        put('cashier_return', cashierOfSale.get(strOr(p.saleId, '')) ?? '', 1, total, vat);
        for (const t of arr(p.refunds)) {
          put('refund', tenderKey(t), 1, num(t.amountHalalas));
          if (t.kind === 'cash') put('cash', 'refunded', 1, num(t.amountHalalas));
        }
        for (const b of arr(totals.breakdown)) put('return_vat', vatKey(b), 1, num(b.taxableHalalas), num(b.vatHalalas));
        return;
      }
      case 'return.cash_owed':
        put('cash', 'refunded', 1, -num(p.amountHalalas));
        return;
      case 'return.cash_paid':
        put('cash', 'refunded', 1, num(p.amountHalalas));
        return;
      default:
        return;
    }
  };

  const finish = (): Mismatch | undefined => {
    const seen = new Set<string>();
    const rows = db.prepare<[], Sum & { day: string; dim: string; key: string }>('SELECT * FROM daily_totals ORDER BY day, dim, key').iterate();
    for (const row of rows) {
      const id = `${row.day}\u0000${row.dim}\u0000${row.key}`;
      const key = `${row.day} ${row.dim} ${row.key}`.trimEnd();
      const want = sums.get(id);
      if (!want) return { table: 'daily_totals', key, what: 'a row no journal entry made' };
      seen.add(id);
      for (const column of ['count', 'amount', 'vat', 'first_seq', 'last_seq'] as const) {
        if (row[column] !== want[column]) return { table: 'daily_totals', key, what: `${column} is ${row[column]}, the journal says ${want[column]}`, seq: want.last_seq };
      }
    }
    for (const [id, want] of sums) {
      if (!seen.has(id)) return { table: 'daily_totals', key: id.split('\u0000').join(' ').trimEnd(), what: 'the row is missing', seq: want.last_seq };
    }
    return undefined;
  };

  return {
    name: 'daily totals',
    // The triggers add up every entry, the oldest too: so does the replay.
    legacy: derive,
    apply: (e) => {
      derive(e);
      return undefined;
    },
    finish,
  };
}
