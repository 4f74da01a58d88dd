// The card and STC Pay tenders as the cashier drives them: send an amount (and for STC Pay the customer's mobile
// number), follow the terminal or STC Pay, pass on the customer's code, cancel, and fold the result into the sale.
// The pure rules are in paymentFlow.ts; the panel's state lives with the till's other dialogs (useTillDialogs, which
// opens and closes it); this hook only does the calls and feeds what it learns into that state.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { CardDetails, CompletedSale, IntentSummary, Sale } from '../../preload/contract/schemas';
import { notice } from '../i18n/messages';
import type { SaleStore } from '../sale/saleStore';
import type { BannerControls } from '../shell/useBanner';
import { useLatest } from '../shell/useLatest';
import { adoptedPaymentEnded, type PaymentFlow, type PaymentFlowEvent } from './paymentFlow';
import { intentMessage } from './intentMessages';
import { tenderOf } from './salePayment';
import { completedItsSale } from './usePaymentActions';

/** An approval that left the sale open (split tender): shown next to the totals until the sale moves on. */
export interface LastApproval {
  saleId: string;
  intentId: string;
  amountHalalas: number;
  card: CardDetails | null;
}

/** What the cashier sends: a card payment, or an STC Pay payment from the customer's wallet (9665… number). */
export type PaymentRequest = { method: 'card'; amountHalalas: number } | { method: 'stcpay'; amountHalalas: number; mobile: string };

export interface PaymentFlowControls {
  /** This view has a payCard / payStcPay call waiting for its answer. */
  localInFlight: boolean;
  lastApproval: LastApproval | null;
  send(request: PaymentRequest): Promise<void>;
  /** The customer's STC Pay code, for the payment on the panel. */
  submitOtp(otp: string): Promise<void>;
  cancel(): void;
}

interface Options {
  api: NuqtaApi;
  store: SaleStore;
  sale: Sale | null;
  banner: BannerControls;
  /** The panel's state and where its events go (useTillDialogs). */
  flow: PaymentFlow;
  dispatch(event: PaymentFlowEvent): void;
  onCompleted(completed: CompletedSale, intent: IntentSummary): void;
}

export function usePaymentFlow({ api, store, sale, banner, flow, dispatch, onCompleted }: Options): PaymentFlowControls {
  const [localInFlight, setLocalInFlight] = useState(false);
  const [approval, setApproval] = useState<LastApproval | null>(null);
  const inFlight = useRef(false);
  const cancelSentFor = useRef<string | null>(null);
  const endingFor = useRef<string | null>(null);
  const completed = useLatest(onCompleted);
  const saleRef = useLatest(sale);

  useEffect(() => api.onPaymentProgress((progress) => dispatch({ type: 'progress', progress })), [api, dispatch]);
  useEffect(() => {
    if (sale) dispatch({ type: 'sale', sale });
  }, [sale, dispatch]);

  // A payment this view did not start (a reload mid-payment, another window): follow it rather than hide it.
  useEffect(() => {
    if (inFlight.current || flow.phase === 'waiting' || !sale) return;
    const p = sale.payment;
    if (p && p.kind === 'purchase' && (p.state === 'sending' || p.state === 'awaiting')) {
      dispatch({ type: 'adopt', saleId: sale.saleId, payment: p });
    }
  }, [sale, flow.phase, dispatch]);

  // ...and when it is over, find out how it ended.
  useEffect(() => {
    if (flow.phase !== 'waiting' || !adoptedPaymentEnded(flow, sale)) return;
    const intentId = flow.intentId;
    if (!intentId || endingFor.current === intentId) return;
    endingFor.current = intentId;
    const tender = tenderOf(sale, intentId);
    if (tender && sale) {
      setApproval({ saleId: sale.saleId, intentId, amountHalalas: tender.amountHalalas, card: tender.card });
      dispatch({ type: 'ended', intent: null });
      return;
    }
    if (sale?.payment?.intentId === intentId) {
      dispatch({ type: 'ended', intent: null }); // Unknown: the sale's own panel takes over.
      return;
    }
    void api.getTerminalStatus({}).then((r) => {
      const last = r.ok && r.value.last?.intentId === intentId ? r.value.last : null;
      dispatch({ type: 'ended', intent: last });
      // Declined and not_found stay on the panel; anything else is said in the banner.
      if (!last) banner.info(notice('CARD_PAYMENT_ENDED'));
      else if (last.state !== 'declined' && last.state !== 'not_found' && !completedItsSale(last, saleRef.current?.saleId)) {
        const message = intentMessage(last);
        if (message.tone === 'error') banner.error(message.data);
        else banner.info(message.data);
      }
    });
  }, [flow, sale, api, banner, saleRef, dispatch]);

  // Cancel needs the payment's id, which arrives with the first progress event.
  useEffect(() => {
    if (flow.phase !== 'waiting' || !flow.cancelRequested || !flow.intentId) return;
    if (cancelSentFor.current === flow.intentId) return;
    const intentId = flow.intentId;
    cancelSentFor.current = intentId;
    void api.cancelCardPayment({ intentId }).then((r) => {
      if (r.ok) return; // payCard answers with what the terminal says.
      cancelSentFor.current = null;
      banner.error(r.error);
      dispatch({ type: 'cancelFailed' });
    });
  }, [flow, api, banner, dispatch]);

  const send = useCallback(
    async (request: PaymentRequest): Promise<void> => {
      const current = saleRef.current;
      if (inFlight.current || !current) return; // Never two payments for one sale.
      inFlight.current = true;
      setLocalInFlight(true);
      setApproval(null);
      const { amountHalalas } = request;
      dispatch({ type: 'send', method: request.method, saleId: current.saleId, amountHalalas });
      try {
        const r =
          request.method === 'stcpay'
            ? await api.payStcPay({ amountHalalas, mobile: request.mobile })
            : await api.payCard({ amountHalalas });
        if (!r.ok) {
          banner.error(r.error);
          dispatch({ type: 'failed' });
          return;
        }
        banner.clear();
        const result = r.value;
        if (result.completed) {
          store.retire(result.completed.receipt.saleId);
          store.accept(result.completed.next);
        } else {
          store.accept(result.sale);
        }
        dispatch({ type: 'result', result });
        if (result.outcome === 'approved') {
          if (result.completed) completed.current(result.completed, result.intent);
          else {
            const { intentId, amountHalalas, card } = result.intent;
            setApproval({ saleId: result.sale.saleId, intentId, amountHalalas, card });
          }
        }
      } finally {
        inFlight.current = false;
        setLocalInFlight(false);
      }
    },
    [api, store, banner, saleRef, completed, dispatch],
  );

  // The code goes to the payment the panel follows; its id came with the first progress event.
  const flowRef = useLatest(flow);
  const submitOtp = useCallback(
    async (otp: string): Promise<void> => {
      const current = flowRef.current;
      if (current.phase !== 'waiting' || !current.intentId || current.otpSent) return;
      // Marked first: the "checking the code" stage may arrive before this call's answer.
      dispatch({ type: 'otpSent' });
      const r = await api.submitStcPayOtp({ intentId: current.intentId, otp });
      if (r.ok) return; // payStcPay answers with the outcome; a wrong code comes back as a new prompt.
      banner.error(r.error);
      dispatch({ type: 'otpFailed' });
    },
    [api, banner, flowRef, dispatch],
  );

  const lastApproval =
    approval && sale && sale.saleId === approval.saleId && tenderOf(sale, approval.intentId) ? approval : null;

  return useMemo(
    () => ({ localInFlight, lastApproval, send, submitOtp, cancel: () => dispatch({ type: 'cancel' }) }),
    [localInFlight, lastApproval, send, submitOtp, dispatch],
  );
}
