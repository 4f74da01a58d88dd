// The conversation with the terminal (or provider) about intents already committed: a financial request sent
// once; after no answer, an inquiry, then more in the background until it answers; and what an answer leaves
// to do after its commit (print the receipt, reverse an approval no sale took). Every ledger move goes
// through the lifecycle (./lifecycle.ts); this file owns what is on the wire and when to ask.
import type { CompletedSale, TerminalStage } from '../../preload/contract';
import type { Checkout } from '../checkout';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { InquiryOutcome, PaymentConnector, TerminalOutcome } from './connector';
import { faultPoint } from './fault-points';
import type { IntentRow, IntentStore } from './intent-store';
import type { AfterApproval, IntentLifecycle, Moved } from './lifecycle';
import { createRecoveryScheduler } from './recovery-scheduler';
import { ASK_AGAIN, isIn, UNSETTLED } from './states';

/** An intent after an exchange. `answered`: the terminal gave an answer (found / not found), not just silence. */
export interface Applied {
  row: IntentRow;
  completed: CompletedSale | null;
  answered?: boolean;
}

/** With the default pauses (the last is 60 s), about an hour. */
const ASK_AFTER_RELEASE_ATTEMPTS = 60;

export interface ExchangeDeps {
  db: Db;
  journal: Journal;
  intents: IntentStore;
  checkout: Checkout;
  lifecycle: IntentLifecycle;
  /** The connector that sent an intent, if the till still has it. */
  connectorFor(protocol: string): PaymentConnector | null;
  progress(row: IntentRow, stage: TerminalStage | null): void;
  /** The sale and the terminal panel changed: tell every view. */
  announce(): void;
  /** Only the terminal panel changed (a new orphan to list). */
  announceTerminal(): void;
  /** Requests on the wire, per intent (shared with the reachability checks, which wait while one is). */
  inFlight: Map<string, AbortController>;
  recoveryDelaysMs?: readonly number[];
  log: { warn(message: string, detail?: unknown): void };
}

export function createTerminalExchange(deps: ExchangeDeps) {
  const { db, journal, intents, checkout, lifecycle, progress, announce, log } = deps;
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const intent = lifecycle.intent;

  /** Aborting a request on the wire only stops waiting: the terminal is asked what it did. */
  const inFlight = deps.inFlight;
  /** Inquiries under way, per intent: a second request for the same one joins the first. */
  const inquiring = new Map<string, Promise<Applied>>();
  /**
   * Intents whose terminal or provider last answered "still in progress": they may yet complete, so only its
   * next answer may settle them, not a person. Rebuilt by start-up recovery, which asks about every one.
   */
  const inProgress = new Set<string>();

  /** What a committed move left to do: print and announce a completed sale, reverse or list an orphan. */
  const afterCommit = (moved: Moved): Applied => {
    runAfter(moved.row, moved.after);
    return { row: moved.row, completed: moved.after.completed };
  };
  const runAfter = (row: IntentRow, after: AfterApproval): void => {
    if (after.orphan) reverseOrphan(intent(row.id)).catch((e: unknown) => log.warn('reversing an orphaned approval failed', e));
    if (after.completed) checkout.afterCompleted(after.completed);
  };

  const latestReversalOf = (original: IntentRow): IntentRow | undefined =>
    intents.unsettled().filter((r) => r.kind === 'reversal' && r.original_id === original.id).pop();

  /** Asks the terminal once about an unsettled intent and applies the answer. */
  const inquireOnce = (row: IntentRow): Promise<Applied> => {
    const running = inquiring.get(row.id);
    if (running) return running;
    const job = (async () => {
      progress(row, 'recovering');
      let answer: InquiryOutcome;
      const through = deps.connectorFor(row.connector);
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
      if (answer.kind === 'unreachable' && answer.pending) inProgress.add(row.id);
      else inProgress.delete(row.id);
      const applied = afterCommit(lifecycle.applyInquiry(row, answer));
      announce();
      progress(applied.row, null);
      return { ...applied, answered: answer.kind !== 'unreachable' };
    })().finally(() => inquiring.delete(row.id));
    inquiring.set(row.id, job);
    return job;
  };

  const scheduler = createRecoveryScheduler<Applied>({
    intents,
    inquire: inquireOnce,
    busy: (id) => inFlight.has(id),
    ...(deps.recoveryDelaysMs ? { delays: deps.recoveryDelaysMs } : {}),
    log,
  });

  /** Until the terminal answers about a payment in doubt (a reversal is asked about through its original). */
  const untilAnswered = (id: string) =>
    scheduler.ask(id, {
      target: (row) => (!isIn(UNSETTLED, row.state) ? undefined : row.state === 'reversing' ? latestReversalOf(row) : row),
      again: () => isIn(ASK_AGAIN, intent(id).state),
      limit: Infinity,
    });

  /** Sends one financial request for an intent already committed, then settles what the answer means. */
  const send = async (row: IntentRow, request: (signal: AbortSignal, onStage: (s: TerminalStage) => void) => Promise<TerminalOutcome>): Promise<Applied> => {
    const abort = new AbortController();
    inFlight.set(row.id, abort);
    faultPoint(`${row.kind}.before-send`);
    let outcome: TerminalOutcome;
    try {
      outcome = await request(abort.signal, (stage) => {
        if (stage === 'sent' && lifecycle.markSent(row)) {
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
    const inDoubtId = row.kind === 'reversal' ? row.original_id! : row.id;
    let applied: Applied;
    try {
      applied = afterCommit(lifecycle.applyOutcome(intent(row.id), outcome));
    } catch (e) {
      // The terminal answered but its answer could not be recorded (a full disk): the intent stays in doubt,
      // its sale locked, and the terminal is asked again in the background until it can be.
      untilAnswered(inDoubtId);
      throw e;
    }
    announce();
    if (outcome.kind === 'unknown') {
      // Ask straight away: a cancel that raced an approval, or an answer that got lost, is usually known now.
      applied = await inquireOnce(intent(row.id));
      if (applied.row.state === 'unknown') untilAnswered(inDoubtId);
    }
    progress(applied.row, null);
    return applied;
  };

  /** Reverses an approved payment; `authorisation` is journaled in the same transaction as the intent. */
  const startReversal = async (original: IntentRow, authorisation?: Record<string, unknown>): Promise<IntentRow> => {
    const reversal = write(() => {
      if (authorisation) journal.append('manager.authorised', authorisation);
      const through = deps.connectorFor(original.connector);
      if (!through) throw new TillError('TERMINAL_NOT_CONFIGURED', original.connector);
      const row = lifecycle.createInTx('reversal', original.amount_halalas, null, original.id, through);
      lifecycle.reversingInTx(original, row);
      return row;
    });
    announce();
    await send(reversal, (signal, onStage) =>
      deps.connectorFor(original.connector)!.reverse({ reference: reversal.reference, originalReference: original.reference }, { signal, onStage }),
    );
    announce();
    return intent(original.id);
  };

  /**
   * An approval no sale took: SkyBand's reversal targets the terminal's last transaction, so only that one is
   * reversed; anything else must go to a refund. STC Pay has no reversal at all: its orphans are listed.
   */
  const reverseOrphan = async (orphan: IntentRow): Promise<void> => {
    const last = intents.last(orphan.connector);
    const through = deps.connectorFor(orphan.connector);
    if (!through || through.protocol === 'stcpay' || !last || last.id !== orphan.id) {
      deps.announceTerminal();
      return;
    }
    await startReversal(orphan);
  };

  return {
    send,
    inquireOnce,
    startReversal,
    reverseOrphan,
    latestReversalOf,
    runAfter,
    afterCommit,
    untilAnswered,
    /**
     * A manager recorded a purchase as not paid because the terminal could not be asked. It is still asked in
     * the background until it answers once: an approval found then belongs to no sale and is reversed or listed,
     * so a customer who then paid another way is refunded, not charged twice. For this run of the till only
     * (about an hour of asking); start-up recovery looks at unsettled payments, not released ones.
     */
    afterRelease: (id: string) =>
      scheduler.ask(id, {
        target: (row) => (row.kind === 'purchase' && row.state === 'declined' ? row : undefined),
        again: (applied) => !applied.answered,
        limit: ASK_AFTER_RELEASE_ATTEMPTS,
      }),
    stopAsking: (id: string) => scheduler.cancel(id),
    isInFlight: (id: string) => inFlight.has(id),
    /** Stops waiting for an answer (the request stands: the terminal is asked what it did). */
    abort: (id: string) => inFlight.get(id)?.abort(),
    /** The payment, or the reversal standing for it, is being asked about right now. */
    beingAsked: (row: IntentRow) => inquiring.has(row.id) || intents.unsettled().some((r) => r.original_id === row.id && inquiring.has(r.id)),
    /** The terminal or provider said this payment is still in progress. */
    inProgress: (id: string) => inProgress.has(id),
    close(): void {
      scheduler.close();
      for (const abort of inFlight.values()) abort.abort();
    },
  };
}

export type TerminalExchange = ReturnType<typeof createTerminalExchange>;
