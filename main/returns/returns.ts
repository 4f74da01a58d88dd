// Returns of what a receipt sold, line by line, approved by a manager with a reason from the list. A return is
// issued whole in one write transaction — the manager's approval, its number, the returned lines, the refund,
// its credit note (signed and chained like the sale's invoice) — so a crash leaves either all of it or none.
// The money goes back the way it came: a cash sale from the drawer (opened after the commit, like a sale's); a
// card or STC Pay sale through its payment — the refund's intent is written with a request that holds the lines,
// and the return is issued in the very transaction that records the refund's approval (or the request let go
// when it is declined or not found), whenever that is: at once, or after a timeout when recovery has asked.
import { randomUUID } from 'node:crypto';
import { receiptOfRefund, type CardDetails, type CardTender, type DrawerOutcome, type ErrorData, type Receipt, type RefundReceipt, type ReturnableReceipt, type ReturnInput, type SaleLine, type Tender } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { writeRelaxed, type Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { computeTotals } from '../money';
import type { IntentRow, Payments } from '../payments';
import type { TillSettings } from '../settings';
import { creditNoteReason, REASON_TEXT } from './reasons';
import { createReturnStore, type ReturnPlan, type ReturnRequest } from './store';

export const RETURN_ENTRY = 'return.issued';
export const REQUEST_ENTRY = { requested: 'return.requested', cancelled: 'return.cancelled', mismatch: 'return.refund_mismatch' } as const;

export interface ReturnsDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  manager: ManagerAuth;
  /** A stored receipt as issued (checkout's reader). */
  receipt: (receiptNo: string) => Receipt;
  /** Card and STC Pay refunds (main/payments); absent on a till that takes no cards. */
  payments?: Pick<Payments, 'refundPayment' | 'onRefundSettled'>;
  /** The credit note of the return, in the caller's transaction; null when e-invoicing is off; throws when it cannot be issued. */
  issueCreditNoteInTx?: (document: Receipt, note: { originalNumber: string; reason: string }) => { qr: string } | null;
  /** Opens the cash drawer (the printer's kick); throws when it cannot. Null: no printer. */
  openDrawer: (() => Promise<void>) | null;
  /** Prints the refund receipt (not queued: the stored refund can be printed again). */
  print?: (refund: RefundReceipt) => Promise<{ ok: true } | { ok: false; error: ErrorData }>;
  log?: { error(message: string, detail?: unknown): void };
  newId?: () => string;
}

export interface IssuedReturn {
  refund: RefundReceipt;
  /** 'not_needed' when all of it went back to the card. */
  drawer: DrawerOutcome;
  /** Null when the refund receipt printed; the printer's error otherwise (the return stands either way). */
  printError: ErrorData | null;
}

export function returnNumberText(tillId: string, number: number): string {
  return `${tillId}-R${String(number).padStart(6, '0')}`;
}

/**
 * Whether a receipt's prices included VAT, read from the receipt itself (the setting may have changed since):
 * with VAT-inclusive prices the lines add up to the total. A receipt without VAT reads the same either way.
 */
const pricesIncludedVat = (receipt: Receipt): boolean => receipt.lines.reduce((sum, l) => sum + l.lineTotalHalalas, 0) === receipt.totals.totalHalalas;

export function createReturns(deps: ReturnsDeps) {
  const { db, journal } = deps;
  const newId = deps.newId ?? randomUUID;
  const store = createReturnStore(db, () => deps.settings().tillId);
  const log = deps.log ?? console;
  /** Requests a returnSale call is waiting on: it prints their refund receipt itself. */
  const awaited = new Set<string>();

  /** `issuing`: the request being issued now, whose own held lines are not held against it. */
  const returnable = (receiptNo: string, issuing: string | null = null): ReturnableReceipt => {
    const receipt = deps.receipt(receiptNo);
    const { returned, held } = store.returnedQuantities(receiptNo, issuing);
    const returns = store.returnsOf(receiptNo);
    return {
      receiptNo,
      issuedAt: receipt.issuedAt,
      totalHalalas: receipt.totals.totalHalalas,
      refundedHalalas: returns.reduce((sum, r) => sum + r.totalHalalas, 0),
      lines: receipt.lines.map((line) => {
        const returnedQuantity = returned.get(line.lineId) ?? 0;
        // Lines a card refund is still deciding on are not offered again.
        const left = line.quantity - returnedQuantity - (held.get(line.lineId) ?? 0);
        return { line, returnedQuantity, returnableQuantity: Math.max(0, left) };
      }),
      returns,
    };
  };

  /** The returned lines as the refund lists them, checked against what is still returnable. */
  const returnedLines = (receipt: Receipt, lines: ReturnInput['lines'], issuing: string | null): SaleLine[] => {
    const offer = returnable(receipt.receiptNo, issuing);
    if (offer.lines.every((l) => l.returnableQuantity === 0)) throw new TillError('RETURN_NOTHING_LEFT', receipt.receiptNo);
    const seen = new Set<string>();
    return lines.map(({ lineId, quantity }) => {
      const at = offer.lines.find((l) => l.line.lineId === lineId);
      if (!at || seen.has(lineId)) throw new TillError('RETURN_LINE_UNKNOWN', `${receipt.receiptNo} ${lineId}`);
      seen.add(lineId);
      if (quantity > at.returnableQuantity) throw new TillError('RETURN_QUANTITY_OVER', `${lineId}: ${quantity} > ${at.returnableQuantity}`);
      return { ...at.line, quantity, lineTotalHalalas: at.line.unitPriceHalalas * quantity };
    });
  };

  /** The return's lines and totals; refused when it would refund more than the customer paid. */
  const priced = (receipt: Receipt, lines: ReturnInput['lines'], issuing: string | null = null) => {
    const returned = returnedLines(receipt, lines, issuing);
    const totals = computeTotals(returned, pricesIncludedVat(receipt));
    const refunded = store.returnsOf(receipt.receiptNo).reduce((sum, r) => sum + r.totalHalalas, 0);
    // Each credit note rounds its own VAT (document level): parts of a receipt may add up a halala apart from
    // its total. Never more than the customer paid, though.
    if (refunded + totals.totalHalalas > receipt.totals.totalHalalas) {
      throw new TillError('RETURN_OVER_ORIGINAL', `${refunded} + ${totals.totalHalalas} > ${receipt.totals.totalHalalas}`);
    }
    return { lines: returned, totals };
  };

  /**
   * Inside the caller's transaction: the return with its number, rows, entry and credit note, or a throw that
   * rolls all of it back. `refundsOf` says how the return's total went back (the refunds add up to it).
   */
  const issueInTx = (
    receipt: Receipt,
    input: Pick<ReturnInput, 'lines' | 'reason'>,
    refundsOf: (totalHalalas: number) => Tender[],
    requestId: string | null,
  ): { id: string; refund: RefundReceipt } => {
    const settings = deps.settings();
    const { lines, totals } = priced(receipt, input.lines, requestId);
    const refunds = refundsOf(totals.totalHalalas);
    const paidBack = refunds.reduce((sum, r) => sum + r.amountHalalas, 0);
    if (paidBack !== totals.totalHalalas) throw new Error(`refunds of ${paidBack} for a return of ${totals.totalHalalas}`);
    const number = store.nextNumber();
    const id = newId();
    // Everything the refund receipt says is in the entry, so `ledger verify` rebuilds the stored body from it.
    const issue: ReturnIssue = {
      returnId: id,
      requestId,
      number,
      returnNo: returnNumberText(settings.tillId, number),
      tillId: settings.tillId,
      saleId: receipt.saleId,
      originalReceiptNo: receipt.receiptNo,
      reason: input.reason,
      shopNameAr: settings.shopNameAr,
      shopNameEn: settings.shopNameEn,
      vatNumber: settings.vatNumber,
      lines,
      totals,
      refunds,
    };
    const entry = journal.append(RETURN_ENTRY, { ...issue });
    const refund = refundFromIssue(issue, entry.at);
    store.insert({ id, refund, number, seq: entry.seq });
    if (requestId && !store.settleRequest(requestId, 'issued', entry.seq, id)) throw new Error(`return request ${requestId} was not waiting`);
    const note = deps.issueCreditNoteInTx?.(receiptOfRefund(refund), { originalNumber: receipt.receiptNo, reason: creditNoteReason(input.reason) }) ?? null;
    return { id, refund: note ? { ...refund, einvoiceQr: note.qr } : refund };
  };

  const cash = (amountHalalas: number): Tender => ({ kind: 'cash', amountHalalas, tenderedHalalas: amountHalalas, changeHalalas: 0 });

  /**
   * How a receipt's money goes back: all cash for a cash sale; through its one card or STC Pay payment, the rest
   * (a split sale) from the drawer. Refunds earlier returns made to that payment come off what it can take.
   */
  const split = (receipt: Receipt, totalHalalas: number): { card: CardTender | null; cardHalalas: number; cashHalalas: number } => {
    const cards = receipt.tenders.filter((t): t is CardTender => t.kind === 'card');
    if (cards.length === 0) return { card: null, cardHalalas: 0, cashHalalas: totalHalalas };
    if (cards.length > 1) throw new TillError('RETURN_SPLIT_CARDS', receipt.receiptNo);
    const card = cards[0]!;
    const toCardBefore = store
      .returnsOf(receipt.receiptNo)
      .map((r) => store.refund(r.returnNo))
      .flatMap((r) => r.refunds)
      .reduce((sum, t) => sum + (t.kind === 'card' ? t.amountHalalas : 0), 0);
    const cardHalalas = Math.min(totalHalalas, Math.max(0, card.amountHalalas - toCardBefore));
    return { card, cardHalalas, cashHalalas: totalHalalas - cardHalalas };
  };

  /** Settles a waiting request inside the transaction that settles its refund (lifecycle.ts's RefundSettlement). */
  const approvedInTx = (refundIntent: IntentRow, card: CardDetails, approvedHalalas: number): void => {
    const request = store.requestOfIntent(refundIntent.id);
    if (!request || request.state !== 'waiting') return; // a refund no return waits on (the terminal panel's)
    if (approvedHalalas !== request.plan.cardHalalas) {
      // The terminal refunded another amount than asked: nothing is issued on a guess. Journaled; the request
      // stays waiting with its lines held (there is no screen to settle it by hand yet: docs/returns.md).
      journal.append(REQUEST_ENTRY.mismatch, { requestId: request.id, intentId: refundIntent.id, asked: request.plan.cardHalalas, approved: approvedHalalas });
      return;
    }
    const tender: CardTender = { kind: 'card', intentId: refundIntent.id, reference: refundIntent.reference, amountHalalas: approvedHalalas, card };
    const refunds = request.plan.cashHalalas > 0 ? [tender, cash(request.plan.cashHalalas)] : [tender];
    try {
      // A savepoint: should the return fail (its credit note cannot be signed), the refund's approval still
      // commits — the money went back — and the request stays waiting for a person.
      const issued = db.transaction(() => issueInTx(deps.receipt(request.receiptNo), request.plan, () => refunds, request.id))();
      if (!awaited.has(request.id)) setImmediate(() => void printLate(issued.id));
    } catch (e) {
      log.error(`return request ${request.id}: the refund was approved but the return could not be issued`, e);
      journal.append('return.issue_failed', { requestId: request.id, intentId: refundIntent.id, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const releasedInTx = (refundIntent: IntentRow): void => {
    const request = store.requestOfIntent(refundIntent.id);
    if (!request || request.state !== 'waiting') return;
    const entry = journal.append(REQUEST_ENTRY.cancelled, { requestId: request.id, intentId: refundIntent.id, state: refundIntent.state });
    store.settleRequest(request.id, 'cancelled', entry.seq, null);
  };
  deps.payments?.onRefundSettled({ approvedInTx, releasedInTx });

  /** A refund receipt whose card refund was approved later (by recovery): printed when it is issued. */
  const printLate = async (returnId: string): Promise<void> => {
    try {
      const printed = await deps.print?.(store.refundById(returnId));
      if (printed && !printed.ok) log.error(`refund receipt of return ${returnId} did not print`, printed.error);
    } catch (e) {
      log.error(`refund receipt of return ${returnId} did not print`, e);
    }
  };

  const openDrawer = async (refund: RefundReceipt): Promise<DrawerOutcome> => {
    let outcome: DrawerOutcome = 'failed';
    let reason: string | undefined;
    try {
      if (!deps.openDrawer) throw new Error('no printer configured');
      await deps.openDrawer();
      outcome = 'opened';
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    try {
      writeRelaxed(db, () => journal.append('drawer.kicked', { saleId: refund.saleId, returnNo: refund.returnNo, cause: 'refund', outcome, ...(reason ? { reason } : {}) }));
    } catch (e) {
      log.error('could not journal the drawer outcome', e);
    }
    return outcome;
  };

  /** After the commit: the drawer for any cash, then the refund receipt. */
  const handOver = async (refund: RefundReceipt): Promise<IssuedReturn> => {
    const drawer = refund.refunds.some((t) => t.kind === 'cash') ? await openDrawer(refund) : 'not_needed';
    const printed = deps.print ? await deps.print(refund) : { ok: true as const };
    return { refund, drawer, printError: printed.ok ? null : printed.error };
  };

  /** A card or STC Pay receipt: the refund goes to the terminal (or STC Pay); the return waits on its answer. */
  const returnThroughPayment = async (receipt: Receipt, input: ReturnInput, plan: { card: CardTender; cardHalalas: number; cashHalalas: number }): Promise<IssuedReturn> => {
    if (!deps.payments) throw new TillError('TERMINAL_NOT_CONFIGURED', receipt.receiptNo);
    const requestId = newId();
    awaited.add(requestId);
    try {
      const summary = await deps.payments.refundPayment({
        originalIntentId: plan.card.intentId,
        amountHalalas: plan.cardHalalas,
        inTx: (refundIntent) => {
          // Checked again inside the transaction that holds the lines: nothing can have taken them meanwhile.
          priced(receipt, input.lines);
          journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason });
          const returnPlan: ReturnPlan = { lines: input.lines, reason: input.reason, cardHalalas: plan.cardHalalas, cashHalalas: plan.cashHalalas };
          const entry = journal.append(REQUEST_ENTRY.requested, { requestId, receiptNo: receipt.receiptNo, intentId: refundIntent.id, plan: returnPlan });
          store.insertRequest({ id: requestId, receiptNo: receipt.receiptNo, refundIntentId: refundIntent.id, plan: returnPlan }, entry.seq);
        },
      });
      const request: ReturnRequest | null = store.request(requestId);
      if (request?.state === 'issued' && request.returnId) return await handOver(store.refundById(request.returnId));
      if (request?.state === 'cancelled') throw new TillError('RETURN_REFUND_DECLINED', `${summary.reference}: ${summary.reason?.en ?? summary.state}`);
      throw new TillError('RETURN_REFUND_UNKNOWN', `${summary.reference} ${summary.state}`);
    } finally {
      awaited.delete(requestId);
    }
  };

  return {
    /** A receipt's lines with what may still come back, for the return screen. */
    returnable,

    /**
     * Issues a return: the manager's approval, the refund the way the receipt was paid, the credit note; then the
     * drawer opens for cash and the refund receipt prints.
     */
    async returnSale(input: ReturnInput, managerPin: string): Promise<IssuedReturn> {
      deps.manager.check(managerPin);
      const receipt = deps.receipt(input.receiptNo);
      const plan = split(receipt, priced(receipt, input.lines).totals.totalHalalas);
      if (plan.card && plan.cardHalalas > 0) return returnThroughPayment(receipt, input, { ...plan, card: plan.card });
      const { refund } = db
        .transaction(() => {
          journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason });
          return issueInTx(receipt, input, (total) => [cash(total)], null);
        })
        .immediate();
      return handOver(refund);
    },

    /** A stored refund receipt, as issued. */
    refund: (returnNo: string): RefundReceipt => store.refund(returnNo),

    reasonText: (reason: RefundReceipt['reason']) => REASON_TEXT[reason],
  };
}

export type Returns = ReturnType<typeof createReturns>;

/** What a `return.issued` entry records: the whole refund receipt but the moment of issue, which is the entry's. */
export interface ReturnIssue {
  returnId: string;
  /** The request it settles (a card refund's), or null for a cash return issued at once. */
  requestId: string | null;
  number: number;
  returnNo: string;
  tillId: string;
  saleId: string;
  originalReceiptNo: string;
  reason: RefundReceipt['reason'];
  shopNameAr: string;
  shopNameEn: string;
  vatNumber: string;
  lines: RefundReceipt['lines'];
  totals: RefundReceipt['totals'];
  refunds: RefundReceipt['refunds'];
}

/** One function for the return that issues it and for `ledger verify`: the key order is the stored body's. */
export function refundFromIssue(issue: ReturnIssue, issuedAt: string): RefundReceipt {
  return {
    returnNo: issue.returnNo,
    tillId: issue.tillId,
    saleId: issue.saleId,
    originalReceiptNo: issue.originalReceiptNo,
    issuedAt,
    reason: issue.reason,
    shopNameAr: issue.shopNameAr,
    shopNameEn: issue.shopNameEn,
    vatNumber: issue.vatNumber,
    lines: issue.lines,
    totals: issue.totals,
    refunds: issue.refunds,
  };
}
