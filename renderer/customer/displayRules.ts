// The customer-facing screen's rules. It only reads what the till shows (the sale, payment progress, the
// sales main reports completed) and never changes anything. Pure.
//
// "Thank you" comes from main's saleCompleted event (cash, card, a payment recovered in the background or
// settled by a manager alike), so a voided sale, which only moves the till on to a fresh sale, never thanks.
import type { CompletedSale, PaymentProgress, Sale } from '../../preload/contract/schemas';

export type ViewMode = 'till' | 'customer';

/** `#view=customer` (alone or next to `secret=…`) selects the customer display. */
export function readViewMode(hash: string): ViewMode {
  return new URLSearchParams(hash.replace(/^#/, '')).get('view') === 'customer' ? 'customer' : 'till';
}

/** How long "Thank you" stays up, unless the next customer's first item comes sooner. */
export const THANKS_MS = 8000;

/** A progress event, with the revision the sale on screen had when it arrived. */
export interface SeenProgress {
  progress: PaymentProgress;
  saleRevision: number | null;
}

/**
 * `card`: the customer is at the terminal; `stcpay`: the customer confirms in the STC Pay app and reads the code
 * to the cashier; `wait`: nobody knows yet whether they paid (do not pay again).
 */
export type CustomerPayment = 'none' | 'card' | 'stcpay' | 'wait';

/**
 * What to tell the customer about the card payment. The sale's own `payment` is the truth; a progress event
 * is newer only while the sale copy has not moved past the moment it arrived (or names the same payment).
 */
export function customerPayment(sale: Sale | null, seen: SeenProgress | null): CustomerPayment {
  if (!sale) return 'none';
  const payment = sale.payment;
  let state = payment?.state ?? null;
  if (seen && seen.progress.saleId === sale.saleId) {
    const p = seen.progress;
    const sameIntent = payment !== null && payment.intentId === p.intentId;
    const notOvertaken = payment === null && seen.saleRevision !== null && sale.revision <= seen.saleRevision;
    if (sameIntent || notOvertaken) state = p.state;
  }
  if (payment && payment.kind !== 'purchase') return state === 'unknown' ? 'wait' : 'none';
  switch (state) {
    case 'sending':
    case 'awaiting':
      return payment?.method === 'stcpay' ? 'stcpay' : 'card';
    case 'unknown':
    case 'reversing':
      return 'wait';
    default:
      return 'none';
  }
}

export interface Thanks {
  /** The sale that completed, and the one the till moved on to. */
  saleId: string;
  nextSaleId: string;
  receiptNo: string;
  totalHalalas: number;
  /** Cash handed back; null when there is none. */
  changeHalalas: number | null;
  /** Date.now() when it stops showing. */
  until: number;
}

export function thanksFor(completed: CompletedSale, now: number): Thanks {
  const { receipt } = completed;
  return {
    saleId: receipt.saleId,
    nextSaleId: completed.next.saleId,
    receiptNo: receipt.receiptNo,
    totalHalalas: receipt.totals.totalHalalas,
    changeHalalas: completed.changeHalalas > 0 ? completed.changeHalalas : null,
    until: now + THANKS_MS,
  };
}

/**
 * "Thank you" shows until its time is up or the next customer's first item is on the sale. A late copy of
 * the completed sale itself (the event may arrive before the till's move to the next sale) does not end it.
 */
export function thanksShowing(thanks: Thanks | null, sale: Sale | null, now: number): boolean {
  if (thanks === null || now >= thanks.until) return false;
  if (sale === null || sale.saleId === thanks.saleId) return true;
  return sale.lines.length === 0;
}
