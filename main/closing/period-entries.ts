// The period's completed sales and its returns, each read in ONE pass over their journal entries (issue 15: the Z of
// a busy day ≤ 200 ms). One query per figure read every one of the day's ~2,700 sale entries five times over —
// each time from disk pages the 2 MiB page cache had long dropped, each time parsing its JSON again — and grouped
// by sorting whole payloads. Here each entry is fetched and parsed once (SQLite's JSON cache serves every
// json_extract of the same row from one parse) and its few figures are added up in TypeScript, keeping SQL's
// aggregate rules: a missing figure (NULL) counts in COUNT but not in SUM, and a SUM over nothing is NULL.
//
// The discounts keep their one SQL definition (discountsOfSales, shared with the daily totals' trigger), run only
// over the entries whose text may name one: most sales have none. The look is one GLOB for `"disc` or `"pric` (a
// wider net than `"discount"` and `"priceOverride"`, in one scan of the text instead of two instr: ~30 % less); an
// entry it lets through by mistake is only read again, and discountsOfSales looks for the exact keys.
import type { TenderTotal, VatTotal } from '../../preload/contract';
import { discountsOfSales, type Db } from '../db';
import { RETURN_ENTRY } from '../returns';
import type { CashierPart } from './cashier-totals';

/** One group of tenders or refunds, as `GROUP BY kind, scheme, wallet` gives it. */
export interface TenderRow {
  kind: TenderTotal['kind'];
  scheme: string | null;
  wallet: string | null;
  count: number;
  amount: number | null;
}

/** One VAT category and rate, as `GROUP BY category, rate` gives it. */
export interface VatRow {
  category: VatTotal['category'];
  rate: number;
  taxable: number | null;
  vat: number | null;
}

export interface SalesPass {
  count: number;
  total: number | null;
  first: number | null;
  last: number | null;
  vat: VatRow[];
  tenders: TenderRow[];
  cashiers: CashierPart[];
  discounts: { count: number; halalas: number };
}

export interface ReturnsPass {
  count: number;
  total: number | null;
  vat: VatRow[];
  refunds: TenderRow[];
  cashiers: CashierPart[];
}

/** SQL's SUM: NULLs are skipped, and a sum of nothing is NULL. */
const plus = (sum: number | null, value: unknown): number | null => (typeof value === 'number' ? (sum ?? 0) + value : sum);

type Json = Record<string, unknown>;
const parseArray = (text: string | null): Json[] => {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as Json[]) : [];
};
const field = (o: Json, key: string): unknown => (o[key] === undefined ? null : o[key]);
const cardField = (o: Json, key: string): unknown => {
  const card = o.card;
  return card !== null && typeof card === 'object' ? field(card as Json, key) : null;
};

function tenderGroups() {
  const groups = new Map<string, TenderRow>();
  return {
    add(items: Json[]) {
      for (const t of items) {
        const kind = field(t, 'kind') as TenderRow['kind'];
        const scheme = cardField(t, 'scheme') as string | null;
        const wallet = cardField(t, 'wallet') as string | null;
        const key = JSON.stringify([kind, scheme, wallet]);
        const g = groups.get(key) ?? { kind, scheme, wallet, count: 0, amount: null };
        g.count += 1;
        g.amount = plus(g.amount, t.amountHalalas);
        groups.set(key, g);
      }
    },
    rows: () => [...groups.values()],
  };
}

function vatGroups() {
  const groups = new Map<string, VatRow>();
  return {
    add(items: Json[]) {
      for (const b of items) {
        const category = field(b, 'category') as VatRow['category'];
        const rate = field(b, 'ratePercent') as number;
        const key = JSON.stringify([category, rate]);
        const g = groups.get(key) ?? { category, rate, taxable: null, vat: null };
        g.taxable = plus(g.taxable, b.taxableHalalas);
        g.vat = plus(g.vat, b.vatHalalas);
        groups.set(key, g);
      }
    },
    rows: () => [...groups.values()],
  };
}

function cashierGroups() {
  const groups = new Map<string, CashierPart>();
  return {
    add(id: string, total: number | null) {
      const g = groups.get(id) ?? { id, count: 0, amount: 0 };
      g.count += 1;
      g.amount = plus(g.amount, total) ?? 0;
      groups.set(id, g);
    },
    rows: () => [...groups.values()],
  };
}

interface SaleRow {
  seq: number;
  total: number | null;
  cashier: string;
  breakdown: string | null;
  tenders: string | null;
  discounted: number;
}
interface ReturnRow {
  total: number | null;
  cashier: string;
  breakdown: string | null;
  refunds: string | null;
}

export function createPeriodEntries(db: Db) {
  const q = {
    sales: db.prepare<[number, number], SaleRow>(
      `SELECT seq, json_extract(payload, '$.totals.totalHalalas') AS total, coalesce(json_extract(payload, '$.cashier.id'), '') AS cashier,
              json_extract(payload, '$.totals.breakdown') AS breakdown, json_extract(payload, '$.tenders') AS tenders,
              payload GLOB '*"[dp][ir][is]c*' AS discounted
         FROM journal WHERE type = 'sale.completed' AND seq > ? AND seq <= ?`,
    ),
    discounts: db.prepare<[{ seqs: string }], { count: number; halalas: number }>(
      `SELECT COALESCE(SUM(count), 0) AS count, COALESCE(SUM(amount), 0) AS halalas
         FROM (${discountsOfSales(`(SELECT seq, at, payload FROM journal WHERE type = 'sale.completed' AND seq IN (SELECT value FROM json_each(@seqs)))`, `''`)})`,
    ),
    // A return counts against the cashier of the sale it comes back from.
    returns: db.prepare<[number, number], ReturnRow>(
      `SELECT json_extract(j.payload, '$.totals.totalHalalas') AS total,
              coalesce((SELECT json_extract(s.cashier, '$.id') FROM sales s WHERE s.id = json_extract(j.payload, '$.saleId')), '') AS cashier,
              json_extract(j.payload, '$.totals.breakdown') AS breakdown, json_extract(j.payload, '$.refunds') AS refunds
         FROM journal j WHERE j.type = '${RETURN_ENTRY}' AND j.seq > ? AND j.seq <= ?`,
    ),
  };

  return {
    /** The `sale.completed` entries after `afterSeq` up to `uptoSeq`, in one pass. */
    sales(afterSeq: number, uptoSeq: number): SalesPass {
      let count = 0;
      let total: number | null = null;
      let first: number | null = null;
      let last: number | null = null;
      const vat = vatGroups();
      const tenders = tenderGroups();
      const cashiers = cashierGroups();
      const discounted: number[] = [];
      for (const r of q.sales.iterate(afterSeq, uptoSeq)) {
        count += 1;
        total = plus(total, r.total);
        first = first === null ? r.seq : Math.min(first, r.seq);
        last = last === null ? r.seq : Math.max(last, r.seq);
        vat.add(parseArray(r.breakdown));
        tenders.add(parseArray(r.tenders));
        cashiers.add(r.cashier, r.total);
        if (r.discounted) discounted.push(r.seq);
      }
      const discounts = discounted.length > 0 ? q.discounts.get({ seqs: JSON.stringify(discounted) })! : { count: 0, halalas: 0 };
      return { count, total, first, last, vat: vat.rows(), tenders: tenders.rows(), cashiers: cashiers.rows(), discounts };
    },
    /** The `return.issued` entries after `afterSeq` up to `uptoSeq`, in one pass. */
    returns(afterSeq: number, uptoSeq: number): ReturnsPass {
      let count = 0;
      let total: number | null = null;
      const vat = vatGroups();
      const refunds = tenderGroups();
      const cashiers = cashierGroups();
      for (const r of q.returns.iterate(afterSeq, uptoSeq)) {
        count += 1;
        total = plus(total, r.total);
        vat.add(parseArray(r.breakdown));
        refunds.add(parseArray(r.refunds));
        cashiers.add(r.cashier, r.total);
      }
      return { count, total, vat: vat.rows(), refunds: refunds.rows(), cashiers: cashiers.rows() };
    },
  };
}
