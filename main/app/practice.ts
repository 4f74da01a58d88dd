// Guided practice on a training till (docs/training.md, issue 14): a trainer names a scenario, the trainee does
// it, and the training journal since the scenario began says whether it was done. Pure over journal entries, so
// a scenario is checked from what the till recorded, never from what the screen showed. The contract methods and
// the trainer's screen that start and check a scenario are the next step; the scenarios below are the first two.
import type { Db } from '../db';

export interface PracticeEntry {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

/** One thing the scenario asked for, done or not, in both languages. */
export interface PracticeCheck {
  ok: boolean;
  ar: string;
  en: string;
}

export interface PracticeScenario {
  id: string;
  titleAr: string;
  titleEn: string;
  /** What the trainer reads out (or the screen shows) before the trainee begins. */
  briefAr: string;
  briefEn: string;
  check(entries: readonly PracticeEntry[]): PracticeCheck[];
}

interface TenderLike {
  kind?: unknown;
  amountHalalas?: unknown;
  tenderedHalalas?: unknown;
  changeHalalas?: unknown;
}

const tendersOf = (e: PracticeEntry): TenderLike[] => (Array.isArray(e.payload.tenders) ? (e.payload.tenders as TenderLike[]) : []);
const completedSales = (entries: readonly PracticeEntry[]) => entries.filter((e) => e.type === 'sale.completed');

export const PRACTICE_SCENARIOS: readonly PracticeScenario[] = [
  {
    id: 'cash-with-change',
    titleAr: 'بيع نقدي مع باقٍ',
    titleEn: 'A cash sale with change',
    briefAr: 'امسح صنفين، واقبض من العميل مبلغًا أكبر من الإجمالي، وأعطه الباقي.',
    briefEn: 'Scan two items, take more cash than the total, and give the change.',
    check(entries) {
      const sales = completedSales(entries);
      const withChange = sales.find((e) => tendersOf(e).some((t) => t.kind === 'cash' && typeof t.changeHalalas === 'number' && t.changeHalalas > 0));
      const lines = Array.isArray(withChange?.payload.lines) ? (withChange.payload.lines as unknown[]).length : 0;
      return [
        { ok: sales.length > 0, ar: 'أُكمل بيع', en: 'A sale was completed' },
        { ok: withChange !== undefined, ar: 'دُفع نقدًا مع باقٍ', en: 'It was paid in cash with change given' },
        { ok: lines >= 2, ar: 'فيه صنفان على الأقل', en: 'It has at least two items' },
      ];
    },
  },
  {
    id: 'split-tender',
    titleAr: 'دفع مقسّم',
    titleEn: 'A split tender',
    briefAr: 'العميل يدفع جزءًا بالبطاقة والباقي نقدًا.',
    briefEn: 'The customer pays part by card and the rest in cash.',
    check(entries) {
      const split = completedSales(entries).find((e) => {
        const kinds = new Set(tendersOf(e).map((t) => t.kind));
        return kinds.has('cash') && kinds.size > 1;
      });
      return [{ ok: split !== undefined, ar: 'أُكمل بيع دُفع بطريقتين، إحداهما نقدًا', en: 'A sale was paid two ways, one of them cash' }];
    },
  },
];

/** A scenario's checks over the training journal's entries after `sinceSeq` (when the trainer started it). */
export function checkPractice(db: Db, scenarioId: string, sinceSeq: number): { scenario: PracticeScenario; passed: boolean; checks: PracticeCheck[] } {
  const scenario = PRACTICE_SCENARIOS.find((s) => s.id === scenarioId);
  if (!scenario) throw new RangeError(`no practice scenario ${scenarioId}`);
  const rows = db.prepare<[number], { seq: number; type: string; payload: string }>('SELECT seq, type, payload FROM journal WHERE seq > ? ORDER BY seq').all(sinceSeq);
  const checks = scenario.check(rows.map((r) => ({ seq: r.seq, type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> })));
  return { scenario, passed: checks.every((c) => c.ok), checks };
}
