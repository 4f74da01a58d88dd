// What is over the sale, as one pure state: the dialog on screen and what it is about, the payment panel, and the
// receipt of the sale just completed here. Main owns the sale; the dialogs only follow it, so each carries its
// subject (the sale, the line, the payment) and a dialog whose subject went away — another view emptied the sale,
// removed the line, a payment settled — is closed, and stays closed when its subject comes back.
//
// One dialog at a time, with one exception: the payment panel follows main's payment, so it opens by itself when
// this view learns of a payment it did not start (a reload, another window) and it cannot be closed while the
// payment is in flight. It is a part of this state of its own (paymentFlow.ts), next to the dialog.
//
// Which dialog may open is decided here too, with the code main would answer (for the banner). A scan is one more
// action: today it closes whatever is open and the item goes to the sale; scanner-safe prompts (a scan never
// confirms a destructive or money prompt) change that rule here.
import type { CompletedSale, IntentSummary, PaymentMethod, Sale } from '../../preload/contract/schemas';
import type { ClientErrorCode } from '../i18n/messages';
import { closedFlow, paymentFlow, type PaymentFlow, type PaymentFlowEvent } from '../payments/paymentFlow';
import { lineChangeBlock, payBlock, paymentLock, tenderOf } from '../payments/salePayment';
import type { ReceiptView } from '../receipt/CompletedView';

/** A dialog and its subject. */
export type Dialog =
  | { kind: 'none' }
  | { kind: 'tender'; saleId: string }
  | { kind: 'quantity'; lineId: string }
  | { kind: 'void'; saleId: string }
  | { kind: 'resolve'; intentId: string }
  | { kind: 'reverse'; intentId: string }
  | { kind: 'terminal' }
  | { kind: 'queue' }
  | { kind: 'history' }
  | { kind: 'drawer' }
  | { kind: 'health' }
  | { kind: 'admin' }
  | { kind: 'shift' }
  | { kind: 'buyer'; saleId: string }
  | { kind: 'parked' }
  /** A discount on the highlighted line or on the sale, or the line's price (renderer/discounts). */
  | { kind: 'discount'; target: DiscountTarget; saleId: string; lineId: string | null };

/** What the discount dialog changes. */
export type DiscountTarget = 'line' | 'sale' | 'price';

export type DialogKind = Dialog['kind'];

/** What an opening puts on screen: a dialog, or the payment panel for a method. */
export type DialogTarget = Exclude<Dialog, { kind: 'none' }> | { kind: 'payment'; method: PaymentMethod };

/** A sale completed at this till, and the card or STC Pay payment that completed it when one did. */
export interface Completed {
  sale: CompletedSale;
  payment: IntentSummary | null;
}

export interface TillDialogs {
  dialog: Dialog;
  paymentPanel: PaymentFlow;
  completed: Completed | null;
  receiptView: ReceiptView;
}

const NONE: Dialog = { kind: 'none' };

export const noDialogs: TillDialogs = { dialog: NONE, paymentPanel: closedFlow, completed: null, receiptView: 'screen' };

/** What the dialogs are about, as main last described it. */
export interface DialogSubjects {
  sale: Sale | null;
  /** A manager's call on a payment (resolve, reverse) is waiting for main; it locks the sale meanwhile. */
  paymentCallBusy: boolean;
}

export type TillDialogAction =
  /** Opens a dialog or the payment panel (see `opening` for whether it may); the last receipt goes. */
  | { type: 'open'; target: DialogTarget }
  | { type: 'close' }
  /** A scan (wedge burst) reached the sale. */
  | { type: 'scanned' }
  /** The sale on screen changed: dialogs whose subject went away close. */
  | { type: 'subjects'; subjects: DialogSubjects }
  /** The payment panel's own events (what the cashier sent, what main said). */
  | { type: 'payment'; event: PaymentFlowEvent }
  /** A sale this view completed: its receipt comes up, over nothing else. */
  | { type: 'completed'; completed: Completed }
  | { type: 'dismissCompleted' }
  | { type: 'receiptView'; view: ReceiptView | 'toggle' };

export function tillDialogs(state: TillDialogs, action: TillDialogAction): TillDialogs {
  switch (action.type) {
    case 'open': {
      const { target } = action;
      if (target.kind === 'payment') {
        const paymentPanel = paymentFlow(state.paymentPanel, { type: 'open', method: target.method });
        return { ...state, dialog: NONE, completed: null, paymentPanel };
      }
      return { ...state, dialog: target, completed: null };
    }
    case 'close':
      return state.dialog.kind === 'none' ? state : { ...state, dialog: NONE };
    case 'scanned':
      // The cashier is adding an item: whatever was open gives way, except a payment in flight (main refuses
      // the item until it is settled, and the panel keeps following it).
      return { ...state, dialog: NONE, completed: null, paymentPanel: paymentFlow(state.paymentPanel, { type: 'close' }) };
    case 'subjects': {
      const dialog = stillOpen(state.dialog, action.subjects) ? state.dialog : NONE;
      const completed = nextSaleStarted(state.completed, action.subjects.sale) ? null : state.completed;
      return dialog === state.dialog && completed === state.completed ? state : { ...state, dialog, completed };
    }
    case 'payment': {
      const paymentPanel = paymentFlow(state.paymentPanel, action.event);
      return paymentPanel === state.paymentPanel ? state : { ...state, paymentPanel };
    }
    case 'completed':
      return { ...state, dialog: NONE, completed: action.completed, receiptView: 'screen' };
    case 'dismissCompleted':
      return state.completed === null ? state : { ...state, completed: null };
    case 'receiptView': {
      if (action.view !== 'toggle') return { ...state, receiptView: action.view };
      if (!state.completed) return state;
      return { ...state, receiptView: state.receiptView === 'screen' ? 'printed' : 'screen' };
    }
  }
}

/** Whether a dialog's subject is still there to act on. */
export function stillOpen(dialog: Dialog, { sale, paymentCallBusy }: DialogSubjects): boolean {
  const lock = paymentLock(sale);
  switch (dialog.kind) {
    case 'tender':
    case 'void':
      return sale !== null && sale.saleId === dialog.saleId && sale.lines.length > 0 && lock === 'none';
    case 'quantity':
      return (sale?.lines.some((l) => l.lineId === dialog.lineId) ?? false) && lineChangeBlock(sale) === null;
    case 'discount':
      // Its sale, and its line when it is about one, still there and still open to change.
      return (
        sale !== null &&
        sale.saleId === dialog.saleId &&
        (dialog.lineId === null ? sale.lines.length > 0 : sale.lines.some((l) => l.lineId === dialog.lineId)) &&
        lineChangeBlock(sale) === null
      );
    case 'resolve':
      return lock === 'unknown' && sale?.payment?.intentId === dialog.intentId;
    case 'buyer':
      // The buyer belongs to the open sale: it goes when the sale does, or once a payment has started on it.
      return sale !== null && sale.saleId === dialog.saleId && lock === 'none';
    case 'reverse':
      // Its own call locks the sale while the terminal reverses: the dialog stays for the answer.
      return tenderOf(sale, dialog.intentId) !== null && (lock === 'none' || paymentCallBusy);
    default:
      return true;
  }
}

/** The dialog to show now: none when its subject went away (the state follows on the next `subjects`). */
export function shownDialog(state: TillDialogs, subjects: DialogSubjects): Dialog {
  return stillOpen(state.dialog, subjects) ? state.dialog : NONE;
}

/** A dialog or the payment panel has the keyboard (the till's own keys wait). */
export function anyDialogOpen(state: TillDialogs, subjects: DialogSubjects): boolean {
  return shownDialog(state, subjects).kind !== 'none' || state.paymentPanel.phase !== 'closed';
}

/** The next customer's first item arrived (perhaps another way, a serial scanner in main): the old receipt goes. */
function nextSaleStarted(completed: Completed | null, sale: Sale | null): boolean {
  return completed !== null && sale !== null && sale.saleId === completed.sale.next.saleId && sale.lines.length > 0;
}

/** What the cashier asked to open. */
export type DialogRequest =
  | { kind: 'tender' }
  | { kind: 'payment'; method: PaymentMethod }
  | { kind: 'void' }
  | { kind: 'quantity' }
  | { kind: 'resolve' }
  | { kind: 'reverse'; intentId: string }
  | { kind: 'terminal' }
  | { kind: 'queue' }
  | { kind: 'history' }
  | { kind: 'drawer' }
  | { kind: 'health' }
  | { kind: 'admin' }
  | { kind: 'shift' }
  | { kind: 'buyer' }
  | { kind: 'parked' }
  | { kind: 'discount'; target: DiscountTarget };

export interface OpenContext {
  sale: Sale | null;
  selectedLineId: string | null;
  /** The till has a card terminal. */
  cardPayments: boolean;
  stcPayPayments: boolean;
}

export type Opening =
  /** `clearsBanner`: the dialog starts something new, so an old message would only mislead. */
  | { ok: true; target: DialogTarget; clearsBanner: boolean }
  | { ok: false; code: ClientErrorCode };

const opened = (target: DialogTarget, clearsBanner = false): Opening => ({ ok: true, target, clearsBanner });
const refused = (code: ClientErrorCode): Opening => ({ ok: false, code });

/** May the dialog open now? The answer main would give if the cashier went ahead, checked first. */
export function opening(request: DialogRequest, ctx: OpenContext): Opening {
  const { sale } = ctx;
  switch (request.kind) {
    case 'tender': {
      const block = payBlock(sale);
      if (block || !sale) return refused(block ?? 'SALE_EMPTY');
      return opened({ kind: 'tender', saleId: sale.saleId });
    }
    case 'payment': {
      if (request.method === 'card' && !ctx.cardPayments) return refused('TERMINAL_NOT_CONFIGURED');
      if (request.method === 'stcpay' && !ctx.stcPayPayments) return refused('STCPAY_NOT_CONFIGURED');
      const block = payBlock(sale);
      if (block || !sale) return refused(block ?? 'SALE_EMPTY');
      if (sale.dueHalalas <= 0) return refused('NOTHING_DUE');
      return opened({ kind: 'payment', method: request.method }, true);
    }
    case 'void': {
      if (!sale || sale.lines.length === 0) return refused('SALE_EMPTY');
      const block = lineChangeBlock(sale);
      return block ? refused(block) : opened({ kind: 'void', saleId: sale.saleId });
    }
    case 'quantity': {
      const block = selectionBlock(sale, ctx.selectedLineId) ?? lineChangeBlock(sale);
      return block || !ctx.selectedLineId ? refused(block ?? 'NO_LINE_SELECTED') : opened({ kind: 'quantity', lineId: ctx.selectedLineId });
    }
    case 'resolve': {
      const payment = paymentLock(sale) === 'unknown' ? sale?.payment : null;
      return payment ? opened({ kind: 'resolve', intentId: payment.intentId }, true) : refused('NO_UNKNOWN_PAYMENT');
    }
    case 'reverse':
      return opened({ kind: 'reverse', intentId: request.intentId });
    case 'terminal':
      if (!ctx.cardPayments && !ctx.stcPayPayments) return refused('PAYMENTS_NOT_CONFIGURED');
      return opened({ kind: 'terminal' }, true);
    case 'buyer': {
      if (!sale) return refused('SALE_EMPTY');
      if (sale.payment) return refused('PAYMENT_PENDING');
      return opened({ kind: 'buyer', saleId: sale.saleId }, true);
    }
    case 'discount': {
      if (request.target === 'sale') {
        if (!sale || sale.lines.length === 0) return refused('SALE_EMPTY');
        const block = lineChangeBlock(sale);
        // The highlighted line goes with it, so the dialog's Line and Price tabs can switch to it.
        const lineId = selectionBlock(sale, ctx.selectedLineId) === null ? ctx.selectedLineId : null;
        return block ? refused(block) : opened({ kind: 'discount', target: 'sale', saleId: sale.saleId, lineId }, true);
      }
      const block = selectionBlock(sale, ctx.selectedLineId) ?? lineChangeBlock(sale);
      if (block || !sale || !ctx.selectedLineId) return refused(block ?? 'NO_LINE_SELECTED');
      return opened({ kind: 'discount', target: request.target, saleId: sale.saleId, lineId: ctx.selectedLineId }, true);
    }
    case 'queue':
    case 'history':
    case 'drawer':
    case 'health':
    case 'admin':
    case 'shift':
    case 'parked':
      return opened({ kind: request.kind }, true);
  }
}

/** Why the highlighted line cannot be acted on (nothing to highlight), or null. */
export function selectionBlock(sale: Sale | null, selectedLineId: string | null): 'SALE_EMPTY' | 'NO_LINE_SELECTED' | null {
  const lines = sale?.lines ?? [];
  if (lines.some((l) => l.lineId === selectedLineId)) return null;
  return lines.length === 0 ? 'SALE_EMPTY' : 'NO_LINE_SELECTED';
}
