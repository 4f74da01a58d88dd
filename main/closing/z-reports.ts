// The day's closing: the Z report. The X report of the period since the last Z (main/closing/period-report.ts),
// taken, numbered without gaps and kept — journaled whole and stored in one write transaction, so the figures
// that print are the ledger's — then printed. Refused while a sale is on the till, and while a card or STC Pay
// payment is still in doubt unless a manager closes anyway and says so by name (the Z names them). Past the
// two-factor cash threshold, or closing over payments in doubt, the manager gives their code (./second-factor.ts).
import { PeriodReport, type CloseDayAnswer, type CloseDayInput, type ErrorData, type SalesReport, type ZReport } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { parseJsonColumn, type Db } from '../db';
import { TillError } from '../errors';
import { canonicalJson, type Journal } from '../ledger';
import { Z_ENTRY, zNumberText } from './entries';
import type { DailyReports } from './daily-report';
import type { PeriodReports } from './period-report';
import { closingNeedsSecondFactor } from './second-factor';

export interface ClosingDeps {
  db: Db;
  journal: Journal;
  reports: PeriodReports;
  /** Reports over whole business days from the daily totals (the reports screen). */
  daily: Pick<DailyReports, 'sales'>;
  manager: ManagerAuth;
  tillId: () => string;
  /** A sale with lines or payments (or a return waiting on the terminal) is on the till. */
  saleInProgress: () => boolean;
  /** Prints a Z: null when it printed (or there is no printer), the printer's error otherwise. */
  printZ?: (z: ZReport) => Promise<ErrorData | null>;
  /** settings.twoFactor.cashDifferenceAboveHalalas; without it (a domain's own test) no code is asked for. */
  cashDifferenceAboveHalalas?: () => number;
}

interface ZRow {
  number: number;
  closed_at: string;
  body: string;
  acknowledged_by: string | null;
  seq: number;
}

export function createClosing(deps: ClosingDeps) {
  const { db, journal } = deps;
  const q = {
    last: db.prepare<[string], ZRow>('SELECT number, closed_at, body, acknowledged_by, seq FROM z_reports WHERE till_id = ? ORDER BY number DESC LIMIT 1'),
    byNumber: db.prepare<[string, number], ZRow>('SELECT number, closed_at, body, acknowledged_by, seq FROM z_reports WHERE till_id = ? AND number = ?'),
    recent: db.prepare<[string, number], ZRow>('SELECT number, closed_at, body, acknowledged_by, seq FROM z_reports WHERE till_id = ? ORDER BY number DESC LIMIT ?'),
    insert: db.prepare(
      `INSERT INTO z_reports (till_id, number, after_seq, upto_seq, closed_at, body, acknowledged_by, seq)
       VALUES (@tillId, @number, @afterSeq, @uptoSeq, @closedAt, @body, @acknowledgedBy, @seq)`,
    ),
  };

  const zOf = (tillId: string, row: ZRow): ZReport => ({
    number: row.number,
    zNo: zNumberText(tillId, row.number),
    closedAt: row.closed_at,
    acknowledgedBy: row.acknowledged_by,
    report: parseJsonColumn(PeriodReport, row.body, `z_reports.body of Z ${row.number}`),
  });

  /** Where the open period starts: after the last Z's own entry (or the ledger's beginning). */
  const periodStart = (): number => q.last.get(deps.tillId())?.seq ?? 0;

  return {
    /** The X report: the open period, changing nothing. */
    xReport: (): PeriodReport => deps.reports.report(periodStart()),

    async closeDay(input: CloseDayInput): Promise<CloseDayAnswer> {
      // The period's shifts and doubts only (not the whole report, read again in the Z's transaction).
      const limit = deps.cashDifferenceAboveHalalas?.();
      const period = limit === undefined ? null : deps.reports.context(periodStart(), journal.head().seq);
      if (period && limit !== undefined && closingNeedsSecondFactor(period, limit, Boolean(input.acknowledgedBy))) {
        deps.manager.check(input.managerPin, 'approve:manager', { secondFactor: true });
      } else deps.manager.check(input.managerPin);
      if (deps.saleInProgress()) throw new TillError('CLOSING_SALE_IN_PROGRESS');
      const tillId = deps.tillId();
      const z = db
        .transaction((): ZReport => {
          const last = q.last.get(tillId);
          const report = deps.reports.report(last?.seq ?? 0);
          const inDoubt = report.paymentsNeedingAttention.length > 0;
          if (inDoubt && !input.acknowledgedBy) throw new TillError('CLOSING_PAYMENTS_IN_DOUBT', report.paymentsNeedingAttention.map((p) => p.reference).join(', '));
          const number = (last?.number ?? 0) + 1;
          const acknowledgedBy = inDoubt ? input.acknowledgedBy! : null;
          const entry = journal.append(Z_ENTRY, { tillId, number, afterSeq: report.afterSeq, uptoSeq: report.uptoSeq, acknowledgedBy, report });
          const row: ZRow = { number, closed_at: entry.at, body: canonicalJson(report), acknowledged_by: acknowledgedBy, seq: entry.seq };
          q.insert.run({ tillId, number, afterSeq: report.afterSeq, uptoSeq: report.uptoSeq, closedAt: entry.at, body: row.body, acknowledgedBy, seq: entry.seq });
          return zOf(tillId, row);
        })
        .immediate();
      const printError = deps.printZ ? await deps.printZ(z) : null;
      return { z, printError };
    },

    /** Whole business days `from`–`to` from the daily totals: the reports screen. */
    salesReport: (from: string, to: string): SalesReport => deps.daily.sales(from, to),
    /** One kept Z of this till by its number (exports); Z_REPORT_UNKNOWN when there is none. */
    zReport: (number: number): ZReport => {
      const tillId = deps.tillId();
      const row = q.byNumber.get(tillId, number);
      if (!row) throw new TillError('Z_REPORT_UNKNOWN', String(number));
      return zOf(tillId, row);
    },

    /** The last `limit` Z reports of this till, newest first. */
    recent: (limit = 31): ZReport[] => {
      const tillId = deps.tillId();
      return q.recent.all(tillId, limit).map((row) => zOf(tillId, row));
    },
  };
}
export type Closing = ReturnType<typeof createClosing>;
