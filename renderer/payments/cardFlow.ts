// The card panel as a pure state machine. Main does the payment; the panel only follows it: what the cashier
// typed, which stage the terminal is at (from paymentProgress events and the sale's own `payment`), and what
// came back. One payment at a time: a second Enter while waiting does nothing.
import type {
  CardPaymentResult,
  IntentState,
  IntentSummary,
  PaymentProgress,
  Sale,
  TerminalStage,
} from '../../preload/contract/schemas';

export interface Waiting {
  phase: 'waiting';
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
}

export type CardFlow =
  | { phase: 'closed' }
  | { phase: 'entry' }
  | Waiting
  | { phase: 'result'; outcome: 'declined' | 'not_found'; intent: IntentSummary; amountHalalas: number };

export type CardEvent =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'send'; saleId: string; amountHalalas: number }
  | { type: 'adopt'; saleId: string; payment: IntentSummary }
  | { type: 'progress'; progress: PaymentProgress }
  | { type: 'sale'; sale: Sale }
  | { type: 'cancel' }
  /** The cancel call itself failed (the banner says why): the cashier may press Cancel again. */
  | { type: 'cancelFailed' }
  /** The call was refused (an error in the banner): back to the amount. */
  | { type: 'failed' }
  | { type: 'result'; result: CardPaymentResult }
  /** An adopted payment ended and what became of it was learnt some other way. */
  | { type: 'ended'; intent: IntentSummary | null };

export const closedFlow: CardFlow = { phase: 'closed' };

export function cardFlow(flow: CardFlow, event: CardEvent): CardFlow {
  switch (event.type) {
    case 'open':
      // Never reopen over a payment in flight: that would lose track of it.
      return flow.phase === 'waiting' ? flow : { phase: 'entry' };
    case 'close':
      return flow.phase === 'waiting' ? flow : closedFlow;
    case 'send':
      if (flow.phase === 'waiting') return flow;
      return {
        phase: 'waiting',
        saleId: event.saleId,
        amountHalalas: event.amountHalalas,
        intentId: null,
        state: 'sending',
        stage: 'connecting',
        cancelRequested: false,
        adopted: false,
      };
    case 'adopt':
      if (flow.phase === 'waiting') return flow;
      return {
        phase: 'waiting',
        saleId: event.saleId,
        amountHalalas: event.payment.amountHalalas,
        intentId: event.payment.intentId,
        state: event.payment.state,
        stage: null,
        cancelRequested: false,
        adopted: true,
      };
    case 'progress': {
      if (flow.phase !== 'waiting') return flow;
      const p = event.progress;
      if (!isOurs(flow, p.intentId, p.saleId)) return flow;
      return { ...flow, intentId: p.intentId, state: p.state, stage: p.stage ?? flow.stage };
    }
    case 'sale': {
      if (flow.phase !== 'waiting') return flow;
      const payment = event.sale.payment;
      if (event.sale.saleId !== flow.saleId || !payment || payment.kind !== 'purchase') return flow;
      if (!isOurs(flow, payment.intentId, event.sale.saleId)) return flow;
      return { ...flow, intentId: payment.intentId, state: payment.state };
    }
    case 'cancel':
      return flow.phase === 'waiting' ? { ...flow, cancelRequested: true } : flow;
    case 'cancelFailed':
      return flow.phase === 'waiting' ? { ...flow, cancelRequested: false } : flow;
    case 'failed':
      return flow.phase === 'waiting' ? { phase: 'entry' } : flow;
    case 'result': {
      const { outcome, intent } = event.result;
      // Approved goes back to the sale (or the receipt); unknown to the sale's blocking panel.
      if (outcome === 'declined' || outcome === 'not_found') {
        const amountHalalas = flow.phase === 'waiting' ? flow.amountHalalas : intent.amountHalalas;
        return { phase: 'result', outcome, intent, amountHalalas };
      }
      return closedFlow;
    }
    case 'ended': {
      if (flow.phase !== 'waiting') return flow;
      const intent = event.intent;
      if (intent && (intent.state === 'declined' || intent.state === 'not_found')) {
        return { phase: 'result', outcome: intent.state, intent, amountHalalas: intent.amountHalalas };
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
      return 1;
    case 'awaiting_result':
    case 'recovering':
      return 2;
  }
}

/** An adopted payment is over once the sale no longer holds it in flight. */
export function adoptedPaymentEnded(flow: CardFlow, sale: Sale | null): boolean {
  if (flow.phase !== 'waiting' || !flow.adopted) return false;
  if (!sale || sale.saleId !== flow.saleId) return true;
  const p = sale.payment;
  return !p || p.intentId !== flow.intentId || !['sending', 'awaiting'].includes(p.state);
}
