// What a till took over a stretch of its journal — the entries after one closing up to now — read from the period's
// own entries, found by type through the journal's (type, seq) index, so a day is read without touching a year:
// completed sales from their `sale.completed` entries (each holds the receipt as printed), voids from theirs,
// returns from `return.issued` (each holds the refund receipt), the sales and the returns each in one pass
// (./period-entries.ts). Nothing is written.
import { Reconciliation, type PaymentNeedingAttention, type PeriodReport, type TenderTotal, type VatTotal } from '../../preload/contract';
import { cashTakenBetween } from '../checkout';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import type { IntentStore } from '../payments';
import { cashRefundedBetween } from '../returns';
import { shiftNumberText } from '../shifts';
import { RECONCILED_ENTRY } from './reconcile';
import { createCashierNames } from './cashier-totals';
import { createPeriodEntries, type TenderRow, type VatRow } from './period-entries';

export interface PeriodReportDeps {
  db: Db;
  journal: Pick<Journal, 'head'>;
  intents: Pick<IntentStore, 'needsAttention'>;
  tillId: () => string;
  now?: () => Date;
  /** The last verified backup (main/backup), for the closing checklist; none: not known. */
  lastBackup?: () => { at: string; entries: number } | null;
}

/** Cash first, then by amount, then by scheme and wallet (a stable order for equal amounts). */
export const byTender = (a: TenderTotal, b: TenderTotal): number =>
  a.kind !== b.kind
    ? a.kind === 'cash'
      ? -1
      : 1
    : b.amountHalalas - a.amountHalalas || (a.scheme ?? '').localeCompare(b.scheme ?? '') || (a.wallet ?? '').localeCompare(b.wallet ?? '');

/**
 * The e-invoices waiting to be reported and those rejected, for the X and Z: two counts, each on its partial index
 * (migrations 0080, 0300), so a year of reported invoices is never read (it was a scan of every row).
 */
export const EINVOICE_COUNTS_SQL = `SELECT (SELECT COUNT(*) FROM einvoice_reports WHERE state = 'waiting') AS waiting,
       (SELECT COUNT(*) FROM einvoice_reports WHERE state = 'rejected') AS rejected`;

export function createPeriodReports(deps: PeriodReportDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  // A completed sale's entry holds its whole receipt (main/checkout/receipts.ts: the stored body is rebuilt from it
  // by `ledger verify`), and a return's entry its whole refund receipt: the period is read from the entries alone,
  // found by type through the journal's (type, seq) index (migration 0220), each entry once (./period-entries.ts).
  const entries = createPeriodEntries(db);
  const q = {
    firstAt: db.prepare<[number, number], { at: string }>('SELECT at FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1'),
    receiptNoAt: db.prepare<[number], { receiptNo: string }>(`SELECT json_extract(payload, '$.receiptNo') AS receiptNo FROM journal WHERE seq = ?`),
    voids: db.prepare<[number, number], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(payload, '$.totalHalalas')) AS total FROM journal
        WHERE type = 'sale.voided' AND seq > ? AND seq <= ? AND json_extract(payload, '$.lineCount') > 0`,
    ),
    shifts: db.prepare<[number, number], { tillId: string; number: number; expected: number; counted: number; difference: number }>(
      `SELECT s.till_id AS tillId, s.number AS number, json_extract(j.payload, '$.expectedHalalas') AS expected,
              json_extract(j.payload, '$.countedHalalas') AS counted, json_extract(j.payload, '$.differenceHalalas') AS difference
         FROM journal j JOIN shifts s ON s.id = json_extract(j.payload, '$.shiftId')
        WHERE j.type = 'shift.closed' AND j.seq > ? AND j.seq <= ? ORDER BY j.seq`,
    ),
    shiftOpen: db.prepare<[string], { open: number }>('SELECT COUNT(*) AS open FROM shifts WHERE till_id = ? AND closed_seq IS NULL'),
    chainAt: db.prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM journal WHERE seq = ?'),
    einvoices: db.prepare<[], { waiting: number; rejected: number }>(EINVOICE_COUNTS_SQL),
    reconciled: db.prepare<[number, number], { payload: string }>(
      `SELECT payload FROM journal WHERE type = '${RECONCILED_ENTRY}' AND seq > ? AND seq <= ? ORDER BY seq`,
    ),
  };

  const cashierTotals = createCashierNames(db);
  const tenderTotals = (rows: TenderRow[]): TenderTotal[] =>
    rows.map((r) => ({ kind: r.kind, scheme: r.scheme, wallet: r.wallet, count: r.count, amountHalalas: r.amount ?? 0 })).sort(byTender);

  /** Sales less returns, per VAT category and rate. */
  const vatOf = (sold: VatRow[], back: VatRow[]): VatTotal[] => {
    const byKey = new Map<string, VatTotal>();
    const add = (rows: VatRow[], sign: 1 | -1) => {
      for (const r of rows) {
        const key = `${r.category}:${r.rate}`;
        const t = byKey.get(key) ?? { category: r.category, ratePercent: r.rate, taxableHalalas: 0, vatHalalas: 0 };
        t.taxableHalalas += sign * (r.taxable ?? 0);
        t.vatHalalas += sign * (r.vat ?? 0);
        byKey.set(key, t);
      }
    };
    add(sold, 1);
    add(back, -1);
    const order = { S: 0, Z: 1, E: 2 } as const;
    return [...byKey.values()].sort((a, b) => order[a.category] - order[b.category] || b.ratePercent - a.ratePercent);
  };

  const attention = (): PaymentNeedingAttention[] =>
    deps.intents.needsAttention().map((i) => ({ reference: i.reference, kind: i.kind, state: i.state, amountHalalas: i.amount_halalas }));

  /** What does not add up from the period's sales: when it began, its shifts, and the till's state now. */
  const context = (afterSeq: number, uptoSeq: number) => ({
    from: q.firstAt.get(afterSeq, uptoSeq)?.at ?? null,
    shifts: q.shifts.all(afterSeq, uptoSeq).map((r) => ({
      shiftNo: shiftNumberText(r.tillId, r.number),
      expectedHalalas: r.expected,
      countedHalalas: r.counted,
      differenceHalalas: r.difference,
    })),
    shiftOpen: q.shiftOpen.get(deps.tillId())!.open > 0,
    paymentsNeedingAttention: attention(),
    einvoices: q.einvoices.get()!,
    reconciliations: q.reconciled.all(afterSeq, uptoSeq).map((r) => Reconciliation.parse(JSON.parse(r.payload))),
    lastBackup: lastBackup(),
  });
  const lastBackup = (): { at: string; entries: number } | null => {
    const b = deps.lastBackup?.() ?? null;
    return b ? { at: b.at, entries: b.entries } : null;
  };
  const receiptNoAt = (seq: number | null): string | null => (seq === null ? null : (q.receiptNoAt.get(seq)?.receiptNo ?? null));

  const between = (afterSeq: number, uptoSeq: number, chainHead: { seq: number; hash: string }): PeriodReport => {
    const sales = entries.sales(afterSeq, uptoSeq);
    const returns = entries.returns(afterSeq, uptoSeq);
    const voids = q.voids.get(afterSeq, uptoSeq)!;
    const salesHalalas = sales.total ?? 0;
    const returnsHalalas = returns.total ?? 0;
    const { from, ...rest } = context(afterSeq, uptoSeq);
    return {
      tillId: deps.tillId(),
      afterSeq,
      uptoSeq,
      from,
      to: now().toISOString(),
      receipts: { count: sales.count, first: receiptNoAt(sales.first), last: receiptNoAt(sales.last) },
      salesHalalas,
      voids: { count: voids.count, halalas: voids.total ?? 0 },
      returns: { count: returns.count, halalas: returnsHalalas },
      discounts: sales.discounts,
      netHalalas: salesHalalas - returnsHalalas,
      vat: vatOf(sales.vat, returns.vat),
      tenders: tenderTotals(sales.tenders),
      refunds: tenderTotals(returns.refunds),
      cash: { takenHalalas: cashTakenBetween(db, afterSeq, uptoSeq), refundedHalalas: cashRefundedBetween(db, afterSeq, uptoSeq) },
      cashiers: cashierTotals(sales.cashiers, returns.cashiers),
      ...rest,
      chainHead,
    };
  };

  return {
    /** The period after entry `afterSeq` up to the journal's head, read in one read transaction (a consistent view). */
    report(afterSeq: number): PeriodReport {
      return db.transaction((): PeriodReport => {
        const head = deps.journal.head();
        return between(afterSeq, head.seq, head);
      }).deferred();
    },
    /** The entries after `afterSeq` up to `uptoSeq` included (the daily totals' reading is held to this one). */
    reportBetween(afterSeq: number, uptoSeq: number): PeriodReport {
      return db.transaction((): PeriodReport => between(afterSeq, uptoSeq, q.chainAt.get(uptoSeq) ?? { seq: uptoSeq, hash: '' })).deferred();
    },
    context,
    receiptNoAt,
  };
}
export type PeriodReports = ReturnType<typeof createPeriodReports>;
