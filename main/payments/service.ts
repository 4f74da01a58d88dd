// Card payments that never lose money and never charge twice. The rules (payments.md §6), in code:
//  1. An intent with a never-reused reference is committed to the ledger before any byte goes out.
//  2. A purchase is sent once. After a timeout, a dropped line, a garbled answer, a cancel or a crash the
//     till asks the terminal about that reference; only the terminal's explicit "not found" releases it.
//  3. Until then the payment is `unknown`: its sale can neither change nor complete, and no new payment
//     starts. A manager may settle it only with evidence from the terminal's receipt (journaled).
//  4. An approval that no sale can take is reversed at once where the protocol allows, otherwise listed.
//  5. Every intent is asked about through the connector that sent it (card terminal or STC Pay): each one
//     keeps its own references, and only it can say what happened to them.
//
// This file is the service's face: what each operation checks before it starts, over the parts that do the
// work — the intent lifecycle in the ledger (lifecycle.ts), the conversation with the terminal and the
// background asking (exchange.ts, recovery-scheduler.ts), reachability (health.ts), the wallet-code desk
// (otp-desk.ts) and the terminal's settlement (settlement.ts).
import { randomUUID } from 'node:crypto';
import type { CardPaymentResult, IntentSummary, PaymentProgress, SettlementSummary, TerminalStage, TerminalStatus } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import type { Checkout } from '../checkout';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { cardDetailsFromEvidence, cardDetailsOf } from './card-details';
import type { PaymentConnector } from './connector';
import { createTerminalExchange } from './exchange';
import { createProviderHealth, DEFAULT_PROVIDER_CHECK_MS } from './health';
import { pendingPayment, toSummary, type IntentRow, type IntentStore } from './intent-store';
import { createIntentLifecycle, type RefundSettlement } from './lifecycle';
import type { OtpDesk } from './otp-desk';
import { settleTerminal } from './settlement';
import { AWAITING, isIn, UNSETTLED } from './states';
import { normaliseSaudiMobile } from './stcpay/mobile';

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

/** How long a commissioning purchase's orphan may take to start its reversal (it starts right after a commit). */
const ORPHAN_REVERSAL_START_MS = 5_000;

export function createPayments(deps: PaymentsDeps) {
  const { db, intents, checkout } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? console;
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const stcPay = deps.stcPay ?? null;
  let recovering = false;

  /** The card terminal, or why there is none. */
  const terminal = (): PaymentConnector => {
    if (!deps.connector) throw new TillError(deps.unavailable?.terminal ? 'PROVIDER_UNAVAILABLE' : 'TERMINAL_NOT_CONFIGURED', deps.unavailable?.terminal ?? undefined);
    return deps.connector;
  };
  const connectorFor = (protocol: string): PaymentConnector | null => {
    if (deps.connector?.protocol === protocol) return deps.connector;
    if (stcPay?.connector.protocol === protocol) return stcPay.connector;
    return null;
  };

  const progress = (row: IntentRow, stage: TerminalStage | null, otp: PaymentProgress['otp'] = null) =>
    deps.emitProgress({ intentId: row.id, saleId: row.sale_id, state: row.state, stage, otp });

  let refundSettlement: RefundSettlement | null = null;
  const lifecycle = createIntentLifecycle({
    db,
    journal: deps.journal,
    intents,
    checkout,
    tillId: deps.tillId,
    newId: deps.newId ?? randomUUID,
    refunds: () => refundSettlement,
  });
  const intent = lifecycle.intent;
  /** Financial requests on a terminal's line right now, per intent. */
  const inFlight = new Map<string, AbortController>();
  const health = createProviderHealth({
    card: deps.connector ? { connector: deps.connector, remote: deps.terminalInfo?.remote === true } : null,
    stcPay: stcPay?.connector ?? null,
    cardUnavailable: deps.unavailable?.terminal ?? null,
    checkEveryMs: deps.providerCheckMs ?? DEFAULT_PROVIDER_CHECK_MS,
    terminalBusy: () => inFlight.size > 0,
    now,
    log,
  });

  const status = (): TerminalStatus => {
    const last = intents.last();
    return {
      configured: deps.connector !== null,
      protocol: deps.terminalInfo?.protocol ?? null,
      transport: deps.terminalInfo?.transport ?? null,
      ...health.card,
      recovering,
      last: last ? toSummary(last) : null,
      needsAttention: intents.needsAttention().map(toSummary),
      stcPay: stcPay
        ? { transport: stcPay.transport, ...health.stcPay }
        : deps.unavailable?.stcPay
          ? { transport: 'STC Pay', health: 'disconnected', detail: deps.unavailable.stcPay, checkedAt: null, latencyMs: null, lastOkAt: null }
          : null,
    };
  };
  const announceTerminal = () => deps.emitTerminal(status());
  const announce = () => {
    checkout.announce();
    announceTerminal();
  };

  const exchange = createTerminalExchange({
    db,
    journal: deps.journal,
    intents,
    checkout,
    lifecycle,
    connectorFor,
    progress,
    announce,
    announceTerminal,
    inFlight,
    ...(deps.recoveryDelaysMs ? { recoveryDelaysMs: deps.recoveryDelaysMs } : {}),
    log,
  });
  health.watch(announceTerminal);

  // The STC Pay flow waits for the customer's code: ask the cashier for it on the payment's own progress; the
  // desk keeps the question for a view that loads meanwhile (see pendingPayment).
  stcPay?.desk.onPrompt((intentId, otp) => {
    const row = intents.get(intentId);
    if (!row) return;
    checkout.announce();
    progress(row, 'awaiting_otp', otp);
  });

  /** No new payment while the till is still finding out about an earlier one: the terminal could be mid-way. */
  const assertNothingInDoubt = () => {
    if (recovering) throw new TillError('PAYMENTS_RECOVERING');
    const doubt = intents.unsettled()[0];
    if (doubt) throw new TillError('PAYMENT_PENDING', doubt.id);
  };

  /** One purchase for the open sale through one connector: intent committed first, then sent once. */
  const purchase = async (
    through: PaymentConnector,
    amountHalalas: number,
    around: { before(row: IntentRow): void; after(row: IntentRow): void } = { before: () => {}, after: () => {} },
  ): Promise<CardPaymentResult> => {
    const row = write(() => {
      assertNothingInDoubt();
      const sale = checkout.openSaleInTx();
      if (sale.lines.length === 0) throw new TillError('SALE_EMPTY');
      if (amountHalalas > sale.dueHalalas) throw new TillError('AMOUNT_OVER_DUE', `${amountHalalas} > ${sale.dueHalalas}`);
      return lifecycle.createInTx('purchase', amountHalalas, sale.saleId, null, through);
    });
    announce();
    around.before(row);
    let applied;
    try {
      progress(row, 'connecting');
      applied = await exchange.send(row, (signal, onStage) => through.purchase({ reference: row.reference, amountHalalas }, { signal, onStage }));
    } finally {
      around.after(row);
    }
    const state = applied.row.state;
    return {
      outcome: state === 'approved' ? 'approved' : state === 'declined' ? 'declined' : state === 'not_found' ? 'not_found' : 'unknown',
      intent: toSummary(applied.row),
      sale: checkout.announce(),
      completed: applied.completed,
    };
  };

  /** The intent an inquiry about `row` must name: a payment being reversed is asked about through its reversal. */
  const askingTarget = (row: IntentRow) => (row.state === 'reversing' ? exchange.latestReversalOf(row) : row);

  return {
    status,
    /** What the providers' last good connections showed: certificates' expiry, their clocks (the health page). */
    providerFacts: health.facts,
    /** Checks the providers now (the health page's "check again"). */
    checkProviders: () => health.checkNow(),

    pendingForSale: pendingPayment(intents, stcPay?.desk ?? null),

    /** On start-up, before new payments: settle everything a crash or a lost answer left open. */
    async recoverAll(): Promise<void> {
      if (!deps.connector && !stcPay) return;
      const open = intents.unsettled();
      if (open.length === 0 && !intents.needsAttention().some((r) => r.state === 'orphaned')) return;
      recovering = true;
      announceTerminal();
      try {
        for (const row of open) {
          if (row.kind === 'reversal') continue; // handled through its original
          const target = askingTarget(row);
          if (!target) continue;
          // An approval found for a sale that moved on is reversed or listed as its answer is applied.
          await exchange.inquireOnce(target);
          if (['unknown', 'reversing'].includes(intent(row.id).state)) exchange.untilAnswered(row.id);
        }
        for (const row of intents.needsAttention()) {
          if (row.state === 'orphaned') await exchange.reverseOrphan(row);
        }
      } finally {
        recovering = false;
        announce();
      }
    },

    payCard: (amountHalalas: number): Promise<CardPaymentResult> => purchase(terminal(), amountHalalas),

    /** STC Pay: the customer's wallet is charged once the code they read out is confirmed (see otp-desk.ts). */
    async payStcPay(amountHalalas: number, mobile: string): Promise<CardPaymentResult> {
      if (!stcPay) throw new TillError(deps.unavailable?.stcPay ? 'PROVIDER_UNAVAILABLE' : 'STCPAY_NOT_CONFIGURED', deps.unavailable?.stcPay ?? undefined);
      const number = normaliseSaudiMobile(mobile);
      if (!number.ok) throw new TillError('STCPAY_MOBILE_INVALID');
      const desk = stcPay.desk;
      return purchase(stcPay.connector, amountHalalas, {
        before: (row) => desk.expect(row.reference, row.id, number.msisdn),
        after: (row) => desk.forget(row.reference),
      });
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
      exchange.abort(intentId);
      return toSummary(row);
    },

    async recoverPayment(intentId: string): Promise<IntentSummary> {
      const row = intent(intentId);
      if (exchange.isInFlight(intentId) || !isIn(UNSETTLED, row.state)) return toSummary(row);
      const target = askingTarget(row);
      if (target) await exchange.inquireOnce(target);
      return toSummary(intent(intentId));
    },

    resolvePayment(input: { intentId: string; outcome: 'approved' | 'declined'; rrn?: string; authCode?: string; managerPin: string }): IntentSummary {
      deps.manager.check(input.managerPin);
      const row = intent(input.intentId);
      // Purchases, refunds and reversals alike: whatever the terminal can no longer be asked about.
      if (!isIn(AWAITING, row.state) || exchange.isInFlight(row.id)) throw new TillError('INTENT_NOT_RESOLVABLE', `${row.kind} ${row.state}`);
      // The terminal is being asked right now, or said the payment is still in progress: its answer, not a
      // person's, settles it (a "not paid" now could meet an STC Pay Confirm completing a minute later).
      if (exchange.beingAsked(row)) throw new TillError('PAYMENTS_RECOVERING', row.id);
      if (exchange.inProgress(row.id)) throw new TillError('PAYMENT_IN_PROGRESS', row.id);
      // Evidence as the payment's own receipt shows it: a card terminal's 12-digit RRN and approval code, or
      // the STCPayRefNum from STC Pay's merchant portal.
      const method = row.connector === 'stcpay' ? 'stcpay' : 'card';
      if (input.outcome === 'approved') {
        if (method === 'stcpay' && !input.rrn) throw new TillError('STCPAY_EVIDENCE_REQUIRED');
        if (method === 'card' && (!input.rrn || !/^\d{12}$/.test(input.rrn) || !input.authCode)) throw new TillError('EVIDENCE_REQUIRED');
      }
      exchange.stopAsking(row.id);
      const card = input.outcome === 'approved' ? cardDetailsFromEvidence(input.rrn!, input.authCode ?? '', now().toISOString(), method) : null;
      // What follows an approval (the receipt printing, the views told) waits for the resolution's commit.
      exchange.afterCommit(lifecycle.resolveByManager(row, input.outcome, { rrn: input.rrn ?? null, authCode: input.authCode ?? null, card }));
      if (input.outcome === 'declined' && row.kind === 'purchase') exchange.afterRelease(row.id);
      announce();
      return toSummary(intent(row.id));
    },

    /**
     * Commissioning: a purchase on the card terminal that belongs to no sale (1.00 SAR on the admin's real card),
     * reversed at once the way an orphaned approval is. No sale, no tender, never in the day's takings; journaled
     * like every payment. Answers the purchase as it ended: reversed, declined, or orphaned / unknown for a person.
     */
    async commissioningPurchase(amountHalalas: number, managerPin: string): Promise<IntentSummary> {
      deps.manager.check(managerPin);
      const through = deps.connector;
      if (!through) throw new TillError('TERMINAL_NOT_CONFIGURED');
      const row = write(() => {
        assertNothingInDoubt();
        deps.journal.append('manager.authorised', { action: 'commissioningPurchase', amountHalalas });
        return lifecycle.createInTx('purchase', amountHalalas, null, null, through);
      });
      announce();
      await exchange.send(row, (signal, onStage) => through.purchase({ reference: row.reference, amountHalalas }, { signal, onStage }));
      // An approval became an orphan whose reversal starts after its commit: wait for that reversal's answer.
      const started = Date.now();
      const waiting = () => {
        const state = intent(row.id).state;
        return state === 'reversing' || (state === 'orphaned' && Date.now() - started < ORPHAN_REVERSAL_START_MS);
      };
      while (waiting()) await new Promise((r) => setTimeout(r, 50));
      return toSummary(intent(row.id));
    },

    async reverseCardPayment(intentId: string, managerPin: string): Promise<IntentSummary> {
      deps.manager.check(managerPin);
      const row = intent(intentId);
      const sale = checkout.announce();
      const isTenderOfThisSale = row.sale_id === sale.saleId && sale.tenders.some((t) => t.intentId === row.id);
      if (row.kind !== 'purchase' || row.state !== 'approved' || !isTenderOfThisSale) throw new TillError('INTENT_NOT_RESOLVABLE', `${row.kind} ${row.state}`);
      if (row.connector === 'stcpay') throw new TillError('REVERSAL_NOT_SUPPORTED', row.id);
      assertNothingInDoubt();
      if (intents.last(row.connector)?.id !== row.id) throw new TillError('REVERSAL_NOT_LAST', row.id);
      return toSummary(await exchange.startReversal(row, { action: 'reverseCardPayment', intentId }));
    },

    /** The returns domain hears, inside the settling transaction, how each refund ended (lifecycle.ts). */
    onRefundSettled(listener: RefundSettlement): void {
      refundSettlement = listener;
    },

    /**
     * A refund of a completed sale's card or STC Pay payment that something waits on (a return): the intent is
     * created in one transaction with what `inTx` writes (the return's request, its approval), then sent, and
     * settled like every payment — the waiting side hears it through onRefundSettled, in the settling
     * transaction, whenever that is (now, or after a timeout by recovery). No manager check here: the caller's.
     * The only way money goes back to a card or STC Pay: every refund is a return's, with its credit note
     * (docs/returns.md); there is no refund by amount.
     */
    async refundPayment(input: { originalIntentId: string; amountHalalas: number; inTx: (refund: IntentRow) => void }): Promise<IntentSummary> {
      const original = intent(input.originalIntentId);
      if (original.kind !== 'purchase' || original.state !== 'approved' || !original.sale_id) throw new TillError('INTENT_NOT_RESOLVABLE', `${original.kind} ${original.state}`);
      const receiptTender = checkout.saleById(original.sale_id)?.tenders.find((t) => t.intentId === original.id);
      if (!receiptTender) throw new TillError('INTENT_NOT_RESOLVABLE', `${original.id} is no tender`);
      const row = write(() => {
        assertNothingInDoubt();
        const left = receiptTender.amountHalalas - intents.refundedAgainst(original.id);
        if (input.amountHalalas > left) throw new TillError('REFUND_OVER_ORIGINAL', `${input.amountHalalas} > ${left}`);
        const through = connectorFor(original.connector);
        if (!through) throw new TillError(original.connector === 'stcpay' ? 'STCPAY_NOT_CONFIGURED' : 'TERMINAL_NOT_CONFIGURED', original.connector);
        const created = lifecycle.createInTx('refund', input.amountHalalas, original.sale_id, original.id, through);
        input.inTx(created);
        return created;
      });
      announce();
      const applied = await exchange.send(row, (signal, onStage) =>
        connectorFor(original.connector)!.refund(
          { reference: row.reference, amountHalalas: input.amountHalalas, originalRrn: receiptTender.card.rrn, originalAt: receiptTender.card.terminalAt },
          { signal, onStage },
        ),
      );
      announce();
      return toSummary(applied.row);
    },

    /** Checks the card terminal and STC Pay (whichever the till has); asks the terminal about its last payment. */
    async checkTerminal(): Promise<TerminalStatus> {
      if (!deps.connector && !stcPay) terminal(); // says why there is nothing to check
      await health.checkNow();
      announceTerminal();
      const last = deps.connector ? intents.last(deps.connector.protocol) : undefined;
      if (last && isIn(AWAITING, last.state) && !exchange.isInFlight(last.id)) await exchange.inquireOnce(last);
      return status();
    },

    async repeatLastTransaction(): Promise<IntentSummary | null> {
      const last = intents.last(terminal().protocol);
      if (!last) return null;
      const answer = await terminal().inquire(last.reference);
      if (answer.kind === 'unreachable') throw new TillError('TERMINAL_UNREACHABLE', answer.detail);
      // The lifecycle re-reads the intent: an answer about one settled meanwhile changes nothing.
      if (isIn(AWAITING, last.state) && !exchange.isInFlight(last.id)) {
        exchange.afterCommit(lifecycle.applyInquiry(last, answer));
        announce();
      }
      const summary = toSummary(intent(last.id));
      return answer.kind === 'found' && answer.outcome.record ? { ...summary, card: cardDetailsOf(answer.outcome.record) } : summary;
    },

    async settleTerminal(managerPin: string): Promise<SettlementSummary> {
      deps.manager.check(managerPin);
      // Settlement may clear the terminal's "last transaction", which an inquiry about a payment in doubt
      // relies on: settle only when nothing is in doubt.
      assertNothingInDoubt();
      return settleTerminal(db, deps.journal, terminal());
    },

    async close(): Promise<void> {
      health.close();
      exchange.close();
      await deps.connector?.close();
      await stcPay?.connector.close();
    },
  };
}

export type Payments = ReturnType<typeof createPayments>;
