// Guided practice on a training till (docs/training.md, issue 14): a trainer names a scenario, the trainee does
// it, and the training journal since the scenario began says whether it was done. Pure over journal entries, so
// a scenario is checked from what the till recorded, never from what the screen showed. The entry types read
// here are the ones a real till writes (test/app/practice.test.ts drives one): a card payment's intent is
// `payment.intent_created` { intentId, saleId }, its outcome `purchase.<state>` { intentId } (declined, unknown,
// approved, not_found) or `payment.resolved_by_manager`; a return is `return.issued` { originalReceiptNo, reason }.
// Starting and checking a scenario on the till is ./practice-desk.ts.
import type { Db } from '../db';
import { TRAINING_PREFIX } from '../printing';

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
  /**
   * What the training till's simulated card terminal does with the next payments when the trainer starts this
   * scenario (a subset of the mada simulator's Behaviour): a decline, or an approval whose answer is lost.
   */
  terminalScript?: readonly PracticeTerminalBehaviour[];
}

export interface PracticeTerminalBehaviour {
  outcome?: 'decline';
  declineCode?: string;
  drop?: 'after-approve';
}

interface TenderLike {
  kind?: unknown;
  amountHalalas?: unknown;
  tenderedHalalas?: unknown;
  changeHalalas?: unknown;
}

const tendersOf = (e: PracticeEntry): TenderLike[] => (Array.isArray(e.payload.tenders) ? (e.payload.tenders as TenderLike[]) : []);
const completedSales = (entries: readonly PracticeEntry[]) => entries.filter((e) => e.type === 'sale.completed');
const paidInCash = (e: PracticeEntry) => tendersOf(e).some((t) => t.kind === 'cash');
/** The sale a card payment's intent was for (its intent_created entry), or null. */
const saleOfIntent = (entries: readonly PracticeEntry[], intentId: unknown): unknown =>
  entries.find((e) => e.type === 'payment.intent_created' && e.payload.intentId === intentId)?.payload.saleId ?? null;
/** A card purchase's outcomes (`purchase.<state>`), and a manager's resolution from the slip. */
const RESOLVED = new Set(['purchase.approved', 'purchase.declined', 'purchase.not_found', 'payment.resolved_by_manager']);

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
  {
    id: 'declined-card-then-cash',
    titleAr: 'بطاقة مرفوضة ثم نقدًا',
    titleEn: 'A declined card, then cash',
    briefAr: 'امسح صنفًا واطلب الدفع بالبطاقة: الجهاز سيرفضها. أخبر العميل بسبب الرفض بلطف، ثم أكمل البيع نفسه نقدًا.',
    briefEn: 'Scan an item and take a card payment: the terminal will decline it. Tell the customer why, politely, then finish the same sale in cash.',
    terminalScript: [{ outcome: 'decline', declineCode: '116' }],
    check(entries) {
      const declined = entries.filter((e) => e.type === 'purchase.declined');
      const declinedSales = new Set<unknown>(declined.map((e) => saleOfIntent(entries, e.payload.intentId)).filter((id) => id !== null));
      const finished = completedSales(entries).find((e) => declinedSales.has(e.payload.saleId) && paidInCash(e));
      return [
        { ok: declined.length > 0, ar: 'رُفض دفع بالبطاقة', en: 'A card payment was declined' },
        { ok: finished !== undefined, ar: 'أُكمل البيع نفسه نقدًا', en: 'The same sale was then completed in cash' },
      ];
    },
  },
  {
    id: 'unknown-payment',
    titleAr: 'دفع نتيجته غير معروفة',
    titleEn: 'A payment whose outcome is unknown',
    briefAr:
      'ادفع بالبطاقة: سينقطع الاتصال بالجهاز بعد الموافقة فلا تُعرف النتيجة. لا تطلب الدفع مرة أخرى: نقطة البيع تسأل الجهاز، وإن لم يُجب يحسمها المدير من إيصال الجهاز. ثم أكمل البيع.',
    briefEn:
      "Pay by card: the link to the terminal drops after the approval, so the outcome is unknown. Do not charge again: the till asks the terminal, and if it cannot tell, a manager resolves it from the terminal's slip. Then finish the sale.",
    terminalScript: [{ drop: 'after-approve' }],
    check(entries) {
      const unknown = entries.filter((e) => e.type === 'purchase.unknown');
      const resolved = unknown.filter((u) => entries.some((e) => e.seq > u.seq && RESOLVED.has(e.type) && e.payload.intentId === u.payload.intentId));
      const sales = new Set<unknown>(resolved.map((e) => saleOfIntent(entries, e.payload.intentId)).filter((id) => id !== null));
      const finished = completedSales(entries).some((e) => sales.has(e.payload.saleId));
      return [
        { ok: unknown.length > 0, ar: 'صار دفع بالبطاقة غير معروف النتيجة', en: "A card payment's outcome became unknown" },
        { ok: resolved.length > 0, ar: 'حُسمت نتيجته (بسؤال الجهاز أو من المدير)', en: 'It was resolved (by the terminal or a manager)' },
        { ok: finished, ar: 'أُكمل ذلك البيع', en: 'That sale was completed' },
      ];
    },
  },
  {
    id: 'return',
    titleAr: 'مرتجع',
    titleEn: 'A return',
    briefAr: 'بِع صنفًا، ثم أرجعه من إيصال البيع مع ذكر السبب.',
    briefEn: "Sell an item, then return it from the sale's receipt, giving the reason.",
    check(entries) {
      const returns = entries.filter((e) => e.type === 'return.issued');
      const ofTraining = returns.filter((e) => typeof e.payload.originalReceiptNo === 'string' && e.payload.originalReceiptNo.startsWith(TRAINING_PREFIX));
      return [
        { ok: returns.length > 0, ar: 'صدر مرتجع', en: 'A return was issued' },
        { ok: ofTraining.length > 0, ar: 'على إيصال بيع من التدريب', en: 'Against a receipt of a training sale' },
        { ok: ofTraining.some((e) => typeof e.payload.reason === 'string' && e.payload.reason.length > 0), ar: 'مع ذكر السبب', en: 'With its reason' },
      ];
    },
  },
];

export const practiceScenario = (id: string): PracticeScenario | undefined => PRACTICE_SCENARIOS.find((s) => s.id === id);

/** A scenario's checks over the training journal's entries after `sinceSeq` (when the trainer started it). */
export function checkPractice(db: Db, scenarioId: string, sinceSeq: number): { scenario: PracticeScenario; passed: boolean; checks: PracticeCheck[] } {
  const scenario = practiceScenario(scenarioId);
  if (!scenario) throw new RangeError(`no practice scenario ${scenarioId}`);
  const rows = db.prepare<[number], { seq: number; type: string; payload: string }>('SELECT seq, type, payload FROM journal WHERE seq > ? ORDER BY seq').all(sinceSeq);
  const checks = scenario.check(rows.map((r) => ({ seq: r.seq, type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> })));
  return { scenario, passed: checks.every((c) => c.ok), checks };
}
