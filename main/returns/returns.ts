// Returns of what a receipt sold, line by line, approved by a manager with a reason from the list. A return is
// issued whole in one write transaction — the manager's approval, its number, the returned lines, the refund,
// its credit note (signed and chained like the sale's invoice) — so a crash leaves either all of it or none.
// The money goes back the way it came: a cash sale from the drawer (opened after the commit, like a sale's); a
// card or STC Pay sale through its payment — the refund's intent is written with a request that holds the lines,
// and the return is issued in the very transaction that records the refund's approval (or the request let go
// when it is declined or not found), whenever that is: at once, or after a timeout when recovery has asked.
// This is the only way money goes back to a customer: there is no refund by amount (docs/returns.md). What a
// card refund leaves for a person — a request its approval could not issue, cash a late return owes — is the
// returns desk's (desk.ts); a customer without the receipt finds the sale by the item (find-sale.ts).
import { randomUUID } from 'node:crypto';
import { receiptOfRefund, type CardDetails, type Clearance, type CardTender, type DrawerOutcome, type ErrorData, type Receipt, type RefundReceipt, type ReturnableReceipt, type ReturnInput, type SaleLine, type SaleCashier, type Tender } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import type { StoreCredit } from '../credit';
import { writeRelaxed, type Db } from '../db';
import { errorData, TillError } from '../errors';
import type { Journal } from '../ledger';
import { computeTotals, lineTotalHalalas, paidPartHalalas } from '../money';
import type { Block, ReceiptCopy } from '../printing';
import { createIntentStore, type IntentRow, type Payments } from '../payments';
import type { TillSettings } from '../settings';
import { createReturnsDesk } from './desk';
import { salesOfItem } from './find-sale';
import { refundDocuments } from './print';
import { reprintRefund, type RefundReprint } from './reprint';
import { CASH_ENTRY, REQUEST_ENTRY, RETURN_ENTRY } from './entries';
import { creditNoteReason, REASON_TEXT } from './reasons';
import { createReturnStore, type ReturnPlan, type ReturnRequest } from './store';

export { CASH_ENTRY, REQUEST_ENTRY, RETURN_ENTRY } from './entries';

export interface ReturnsDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  manager: ManagerAuth;
  /**
   * How much (halalas) the signed-in user may refund without an approver's PIN (their role's limit, main/people);
   * 0 while nobody is signed in. Absent: every return needs the PIN, as before roles had limits.
   */
  refundAlone?: () => number;
  /** A stored receipt as issued (checkout's reader). */
  receipt: (receiptNo: string) => Receipt;
  /** Who is signed in: the refund receipt and its slips name them. Absent or null: nobody named ("—"). */
  cashier?: () => SaleCashier | null;
  /** Store credit vouchers (main/credit): a return may give its refund as one. Absent: not offered. */
  credit?: Pick<StoreCredit, 'freeNumber' | 'issueInTx'>;
  /** Card and STC Pay refunds (main/payments); absent on a till that takes no cards. */
  payments?: Pick<Payments, 'refundPayment' | 'onRefundSettled'>;
  /** The credit note of the return, in the caller's transaction; null when e-invoicing is off; throws when it cannot be issued. */
  issueCreditNoteInTx?: (document: Receipt, note: { originalNumber: string; reason: string }, buyer: Receipt['buyer'] | null) => { qr: string } | null;
  /** Opens the cash drawer (the printer's kick); throws when it cannot. Null: no printer. */
  openDrawer: (() => Promise<void>) | null;
  /**
   * The credit note issued with a return, as e-invoicing stored it (by the return's number): its QR — the cleared
   * copy's for a standard one — and, for a standard one, where its clearance stands.
   */
  creditNote?: { qrFor(returnNo: string): string | null; clearanceFor(returnNo: string): Clearance | null };
  /** The refund receipt's layout (printing's, from the stored refund and the shop's settings); a copy for a reprint. */
  refundReceiptBlocks?: (refund: RefundReceipt, copy?: ReceiptCopy) => Block[];
  /** Prints one document now: the refund receipt, then each card refund slip (print.ts). */
  printDocument?: (blocks: Block[]) => Promise<{ ok: true } | { ok: false; error: ErrorData }>;
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
const pricesIncludedVat = (receipt: Receipt): boolean =>
  receipt.lines.reduce((sum, l) => sum + l.lineTotalHalalas - (l.saleDiscountShareHalalas ?? 0), 0) === receipt.totals.totalHalalas;

/**
 * A returned line as the refund lists it: its quantity and what the customer paid for that much. A line by the
 * piece without a discount is priced by the one line-total rule the sale used (whole pieces: its parts add up).
 * A discounted one (its own discount, or its part of the sale's) and a weighed one give back their share of what
 * was paid (docs/discounts.md), `before` being what came back or is coming back already: grams priced alone
 * round half-up each, and two halves of 1.100 kg at 0.10 would give back 0.12 of the 0.11 paid.
 */
function refundedLine(line: SaleLine, quantity: number, before: number): SaleLine {
  const { discount, saleDiscountShareHalalas: share, ...rest } = line;
  if (!discount && !share && line.soldBy !== 'kg') return { ...rest, quantity, lineTotalHalalas: lineTotalHalalas({ ...line, quantity }) };
  const paid = line.lineTotalHalalas - (share ?? 0);
  return { ...rest, quantity, lineTotalHalalas: paidPartHalalas(paid, quantity, before, line.quantity) };
}

export function createReturns(deps: ReturnsDeps) {
  const { db, journal } = deps;
  const newId = deps.newId ?? randomUUID;
  const store = createReturnStore(db, () => deps.settings().tillId);
  const intents = createIntentStore(db);
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
      // A weighed line is returned by grams, priced like any other line.
      return refundedLine(at.line, quantity, at.line.quantity - at.returnableQuantity);
    });
  };

  /** The return's lines and totals; refused when it would refund more than the customer paid. */
  const priced = (receipt: Receipt, lines: ReturnInput['lines'], issuing: string | null = null) => {
    const returned = returnedLines(receipt, lines, issuing);
    const totals = computeTotals(returned, pricesIncludedVat(receipt));
    // A part of a discounted line can be worth less than a halala of what was paid (paidPartHalalas rounds it
    // down): a return of nothing has no refund and no credit note to issue (the returns table holds none).
    if (totals.totalHalalas === 0) throw new TillError('RETURN_NOTHING_TO_REFUND', receipt.receiptNo);
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
    const user = deps.cashier?.() ?? null;
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
      ...(user ? { cashier: { id: user.id, nameAr: user.nameAr, nameEn: user.nameEn } } : {}),
    };
    const entry = journal.append(RETURN_ENTRY, { ...issue });
    const refund = refundFromIssue(issue, entry.at);
    store.insert({ id, refund, number, seq: entry.seq });
    // A refund as store credit issues its voucher here, after the return its row names, in the same transaction.
    for (const t of refunds) {
      if (t.kind !== 'credit') continue;
      if (!deps.credit) throw new TillError('CREDIT_NOT_OFFERED', refund.returnNo);
      deps.credit.issueInTx({ voucherNo: t.voucherNo, amountHalalas: t.amountHalalas, returnNo: refund.returnNo });
    }
    if (requestId && !store.settleRequest(requestId, 'issued', entry.seq, id)) throw new Error(`return request ${requestId} was not waiting`);
    // The credit note of a standard (B2B) invoice is a standard one naming the same buyer, cleared by ZATCA in the
    // background; after the sale's standard invoice was replaced by a simplified one, the receipt names no buyer.
    const note = deps.issueCreditNoteInTx?.(receiptOfRefund(refund), { originalNumber: receipt.receiptNo, reason: creditNoteReason(input.reason) }, receipt.buyer ?? null) ?? null;
    return { id, refund: note ? { ...refund, einvoiceQr: note.qr } : refund };
  };

  const needCredit = (receiptNo: string): Pick<StoreCredit, 'freeNumber' | 'issueInTx'> => {
    if (!deps.credit) throw new TillError('CREDIT_NOT_OFFERED', receiptNo);
    return deps.credit;
  };
  const cash = (amountHalalas: number): Tender => ({ kind: 'cash', amountHalalas, tenderedHalalas: amountHalalas, changeHalalas: 0 });
  /**
   * What a receipt took in one kind of tender (cash: change already deducted, a cash tender's amount is what stayed
   * in the drawer; credit: store credit vouchers).
   */
  const paidIn = (receipt: Receipt, kind: 'cash' | 'credit'): number =>
    receipt.tenders.filter((t) => t.kind === kind).reduce((sum, t) => sum + t.amountHalalas, 0);
  /** What earlier returns of a receipt gave back, or owe, in one kind (credit: whichever way it was asked for). */
  const givenBackIn = (receiptNo: string, kind: 'cash' | 'credit'): number =>
    store
      .returnsOf(receiptNo)
      .flatMap((r) => store.refund(r.returnNo).refunds)
      .filter((t) => t.kind === kind)
      .reduce((sum, t) => sum + t.amountHalalas, 0);
  /**
   * The part of a return "the way it was paid" that goes back as store credit: the voucher part first, up to what
   * the receipt took in vouchers less what earlier returns already gave back as credit (a return to credit the
   * customer asked for counts too). A voucher's balance only goes down, so this part is a new voucher. Credit
   * first: the shop's own money goes back as its own money before any cash leaves the drawer or the card is asked.
   */
  const creditPart = (receipt: Receipt, totalHalalas: number): number =>
    Math.min(totalHalalas, Math.max(0, paidIn(receipt, 'credit') - givenBackIn(receipt.receiptNo, 'credit')));
  const creditTender = (credit: Pick<StoreCredit, 'freeNumber'>, amountHalalas: number): Tender => ({
    kind: 'credit',
    voucherNo: credit.freeNumber(),
    amountHalalas,
    balanceHalalas: amountHalalas,
  });

  /**
   * How a receipt's money goes back: all cash for a cash sale; through its one card or STC Pay payment, the rest
   * (a split card and cash sale) from the drawer. Paid with several cards: all of it to one that can take all of
   * it — a return is one refund —; when none can, the card that takes the most and the rest from the drawer, up to
   * the cash the customer paid that no earlier return gave back; else refused. What each payment can still take
   * is the payments side's cap: what it took less its refunds approved or in doubt.
   */
  const split = (receipt: Receipt, totalHalalas: number): { card: CardTender | null; cardHalalas: number; cashHalalas: number } => {
    const cards = receipt.tenders
      .filter((t): t is CardTender => t.kind === 'card')
      .map((card) => ({ card, left: Math.max(0, card.amountHalalas - intents.refundedAgainst(card.intentId)) }));
    if (cards.length === 0) return { card: null, cardHalalas: 0, cashHalalas: totalHalalas };
    if (cards.length === 1) {
      const { card, left } = cards[0]!;
      const cardHalalas = Math.min(totalHalalas, left);
      return { card, cardHalalas, cashHalalas: totalHalalas - cardHalalas };
    }
    // The one that fits best, so a bigger payment stays free for a bigger return.
    const fits = cards.filter((c) => c.left >= totalHalalas).sort((a, b) => a.left - b.left)[0];
    if (fits) return { card: fits.card, cardHalalas: totalHalalas, cashHalalas: 0 };
    // Card A 30 + card B 30 + cash 40, an item of 40 back: card A's 30 and 10 of the customer's cash.
    const most = [...cards].sort((a, b) => b.left - a.left)[0]!;
    const cashLeft = paidIn(receipt, 'cash') - givenBackIn(receipt.receiptNo, 'cash');
    if (most.left > 0 && totalHalalas - most.left <= cashLeft) return { card: most.card, cardHalalas: most.left, cashHalalas: totalHalalas - most.left };
    throw new TillError('RETURN_SPLIT_CARDS', `${receipt.receiptNo}: no card, with the cash paid, can take ${totalHalalas}`);
  };

  /** Settles a waiting request inside the transaction that settles its refund (lifecycle.ts's RefundSettlement). */
  const approvedInTx = (refundIntent: IntentRow, card: CardDetails, approvedHalalas: number): void => {
    const request = store.requestOfIntent(refundIntent.id);
    if (!request || request.state !== 'waiting') return; // a refund no return waits on
    if (approvedHalalas !== request.plan.cardHalalas) {
      // The terminal refunded another amount than asked: nothing is issued on a guess. Journaled; the request
      // stays waiting with its lines held, on the returns desk, until a manager issues it for what was refunded.
      const entry = journal.append(REQUEST_ENTRY.mismatch, { requestId: request.id, intentId: refundIntent.id, asked: request.plan.cardHalalas, approved: approvedHalalas });
      store.holdRequest(request.id, 'refund_mismatch', approvedHalalas, null, entry.seq);
      return;
    }
    const tender: CardTender = { kind: 'card', intentId: refundIntent.id, reference: refundIntent.reference, amountHalalas: approvedHalalas, card };
    const refunds: Tender[] = request.plan.cashHalalas > 0 ? [tender, cash(request.plan.cashHalalas)] : [tender];
    // Nobody may be at the counter when recovery (or a manager's resolution) learns of the approval: the cash
    // part is then owed, listed on the returns desk until a manager pays it out — the drawer opens only then.
    const late = !awaited.has(request.id);
    try {
      // A savepoint: should the return fail (its credit note cannot be signed), the refund's approval still
      // commits — the money went back — and the request stays waiting for a person.
      const issued = db.transaction(() => {
        // The voucher part's number is drawn here, in the transaction that issues it with the return.
        const creditHalalas = request.plan.creditHalalas ?? 0;
        if (creditHalalas > 0) refunds.push(creditTender(needCredit(request.receiptNo), creditHalalas));
        const made = issueInTx(deps.receipt(request.receiptNo), request.plan, () => refunds, request.id);
        if (late && request.plan.cashHalalas > 0) {
          const entry = journal.append(CASH_ENTRY.owed, { returnId: made.id, returnNo: made.refund.returnNo, amountHalalas: request.plan.cashHalalas });
          store.oweCash(made.id, request.plan.cashHalalas, entry.seq);
        }
        return made;
      })();
      // Printed now when all of it went back to the card; with cash owed, when the cash is paid out.
      if (late && request.plan.cashHalalas === 0) setImmediate(() => void printLate(issued.id));
    } catch (e) {
      log.error(`return request ${request.id}: the refund was approved but the return could not be issued`, e);
      const error = e instanceof Error ? e.message : String(e);
      const entry = journal.append(REQUEST_ENTRY.issueFailed, { requestId: request.id, intentId: refundIntent.id, approved: approvedHalalas, error });
      store.holdRequest(request.id, 'issue_failed', approvedHalalas, error, entry.seq);
    }
  };

  const releasedInTx = (refundIntent: IntentRow): void => {
    const request = store.requestOfIntent(refundIntent.id);
    if (!request || request.state !== 'waiting') return;
    const entry = journal.append(REQUEST_ENTRY.cancelled, { requestId: request.id, intentId: refundIntent.id, state: refundIntent.state });
    store.settleRequest(request.id, 'cancelled', entry.seq, null);
  };
  deps.payments?.onRefundSettled({ approvedInTx, releasedInTx });

  /**
   * A stored refund with its credit note as e-invoicing keeps it: the stored QR (a stored refund has none of its
   * own) and a standard note's clearance.
   */
  const withCreditNote = (refund: RefundReceipt): RefundReceipt => {
    const qr = deps.creditNote?.qrFor(refund.returnNo) ?? refund.einvoiceQr;
    const clearance = deps.creditNote?.clearanceFor(refund.returnNo) ?? null;
    return { ...refund, ...(qr ? { einvoiceQr: qr } : {}), ...(clearance ? { clearance } : {}) };
  };
  /** A standard credit note is handed over once ZATCA cleared it (or took it as reported, clearance being off). */
  const handedOverYet = (refund: RefundReceipt): boolean => refund.clearance === undefined || refund.clearance === 'cleared' || refund.clearance === 'reported';

  /**
   * The refund receipt and its card refund slips on paper: null when they printed (or there is no printer), the
   * printer's first error otherwise (what follows it is not sent: the printer said no). The refund receipt of a
   * standard credit note ZATCA has not cleared yet waits (printed by creditNoteCleared); the card's slips do not.
   */
  const printRefund = async (stored: RefundReceipt): Promise<ErrorData | null> => {
    if (!deps.printDocument || !deps.refundReceiptBlocks) return null;
    const refund = withCreditNote(stored);
    try {
      const [receipt, ...slips] = refundDocuments(refund, deps.refundReceiptBlocks(refund), deps.settings());
      for (const blocks of handedOverYet(refund) ? [receipt!, ...slips] : slips) {
        const printed = await deps.printDocument(blocks);
        if (!printed.ok) return printed.error;
      }
      return null;
    } catch (e) {
      log.error(`refund receipt of ${refund.returnNo} did not print`, e);
      return errorData('REFUND_RECEIPT_NOT_PRINTED');
    }
  };

  const printCleared = async (returnId: string): Promise<void> => {
    if (!deps.printDocument || !deps.refundReceiptBlocks) return;
    const refund = withCreditNote(store.refundById(returnId));
    if (!handedOverYet(refund)) return;
    const printed = await deps.printDocument(deps.refundReceiptBlocks(refund)).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!printed.ok) log.error(`the cleared credit note of ${refund.returnNo} did not print`, printed.error);
  };

  /** A refund receipt whose card refund was approved later (by recovery): printed when it is issued. */
  const printLate = async (returnId: string): Promise<void> => {
    // Run on its own (setImmediate), so nothing awaits it: a failure here — the till closing under it, its database
    // gone — is logged, never an unhandled rejection that ends the process. The return stands; Reprint serves.
    try {
      const error = await printRefund(store.refundById(returnId));
      if (error) log.error(`refund receipt of return ${returnId} did not print`, error);
    } catch (e) {
      log.error(`refund receipt of return ${returnId} did not print`, e instanceof Error ? e.message : String(e));
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
    return { refund: withCreditNote(refund), drawer, printError: await printRefund(refund) };
  };

  /** A card or STC Pay receipt: the refund goes to the terminal (or STC Pay); the return waits on its answer. */
  const returnThroughPayment = async (
    receipt: Receipt,
    input: ReturnInput,
    plan: { card: CardTender; cardHalalas: number; cashHalalas: number; creditHalalas: number },
    approved: boolean,
  ): Promise<IssuedReturn> => {
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
          if (approved) journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason });
          const returnPlan: ReturnPlan = {
            lines: input.lines,
            reason: input.reason,
            cardHalalas: plan.cardHalalas,
            cashHalalas: plan.cashHalalas,
            ...(plan.creditHalalas > 0 ? { creditHalalas: plan.creditHalalas } : {}),
          };
          const entry = journal.append(REQUEST_ENTRY.requested, { requestId, receiptNo: receipt.receiptNo, intentId: refundIntent.id, plan: returnPlan });
          store.insertRequest({ id: requestId, receiptNo: receipt.receiptNo, refundIntentId: refundIntent.id, plan: returnPlan }, entry.seq);
        },
      });
      const request: ReturnRequest | null = store.request(requestId);
      if (request?.state === 'issued' && request.returnId) return await handOver(store.refundById(request.returnId));
      if (request?.state === 'cancelled') throw new TillError('RETURN_REFUND_DECLINED', `${summary.reference}: ${summary.reason?.en ?? summary.state}`);
      // Money went back, yet no return could be issued with it: the returns desk lists it for a manager.
      if (request?.held === 'refund_mismatch') throw new TillError('RETURN_REFUND_MISMATCH', `${summary.reference}: ${request.approvedHalalas} for ${request.plan.cardHalalas}`);
      if (request?.held === 'issue_failed') throw new TillError('RETURN_ISSUE_FAILED', `${summary.reference}: ${request.heldDetail ?? ''}`);
      throw new TillError('RETURN_REFUND_UNKNOWN', `${summary.reference} ${summary.state}`);
    } finally {
      awaited.delete(requestId);
    }
  };

  const desk = createReturnsDesk({ db, journal, manager: deps.manager, store, receipt: deps.receipt, issueInTx, handOver, openDrawer, print: printRefund, creditTender: (receiptNo, amountHalalas) => creditTender(needCredit(receiptNo), amountHalalas), refundAboveHalalas: () => deps.settings().twoFactor.refundAboveHalalas });

  return {
    /** A receipt's lines with what may still come back, for the return screen. */
    returnable,

    /** No receipt: this till's sales of an item still returnable, to return from one of them (find-sale.ts). */
    salesOfItem: (barcode: string) => salesOfItem(store, (receiptNo) => returnable(receiptNo), barcode),

    /** The returns desk: what waits for a person, and a manager settling it (desk.ts). */
    waiting: desk.waiting,
    settleRequest: desk.settleRequest,
    /**
     * A return is waiting on the terminal for its card refund: its cash part, if any, leaves the drawer when the
     * terminal answers — so the drawer is not counted (shift close) meanwhile.
     */
    inProgress: (): boolean => awaited.size > 0,

    /**
     * E-invoicing, in the transaction that records ZATCA clearing a standard credit note: when it is a return's,
     * its refund receipt prints once that commits (its card slips printed with the return). A note of no return
     * (one cancelling a replaced invoice) prints nothing; a print that finds the note not cleared after all (the
     * transaction rolled back) leaves the receipt waiting again.
     */
    creditNoteClearedInTx(number: string): void {
      const id = store.idOf(number);
      if (id === null) return;
      setImmediate(() => void printCleared(id));
    },
    payCash: desk.payCash,

    /**
     * Issues a return: the manager's approval, the refund the way the receipt was paid, the credit note; then the
     * drawer opens for cash and the refund receipt prints.
     */
    async returnSale(input: ReturnInput, managerPin?: string): Promise<IssuedReturn> {
      const receipt = deps.receipt(input.receiptNo);
      const total = priced(receipt, input.lines).totals.totalHalalas;
      // Within the signed-in user's refund limit no approver is asked (nor journaled: the return names its
      // cashier's session); past it, a supervisor's PIN or above, whatever the method's own permission. A refund
      // past the two-factor threshold is always a manager's, with their authenticator code (docs/people.md).
      const large = total > deps.settings().twoFactor.refundAboveHalalas;
      const approved = managerPin !== undefined;
      if (managerPin !== undefined) deps.manager.check(managerPin, large ? 'approve:manager' : 'approve:supervisor', large ? { secondFactor: true } : undefined);
      else if (large || total > (deps.refundAlone?.() ?? 0)) throw new TillError('REFUND_NEEDS_APPROVAL', `${total} halalas`);
      if (input.refundTo === 'credit') {
        // The customer takes store credit instead of their money back: no card refund, no drawer. The voucher's
        // number is drawn in the transaction, before the return it belongs to is written.
        const credit = deps.credit;
        if (!credit) throw new TillError('CREDIT_NOT_OFFERED', input.receiptNo);
        const { refund } = db
          .transaction(() => {
            if (approved) journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason, refundTo: 'credit' });
            return issueInTx(receipt, input, (total) => [{ kind: 'credit', voucherNo: credit.freeNumber(), amountHalalas: total, balanceHalalas: total }], null);
          })
          .immediate();
        return handOver(refund);
      }
      // The way it was paid: what vouchers paid comes back as a new voucher (creditPart), the rest to the card or
      // from the drawer as before.
      const credited = (totalHalalas: number): number => (deps.credit ? creditPart(receipt, totalHalalas) : 0);
      const creditHalalas = credited(total);
      const plan = split(receipt, total - creditHalalas);
      if (plan.card && plan.cardHalalas > 0) return returnThroughPayment(receipt, input, { ...plan, card: plan.card, creditHalalas }, approved);
      const { refund } = db
        .transaction(() => {
          if (approved) journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason });
          return issueInTx(
            receipt,
            input,
            (total) => {
              // Again inside the transaction, from the returns as they stand now.
              const credit = credited(total);
              const refunds: Tender[] = credit < total || credit === 0 ? [cash(total - credit)] : [];
              return credit > 0 ? [...refunds, creditTender(needCredit(receipt.receiptNo), credit)] : refunds;
            },
            null,
          );
        })
        .immediate();
      return handOver(refund);
    },

    /** A stored refund receipt, as issued. */
    refund: (returnNo: string): RefundReceipt => store.refund(returnNo),

    /** Prints a copy of a refund receipt, marked نسخة / COPY (reprint.ts). */
    reprint: (returnNo: string): Promise<RefundReprint> =>
      reprintRefund(
        {
          db,
          journal,
          refund: store.refund,
          withCreditNote,
          handedOver: handedOverYet,
          printerConfigured: () => deps.settings().printer !== null,
          ...(deps.refundReceiptBlocks ? { blocks: deps.refundReceiptBlocks } : {}),
          ...(deps.printDocument ? { printDocument: deps.printDocument } : {}),
        },
        returnNo,
      ),

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
  /** Absent on returns issued with nobody signed in, and on every return before cashiers were named on them. */
  cashier?: SaleCashier;
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
    // Last, and only when named: the bodies stored before it stay byte for byte what verify rebuilds.
    ...(issue.cashier ? { cashier: issue.cashier } : {}),
  };
}
