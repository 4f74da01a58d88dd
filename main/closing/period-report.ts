// What a till took over a stretch of its journal — the entries after one closing up to now — read from the tables
// the journal made, through the period's own entries (the journal's key), so a day is read without touching a
// year: completed sales through their `sale.completed` entries and stored receipts (what was printed), voids from
// their entries, returns through `return.issued` and their stored refund receipts. Nothing is written.
import type { PaymentNeedingAttention, PeriodReport, TenderTotal, VatTotal } from '../../preload/contract';
import { cashTakenBetween } from '../checkout';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import type { IntentStore } from '../payments';
import { cashRefundedBetween, RETURN_ENTRY } from '../returns';

export interface PeriodReportDeps {
  db: Db;
  journal: Pick<Journal, 'head'>;
  intents: Pick<IntentStore, 'needsAttention'>;
  tillId: () => string;
  now?: () => Date;
}

type TenderRow = { kind: 'cash' | 'card'; scheme: string | null; wallet: string | null; count: number; amount: number };

export function createPeriodReports(deps: PeriodReportDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const q = {
    firstAt: db.prepare<[number, number], { at: string }>('SELECT at FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1'),
    receipts: db.prepare<[number, number], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(r.body, '$.totals.totalHalalas')) AS total
         FROM journal j JOIN receipts r ON r.sale_id = json_extract(j.payload, '$.saleId')
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'sale.completed'`,
    ),
    firstReceipt: db.prepare<[number, number], { receipt_no: string }>(
      `SELECT r.receipt_no FROM journal j JOIN receipts r ON r.sale_id = json_extract(j.payload, '$.saleId')
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'sale.completed' ORDER BY j.seq LIMIT 1`,
    ),
    lastReceipt: db.prepare<[number, number], { receipt_no: string }>(
      `SELECT r.receipt_no FROM journal j JOIN receipts r ON r.sale_id = json_extract(j.payload, '$.saleId')
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'sale.completed' ORDER BY j.seq DESC LIMIT 1`,
    ),
    saleVat: db.prepare<[number, number], { category: VatTotal['category']; rate: number; taxable: number; vat: number }>(
      `SELECT json_extract(b.value, '$.category') AS category, json_extract(b.value, '$.ratePercent') AS rate,
              SUM(json_extract(b.value, '$.taxableHalalas')) AS taxable, SUM(json_extract(b.value, '$.vatHalalas')) AS vat
         FROM journal j JOIN receipts r ON r.sale_id = json_extract(j.payload, '$.saleId')
         JOIN json_each(r.body, '$.totals.breakdown') b
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'sale.completed'
        GROUP BY category, rate`,
    ),
    saleTenders: db.prepare<[number, number], TenderRow>(
      `SELECT json_extract(t.value, '$.kind') AS kind, json_extract(t.value, '$.card.scheme') AS scheme,
              json_extract(t.value, '$.card.wallet') AS wallet, COUNT(*) AS count, SUM(json_extract(t.value, '$.amountHalalas')) AS amount
         FROM journal j JOIN receipts r ON r.sale_id = json_extract(j.payload, '$.saleId')
         JOIN json_each(r.body, '$.tenders') t
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'sale.completed'
        GROUP BY kind, scheme, wallet`,
    ),
    voids: db.prepare<[number, number], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(json_extract(payload, '$.totalHalalas')) AS total FROM journal
        WHERE seq > ? AND seq <= ? AND type = 'sale.voided' AND json_extract(payload, '$.lineCount') > 0`,
    ),
    returns: db.prepare<[number, number, string], { count: number; total: number | null }>(
      `SELECT COUNT(*) AS count, SUM(r.total_halalas) AS total
         FROM journal j JOIN returns r ON r.id = json_extract(j.payload, '$.returnId') AND r.seq = j.seq
        WHERE j.seq > ? AND j.seq <= ? AND j.type = ?`,
    ),
    returnVat: db.prepare<[number, number, string], { category: VatTotal['category']; rate: number; taxable: number; vat: number }>(
      `SELECT json_extract(b.value, '$.category') AS category, json_extract(b.value, '$.ratePercent') AS rate,
              SUM(json_extract(b.value, '$.taxableHalalas')) AS taxable, SUM(json_extract(b.value, '$.vatHalalas')) AS vat
         FROM journal j JOIN returns r ON r.id = json_extract(j.payload, '$.returnId') AND r.seq = j.seq
         JOIN json_each(r.body, '$.totals.breakdown') b
        WHERE j.seq > ? AND j.seq <= ? AND j.type = ?
        GROUP BY category, rate`,
    ),
    refunds: db.prepare<[number, number, string], TenderRow>(
      `SELECT json_extract(t.value, '$.kind') AS kind, json_extract(t.value, '$.card.scheme') AS scheme,
              json_extract(t.value, '$.card.wallet') AS wallet, COUNT(*) AS count, SUM(json_extract(t.value, '$.amountHalalas')) AS amount
         FROM journal j JOIN returns r ON r.id = json_extract(j.payload, '$.returnId') AND r.seq = j.seq
         JOIN json_each(r.body, '$.refunds') t
        WHERE j.seq > ? AND j.seq <= ? AND j.type = ?
        GROUP BY kind, scheme, wallet`,
    ),
    einvoices: db.prepare<[], { waiting: number; rejected: number }>(
      `SELECT COALESCE(SUM(state = 'waiting'), 0) AS waiting, COALESCE(SUM(state = 'rejected'), 0) AS rejected FROM einvoice_reports`,
    ),
  };

  const tenderTotals = (rows: TenderRow[]): TenderTotal[] =>
    rows
      .map((r) => ({ kind: r.kind, scheme: r.scheme, wallet: r.wallet, count: r.count, amountHalalas: r.amount }))
      .sort((a, b) => (a.kind === b.kind ? b.amountHalalas - a.amountHalalas : a.kind === 'cash' ? -1 : 1));

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
    add(q.returnVat.all(afterSeq, uptoSeq, RETURN_ENTRY), -1);
    const order = { S: 0, Z: 1, E: 2 } as const;
    return [...byKey.values()].sort((a, b) => order[a.category] - order[b.category] || b.ratePercent - a.ratePercent);
  };

  const attention = (): PaymentNeedingAttention[] =>
    deps.intents.needsAttention().map((i) => ({ reference: i.reference, kind: i.kind, state: i.state, amountHalalas: i.amount_halalas }));

  return {
    /** The period after entry `afterSeq` up to the journal's head, read in one read transaction (a consistent view). */
    report(afterSeq: number): PeriodReport {
      return db.transaction((): PeriodReport => {
        const head = deps.journal.head();
        const uptoSeq = head.seq;
        const receipts = q.receipts.get(afterSeq, uptoSeq)!;
        const voids = q.voids.get(afterSeq, uptoSeq)!;
        const returns = q.returns.get(afterSeq, uptoSeq, RETURN_ENTRY)!;
        const salesHalalas = receipts.total ?? 0;
        const returnsHalalas = returns.total ?? 0;
        return {
          tillId: deps.tillId(),
          afterSeq,
          uptoSeq,
          from: q.firstAt.get(afterSeq, uptoSeq)?.at ?? null,
          to: now().toISOString(),
          receipts: {
            count: receipts.count,
            first: q.firstReceipt.get(afterSeq, uptoSeq)?.receipt_no ?? null,
            last: q.lastReceipt.get(afterSeq, uptoSeq)?.receipt_no ?? null,
          },
          salesHalalas,
          voids: { count: voids.count, halalas: voids.total ?? 0 },
          returns: { count: returns.count, halalas: returnsHalalas },
          netHalalas: salesHalalas - returnsHalalas,
          vat: vatOf(afterSeq, uptoSeq),
          tenders: tenderTotals(q.saleTenders.all(afterSeq, uptoSeq)),
          refunds: tenderTotals(q.refunds.all(afterSeq, uptoSeq, RETURN_ENTRY)),
          cash: { takenHalalas: cashTakenBetween(db, afterSeq, uptoSeq), refundedHalalas: cashRefundedBetween(db, afterSeq, uptoSeq) },
          paymentsNeedingAttention: attention(),
          einvoices: q.einvoices.get()!,
          chainHead: head,
        };
      }).deferred();
    },
  };
}
export type PeriodReports = ReturnType<typeof createPeriodReports>;
