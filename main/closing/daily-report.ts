// A report over whole business days (a week, a month) read from the daily totals (migration 0240): ~30 days' rows
// per dimension instead of the period's entries. The answer is the entry-reading report's (period-report.ts) for the
// same entries — the days' span of the journal — which test/closing/daily-report.test.ts holds it to. What does not
// add up (the shifts closed, the till's state now) is read as that report reads it.
import type { PeriodReport, SalesReport, TenderTotal, VatTotal } from '../../preload/contract';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import { createCashierNames, type CashierPart } from './cashier-totals';
import { byTender, type PeriodReports } from './period-report';

export interface DailyReportDeps {
  db: Db;
  journal: Pick<Journal, 'head'>;
  reports: Pick<PeriodReports, 'context' | 'receiptNoAt'>;
  tillId: () => string;
  now?: () => Date;
}

/** A business day, YYYY-MM-DD in the till's zone. */
export type Day = string;

interface Sum {
  key: string;
  count: number;
  amount: number;
  vat: number;
  first: number;
  last: number;
}

const DAY_MS = 24 * 3600_000;
const VAT_ORDER = { S: 0, Z: 1, E: 2 } as const;

export function createDailyReports(deps: DailyReportDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const q = {
    dim: db.prepare<[string, Day, Day], Sum>(
      `SELECT key, SUM(count) AS count, SUM(amount) AS amount, SUM(vat) AS vat, MIN(first_seq) AS first, MAX(last_seq) AS last
         FROM daily_totals WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key`,
    ),
    offset: db.prepare<[], { offset_minutes: number }>('SELECT offset_minutes FROM daily_totals_zone WHERE id = 1'),
    atOf: db.prepare<[number], { at: string }>('SELECT at FROM journal WHERE seq = ?'),
    chainAt: db.prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM journal WHERE seq = ?'),
    byDay: db.prepare<[Day, Day], { day: Day; dim: 'sales' | 'returns'; count: number; amount: number }>(
      `SELECT day, dim, SUM(count) AS count, SUM(amount) AS amount FROM daily_totals
        WHERE dim IN ('sales', 'returns') AND day BETWEEN ? AND ? GROUP BY day, dim ORDER BY day`,
    ),
    topItems: db.prepare<[Day, Day], { productId: number; quantity: number; amount: number }>(
      `SELECT CAST(key AS INTEGER) AS productId, SUM(count) AS quantity, SUM(amount) AS amount FROM daily_totals
        WHERE dim = 'item' AND day BETWEEN ? AND ? GROUP BY key ORDER BY amount DESC, productId LIMIT 10`,
    ),
    product: db.prepare<[number], { nameAr: string; nameEn: string }>('SELECT name_ar AS nameAr, name_en AS nameEn FROM products WHERE id = ?'),
  };
  const cashierTotals = createCashierNames(db);

  /** The last entry before `iso` (0: none): the journal's times follow its order, so a binary search over seq. */
  const lastSeqBefore = (iso: string, headSeq: number): number => {
    let lo = 0;
    let hi = headSeq;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((q.atOf.get(mid)?.at ?? '') < iso) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const tendersOf = (rows: Sum[]): TenderTotal[] =>
    rows
      .map((r) => {
        const [kind, scheme, wallet] = r.key.split(':') as [TenderTotal['kind'], string, string];
        return { kind, scheme: scheme || null, wallet: wallet || null, count: r.count, amountHalalas: r.amount };
      })
      .sort(byTender);

  const vatOf = (sold: Sum[], back: Sum[]): VatTotal[] => {
    const byKey = new Map<string, VatTotal>();
    const add = (rows: Sum[], sign: 1 | -1) => {
      for (const r of rows) {
        const [category, rate] = r.key.split(':') as [VatTotal['category'], string];
        const t = byKey.get(r.key) ?? { category, ratePercent: Number(rate), taxableHalalas: 0, vatHalalas: 0 };
        t.taxableHalalas += sign * r.amount;
        t.vatHalalas += sign * r.vat;
        byKey.set(r.key, t);
      }
    };
    add(sold, 1);
    add(back, -1);
    return [...byKey.values()].sort((a, b) => VAT_ORDER[a.category] - VAT_ORDER[b.category] || b.ratePercent - a.ratePercent);
  };

  const days = (from: Day, to: Day): PeriodReport =>
    db
        .transaction((): PeriodReport => {
          const offsetMs = (q.offset.get()?.offset_minutes ?? 180) * 60_000;
          const startOf = (day: Day) => new Date(Date.parse(`${day}T00:00:00.000Z`) - offsetMs).toISOString();
          const end = new Date(Date.parse(startOf(to)) + DAY_MS).toISOString();
          const head = deps.journal.head();
          const afterSeq = lastSeqBefore(startOf(from), head.seq);
          const uptoSeq = lastSeqBefore(end, head.seq);
          const dim = (name: string) => q.dim.all(name, from, to);
          const one = (name: string) => dim(name)[0];
          const sales = one('sales');
          const voids = one('voids');
          const returns = one('returns');
          const cash = dim('cash');
          const salesHalalas = sales?.amount ?? 0;
          const returnsHalalas = returns?.amount ?? 0;
          const { from: firstAt, ...rest } = deps.reports.context(afterSeq, uptoSeq);
          const parts = (rows: Sum[]): CashierPart[] => rows.map((r) => ({ id: r.key, count: r.count, amount: r.amount }));
          const nowIso = now().toISOString();
          return {
            tillId: deps.tillId(),
            afterSeq,
            uptoSeq,
            from: firstAt,
            to: end < nowIso ? end : nowIso,
            receipts: { count: sales?.count ?? 0, first: deps.reports.receiptNoAt(sales?.first ?? null), last: deps.reports.receiptNoAt(sales?.last ?? null) },
            salesHalalas,
            voids: { count: voids?.count ?? 0, halalas: voids?.amount ?? 0 },
            returns: { count: returns?.count ?? 0, halalas: returnsHalalas },
            discounts: dim('discount').reduce((d, r) => ({ count: d.count + r.count, halalas: d.halalas + r.amount }), { count: 0, halalas: 0 }),
            netHalalas: salesHalalas - returnsHalalas,
            vat: vatOf(dim('vat'), dim('return_vat')),
            tenders: tendersOf(dim('tender')),
            refunds: tendersOf(dim('refund')),
            cash: { takenHalalas: cash.find((r) => r.key === 'taken')?.amount ?? 0, refundedHalalas: cash.find((r) => r.key === 'refunded')?.amount ?? 0 },
            cashiers: cashierTotals(parts(dim('cashier')), parts(dim('cashier_return'))),
            ...rest,
            chainHead: q.chainAt.get(uptoSeq) ?? { seq: 0, hash: '' },
          };
        })
        .deferred();

  return {
    /** The whole business days `from` to `to` included, as one period. */
    days,
    /** The reports screen's answer: the period and its spread by day and hour, and the items that sold most. */
    sales(from: Day, to: Day): SalesReport {
      return db
        .transaction((): SalesReport => {
          const byDay = new Map<Day, SalesReport['byDay'][number]>();
          for (const r of q.byDay.all(from, to)) {
            const d = byDay.get(r.day) ?? { day: r.day, count: 0, salesHalalas: 0, returnsHalalas: 0 };
            if (r.dim === 'sales') {
              d.count = r.count;
              d.salesHalalas = r.amount;
            } else d.returnsHalalas = r.amount;
            byDay.set(r.day, d);
          }
          return {
            from,
            to,
            report: days(from, to),
            byDay: [...byDay.values()],
            byHour: q.dim.all('hour', from, to).map((r) => ({ hour: Number(r.key), count: r.count, salesHalalas: r.amount })).sort((a, b) => a.hour - b.hour),
            topItems: q.topItems.all(from, to).map((r) => {
              const name = q.product.get(r.productId);
              return { productId: r.productId, nameAr: name?.nameAr ?? '', nameEn: name?.nameEn ?? '', quantity: r.quantity, salesHalalas: r.amount };
            }),
          };
        })
        .deferred();
    },
  };
}
export type DailyReports = ReturnType<typeof createDailyReports>;
