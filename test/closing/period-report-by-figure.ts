// The X and the Z as they were read before the one-pass reading (main/closing/period-entries.ts): one SQL query per
// figure over the period's entries, kept verbatim as the reference test/closing/period-report-one-pass.test.ts
// holds the till's reading to (only the imports and the names changed). Not used by the till.
import { Reconciliation, type PaymentNeedingAttention, type PeriodReport, type TenderTotal, type VatTotal } from '../../preload/contract';
import { cashTakenBetween } from '../../main/checkout';
import { discountsOfSales, type Db } from '../../main/db';
import type { Journal } from '../../main/ledger';
import type { IntentStore } from '../../main/payments';
import { cashRefundedBetween, RETURN_ENTRY } from '../../main/returns';
import { shiftNumberText } from '../../main/shifts';
import { RECONCILED_ENTRY } from '../../main/closing';
import { createCashierNames, type CashierPart } from '../../main/closing/cashier-totals';

interface PeriodReportDeps {
  db: Db;
  journal: Pick<Journal, 'head'>;
  intents: Pick<IntentStore, 'needsAttention'>;
  tillId: () => string;
  now?: () => Date;
  /** The last verified backup (main/backup), for the closing checklist; none: not known. */
  lastBackup?: () => { at: string; entries: number } | null;
}

/** Cash first, then by amount, then by scheme and wallet (a stable order for equal amounts). */
const byTender = (a: TenderTotal, b: TenderTotal): number =>
  a.kind !== b.kind
    ? a.kind === 'cash'
      ? -1
      : 1
    : b.amountHalalas - a.amountHalalas || (a.scheme ?? '').localeCompare(b.scheme ?? '') || (a.wallet ?? '').localeCompare(b.wallet ?? '');

type TenderRow = { kind: 'cash' | 'card'; scheme: string | null; wallet: string | null; count: number; amount: number };

export function createPeriodReportsByFigure(deps: PeriodReportDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  // A completed sale's entry holds its whole receipt (main/checkout/receipts.ts: the stored body is rebuilt from it
  // by `ledger verify`), and a return's entry its whole refund receipt: the period is read from the entries alone,
  // found by type through the journal's (type, seq) index (migration 0220).
  const SALES = `FROM journal j WHERE j.type = 'sale.completed' AND j.seq > ? AND j.seq <= ?`;
  const RETURNS = `FROM journal j WHERE j.type = '${RETURN_ENTRY}' AND j.seq > ? AND j.seq <= ?`;
  const q = {
    firstAt: db.prepare<[number, number], { at: string }>('SELECT at FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1'),
    receipts: db.prepare<[number, number], { count: number; total: number | null; first: number | null; last: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(j.payload, '$.totals.totalHalalas')) AS total, MIN(j.seq) AS first, MAX(j.seq) AS last ${SALES}`,
    ),
    receiptNoAt: db.prepare<[number], { receiptNo: string }>(`SELECT json_extract(payload, '$.receiptNo') AS receiptNo FROM journal WHERE seq = ?`),
    saleVat: db.prepare<[number, number], { category: VatTotal['category']; rate: number; taxable: number; vat: number }>(
      `SELECT json_extract(b.value, '$.category') AS category, json_extract(b.value, '$.ratePercent') AS rate,
              SUM(json_extract(b.value, '$.taxableHalalas')) AS taxable, SUM(json_extract(b.value, '$.vatHalalas')) AS vat
         FROM journal j JOIN json_each(j.payload, '$.totals.breakdown') b
        WHERE j.type = 'sale.completed' AND j.seq > ? AND j.seq <= ?
        GROUP BY category, rate`,
    ),
    saleTenders: db.prepare<[number, number], TenderRow>(
      `SELECT json_extract(t.value, '$.kind') AS kind, json_extract(t.value, '$.card.scheme') AS scheme,
              json_extract(t.value, '$.card.wallet') AS wallet, COUNT(*) AS count, SUM(json_extract(t.value, '$.amountHalalas')) AS amount
         FROM journal j JOIN json_each(j.payload, '$.tenders') t
        WHERE j.type = 'sale.completed' AND j.seq > ? AND j.seq <= ?
        GROUP BY kind, scheme, wallet`,
    ),
    voids: db.prepare<[number, number], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(payload, '$.totalHalalas')) AS total FROM journal
        WHERE type = 'sale.voided' AND seq > ? AND seq <= ? AND json_extract(payload, '$.lineCount') > 0`,
    ),
    returns: db.prepare<[number, number], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(j.payload, '$.totals.totalHalalas')) AS total ${RETURNS}`,
    ),
    discounts: db.prepare<[{ after: number; upto: number }], { count: number; halalas: number }>(
      `SELECT COALESCE(SUM(count), 0) AS count, COALESCE(SUM(amount), 0) AS halalas
         FROM (${discountsOfSales(`(SELECT seq, at, payload FROM journal WHERE type = 'sale.completed' AND seq > @after AND seq <= @upto)`, `''`)})`,
    ),
    returnVat: db.prepare<[number, number], { category: VatTotal['category']; rate: number; taxable: number; vat: number }>(
      `SELECT json_extract(b.value, '$.category') AS category, json_extract(b.value, '$.ratePercent') AS rate,
              SUM(json_extract(b.value, '$.taxableHalalas')) AS taxable, SUM(json_extract(b.value, '$.vatHalalas')) AS vat
         FROM journal j JOIN json_each(j.payload, '$.totals.breakdown') b
        WHERE j.type = '${RETURN_ENTRY}' AND j.seq > ? AND j.seq <= ?
        GROUP BY category, rate`,
    ),
    refunds: db.prepare<[number, number], TenderRow>(
      `SELECT json_extract(t.value, '$.kind') AS kind, json_extract(t.value, '$.card.scheme') AS scheme,
              json_extract(t.value, '$.card.wallet') AS wallet, COUNT(*) AS count, SUM(json_extract(t.value, '$.amountHalalas')) AS amount
         FROM journal j JOIN json_each(j.payload, '$.refunds') t
        WHERE j.type = '${RETURN_ENTRY}' AND j.seq > ? AND j.seq <= ?
        GROUP BY kind, scheme, wallet`,
    ),
    shifts: db.prepare<[number, number], { tillId: string; number: number; expected: number; counted: number; difference: number }>(
      `SELECT s.till_id AS tillId, s.number AS number, json_extract(j.payload, '$.expectedHalalas') AS expected,
              json_extract(j.payload, '$.countedHalalas') AS counted, json_extract(j.payload, '$.differenceHalalas') AS difference
         FROM journal j JOIN shifts s ON s.id = json_extract(j.payload, '$.shiftId')
        WHERE j.type = 'shift.closed' AND j.seq > ? AND j.seq <= ? ORDER BY j.seq`,
    ),
    shiftOpen: db.prepare<[string], { open: number }>('SELECT COUNT(*) AS open FROM shifts WHERE till_id = ? AND closed_seq IS NULL'),
    cashierSales: db.prepare<[number, number], CashierPart>(
      `SELECT coalesce(json_extract(j.payload, '$.cashier.id'), '') AS id, COUNT(*) AS count, SUM(json_extract(j.payload, '$.totals.totalHalalas')) AS amount
         ${SALES} GROUP BY id`,
    ),
    // A return counts against the cashier of the sale it comes back from.
    cashierReturns: db.prepare<[number, number], CashierPart>(
      `SELECT coalesce((SELECT json_extract(s.cashier, '$.id') FROM sales s WHERE s.id = json_extract(j.payload, '$.saleId')), '') AS id,
              COUNT(*) AS count, SUM(json_extract(j.payload, '$.totals.totalHalalas')) AS amount
         ${RETURNS} GROUP BY id`,
    ),
    chainAt: db.prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM journal WHERE seq = ?'),
    einvoices: db.prepare<[], { waiting: number; rejected: number }>(
      `SELECT COALESCE(SUM(state = 'waiting'), 0) AS waiting, COALESCE(SUM(state = 'rejected'), 0) AS rejected FROM einvoice_reports`,
    ),
    reconciled: db.prepare<[number, number], { payload: string }>(
      `SELECT payload FROM journal WHERE type = '${RECONCILED_ENTRY}' AND seq > ? AND seq <= ? ORDER BY seq`,
    ),
  };

  const cashierTotals = createCashierNames(db);
  const tenderTotals = (rows: TenderRow[]): TenderTotal[] =>
    rows.map((r) => ({ kind: r.kind, scheme: r.scheme, wallet: r.wallet, count: r.count, amountHalalas: r.amount })).sort(byTender);

  /** Sales less returns, per VAT category and rate. */
  const vatOf = (afterSeq: number, uptoSeq: number): VatTotal[] => {
    const byKey = new Map<string, VatTotal>();
    const add = (rows: Array<{ category: VatTotal['category']; rate: number; taxable: number; vat: number }>, sign: 1 | -1) => {
      for (const r of rows) {
        const key = `${r.category}:${r.rate}`;
        const t = byKey.get(key) ?? { category: r.category, ratePercent: r.rate, taxableHalalas: 0, vatHalalas: 0 };
        t.taxableHalalas += sign * r.taxable;
        t.vatHalalas += sign * r.vat;
        byKey.set(key, t);
      }
    };
    add(q.saleVat.all(afterSeq, uptoSeq), 1);
    add(q.returnVat.all(afterSeq, uptoSeq), -1);
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
    const receipts = q.receipts.get(afterSeq, uptoSeq)!;
    const voids = q.voids.get(afterSeq, uptoSeq)!;
    const returns = q.returns.get(afterSeq, uptoSeq)!;
    const salesHalalas = receipts.total ?? 0;
    const returnsHalalas = returns.total ?? 0;
    const { from, ...rest } = context(afterSeq, uptoSeq);
    return {
      tillId: deps.tillId(),
      afterSeq,
      uptoSeq,
      from,
      to: now().toISOString(),
      receipts: { count: receipts.count, first: receiptNoAt(receipts.first), last: receiptNoAt(receipts.last) },
      salesHalalas,
      voids: { count: voids.count, halalas: voids.total ?? 0 },
      returns: { count: returns.count, halalas: returnsHalalas },
      discounts: q.discounts.get({ after: afterSeq, upto: uptoSeq })!,
      netHalalas: salesHalalas - returnsHalalas,
      vat: vatOf(afterSeq, uptoSeq),
      tenders: tenderTotals(q.saleTenders.all(afterSeq, uptoSeq)),
      refunds: tenderTotals(q.refunds.all(afterSeq, uptoSeq)),
      cash: { takenHalalas: cashTakenBetween(db, afterSeq, uptoSeq), refundedHalalas: cashRefundedBetween(db, afterSeq, uptoSeq) },
      cashiers: cashierTotals(q.cashierSales.all(afterSeq, uptoSeq), q.cashierReturns.all(afterSeq, uptoSeq)),
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
