// Card payments that never lose money and never charge twice. The rules (payments.md §6), in code:
//  1. An intent with a never-reused reference is committed to the ledger before any byte goes out.
//  2. A purchase is sent once. After a timeout, a dropped line, a garbled answer, a cancel or a crash the
//     till asks the terminal about that reference; only the terminal's explicit "not found" releases it.
//  3. Until then the payment is `unknown`: its sale can neither change nor complete, and no new payment
//     starts. A manager may settle it only with evidence from the terminal's receipt (journaled).
//  4. An approval that no sale can take is reversed at once where the protocol allows, otherwise listed.
//  5. Every intent is asked about through the connector that sent it (card terminal or STC Pay): each one
//     keeps its own references, and only it can say what happened to them.
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
import type { OtpDesk } from './otp-desk';
import { normaliseSaudiMobile } from './stcpay/mobile';
import type { InquiryOutcome, PaymentConnector, TerminalOutcome } from './connector';
import type { CardDetails } from '../../preload/contract';
import { pendingPayment, toSummary, type IntentKind, type IntentRow, type IntentStore, type TransitionExtra } from './intent-store';
import { faultPoint } from './fault-points';
import { nextReference } from './references';

export interface PaymentsDeps {
  db: Db;
  journal: Journal;
  tillId: () => string;
  checkout: Checkout;
  intents: IntentStore;
  /** The card terminal (mada ECR or nexo), or null when the till takes no cards. */
  connector: PaymentConnector | null;
  /** For the manager's panel: protocol and where the terminal is; `remote` terminals are checked in the background. */
  terminalInfo: { protocol: string; transport: string; remote?: boolean } | null;
  /** STC Pay with the desk that carries the cashier's mobile numbers and codes to it, or null. */
  stcPay?: { connector: PaymentConnector; transport: string; desk: OtpDesk } | null;
  /** How often providers reached over the internet are checked for the status light (0 = never). */
  providerCheckMs?: number;
  /** Why a configured terminal or STC Pay could not be opened (shown on the panel; its tender is refused). */
  unavailable?: { terminal: string | null; stcPay: string | null };
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
const DEFAULT_PROVIDER_CHECK_MS = 30_000;
/** With the default pauses (the last is 60 s), about an hour. */
const ASK_AFTER_RELEASE_ATTEMPTS = 60;

type Health = TerminalStatus['health'];
interface HealthReading {
  health: Health;
  detail: string | null;
  checkedAt: string | null;
}

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
  const log = deps.log ?? console;
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const inFlight = new Map<string, AbortController>();
  const backgroundTimers = new Map<string, NodeJS.Timeout>();
  let recovering = false;
  let closed = false;
  const cardHealth: HealthReading = deps.unavailable?.terminal
    ? { health: 'disconnected', detail: deps.unavailable.terminal, checkedAt: null }
    : { health: 'not_checked', detail: null, checkedAt: null };
  const stcPayHealth: HealthReading = { health: 'not_checked', detail: null, checkedAt: null };
  const stcPay = deps.stcPay ?? null;

  /** The card terminal. */
  const connector = (): PaymentConnector => {
    if (!deps.connector) throw new TillError(deps.unavailable?.terminal ? 'PROVIDER_UNAVAILABLE' : 'TERMINAL_NOT_CONFIGURED', deps.unavailable?.terminal ?? undefined);
    return deps.connector;
  };

  /** The connector that sent an intent, if the till still has it. */
  const connectorFor = (protocol: string): PaymentConnector | null => {
    if (deps.connector?.protocol === protocol) return deps.connector;
    if (stcPay?.connector.protocol === protocol) return stcPay.connector;
    return null;
  };
  const hasAnyConnector = () => deps.connector !== null || stcPay !== null;

  const intent = (id: string): IntentRow => {
    const row = intents.get(id);
    if (!row) throw new TillError('INTENT_UNKNOWN', id);
    return row;
  };

  const progress = (row: IntentRow, stage: TerminalStage | null, otp: PaymentProgress['otp'] = null) =>
    deps.emitProgress({ intentId: row.id, saleId: row.sale_id, state: row.state, stage, otp });
  // The STC Pay flow waits for the customer's code: ask the cashier for it on the payment's own progress; the
  // desk keeps the question for a view that loads meanwhile (see pendingPayment).
  stcPay?.desk.onPrompt((intentId, otp) => {
    const row = intents.get(intentId);
    if (!row) return;
    checkout.announce();
    progress(row, 'awaiting_otp', otp);
  });

  const status = (): TerminalStatus => {
    const last = intents.last();
    return {
      configured: deps.connector !== null,
      protocol: deps.terminalInfo?.protocol ?? null,
      transport: deps.terminalInfo?.transport ?? null,
      health: cardHealth.health,
      detail: cardHealth.detail,
      checkedAt: cardHealth.checkedAt,
      recovering,
      last: last ? toSummary(last) : null,
      needsAttention: intents.needsAttention().map(toSummary),
      stcPay: stcPay
        ? { transport: stcPay.transport, ...stcPayHealth }
        : deps.unavailable?.stcPay
          ? { transport: 'STC Pay', health: 'disconnected', detail: deps.unavailable.stcPay, checkedAt: null }
          : null,
    };
  };
  const announce = () => {
    checkout.announce();
    deps.emitTerminal(status());
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

  const createIntent = (
    kind: IntentKind,
    amountHalalas: number,
    saleId: string | null,
    originalId: string | null,
    through: PaymentConnector,
  ): IntentRow => {
    const id = newId();
    const reference = nextReference(db, deps.tillId());
    const entry = journal.append('payment.intent_created', {
      intentId: id,
      reference,
      kind,
      amountHalalas,
      saleId,
      originalId,
      connector: through.protocol,
    });
    intents.insert({
      id,
      reference,
      tillId: deps.tillId(),
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
  };

  /** No new payment while the till is still finding out about an earlier one: the terminal could be mid-way. */
  const assertNothingInDoubt = () => {
    if (recovering) throw new TillError('PAYMENTS_RECOVERING');
    const doubt = intents.unsettled()[0];
    if (doubt) throw new TillError('PAYMENT_PENDING', doubt.id);
  };

  // ---- applying what the terminal said -------------------------------------------------------------
  // Every apply step re-reads the intent inside its transaction and acts only from the states that are
  // still waiting for an answer. A late or repeated answer (a second inquiry, a background one racing a
  // manager's resolution) can therefore never undo a settled payment or attach it twice.

  /** `answered`: the terminal gave an answer (found / not found), not just "unreachable" or "in progress". */
  type Applied = { row: IntentRow; completed: CompletedSale | null; answered?: boolean };

  /** States in which the terminal's answer is still awaited. */
  const AWAITING: readonly IntentState[] = ['sending', 'awaiting', 'unknown'];
  /** States a released payment is in: an approval found afterwards belongs to no sale. */
  const RELEASED: readonly IntentState[] = ['declined', 'not_found'];

  /** After a refused or vanished reversal the payment is what it was: still a tender, or an orphan to list. */
  const reversalRefusedInTx = (original: IntentRow, byIntentId: string) => {
    if (original.state !== 'reversing') return;
    const sale = original.sale_id ? checkout.saleById(original.sale_id) : undefined;
    const stillTender = sale?.tenders.some((t) => t.intentId === original.id) ?? false;
    transition(original, stillTender ? 'approved' : 'orphaned', 'payment.reversal_refused', { byIntentId });
  };

  /** What an approval leaves to do once its transaction has committed. */
  interface AfterApproval {
    completed: CompletedSale | null;
    orphan: boolean;
  }

  /**
   * An approval, inside the caller's transaction: attaches it, completes the sale or marks it an orphan. Does no
   * I/O: what must follow the commit (printing, telling the views, reversing an orphan) is returned for
   * afterApproval, so nothing is announced or printed for a transaction that may yet roll back.
   */
  const applyApprovedInTx = (row: IntentRow, approvedAmount: number, card: CardDetails): AfterApproval => {
    let orphan = false;
    const completed = ((): CompletedSale | null => {
      const fresh = intent(row.id);
      if (RELEASED.includes(fresh.state) && fresh.kind === 'purchase') {
        // The till had let this payment go (declined, not found, or a manager's "not paid"), yet the
        // terminal approved it: it belongs to no sale. Reverse or list it; never attach it now.
        orphan = true;
        transition(fresh, 'orphaned', 'payment.late_approval', { amountHalalas: approvedAmount, rrn: card.rrn, authCode: card.authCode }, { card });
        return null;
      }
      if (!AWAITING.includes(fresh.state)) return null; // already settled: a repeated answer changes nothing
      transition(fresh, 'approved', `${fresh.kind}.approved`, {
        amountHalalas: approvedAmount,
        rrn: card.rrn,
        authCode: card.authCode,
        scheme: card.scheme,
        maskedPan: card.maskedPan,
        responseCode: card.responseCode,
      }, { card, reason: null });
      if (fresh.kind === 'reversal') {
        const original = intent(fresh.original_id!);
        if (original.state !== 'reversing') return null;
        transition(original, 'reversed', 'payment.reversed', { byIntentId: fresh.id });
        if (original.sale_id) checkout.reverseCardTenderInTx(original.sale_id, original.id);
        return null;
      }
      if (fresh.kind !== 'purchase' || !fresh.sale_id) return null;
      const tender: CardTender = { kind: 'card', intentId: fresh.id, reference: fresh.reference, amountHalalas: approvedAmount, card };
      // An approval for more than was asked is not something to keep quietly.
      const attached = approvedAmount > fresh.amount_halalas ? 'orphan' : checkout.attachCardTenderInTx(fresh.sale_id, tender);
      if (attached === 'orphan') {
        orphan = true;
        transition(intent(fresh.id), 'orphaned', 'payment.orphaned', { saleId: fresh.sale_id, amountHalalas: approvedAmount });
        return null;
      }
      return attached.receipt ? { receipt: attached.receipt, changeHalalas: 0, drawer: 'not_needed' as const, next: attached.next! } : null;
    })();
    return { completed, orphan };
  };

  const afterApproval = (row: IntentRow, after: AfterApproval): void => {
    if (after.orphan) reverseOrphan(intent(row.id)).catch((e: unknown) => log.warn('reversing an orphaned approval failed', e));
    if (after.completed) checkout.afterCompleted(after.completed);
  };

  const applyApproved = (row: IntentRow, approvedAmount: number, card: CardDetails): Applied => {
    const after = write(() => applyApprovedInTx(row, approvedAmount, card));
    afterApproval(row, after);
    return { row: intent(row.id), completed: after.completed };
  };

  const applyDeclined = (row: IntentRow, outcome: Extract<TerminalOutcome, { kind: 'declined' }>) => {
    write(() => {
      const fresh = intent(row.id);
      if (!AWAITING.includes(fresh.state)) return;
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
  };

  const applyOutcome = (row: IntentRow, outcome: TerminalOutcome): Applied => {
    if (outcome.kind === 'approved') return applyApproved(row, outcome.record.amountHalalas, cardDetailsOf(outcome.record));
    if (outcome.kind === 'declined') applyDeclined(row, outcome);
    else markUnknown(row, outcome.why, outcome.detail);
    return { row: intent(row.id), completed: null };
  };

  /** No answer (yet): only a payment still waiting becomes unknown; a settled one stays as it is. */
  const markUnknown = (row: IntentRow, why: string, detail: string) =>
    write(() => {
      const fresh = intent(row.id);
      if (fresh.state !== 'sending' && fresh.state !== 'awaiting') return;
      transition(fresh, 'unknown', `${fresh.kind}.unknown`, { why, detail }, { reason: unknownReason(why) });
    });

  const applyInquiry = (row: IntentRow, answer: InquiryOutcome): Applied => {
    if (answer.kind === 'found') return applyOutcome(row, answer.outcome);
    if (answer.kind === 'not_found') {
      write(() => {
        const fresh = intent(row.id);
        if (!AWAITING.includes(fresh.state)) return;
        transition(fresh, 'not_found', `${fresh.kind}.not_found`, {}, { reason: NOT_FOUND_REASON });
        if (fresh.kind === 'reversal') reversalRefusedInTx(intent(fresh.original_id!), fresh.id);
      });
      return { row: intent(row.id), completed: null };
    }
    markUnknown(row, 'unreachable', answer.detail);
    return { row: intent(row.id), completed: null };
  };

  // ---- recovery --------------------------------------------------------------------------------------

  /**
   * Intents whose terminal or provider last answered "still in progress": they may yet complete, so only its
   * next answer may settle them, not a person. Rebuilt by start-up recovery, which asks about every one.
   */
  const inProgressAt = new Set<string>();

  /** Inquiries under way, per intent: a second request for the same one joins the first. */
  const inquiring = new Map<string, Promise<Applied>>();

  /** Asks the terminal once about an unsettled intent and applies the answer. */
  const inquireOnce = (row: IntentRow): Promise<Applied> => {
    const running = inquiring.get(row.id);
    if (running) return running;
    const job = (async () => {
      progress(row, 'recovering');
      let answer: InquiryOutcome;
      const through = connectorFor(row.connector);
      if (!through) {
        // Only the kind of device that took the payment can say what happened to it.
        answer = { kind: 'unreachable', detail: `made through ${row.connector}, which this till no longer has` };
      } else {
        try {
          answer = await through.inquire(row.reference, { onStage: (stage) => progress(row, stage) });
        } catch (e) {
          answer = { kind: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
        }
      }
      faultPoint('recovery.after-answer');
      if (answer.kind === 'unreachable' && answer.pending) inProgressAt.add(row.id);
      else inProgressAt.delete(row.id);
      const applied = applyInquiry(row, answer);
      announce();
      progress(applied.row, null);
      return { ...applied, answered: answer.kind !== 'unreachable' };
    })().finally(() => inquiring.delete(row.id));
    inquiring.set(row.id, job);
    return job;
  };

  /** A payment, or the reversal standing for it, is being asked about right now. */
  const beingAsked = (row: IntentRow) =>
    inquiring.has(row.id) || intents.unsettled().some((r) => r.original_id === row.id && inquiring.has(r.id));

  /**
   * One background loop per payment: asks about `target(row)` after a growing pause, again while `again` says
   * so, at most `limit` times. Keyed by the payment itself, so one payment never has two loops.
   */
  const askInBackground = (
    id: string,
    ask: { target(row: IntentRow): IntentRow | undefined; again(applied: Applied): boolean; limit: number },
    attempt = 0,
  ) => {
    if (closed || backgroundTimers.has(id) || attempt >= ask.limit) return;
    const timer = setTimeout(() => {
      backgroundTimers.delete(id);
      const row = intents.get(id);
      const target = row && !closed && !inFlight.has(id) ? ask.target(row) : undefined;
      if (!target) return;
      inquireOnce(target)
        .then((applied) => {
          if (ask.again(applied)) askInBackground(id, ask, attempt + 1);
        })
        .catch((e: unknown) => {
          // The answer could not be recorded (a full disk): ask again later rather than give up on it.
          log.warn('background payment inquiry failed', e);
          askInBackground(id, ask, attempt + 1);
        });
    }, delays[Math.min(attempt, delays.length - 1)]!);
    timer.unref();
    backgroundTimers.set(id, timer);
  };

  /** Until the terminal answers about a payment in doubt (a reversal is asked about through its original). */
  const scheduleRecovery = (id: string) =>
    askInBackground(id, {
      target: (row) =>
        !['sending', 'awaiting', 'unknown', 'reversing'].includes(row.state) ? undefined : row.state === 'reversing' ? latestReversalOf(row) : row,
      again: () => ['unknown', 'reversing'].includes(intent(id).state),
      limit: Infinity,
    });

  /**
   * A manager recorded a purchase as not paid because the terminal could not be asked. It is still asked in the
   * background until it answers once: an approval found then belongs to no sale and is reversed or listed
   * (applyApproved), so a customer who then paid another way is refunded, not charged twice. For this run of the
   * till only (about an hour of asking); start-up recovery looks at unsettled payments, not released ones.
   */
  const askAfterRelease = (id: string) =>
    askInBackground(id, {
      target: (row) => (row.kind === 'purchase' && row.state === 'declined' ? row : undefined),
      again: (applied) => !applied.answered,
      limit: ASK_AFTER_RELEASE_ATTEMPTS,
    });

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
    let applied: Applied;
    try {
      applied = applyOutcome(intent(row.id), outcome);
    } catch (e) {
      // The terminal answered but its answer could not be recorded (a full disk): the intent stays in doubt,
      // its sale locked, and the terminal is asked again in the background until it can be.
      scheduleRecovery(row.kind === 'reversal' ? row.original_id! : row.id);
      throw e;
    }
    announce();
    if (outcome.kind === 'unknown') {
      // Ask straight away: a cancel that raced an approval, or an answer that got lost, is usually known now.
      applied = await inquireOnce(intent(row.id));
      if (applied.row.state === 'unknown') scheduleRecovery(row.kind === 'reversal' ? row.original_id! : row.id);
    }
    progress(applied.row, null);
    return applied;
  };

  const reverseOrphan = async (orphan: IntentRow) => {
    const last = intents.last(orphan.connector);
    // SkyBand's reversal targets the terminal's last transaction; anything else must go to a refund. STC Pay
    // has no reversal at all: its orphans are listed for a refund.
    const through = connectorFor(orphan.connector);
    if (!through || through.protocol === 'stcpay' || !last || last.id !== orphan.id) {
      deps.emitTerminal(status());
      return;
    }
    await startReversal(orphan);
  };

  /** Reverses an approved payment; `authorisation` is journaled in the same transaction as the intent. */
  const startReversal = async (original: IntentRow, authorisation?: Record<string, unknown>): Promise<IntentRow> => {
    const reversal = write(() => {
      if (authorisation) journal.append('manager.authorised', authorisation);
      const through = connectorFor(original.connector);
      if (!through) throw new TillError('TERMINAL_NOT_CONFIGURED', original.connector);
      const row = createIntent('reversal', original.amount_halalas, null, original.id, through);
      transition(intent(original.id), 'reversing', 'payment.reversing', { byIntentId: row.id });
      return row;
    });
    announce();
    await send(reversal, (signal, onStage) =>
      connectorFor(original.connector)!.reverse({ reference: reversal.reference, originalReference: original.reference }, { signal, onStage }),
    );
    announce();
    return intent(original.id);
  };

  const cardTenderOf = (sale: Sale, intentId: string) => sale.tenders.find((t) => t.intentId === intentId);

  /** One purchase for the open sale through one connector: intent committed first, then sent once. */
  const purchase = async (
    through: PaymentConnector,
    amountHalalas: number,
    before: (row: IntentRow) => void = () => {},
    after: (row: IntentRow) => void = () => {},
  ): Promise<CardPaymentResult> => {
    const row = write(() => {
      assertNothingInDoubt();
      const sale = checkout.openSaleInTx();
      if (sale.lines.length === 0) throw new TillError('SALE_EMPTY');
      if (amountHalalas > sale.dueHalalas) throw new TillError('AMOUNT_OVER_DUE', `${amountHalalas} > ${sale.dueHalalas}`);
      return createIntent('purchase', amountHalalas, sale.saleId, null, through);
    });
    announce();
    before(row);
    let applied: Applied;
    try {
      progress(row, 'connecting');
      applied = await send(row, (signal, onStage) => through.purchase({ reference: row.reference, amountHalalas }, { signal, onStage }));
    } finally {
      after(row);
    }
    const state = applied.row.state;
    return {
      outcome: state === 'approved' ? 'approved' : state === 'declined' ? 'declined' : state === 'not_found' ? 'not_found' : 'unknown',
      intent: toSummary(applied.row),
      sale: checkout.announce(),
      completed: applied.completed,
    };
  };

  // ---- reachability --------------------------------------------------------------------------------

  const checkHealth = async (through: PaymentConnector, reading: HealthReading) => {
    let result;
    try {
      result = await through.health();
    } catch (e) {
      result = { state: 'disconnected' as const, detail: e instanceof Error ? e.message : String(e) };
    }
    reading.health = result.state;
    reading.detail = result.state === 'disconnected' ? result.detail : null;
    reading.checkedAt = now().toISOString();
  };

  /**
   * Providers reached over the internet are checked in the background, so the status light says "offline"
   * before the cashier tries (and the cashier can take cash or the counter terminal instead). A direct
   * terminal is only checked on request: a probe must never stand in the way of its one-request-at-a-time line.
   */
  const watchProviders = async () => {
    const before = JSON.stringify([cardHealth.health, cardHealth.detail, stcPayHealth.health, stcPayHealth.detail]);
    if (deps.connector && deps.terminalInfo?.remote && inFlight.size === 0) await checkHealth(deps.connector, cardHealth);
    if (stcPay) await checkHealth(stcPay.connector, stcPayHealth);
    if (closed) return;
    const after = JSON.stringify([cardHealth.health, cardHealth.detail, stcPayHealth.health, stcPayHealth.detail]);
    if (before !== after) deps.emitTerminal(status());
  };
  const providerCheckMs = deps.providerCheckMs ?? DEFAULT_PROVIDER_CHECK_MS;
  const watched = stcPay !== null || deps.terminalInfo?.remote === true;
  let providerTimer: NodeJS.Timeout | null = null;
  if (watched && providerCheckMs > 0) {
    providerTimer = setInterval(() => void watchProviders().catch((e: unknown) => log.warn('provider check failed', e)), providerCheckMs);
    providerTimer.unref();
    void watchProviders().catch((e: unknown) => log.warn('provider check failed', e));
  }

  // ---- the service ---------------------------------------------------------------------------------

  return {
    status,

    pendingForSale: pendingPayment(intents, stcPay?.desk ?? null),

    /** On start-up, before new payments: settle everything a crash or a lost answer left open. */
    async recoverAll(): Promise<void> {
      if (!hasAnyConnector()) return;
      const open = intents.unsettled();
      if (open.length === 0 && !intents.needsAttention().some((r) => r.state === 'orphaned')) return;
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
      return purchase(connector(), amountHalalas);
    },

    /** STC Pay: the customer's wallet is charged once the code they read out is confirmed (see otp-desk.ts). */
    async payStcPay(amountHalalas: number, mobile: string): Promise<CardPaymentResult> {
      if (!stcPay) throw new TillError(deps.unavailable?.stcPay ? 'PROVIDER_UNAVAILABLE' : 'STCPAY_NOT_CONFIGURED', deps.unavailable?.stcPay ?? undefined);
      const number = normaliseSaudiMobile(mobile);
      if (!number.ok) throw new TillError('STCPAY_MOBILE_INVALID');
      const desk = stcPay.desk;
      return purchase(
        stcPay.connector,
        amountHalalas,
        (row) => desk.expect(row.reference, row.id, number.msisdn),
        (row) => {
          desk.forget(row.reference);
        },
      );
    },

    submitStcPayOtp(intentId: string, otp: string): IntentSummary {
      const row = intent(intentId);
      if (row.connector !== 'stcpay' || !stcPay?.desk.submit(intentId, otp)) throw new TillError('STCPAY_NO_OTP_AWAITED', intentId);
      checkout.announce();
      return toSummary(intent(intentId));
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
      // Purchases, refunds and reversals alike: whatever the terminal can no longer be asked about.
      if (!AWAITING.includes(row.state) || inFlight.has(row.id)) {
        throw new TillError('INTENT_NOT_RESOLVABLE', `${row.kind} ${row.state}`);
      }
      // The terminal is being asked right now, or said the payment is still in progress: its answer, not a
      // person's, settles it (a "not paid" now could meet an STC Pay Confirm completing a minute later).
      if (beingAsked(row)) throw new TillError('PAYMENTS_RECOVERING', row.id);
      if (inProgressAt.has(row.id)) throw new TillError('PAYMENT_IN_PROGRESS', row.id);
      // Evidence as the payment's own receipt shows it: a card terminal's 12-digit RRN and approval code, or
      // the STCPayRefNum from STC Pay's merchant portal.
      const method = row.connector === 'stcpay' ? 'stcpay' : 'card';
      if (input.outcome === 'approved') {
        if (method === 'stcpay' && !input.rrn) throw new TillError('STCPAY_EVIDENCE_REQUIRED');
        if (method === 'card' && (!input.rrn || !/^\d{12}$/.test(input.rrn) || !input.authCode)) throw new TillError('EVIDENCE_REQUIRED');
      }
      const timer = backgroundTimers.get(row.id);
      if (timer) clearTimeout(timer);
      backgroundTimers.delete(row.id);
      // The resolution and its effect are one transaction: a crash cannot leave one without the other. What
      // follows an approval (the receipt printing, the views told) waits for the commit.
      const after = write((): AfterApproval | null => {
        journal.append('payment.resolved_by_manager', {
          intentId: row.id,
          reference: row.reference,
          outcome: input.outcome,
          rrn: input.rrn ?? null,
          authCode: input.authCode ?? null,
        });
        if (input.outcome === 'approved') {
          return applyApprovedInTx(row, row.amount_halalas, cardDetailsFromEvidence(input.rrn!, input.authCode ?? '', now().toISOString(), method));
        } else {
          applyDeclined(row, {
            kind: 'declined',
            record: null,
            responseCode: 'MANAGER',
            reason: { en: 'Recorded as not paid by the manager', ar: 'سجّلها المدير كغير مدفوعة' },
          });
          return null;
        }
      });
      if (after) afterApproval(row, after);
      if (input.outcome === 'declined' && row.kind === 'purchase') askAfterRelease(row.id);
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
      if (row.connector === 'stcpay') throw new TillError('REVERSAL_NOT_SUPPORTED', row.id);
      assertNothingInDoubt();
      if (intents.last(row.connector)?.id !== row.id) throw new TillError('REVERSAL_NOT_LAST', row.id);
      const after = await startReversal(row, { action: 'reverseCardPayment', intentId });
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
        const through = connectorFor(original.connector);
        if (!through) throw new TillError(original.connector === 'stcpay' ? 'STCPAY_NOT_CONFIGURED' : 'TERMINAL_NOT_CONFIGURED', original.connector);
        journal.append('manager.authorised', { action: 'refundCard', intentId: original.id, receiptNo: input.receiptNo });
        return createIntent('refund', input.amountHalalas, original.sale_id, original.id, through);
      });
      announce();
      const applied = await send(row, (signal, onStage) =>
        connectorFor(original.connector)!.refund(
          { reference: row.reference, amountHalalas: input.amountHalalas, originalRrn: tender.card.rrn, originalAt: tender.card.terminalAt },
          { signal, onStage },
        ),
      );
      announce();
      return toSummary(applied.row);
    },

    /** Checks the card terminal and STC Pay (whichever the till has); asks the terminal about its last payment. */
    async checkTerminal(): Promise<TerminalStatus> {
      if (!deps.connector && !stcPay) connector(); // says why there is nothing to check
      if (deps.connector) await checkHealth(deps.connector, cardHealth);
      if (stcPay) await checkHealth(stcPay.connector, stcPayHealth);
      deps.emitTerminal(status());
      const last = deps.connector ? intents.last(deps.connector.protocol) : undefined;
      if (last && ['sending', 'awaiting', 'unknown'].includes(last.state) && !inFlight.has(last.id)) await inquireOnce(last);
      return status();
    },

    async repeatLastTransaction(): Promise<IntentSummary | null> {
      const last = intents.last(connector().protocol);
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
      // Settlement may clear the terminal's "last transaction", which an inquiry about a payment in doubt
      // relies on: settle only when nothing is in doubt.
      assertNothingInDoubt();
      const result = await connector().settle();
      if ('kind' in result) {
        write(() => journal.append('terminal.settlement_unknown', { detail: result.detail }));
        throw new TillError('TERMINAL_UNREACHABLE', result.detail);
      }
      write(() => journal.append('terminal.settled', { ...result }));
      return { inBalance: result.inBalance, responseCode: result.responseCode, at: result.at, schemes: result.schemes };
    },

    async close(): Promise<void> {
      closed = true;
      if (providerTimer) clearInterval(providerTimer);
      for (const timer of backgroundTimers.values()) clearTimeout(timer);
      backgroundTimers.clear();
      for (const abort of inFlight.values()) abort.abort();
      await deps.connector?.close();
      await stcPay?.connector.close();
    },
  };
}

export type Payments = ReturnType<typeof createPayments>;
