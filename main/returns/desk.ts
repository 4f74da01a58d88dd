// The returns desk: what a card or STC Pay return leaves for a person, and how a manager settles it honestly.
//
// - A request whose refund has no final answer yet waits on the payments side: the till keeps asking, and a
//   manager's resolution there (with the terminal slip, or "not refunded") issues or cancels it. Nothing here.
// - A request whose refund was approved but could not issue its return — another amount than asked
//   (`refund_mismatch`), or a credit note that could not be issued (`issue_failed`) — holds money that went back,
//   so it is never cancelled: a manager issues the return for its lines, the card part as the terminal approved
//   it and the rest of the items' worth from the drawer (opened then, with the manager there). A card that got
//   back more than the items are worth cannot be covered by a credit note for those items: refused, it stays
//   listed (the difference is the acquirer's to recover).
// - Cash a late-issued return owes (its card part approved by recovery, nobody at the counter) is paid out by a
//   manager: journaled, the drawer opens, the refund receipt prints then.
// Every action takes the manager's PIN and is journaled; `ledger verify` replays the rows (projection.ts). Both
// actions hand money back, so past the two-factor refund threshold they are asked as returnSale asks: a manager
// (not a supervisor) and their authenticator code, the refund being the return's whole worth (docs/people.md).
import type { CardTender, DrawerOutcome, ErrorData, Receipt, RefundReceipt, ReturnsWaiting, Tender, WaitingReturn } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { createIntentStore, toSummary } from '../payments';
import { CASH_ENTRY } from './entries';
import type { ReturnRequest, ReturnStore } from './store';

/** Refund states in which the terminal (or STC Pay) may still say yes: the payments side settles them. */
const UNDECIDED = new Set(['sending', 'awaiting', 'unknown']);

export interface DeskDeps {
  db: Db;
  journal: Journal;
  manager: ManagerAuth;
  store: ReturnStore;
  receipt: (receiptNo: string) => Receipt;
  /** The return in the caller's transaction (returns.ts's issueInTx). */
  issueInTx: (receipt: Receipt, input: ReturnRequest['plan'], refundsOf: (totalHalalas: number) => Tender[], requestId: string | null) => { id: string; refund: RefundReceipt };
  /** After the commit: the drawer for any cash, then the refund receipt (returns.ts). */
  handOver: (refund: RefundReceipt) => Promise<{ refund: RefundReceipt; drawer: DrawerOutcome; printError: ErrorData | null }>;
  openDrawer: (refund: RefundReceipt) => Promise<DrawerOutcome>;
  print: (refund: RefundReceipt) => Promise<ErrorData | null>;
  /** A new store credit voucher's tender for the part a voucher paid, its number drawn in the caller's transaction. */
  creditTender: (receiptNo: string, amountHalalas: number) => Tender;
  /** settings.twoFactor.refundAboveHalalas: a refund past it needs a manager's code. */
  refundAboveHalalas: () => number;
}

export function createReturnsDesk(deps: DeskDeps) {
  const { db, journal, store } = deps;
  const intents = createIntentStore(db);

  const cash = (amountHalalas: number): Tender => ({ kind: 'cash', amountHalalas, tenderedHalalas: amountHalalas, changeHalalas: 0 });
  const worth = (request: ReturnRequest): number => request.plan.cardHalalas + request.plan.cashHalalas + (request.plan.creditHalalas ?? 0);

  /** The approval, as returnSale's past the threshold: an unknown return is refused after the PIN, as before. */
  const approve = (managerPin: string, refundHalalas: number | null) => {
    const large = refundHalalas !== null && refundHalalas > deps.refundAboveHalalas();
    if (large) deps.manager.check(managerPin, 'approve:manager', { secondFactor: true });
    else deps.manager.check(managerPin);
  };

  /**
   * How a held request is issued: the approved refund as its card tender, the voucher part as planned (less, when
   * the card took more than asked), the rest of `totalHalalas` in cash.
   */
  const settlement = (request: ReturnRequest, totalHalalas: number): { card: CardTender; cashHalalas: number; creditHalalas: number } => {
    const row = intents.get(request.refundIntentId);
    if (!row) throw new TillError('INTENT_UNKNOWN', request.refundIntentId);
    if (UNDECIDED.has(row.state)) throw new TillError('RETURN_REFUND_UNDECIDED', `${request.id}: ${row.state}`);
    const card = toSummary(row).card;
    const approved = request.approvedHalalas;
    if (row.state !== 'approved' || request.held === null || approved === null || !card) throw new TillError('INTENT_NOT_RESOLVABLE', `${request.id}: ${row.state}`);
    // Never a credit note for money the returned items do not account for.
    if (approved > totalHalalas) throw new TillError('RETURN_REFUND_OVER_RETURN', `${request.id}: ${approved} > ${totalHalalas}`);
    const creditHalalas = Math.min(request.plan.creditHalalas ?? 0, totalHalalas - approved);
    return {
      card: { kind: 'card', intentId: row.id, reference: row.reference, amountHalalas: approved, card },
      cashHalalas: totalHalalas - approved - creditHalalas,
      creditHalalas,
    };
  };

  const listed = (request: ReturnRequest): WaitingReturn => {
    const receipt = deps.receipt(request.receiptNo);
    const row = intents.get(request.refundIntentId);
    if (!row) throw new TillError('INTENT_UNKNOWN', request.refundIntentId);
    let settle: WaitingReturn['settle'] = null;
    try {
      const s = settlement(request, worth(request));
      settle = { cardHalalas: s.card.amountHalalas, cashHalalas: s.cashHalalas, ...(s.creditHalalas > 0 ? { creditHalalas: s.creditHalalas } : {}) };
    } catch {
      settle = null; // in doubt, or more went back than the items are worth: the list says which
    }
    return {
      requestId: request.id,
      receiptNo: request.receiptNo,
      reason: request.plan.reason,
      items: request.plan.lines.map(({ lineId, quantity }) => {
        const line = receipt.lines.find((l) => l.lineId === lineId);
        return { nameAr: line?.nameAr ?? lineId, nameEn: line?.nameEn ?? lineId, quantity };
      }),
      totalHalalas: worth(request),
      askedHalalas: request.plan.cardHalalas,
      refund: toSummary(row),
      why: request.held ?? 'refund_in_doubt',
      approvedHalalas: request.approvedHalalas,
      detail: request.heldDetail,
      settle,
    };
  };

  return {
    /** What waits for a person: requests (oldest first) and cash owed on returns. */
    waiting(): ReturnsWaiting {
      return {
        requests: store.waiting().map(listed),
        owedCash: store.cashOwed().map(({ returnId: _id, ...owed }) => owed),
      };
    },

    /** Issues a held request's return for what was refunded; the drawer opens for the rest, the receipt prints. */
    async settleRequest(requestId: string, managerPin: string) {
      const asked = store.request(requestId);
      approve(managerPin, asked && asked.state === 'waiting' ? worth(asked) : null);
      const { refund } = db
        .transaction(() => {
          const request = store.request(requestId);
          if (!request || request.state !== 'waiting') throw new TillError('RETURN_REQUEST_UNKNOWN', requestId);
          journal.append('manager.authorised', { action: 'settleReturnRequest', requestId, receiptNo: request.receiptNo });
          return deps.issueInTx(
            deps.receipt(request.receiptNo),
            request.plan,
            (totalHalalas) => {
              const { card, cashHalalas, creditHalalas } = settlement(request, totalHalalas);
              return [card, ...(cashHalalas > 0 ? [cash(cashHalalas)] : []), ...(creditHalalas > 0 ? [deps.creditTender(request.receiptNo, creditHalalas)] : [])];
            },
            request.id,
          );
        })
        .immediate();
      return deps.handOver(refund);
    },

    /** Pays out the cash a late-issued return owes: journaled, then the drawer opens and the refund receipt prints. */
    async payCash(returnNo: string, managerPin: string) {
      const id = store.idOf(returnNo);
      approve(managerPin, id === null ? null : store.refundById(id).totals.totalHalalas);
      const { refund, amountHalalas } = db
        .transaction(() => {
          const returnId = store.idOf(returnNo);
          if (!returnId) throw new TillError('RETURN_UNKNOWN', returnNo);
          const owed = store.owedOn(returnId);
          if (!owed || owed.paid) throw new TillError('RETURN_CASH_NOT_OWED', returnNo);
          journal.append('manager.authorised', { action: 'payReturnCash', returnNo });
          const entry = journal.append(CASH_ENTRY.paid, { returnId, returnNo, amountHalalas: owed.amountHalalas });
          if (!store.payCash(returnId, entry.seq)) throw new Error(`cash owed on ${returnNo} was paid meanwhile`);
          return { refund: store.refundById(returnId), amountHalalas: owed.amountHalalas };
        })
        .immediate();
      const drawer = await deps.openDrawer(refund);
      const printError = await deps.print(refund);
      return { returnNo, amountHalalas, drawer, printError };
    },
  };
}
