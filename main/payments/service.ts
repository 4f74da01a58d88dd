// Card payments that never lose money and never charge twice. The rules (payments.md §6), in code:
//  1. An intent with a never-reused reference is committed to the ledger before any byte goes out.
//  2. A purchase is sent once. After a timeout, a dropped line, a garbled answer, a cancel or a crash the
//     till asks the terminal about that reference; only the terminal's explicit "not found" releases it.
//  3. Until then the payment is `unknown`: its sale can neither change nor complete, and no new payment
//     starts. A manager may settle it only with evidence from the terminal's receipt (journaled).
//  4. An approval that no sale can take is reversed at once where the protocol allows, otherwise listed.
// Every state change is one transaction with its journal entry; the sale tables move in the same one.
import { randomUUID } from 'node:crypto';
import type {
  CardPaymentResult,
  CardTender,
  CompletedSale,
  IntentState,
  IntentSummary,
  PaymentProgress,
  Sale,
  SettlementSummary,
  TerminalStage,
  TerminalStatus,
} from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import type { Checkout } from '../checkout';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { cardDetailsFromEvidence, cardDetailsOf } from './card-details';
import type { InquiryOutcome, PaymentConnector, TerminalOutcome } from './connector';
import type { CardDetails } from '../../preload/contract';
import { toSummary, type IntentKind, type IntentRow, type IntentStore } from './intent-store';
import { faultPoint } from './fault-points';
import { nextReference } from './references';

export interface PaymentsDeps {
  db: Db;
  journal: Journal;
  tillId: () => string;
  checkout: Checkout;
  intents: IntentStore;
  connector: PaymentConnector | null;
  /** For the manager's panel: protocol and where the terminal is. */
  terminalInfo: { protocol: string; transport: string } | null;
  manager: ManagerAuth;
  emitProgress(progress: PaymentProgress): void;
  emitTerminal(status: TerminalStatus): void;
  /** Pauses between background inquiries about an unknown outcome. */
  recoveryDelaysMs?: readonly number[];
  now?: () => Date;
  newId?: () => string;
  log?: { warn(message: string, detail?: unknown): void };
}

const DEFAULT_RECOVERY_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

const NOT_FOUND_REASON = {
  en: 'The terminal has no record of this payment: nothing was charged.',
  ar: 'لا يوجد سجل لهذه العملية في الجهاز: لم يُخصم أي مبلغ.',
};

const unknownReason = (why: string) => ({
  en: `The terminal did not give a final answer (${why}). Do not charge again; the till keeps asking it.`,
  ar: 'لم يعطِ الجهاز نتيجة نهائية. لا تُحصّل مرة أخرى؛ نقطة البيع تواصل سؤال الجهاز.',
});

export function createPayments(deps: PaymentsDeps) {
  const { db, journal, intents, checkout } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const delays = deps.recoveryDelaysMs ?? DEFAULT_RECOVERY_DELAYS;
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const inFlight = new Map<string, AbortController>();
  const backgroundTimers = new Map<string, NodeJS.Timeout>();
  let recovering = false;
  let closed = false;
  let health: TerminalStatus['health'] = 'not_checked';
  let healthDetail: string | null = null;

  const connector = (): PaymentConnector => {
    if (!deps.connector) throw new TillError('TERMINAL_NOT_CONFIGURED');
    return deps.connector;
  };

  const intent = (id: string): IntentRow => {
    const row = intents.get(id);
    if (!row) throw new TillError('INTENT_UNKNOWN', id);
    return row;
  };

  const progress = (row: IntentRow, stage: TerminalStage | null) =>
    deps.emitProgress({ intentId: row.id, saleId: row.sale_id, state: row.state, stage });

  const status = (): TerminalStatus => {
    const last = intents.last();
    return {
      configured: deps.connector !== null,
      protocol: deps.terminalInfo?.protocol ?? null,
      transport: deps.terminalInfo?.transport ?? null,
      health,
      detail: healthDetail,
      recovering,
      last: last ? toSummary(last) : null,
      needsAttention: intents.needsAttention().map(toSummary),
    };
  };
  const announce = () => {
    checkout.announce();
    deps.emitTerminal(status());
  };

  /** Moves an intent to a new state with its journal entry, touching its sale so every view re-reads it. */
  const transition = (row: IntentRow, state: IntentState, type: string, payload: Record<string, unknown>, extra = {}) => {
    const entry = journal.append(type, { intentId: row.id, reference: row.reference, ...payload });
    intents.update(row.id, state, entry.seq, extra);
    if (row.sale_id) checkout.touchInTx(row.sale_id);
    return entry;
  };

  const createIntent = (kind: IntentKind, amountHalalas: number, saleId: string | null, originalId: string | null): IntentRow => {
    const id = newId();
    const reference = nextReference(db, deps.tillId());
    const entry = journal.append('payment.intent_created', {
      intentId: id,
      reference,
      kind,
      amountHalalas,
      saleId,
      originalId,
      connector: connector().protocol,
    });
    intents.insert({
      id,
      reference,
      tillId: deps.tillId(),
      kind,
      connector: connector().protocol,
      saleId,
      originalId,
      amountHalalas,
      state: 'sending',
      createdAt: entry.at,
      seq: entry.seq,
    });
    if (saleId) checkout.touchInTx(saleId);
    return intents.get(id)!;
  };

  /** No new payment while the till is still finding out about an earlier one: the terminal could be mid-way. */
  const assertNothingInDoubt = () => {
    if (recovering) throw new TillError('PAYMENTS_RECOVERING');
    const doubt = intents.unsettled()[0];
    if (doubt) throw new TillError('PAYMENT_PENDING', doubt.id);
  };

  // ---- applying what the terminal said -------------------------------------------------------------

  type Applied = { row: IntentRow; completed: CompletedSale | null };

  /** After a refused or vanished reversal the payment is what it was: still a tender, or an orphan to list. */
  const reversalRefusedInTx = (original: IntentRow, byIntentId: string) => {
    if (original.state !== 'reversing') return;
    const sale = original.sale_id ? checkout.saleById(original.sale_id) : undefined;
    const stillTender = sale?.status === 'open' && sale.tenders.some((t) => t.intentId === original.id);
    transition(original, stillTender ? 'approved' : 'orphaned', 'payment.reversal_refused', { byIntentId });
  };

  const applyApproved = (row: IntentRow, approvedAmount: number, card: CardDetails): Applied => {
    let orphan = false;
    const done = write(() => {
      const fresh = intent(row.id);
      if (fresh.state === 'approved' || fresh.state === 'reversed' || fresh.state === 'orphaned') return null; // already applied
      const entry = transition(fresh, 'approved', `${fresh.kind}.approved`, {
        amountHalalas: approvedAmount,
        rrn: card.rrn,
        authCode: card.authCode,
        scheme: card.scheme,
        maskedPan: card.maskedPan,
        responseCode: card.responseCode,
      }, { card, reason: null });
      if (fresh.kind === 'reversal') {
        const original = intent(fresh.original_id!);
        const reversed = transition(original, 'reversed', 'payment.reversed', { byIntentId: fresh.id });
        if (original.sale_id) checkout.reverseCardTenderInTx(original.sale_id, original.id, reversed.seq);
        return null;
      }
      if (fresh.kind !== 'purchase' || !fresh.sale_id) return null;
      const tender: CardTender = { kind: 'card', intentId: fresh.id, reference: fresh.reference, amountHalalas: approvedAmount, card };
      // An approval for more than was asked is not something to keep quietly.
      const attached = approvedAmount > fresh.amount_halalas ? 'orphan' : checkout.attachCardTenderInTx(fresh.sale_id, tender, entry.seq);
      if (attached === 'orphan') {
        orphan = true;
        transition(intent(fresh.id), 'orphaned', 'payment.orphaned', { saleId: fresh.sale_id, amountHalalas: approvedAmount });
        return null;
      }
      return attached.receipt ? { receipt: attached.receipt, changeHalalas: 0, drawer: 'not_needed' as const, next: attached.next! } : null;
    });
    if (orphan) void reverseOrphan(intent(row.id));
    if (done) checkout.afterCompleted(done);
    return { row: intent(row.id), completed: done };
  };

  const applyOutcome = (row: IntentRow, outcome: TerminalOutcome): Applied => {
    if (outcome.kind === 'approved') return applyApproved(row, outcome.record.amountHalalas, cardDetailsOf(outcome.record));
    if (outcome.kind === 'declined') {
      write(() => {
        const fresh = intent(row.id);
        if (fresh.kind === 'reversal') {
          // The terminal refused to reverse: the approval stands and a person must deal with it.
          transition(fresh, 'declined', 'reversal.declined', { responseCode: outcome.responseCode, reason: outcome.reason }, { reason: outcome.reason });
          reversalRefusedInTx(intent(fresh.original_id!), fresh.id);
          return;
        }
        transition(fresh, 'declined', `${fresh.kind}.declined`, { responseCode: outcome.responseCode, reason: outcome.reason }, {
          reason: outcome.reason,
        });
      });
      return { row: intent(row.id), completed: null };
    }
    write(() => {
      const fresh = intent(row.id);
      transition(fresh, 'unknown', `${fresh.kind}.unknown`, { why: outcome.why, detail: outcome.detail }, { reason: unknownReason(outcome.why) });
    });
    return { row: intent(row.id), completed: null };
  };

  const applyInquiry = (row: IntentRow, answer: InquiryOutcome): Applied => {
    if (answer.kind === 'found') return applyOutcome(row, answer.outcome);
    if (answer.kind === 'not_found') {
      write(() => {
        const fresh = intent(row.id);
        if (fresh.kind === 'reversal') {
          transition(fresh, 'not_found', 'reversal.not_found', {}, { reason: NOT_FOUND_REASON });
          reversalRefusedInTx(intent(fresh.original_id!), fresh.id);
          return;
        }
        transition(fresh, 'not_found', `${fresh.kind}.not_found`, {}, { reason: NOT_FOUND_REASON });
      });
      return { row: intent(row.id), completed: null };
    }
    write(() => {
      const fresh = intent(row.id);
      if (fresh.state !== 'unknown') {
        transition(fresh, 'unknown', `${fresh.kind}.unknown`, { why: 'unreachable', detail: answer.detail }, { reason: unknownReason('unreachable') });
      }
    });
    return { row: intent(row.id), completed: null };
  };

  // ---- recovery --------------------------------------------------------------------------------------

  /** Asks the terminal once about an unsettled intent and applies the answer. */
  const inquireOnce = async (row: IntentRow): Promise<Applied> => {
    progress(row, 'recovering');
    let answer: InquiryOutcome;
    try {
      answer = await connector().inquire(row.reference, { onStage: (stage) => progress(row, stage) });
    } catch (e) {
      answer = { kind: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
    }
    faultPoint('recovery.after-answer');
    const applied = applyInquiry(row, answer);
    announce();
    progress(applied.row, null);
    return applied;
  };

  /** Keeps asking in the background, with growing pauses, until the terminal answers for this intent. */
  const scheduleRecovery = (id: string, attempt = 0) => {
    if (closed || backgroundTimers.has(id)) return;
    const delay = delays[Math.min(attempt, delays.length - 1)]!;
    const timer = setTimeout(async () => {
      backgroundTimers.delete(id);
      const row = intents.get(id);
      if (!row || closed || inFlight.has(id) || !['sending', 'awaiting', 'unknown', 'reversing'].includes(row.state)) return;
      const target = row.state === 'reversing' ? latestReversalOf(row) : row;
      if (!target) return;
      const applied = await inquireOnce(target);
      if (applied.row.state === 'unknown' || applied.row.state === 'reversing') scheduleRecovery(id, attempt + 1);
    }, delay);
    timer.unref();
    backgroundTimers.set(id, timer);
  };

  const latestReversalOf = (original: IntentRow): IntentRow | undefined =>
    intents.unsettled().filter((r) => r.kind === 'reversal' && r.original_id === original.id).pop();

  /** Sends one financial request for an intent already committed, then settles what the answer means. */
  const send = async (row: IntentRow, request: (signal: AbortSignal, onStage: (s: TerminalStage) => void) => Promise<TerminalOutcome>) => {
    const abort = new AbortController();
    inFlight.set(row.id, abort);
    faultPoint(`${row.kind}.before-send`);
    let outcome: TerminalOutcome;
    try {
      outcome = await request(abort.signal, (stage) => {
        if (stage === 'sent' && intent(row.id).state === 'sending') {
          write(() => transition(intent(row.id), 'awaiting', 'payment.sent', {}));
          announce();
          faultPoint(`${row.kind}.after-send`);
        }
        progress(intent(row.id), stage);
      });
      faultPoint(`${row.kind}.after-answer`);
    } catch (e) {
      outcome = { kind: 'unknown', why: 'disconnected', detail: e instanceof Error ? e.message : String(e) };
    } finally {
      inFlight.delete(row.id);
    }
    let applied = applyOutcome(intent(row.id), outcome);
    announce();
    if (outcome.kind === 'unknown') {
      // Ask straight away: a cancel that raced an approval, or an answer that got lost, is usually known now.
      applied = await inquireOnce(intent(row.id));
      if (applied.row.state === 'unknown') scheduleRecovery(row.id);
    }
    progress(applied.row, null);
    return applied;
  };

  const reverseOrphan = async (orphan: IntentRow) => {
    const last = intents.last();
    // SkyBand's reversal targets the terminal's last transaction; anything else must go to a refund.
    if (!deps.connector || !last || last.id !== orphan.id) {
      deps.emitTerminal(status());
      return;
    }
    await startReversal(orphan);
  };

  const startReversal = async (original: IntentRow): Promise<IntentRow> => {
    const reversal = write(() => {
      const row = createIntent('reversal', original.amount_halalas, null, original.id);
      transition(intent(original.id), 'reversing', 'payment.reversing', { byIntentId: row.id });
      return row;
    });
    announce();
    const applied = await send(reversal, (signal, onStage) =>
      connector().reverse({ reference: reversal.reference, originalReference: original.reference }, { signal, onStage }),
    );
    if (applied.row.state === 'unknown') scheduleRecovery(original.id);
    announce();
    return intent(original.id);
  };

  const cardTenderOf = (sale: Sale, intentId: string) => sale.tenders.find((t) => t.intentId === intentId);

  // ---- the service ---------------------------------------------------------------------------------

  return {
    status,

    pendingForSale(saleId: string): IntentSummary | null {
      const row = intents.pendingForSale(saleId);
      return row ? toSummary(row) : null;
    },

    /** On start-up, before new payments: settle everything a crash or a lost answer left open. */
    async recoverAll(): Promise<void> {
      if (!deps.connector) return;
      const open = intents.unsettled();
      if (open.length === 0) return;
      recovering = true;
      deps.emitTerminal(status());
      try {
        for (const row of open) {
          if (row.kind === 'reversal') continue; // handled through its original
          const target = row.state === 'reversing' ? latestReversalOf(row) : row;
          if (!target) continue;
          const applied = await inquireOnce(target);
          if (['unknown', 'reversing'].includes(intent(row.id).state)) scheduleRecovery(row.id);
          // An approval found for a sale that moved on is reversed or listed by applyApproved.
          void applied;
        }
        for (const row of intents.needsAttention()) {
          if (row.state === 'orphaned') await reverseOrphan(row);
        }
      } finally {
        recovering = false;
        announce();
      }
    },

    async payCard(amountHalalas: number): Promise<CardPaymentResult> {
      connector();
      const row = write(() => {
        assertNothingInDoubt();
        const sale = checkout.openSaleInTx();
        if (sale.lines.length === 0) throw new TillError('SALE_EMPTY');
        if (amountHalalas > sale.dueHalalas) throw new TillError('AMOUNT_OVER_DUE', `${amountHalalas} > ${sale.dueHalalas}`);
        return createIntent('purchase', amountHalalas, sale.saleId, null);
      });
      announce();
      progress(row, 'connecting');
      const applied = await send(row, (signal, onStage) =>
        connector().purchase({ reference: row.reference, amountHalalas }, { signal, onStage }),
      );
      const state = applied.row.state;
      return {
        outcome: state === 'approved' ? 'approved' : state === 'declined' ? 'declined' : state === 'not_found' ? 'not_found' : 'unknown',
        intent: toSummary(applied.row),
        sale: checkout.announce(),
        completed: applied.completed,
      };
    },

    cancelCardPayment(intentId: string): IntentSummary {
      const row = intent(intentId);
      // Only stops waiting: whatever the terminal did is found out by asking it, never assumed.
      inFlight.get(intentId)?.abort();
      return toSummary(row);
    },

    async recoverPayment(intentId: string): Promise<IntentSummary> {
      const row = intent(intentId);
      if (inFlight.has(intentId)) return toSummary(row);
      if (!['sending', 'awaiting', 'unknown', 'reversing'].includes(row.state)) return toSummary(row);
      const target = row.state === 'reversing' ? latestReversalOf(row) : row;
      if (target) await inquireOnce(target);
      return toSummary(intent(intentId));
    },

    resolvePayment(input: { intentId: string; outcome: 'approved' | 'declined'; rrn?: string; authCode?: string; managerPin: string }): IntentSummary {
      deps.manager.check(input.managerPin);
      const row = intent(input.intentId);
      if (row.kind !== 'purchase' || !['sending', 'awaiting', 'unknown'].includes(row.state) || inFlight.has(row.id)) {
        throw new TillError('INTENT_NOT_RESOLVABLE', `${row.kind} ${row.state}`);
      }
      if (input.outcome === 'approved' && (!input.rrn || !input.authCode)) throw new TillError('EVIDENCE_REQUIRED');
      const timer = backgroundTimers.get(row.id);
      if (timer) clearTimeout(timer);
      backgroundTimers.delete(row.id);
      write(() =>
        journal.append('payment.resolved_by_manager', {
          intentId: row.id,
          reference: row.reference,
          outcome: input.outcome,
          rrn: input.rrn ?? null,
          authCode: input.authCode ?? null,
        }),
      );
      if (input.outcome === 'approved') {
        applyApproved(row, row.amount_halalas, cardDetailsFromEvidence(input.rrn!, input.authCode!, now().toISOString()));
      } else {
        applyOutcome(row, {
          kind: 'declined',
          record: null,
          responseCode: 'MANAGER',
          reason: { en: 'Recorded as not paid by the manager', ar: 'سجّلها المدير كغير مدفوعة' },
        });
      }
      announce();
      return toSummary(intent(row.id));
    },

    async reverseCardPayment(intentId: string, managerPin: string): Promise<IntentSummary> {
      deps.manager.check(managerPin);
      const row = intent(intentId);
      const sale = checkout.announce();
      if (row.kind !== 'purchase' || row.state !== 'approved' || row.sale_id !== sale.saleId || !cardTenderOf(sale, row.id)) {
        throw new TillError('INTENT_NOT_RESOLVABLE', `${row.kind} ${row.state}`);
      }
      assertNothingInDoubt();
      if (intents.last()?.id !== row.id) throw new TillError('REVERSAL_NOT_LAST', row.id);
      write(() => journal.append('manager.authorised', { action: 'reverseCardPayment', intentId }));
      const after = await startReversal(row);
      return toSummary(after);
    },

    async refundCard(input: { receiptNo: string; intentId: string; amountHalalas: number; managerPin: string }): Promise<IntentSummary> {
      deps.manager.check(input.managerPin);
      const receipt = checkout.receipt(input.receiptNo);
      const original = intent(input.intentId);
      const tender = receipt.tenders.find((t) => t.kind === 'card' && t.intentId === original.id);
      if (!tender || tender.kind !== 'card' || original.kind !== 'purchase' || original.state !== 'approved') {
        throw new TillError('INTENT_NOT_RESOLVABLE', `${original.kind} ${original.state}`);
      }
      const row = write(() => {
        assertNothingInDoubt();
        const left = tender.amountHalalas - intents.refundedAgainst(original.id);
        if (input.amountHalalas > left) throw new TillError('REFUND_OVER_ORIGINAL', `${input.amountHalalas} > ${left}`);
        journal.append('manager.authorised', { action: 'refundCard', intentId: original.id, receiptNo: input.receiptNo });
        return createIntent('refund', input.amountHalalas, original.sale_id, original.id);
      });
      announce();
      const applied = await send(row, (signal, onStage) =>
        connector().refund(
          { reference: row.reference, amountHalalas: input.amountHalalas, originalRrn: tender.card.rrn, originalAt: tender.card.terminalAt },
          { signal, onStage },
        ),
      );
      announce();
      return toSummary(applied.row);
    },

    async checkTerminal(): Promise<TerminalStatus> {
      const result = await connector().health();
      health = result.state;
      healthDetail = result.state === 'disconnected' ? result.detail : null;
      deps.emitTerminal(status());
      const last = intents.last();
      if (last && ['sending', 'awaiting', 'unknown'].includes(last.state) && !inFlight.has(last.id)) await inquireOnce(last);
      return status();
    },

    async repeatLastTransaction(): Promise<IntentSummary | null> {
      const last = intents.last();
      if (!last) return null;
      const answer = await connector().inquire(last.reference);
      if (answer.kind === 'unreachable') throw new TillError('TERMINAL_UNREACHABLE', answer.detail);
      if (['sending', 'awaiting', 'unknown'].includes(last.state) && !inFlight.has(last.id)) {
        applyInquiry(last, answer);
        announce();
      }
      const summary = toSummary(intent(last.id));
      if (answer.kind === 'found' && answer.outcome.record) {
        return { ...summary, card: cardDetailsOf(answer.outcome.record) };
      }
      return summary;
    },

    async settleTerminal(managerPin: string): Promise<SettlementSummary> {
      deps.manager.check(managerPin);
      const result = await connector().settle();
      if ('kind' in result) throw new TillError('TERMINAL_UNREACHABLE', result.detail);
      write(() => journal.append('terminal.settled', { ...result }));
      return { inBalance: result.inBalance, responseCode: result.responseCode, at: result.at, schemes: result.schemes };
    },

    async close(): Promise<void> {
      closed = true;
      for (const timer of backgroundTimers.values()) clearTimeout(timer);
      backgroundTimers.clear();
      for (const abort of inFlight.values()) abort.abort();
      await deps.connector?.close();
    },
  };
}

export type Payments = ReturnType<typeof createPayments>;
