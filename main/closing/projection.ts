// The Z reports as the journal makes them (`ledger verify`, main/ledger/replay.ts). Each `closing.z` entry makes one
// row, numbered on from the last, its period starting right after the previous Z's entry and ending right before
// its own; the stored figures are the entry's. Beyond the row, the replay adds up the period itself from the
// journal — completed sales (their totals), voided sales with lines, returns — and checks the Z says the same, so
// a Z whose figures were rewritten, in the table or in its entry, fails verification.
import type { Db } from '../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection, type ReplayEntry } from '../ledger';
import { Z_ENTRY } from './entries';

const SALE_COMPLETED = 'sale.completed';
const SALE_VOIDED = 'sale.voided';
const RETURN_ISSUED = 'return.issued';

interface Period {
  receipts: number;
  salesHalalas: number;
  voids: number;
  voidsHalalas: number;
  returns: number;
  returnsHalalas: number;
}
const emptyPeriod = (): Period => ({ receipts: 0, salesHalalas: 0, voids: 0, voidsHalalas: 0, returns: 0, returnsHalalas: 0 });
const totalOf = (p: Record<string, unknown>): number => {
  const totals = p.totals as { totalHalalas?: unknown } | undefined;
  return typeof totals?.totalHalalas === 'number' ? totals.totalHalalas : Number.NaN;
};

export function closingProjection(db: Db): Projection {
  const stored = db.prepare<[string, number], Record<string, unknown>>('SELECT * FROM z_reports WHERE till_id = ? AND number = ?');
  const last = new Map<string, { number: number; seq: number }>();
  let period = emptyPeriod();
  let made = 0;

  const apply = (e: ReplayEntry): Mismatch | undefined => {
    const p = e.payload;
    switch (e.type) {
      case SALE_COMPLETED:
        period.receipts += 1;
        period.salesHalalas += totalOf(p);
        return undefined;
      case SALE_VOIDED:
        if (field.num(p, 'lineCount') > 0) {
          period.voids += 1;
          period.voidsHalalas += field.num(p, 'totalHalalas');
        }
        return undefined;
      case RETURN_ISSUED:
        period.returns += 1;
        period.returnsHalalas += totalOf(p);
        return undefined;
      case Z_ENTRY: {
        made += 1;
        const tillId = field.str(p, 'tillId');
        const number = field.num(p, 'number');
        const key = `${tillId} Z ${number}`;
        const before = last.get(tillId) ?? { number: 0, seq: 0 };
        if (number !== before.number + 1) return { table: 'z_reports', key, what: `Z number ${number} does not follow ${before.number}`, seq: e.seq };
        const afterSeq = field.num(p, 'afterSeq');
        const uptoSeq = field.num(p, 'uptoSeq');
        if (afterSeq !== before.seq || uptoSeq !== e.seq - 1) {
          return { table: 'z_reports', key, what: `the period ${afterSeq}–${uptoSeq} is not the entries since the last Z (${before.seq}–${e.seq - 1})`, seq: e.seq };
        }
        const report = (p.report ?? {}) as Record<string, unknown>;
        const said = {
          receipts: (report.receipts as { count?: unknown } | undefined)?.count,
          salesHalalas: report.salesHalalas,
          voids: (report.voids as { count?: unknown } | undefined)?.count,
          voidsHalalas: (report.voids as { halalas?: unknown } | undefined)?.halalas,
          returns: (report.returns as { count?: unknown } | undefined)?.count,
          returnsHalalas: (report.returns as { halalas?: unknown } | undefined)?.halalas,
        };
        for (const [name, value] of Object.entries(period) as Array<[keyof Period, number]>) {
          if (said[name] !== value) return { table: 'z_reports', key, what: `${name} is ${JSON.stringify(said[name])}, the period's entries give ${value}`, seq: e.seq };
        }
        const m = compareRow(
          'z_reports',
          key,
          { till_id: tillId, number, after_seq: afterSeq, upto_seq: uptoSeq, closed_at: e.at, body: canonicalJson(report), acknowledged_by: p.acknowledgedBy ?? null, seq: e.seq },
          stored.get(tillId, number),
          e.seq,
        );
        if (m) return m;
        last.set(tillId, { number, seq: e.seq });
        period = emptyPeriod();
        return undefined;
      }
      default:
        return undefined;
    }
  };

  return {
    name: 'Z reports',
    // Z reports came long after the journal's format marker: an older journal has none.
    legacy: () => undefined,
    apply,
    finish: () => countRows(db, 'z_reports', made),
  };
}
