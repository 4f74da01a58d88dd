// The intent lifecycle in the ledger: every move of a payment intent is one journal entry and its row, in one
// transaction with the sale tables it touches. Nothing here sends a byte, starts a timer or tells a view: a
// move that leaves something to do once it has committed (a receipt to print, an orphan to reverse) returns
// it as an AfterApproval for the caller to run after the commit.
//
// Every apply step re-reads the intent inside its transaction and acts only from the states still waiting
// for an answer, so a late or repeated answer (a second inquiry, a background one racing a manager's
// resolution) can never undo a settled payment or attach it twice.
import type { CardDetails, CardTender, CompletedSale, IntentState } from '../../preload/contract';
import type { Checkout } from '../checkout';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { cardDetailsOf } from './card-details';
import type { InquiryOutcome, PaymentConnector, TerminalOutcome } from './connector';
import type { IntentKind, IntentRow, IntentStore, TransitionExtra } from './intent-store';
import { nextReference } from './references';
import { AWAITING, isIn, RELEASED } from './states';

/** What an approval leaves to do once its transaction has committed. */
export interface AfterApproval {
  completed: CompletedSale | null;
  /** The approval belongs to no sale: reverse it where the protocol allows, else it stays listed. */
  orphan: boolean;
}

/** The intent after a move, with what its commit left to do. */
export interface Moved {
  row: IntentRow;
  after: AfterApproval;
}

const NOTHING_AFTER: AfterApproval = { completed: null, orphan: false };

const NOT_FOUND_REASON = {
  en: 'The terminal has no record of this payment: nothing was charged.',
  ar: 'لا يوجد سجل لهذه العملية في الجهاز: لم يُخصم أي مبلغ.',
};

const unknownReason = (why: string) => ({
  en: `The terminal did not give a final answer (${why}). Do not charge again; the till keeps asking it.`,
  ar: 'لم يعطِ الجهاز نتيجة نهائية. لا تُحصّل مرة أخرى؛ نقطة البيع تواصل سؤال الجهاز.',
});

export const MANAGER_DECLINE: Extract<TerminalOutcome, { kind: 'declined' }> = {
  kind: 'declined',
  record: null,
  responseCode: 'MANAGER',
  reason: { en: 'Recorded as not paid by the manager', ar: 'سجّلها المدير كغير مدفوعة' },
};

/**
 * Told, inside the transaction that settles a refund, how it ended — so what waits on it (a return: main/returns)
 * is completed or let go in that same transaction, never one without the other.
 */
export interface RefundSettlement {
  approvedInTx(refund: IntentRow, card: CardDetails, approvedAmount: number): void;
  /** Declined, not found, or recorded as not refunded by a manager: no money went back. */
  releasedInTx(refund: IntentRow): void;
}

export interface LifecycleDeps {
  db: Db;
  journal: Journal;
  intents: IntentStore;
  checkout: Checkout;
  tillId: () => string;
  newId: () => string;
  /** Who waits on refunds (set once the returns domain exists; the composition root wires it). */
  refunds?: () => RefundSettlement | null;
}

export function createIntentLifecycle({ db, journal, intents, checkout, tillId, newId, refunds }: LifecycleDeps) {
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const intent = (id: string): IntentRow => {
    const row = intents.get(id);
    if (!row) throw new TillError('INTENT_UNKNOWN', id);
    return row;
  };

  /**
   * Moves an intent to a new state with its journal entry, touching its sale so every view re-reads it. The
   * entry names the state it moves to and what the row keeps (card, reason), so `ledger verify` replays the
   * row from the journal alone.
   */
  const transition = (row: IntentRow, state: IntentState, type: string, payload: Record<string, unknown>, extra: TransitionExtra = {}) => {
    const entry = journal.append(type, {
      intentId: row.id,
      reference: row.reference,
      ...payload,
      to: state,
      ...(extra.card ? { card: extra.card } : {}),
      reason: extra.reason ?? null,
    });
    intents.update(row.id, state, entry.seq, extra);
    if (row.sale_id) checkout.touchInTx(row.sale_id);
    return entry;
  };

  /** After a refused or vanished reversal the payment is what it was: still a tender, or an orphan to list. */
  const reversalRefusedInTx = (original: IntentRow, byIntentId: string) => {
    if (original.state !== 'reversing') return;
    const sale = original.sale_id ? checkout.saleById(original.sale_id) : undefined;
    const stillTender = sale?.tenders.some((t) => t.intentId === original.id) ?? false;
    transition(original, stillTender ? 'approved' : 'orphaned', 'payment.reversal_refused', { byIntentId });
  };

  /** An approval, inside the caller's transaction: attaches it, completes the sale, or marks it an orphan. */
  const approveInTx = (row: IntentRow, approvedAmount: number, card: CardDetails): AfterApproval => {
    const fresh = intent(row.id);
    if (isIn(RELEASED, fresh.state) && fresh.kind === 'purchase') {
      // The till had let this payment go (declined, not found, or a manager's "not paid"), yet the terminal
      // approved it: it belongs to no sale. Reverse or list it; never attach it now.
      transition(fresh, 'orphaned', 'payment.late_approval', { amountHalalas: approvedAmount, rrn: card.rrn, authCode: card.authCode }, { card });
      return { completed: null, orphan: true };
    }
    if (!isIn(AWAITING, fresh.state)) return NOTHING_AFTER; // already settled: a repeated answer changes nothing
    transition(
      fresh,
      'approved',
      `${fresh.kind}.approved`,
      { amountHalalas: approvedAmount, rrn: card.rrn, authCode: card.authCode, scheme: card.scheme, maskedPan: card.maskedPan, responseCode: card.responseCode },
      { card, reason: null },
    );
    if (fresh.kind === 'reversal') {
      const original = intent(fresh.original_id!);
      if (original.state !== 'reversing') return NOTHING_AFTER;
      transition(original, 'reversed', 'payment.reversed', { byIntentId: fresh.id });
      if (original.sale_id) checkout.reverseCardTenderInTx(original.sale_id, original.id);
      return NOTHING_AFTER;
    }
    if (fresh.kind === 'refund') {
      refunds?.()?.approvedInTx(intent(fresh.id), card, approvedAmount);
      return NOTHING_AFTER;
    }
    if (fresh.kind !== 'purchase') return NOTHING_AFTER;
    if (!fresh.sale_id) {
      // A purchase for no sale (commissioning's test on a real card): the money goes back. As an orphan it is
      // reversed right after this commit and, should the till die first, by start-up recovery.
      transition(intent(fresh.id), 'orphaned', 'payment.orphaned', { saleId: null, amountHalalas: approvedAmount });
      return { completed: null, orphan: true };
    }
    const tender: CardTender = { kind: 'card', intentId: fresh.id, reference: fresh.reference, amountHalalas: approvedAmount, card };
    // An approval for more than was asked is not something to keep quietly.
    const attached = approvedAmount > fresh.amount_halalas ? 'orphan' : checkout.attachCardTenderInTx(fresh.sale_id, tender);
    if (attached === 'orphan') {
      transition(intent(fresh.id), 'orphaned', 'payment.orphaned', { saleId: fresh.sale_id, amountHalalas: approvedAmount });
      return { completed: null, orphan: true };
    }
    return {
      completed: attached.receipt ? { receipt: attached.receipt, changeHalalas: 0, drawer: 'not_needed', next: attached.next! } : null,
      orphan: false,
    };
  };

  const declineInTx = (row: IntentRow, outcome: Extract<TerminalOutcome, { kind: 'declined' }>) => {
    const fresh = intent(row.id);
    if (!isIn(AWAITING, fresh.state)) return;
    if (fresh.kind === 'reversal') {
      // The terminal refused to reverse: the approval stands and a person must deal with it.
      transition(fresh, 'declined', 'reversal.declined', { responseCode: outcome.responseCode, reason: outcome.reason }, { reason: outcome.reason });
      reversalRefusedInTx(intent(fresh.original_id!), fresh.id);
      return;
    }
    transition(fresh, 'declined', `${fresh.kind}.declined`, { responseCode: outcome.responseCode, reason: outcome.reason }, { reason: outcome.reason });
    if (fresh.kind === 'refund') refunds?.()?.releasedInTx(intent(fresh.id));
  };

  /** No answer (yet): only a payment still waiting becomes unknown; a settled one stays as it is. */
  const markUnknown = (row: IntentRow, why: string, detail: string) =>
    write(() => {
      const fresh = intent(row.id);
      if (fresh.state !== 'sending' && fresh.state !== 'awaiting') return;
      transition(fresh, 'unknown', `${fresh.kind}.unknown`, { why, detail }, { reason: unknownReason(why) });
    });

  const moved = (row: IntentRow, after: AfterApproval = NOTHING_AFTER): Moved => ({ row: intent(row.id), after });

  /** What the terminal answered to the request itself. */
  const applyOutcome = (row: IntentRow, outcome: TerminalOutcome): Moved => {
    if (outcome.kind === 'approved') return moved(row, write(() => approveInTx(row, outcome.record.amountHalalas, cardDetailsOf(outcome.record))));
    if (outcome.kind === 'declined') write(() => declineInTx(row, outcome));
    else markUnknown(row, outcome.why, outcome.detail);
    return moved(row);
  };

  return {
    intent,

    /** A new intent under a never-reused reference, inside the caller's transaction, before any byte is sent. */
    createInTx(kind: IntentKind, amountHalalas: number, saleId: string | null, originalId: string | null, through: PaymentConnector): IntentRow {
      const id = newId();
      const reference = nextReference(db, tillId());
      const entry = journal.append('payment.intent_created', { intentId: id, reference, kind, amountHalalas, saleId, originalId, connector: through.protocol });
      intents.insert({
        id,
        reference,
        tillId: tillId(),
        kind,
        connector: through.protocol,
        saleId,
        originalId,
        amountHalalas,
        state: 'sending',
        createdAt: entry.at,
        seq: entry.seq,
      });
      if (saleId) checkout.touchInTx(saleId);
      return intents.get(id)!;
    },

    /** The request left for the terminal (flushed): from here on only an answer or an inquiry says more. */
    markSent(row: IntentRow): boolean {
      return write(() => {
        const fresh = intent(row.id);
        if (fresh.state !== 'sending') return false;
        transition(fresh, 'awaiting', 'payment.sent', {});
        return true;
      });
    },

    /** An approved payment is being reversed by `reversal` (inside the caller's transaction). */
    reversingInTx(original: IntentRow, reversal: IntentRow): void {
      transition(intent(original.id), 'reversing', 'payment.reversing', { byIntentId: reversal.id });
    },

    applyOutcome,

    /** What an inquiry found: the answer itself, "no such payment" (released), or nothing (still in doubt). */
    applyInquiry(row: IntentRow, answer: InquiryOutcome): Moved {
      if (answer.kind === 'found') return applyOutcome(row, answer.outcome);
      if (answer.kind === 'not_found') {
        write(() => {
          const fresh = intent(row.id);
          if (!isIn(AWAITING, fresh.state)) return;
          transition(fresh, 'not_found', `${fresh.kind}.not_found`, {}, { reason: NOT_FOUND_REASON });
          if (fresh.kind === 'reversal') reversalRefusedInTx(intent(fresh.original_id!), fresh.id);
          if (fresh.kind === 'refund') refunds?.()?.releasedInTx(intent(fresh.id));
        });
        return moved(row);
      }
      markUnknown(row, 'unreachable', answer.detail);
      return moved(row);
    },

    /**
     * A manager's resolution with the payment's own evidence: journaled, and applied in the same transaction,
     * so a crash cannot leave one without the other.
     */
    resolveByManager(row: IntentRow, outcome: 'approved' | 'declined', evidence: { rrn: string | null; authCode: string | null; card: CardDetails | null }): Moved {
      const after = write((): AfterApproval => {
        journal.append('payment.resolved_by_manager', { intentId: row.id, reference: row.reference, outcome, rrn: evidence.rrn, authCode: evidence.authCode });
        if (outcome === 'approved') return approveInTx(row, row.amount_halalas, evidence.card!);
        declineInTx(row, MANAGER_DECLINE);
        return NOTHING_AFTER;
      });
      return moved(row, after);
    },
  };
}

export type IntentLifecycle = ReturnType<typeof createIntentLifecycle>;
