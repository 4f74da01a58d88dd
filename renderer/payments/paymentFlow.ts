// The payment panel (card terminal or STC Pay) as a pure state machine. Main does the payment; the panel only
// follows it: what the cashier typed, which stage the terminal (or STC Pay) is at (from paymentProgress events
// and the sale's own `payment`), and what came back. One payment at a time: a second Enter while waiting does
// nothing. It is one part of the till's dialogs (shell/tillDialogs.ts), which decide when it opens and closes.
//
// STC Pay differs in one step: after Authorize, STC Pay texts the customer a code and main asks for it with an
// `awaiting_otp` progress event. The flow keeps that prompt (try number, expiry, masked mobile, why the last
// code was refused) until the next event replaces or ends it.
import type {
  CardPaymentResult,
  IntentState,
  IntentSummary,
  PaymentMethod,
  PaymentProgress,
  Sale,
  TerminalStage,
} from '../../preload/contract/schemas';

/** Main's request for the customer's STC Pay code. */
export type OtpPrompt = NonNullable<PaymentProgress['otp']>;

export interface Waiting {
  phase: 'waiting';
  method: PaymentMethod;
  saleId: string;
  amountHalalas: number;
  /** Learnt from the first progress event or the sale's `payment`; needed to cancel. */
  intentId: string | null;
  state: IntentState;
  stage: TerminalStage | null;
  /** The cashier pressed Cancel; main is asking the terminal whether the customer paid anyway. */
  cancelRequested: boolean;
  /** This view did not start the payment (reload, another window): it only follows what the sale says. */
  adopted: boolean;
  /** STC Pay waits for the customer's code (set by an `awaiting_otp` event, cleared by the next stage). */
  otp: OtpPrompt | null;
  /** The cashier sent a code; STC Pay is checking it (a new prompt arrives if it was wrong). */
  otpSent: boolean;
}

export type PaymentFlow =
  | { phase: 'closed' }
  | { phase: 'entry'; method: PaymentMethod }
  | Waiting
  | { phase: 'result'; method: PaymentMethod; outcome: 'declined' | 'not_found'; intent: IntentSummary; amountHalalas: number };

export type PaymentFlowEvent =
  | { type: 'open'; method: PaymentMethod }
  | { type: 'close' }
  | { type: 'send'; method: PaymentMethod; saleId: string; amountHalalas: number }
  | { type: 'adopt'; saleId: string; payment: IntentSummary }
  | { type: 'progress'; progress: PaymentProgress }
  | { type: 'sale'; sale: Sale }
  /** The cashier sent the customer's code (submitStcPayOtp). */
  | { type: 'otpSent' }
  /** Main refused the code call (the banner says why): the cashier may type it again. */
  | { type: 'otpFailed' }
  | { type: 'cancel' }
  /** The cancel call itself failed (the banner says why): the cashier may press Cancel again. */
  | { type: 'cancelFailed' }
  /** The call was refused (an error in the banner): back to the amount. */
  | { type: 'failed' }
  | { type: 'result'; result: CardPaymentResult }
  /** An adopted payment ended and what became of it was learnt some other way. */
  | { type: 'ended'; intent: IntentSummary | null };

export const closedFlow: PaymentFlow = { phase: 'closed' };

export function paymentFlow(flow: PaymentFlow, event: PaymentFlowEvent): PaymentFlow {
  switch (event.type) {
    case 'open':
      // Never reopen over a payment in flight: that would lose track of it.
      return flow.phase === 'waiting' ? flow : { phase: 'entry', method: event.method };
    case 'close':
      return flow.phase === 'waiting' ? flow : closedFlow;
    case 'send':
      if (flow.phase === 'waiting') return flow;
      return {
        phase: 'waiting',
        method: event.method,
        saleId: event.saleId,
        amountHalalas: event.amountHalalas,
        intentId: null,
        state: 'sending',
        stage: 'connecting',
        cancelRequested: false,
        adopted: false,
        otp: null,
        otpSent: false,
      };
    case 'adopt':
      if (flow.phase === 'waiting') return flow;
      return {
        phase: 'waiting',
        method: event.payment.method,
        saleId: event.saleId,
        amountHalalas: event.payment.amountHalalas,
        intentId: event.payment.intentId,
        state: event.payment.state,
        // A view that loads while STC Pay waits for the code gets the question from the sale's payment.
        stage: event.payment.otp ? 'awaiting_otp' : null,
        cancelRequested: false,
        adopted: true,
        otp: event.payment.otp,
        otpSent: false,
      };
    case 'progress': {
      if (flow.phase !== 'waiting') return flow;
      const p = event.progress;
      if (!isOurs(flow, p.intentId, p.saleId)) return flow;
      // A prompt (first or after a wrong code) asks for a code again; any other stage means the code step is
      // over for now (STC Pay is checking it, or the payment ended).
      const otp = p.stage === 'awaiting_otp' ? p.otp : null;
      return { ...flow, intentId: p.intentId, state: p.state, stage: p.stage ?? flow.stage, otp, otpSent: false };
    }
    case 'sale': {
      if (flow.phase !== 'waiting') return flow;
      const payment = event.sale.payment;
      if (event.sale.saleId !== flow.saleId || !payment || payment.kind !== 'purchase') return flow;
      if (!isOurs(flow, payment.intentId, event.sale.saleId)) return flow;
      return { ...flow, intentId: payment.intentId, state: payment.state };
    }
    case 'otpSent':
      return flow.phase === 'waiting' ? { ...flow, otpSent: true } : flow;
    case 'otpFailed':
      return flow.phase === 'waiting' ? { ...flow, otpSent: false } : flow;
    case 'cancel':
      return flow.phase === 'waiting' ? { ...flow, cancelRequested: true } : flow;
    case 'cancelFailed':
      return flow.phase === 'waiting' ? { ...flow, cancelRequested: false } : flow;
    case 'failed':
      return flow.phase === 'waiting' ? { phase: 'entry', method: flow.method } : flow;
    case 'result': {
      const { outcome, intent } = event.result;
      // Approved goes back to the sale (or the receipt); unknown to the sale's blocking panel.
      if (outcome === 'declined' || outcome === 'not_found') {
        const amountHalalas = flow.phase === 'waiting' ? flow.amountHalalas : intent.amountHalalas;
        return { phase: 'result', method: intent.method, outcome, intent, amountHalalas };
      }
      return closedFlow;
    }
    case 'ended': {
      if (flow.phase !== 'waiting') return flow;
      const intent = event.intent;
      if (intent && (intent.state === 'declined' || intent.state === 'not_found')) {
        return { phase: 'result', method: intent.method, outcome: intent.state, intent, amountHalalas: intent.amountHalalas };
      }
      return closedFlow;
    }
  }
}

function isOurs(flow: Waiting, intentId: string, saleId: string | null): boolean {
  if (flow.intentId !== null) return flow.intentId === intentId;
  return saleId === flow.saleId; // The first word of a payment we started: adopt its id.
}

/** The stage to show. The terminal's own stage when it sent one, else what the intent's state implies. */
export function shownStage(flow: Waiting): TerminalStage {
  if (flow.otp || otpEntryOpen(flow)) return 'awaiting_otp';
  if (flow.stage) return flow.stage;
  switch (flow.state) {
    case 'awaiting':
      return 'sent';
    case 'unknown':
    case 'reversing':
      return 'recovering';
    default:
      return 'connecting';
  }
}

/** Which of the three steps the cashier sees is current: connect, the customer at the terminal, processing. */
export function stepOf(stage: TerminalStage): 0 | 1 | 2 {
  switch (stage) {
    case 'connecting':
      return 0;
    case 'sent':
    case 'awaiting_otp':
      return 1;
    case 'awaiting_result':
    case 'recovering':
      return 2;
  }
}

/**
 * Whether the panel offers the code entry. While main's prompt is on screen, yes (not while a code is being
 * checked or the cashier is cancelling). A view that adopted an STC Pay payment mid-way (a reload) never saw
 * the prompt; the customer may be holding the code, so it offers the entry too and main says if no code is
 * awaited (STCPAY_NO_OTP_AWAITED).
 */
export function otpEntryOpen(flow: Waiting): boolean {
  if (flow.method !== 'stcpay' || flow.cancelRequested || flow.otpSent) return false;
  if (flow.otp) return true;
  if (flow.state !== 'awaiting') return false;
  return flow.stage === 'awaiting_otp' || (flow.adopted && flow.stage === null);
}

/** An adopted payment is over once the sale no longer holds it in flight. */
export function adoptedPaymentEnded(flow: PaymentFlow, sale: Sale | null): boolean {
  if (flow.phase !== 'waiting' || !flow.adopted) return false;
  if (!sale || sale.saleId !== flow.saleId) return true;
  const p = sale.payment;
  return !p || p.intentId !== flow.intentId || !['sending', 'awaiting'].includes(p.state);
}
