// The till's dialogs as the screen uses them: the state of tillDialogs.ts, the "open X" actions (refused with the
// banner when they may not open), and the payment panel's events for usePaymentFlow. Every function is stable for
// the life of the screen, so memoised panels (lines, totals, top bar) can take them as props.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { PaymentMethod, Sale, TillInfo } from '../../preload/contract/schemas';
import { clientError } from '../i18n/messages';
import type { PaymentFlow, PaymentFlowEvent } from '../payments/paymentFlow';
import type { ReceiptView } from '../receipt/CompletedView';
import type { BannerControls } from './useBanner';
import { useLatest } from './useLatest';
import {
  anyDialogOpen,
  noDialogs,
  opening,
  shownDialog,
  tillDialogs,
  type Completed,
  type Dialog,
  type DialogRequest,
  type DialogSubjects,
  type DiscountTarget,
} from './tillDialogs';

interface Options {
  sale: Sale | null;
  selectedLineId: string | null;
  till: TillInfo | null;
  /** A resolve or reverse call is waiting for main. */
  paymentCallBusy: boolean;
  banner: BannerControls;
}

export interface DialogOpeners {
  tender(): void;
  card(): void;
  stcPay(): void;
  void(): void;
  quantity(): void;
  resolve(): void;
  reverse(intentId: string): void;
  terminal(): void;
  queue(): void;
  history(): void;
  drawer(): void;
  health(): void;
  admin(): void;
  shift(): void;
  /** The business buyer of a standard tax invoice (Ctrl+B). */
  buyer(): void;
  /** The parked sales, to recall or void one (Ctrl+Shift+H). */
  parked(): void;
  /** A discount on the highlighted line (Ctrl+D) or on the sale (Ctrl+Shift+D), or the line's price (Ctrl+E). */
  discount(target: DiscountTarget): void;
}

export interface TillDialogControls {
  /** The dialog on screen: one whose subject went away is already gone. */
  dialog: Dialog;
  /** The payment panel (card or STC Pay): closed, or where its payment is. */
  paymentPanel: PaymentFlow;
  /** A dialog or the payment panel has the keyboard. */
  anyOpen: boolean;
  completed: Completed | null;
  receiptView: ReceiptView;
  open: DialogOpeners;
  /** F5 / F6 inside the history and the print queue: straight over to the other one. */
  switchTo(kind: 'history' | 'queue'): void;
  close(): void;
  /** The payment panel's events (it stays open while a payment is in flight). */
  paymentEvent(event: PaymentFlowEvent): void;
  closePayment(): void;
  /** F12 on a declined card or STC Pay payment: the cash panel instead. */
  payCashInstead(): void;
  scanned(): void;
  /** A sale this view completed (cash, or its own card or STC Pay call): its receipt comes up. */
  showCompleted(completed: Completed): void;
  /** This view completed the sale itself, so it needs no "completed elsewhere" notice. */
  completedHere(saleId: string): boolean;
  dismissCompleted(): void;
  setReceiptView(view: ReceiptView): void;
  toggleReceiptView(): void;
}

export function useTillDialogs({ sale, selectedLineId, till, paymentCallBusy, banner }: Options): TillDialogControls {
  const [state, dispatch] = useReducer(tillDialogs, noDialogs);
  const closedHere = useRef(new Set<string>());
  const subjects: DialogSubjects = useMemo(() => ({ sale, paymentCallBusy }), [sale, paymentCallBusy]);
  useEffect(() => dispatch({ type: 'subjects', subjects }), [subjects]);

  const context = useLatest({ sale, selectedLineId, cardPayments: till?.cardPayments ?? false, stcPayPayments: till?.stcPayPayments ?? false });
  const request = useCallback(
    (r: DialogRequest): void => {
      const verdict = opening(r, context.current);
      if (!verdict.ok) {
        dispatch({ type: 'dismissCompleted' }); // The cashier has moved on from the last receipt all the same.
        banner.error(clientError(verdict.code));
        return;
      }
      if (verdict.clearsBanner) banner.clear();
      dispatch({ type: 'open', target: verdict.target });
    },
    [context, banner],
  );

  const controls = useMemo(() => {
    const payWith = (method: PaymentMethod) => () => request({ kind: 'payment', method });
    return {
      open: {
        tender: () => request({ kind: 'tender' }),
        card: payWith('card'),
        stcPay: payWith('stcpay'),
        void: () => request({ kind: 'void' }),
        quantity: () => request({ kind: 'quantity' }),
        resolve: () => request({ kind: 'resolve' }),
        reverse: (intentId: string) => request({ kind: 'reverse', intentId }),
        terminal: () => request({ kind: 'terminal' }),
        queue: () => request({ kind: 'queue' }),
        history: () => request({ kind: 'history' }),
        drawer: () => request({ kind: 'drawer' }),
        health: () => request({ kind: 'health' }),
        admin: () => request({ kind: 'admin' }),
        shift: () => request({ kind: 'shift' }),
        buyer: () => request({ kind: 'buyer' }),
        parked: () => request({ kind: 'parked' }),
        discount: (target: DiscountTarget) => request({ kind: 'discount', target }),
      },
      switchTo: (kind: 'history' | 'queue') => dispatch({ type: 'open', target: { kind } }),
      close: () => dispatch({ type: 'close' }),
      paymentEvent: (event: PaymentFlowEvent) => dispatch({ type: 'payment', event }),
      closePayment: () => dispatch({ type: 'payment', event: { type: 'close' } }),
      payCashInstead: () => {
        dispatch({ type: 'payment', event: { type: 'close' } });
        request({ kind: 'tender' });
      },
      scanned: () => dispatch({ type: 'scanned' }),
      showCompleted: (completed: Completed) => {
        closedHere.current.add(completed.sale.receipt.saleId);
        dispatch({ type: 'completed', completed });
      },
      completedHere: (saleId: string) => closedHere.current.has(saleId),
      dismissCompleted: () => dispatch({ type: 'dismissCompleted' }),
      setReceiptView: (view: ReceiptView) => dispatch({ type: 'receiptView', view }),
      toggleReceiptView: () => dispatch({ type: 'receiptView', view: 'toggle' }),
    };
  }, [request]);

  return {
    ...controls,
    dialog: shownDialog(state, subjects),
    paymentPanel: state.paymentPanel,
    anyOpen: anyDialogOpen(state, subjects),
    completed: state.completed,
    receiptView: state.receiptView,
  };
}
