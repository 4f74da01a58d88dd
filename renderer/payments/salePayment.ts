// What card and STC Pay payments mean for the sale on screen: is it locked, what is paid, what is still due.
// Pure; main enforces the same rules, the view only uses them to disable what would be refused anyway and say why.
import type { CardTender, IntentState, Sale } from '../../preload/contract/schemas';

/** `busy`: a card or STC Pay payment is in flight; `unknown`: nobody knows yet whether the customer paid. */
export type PaymentLock = 'none' | 'busy' | 'unknown';

const IN_FLIGHT: ReadonlySet<IntentState> = new Set(['sending', 'awaiting', 'reversing']);

export function paymentLock(sale: Sale | null): PaymentLock {
  const payment = sale?.payment;
  if (!payment) return 'none';
  if (payment.state === 'unknown') return 'unknown';
  // Anything else main still holds on the sale (in flight, or a state it has not cleared yet) locks it too.
  return 'busy';
}

/** The payment is one the terminal is working on right now (the customer may be at the terminal). */
export function paymentInFlight(sale: Sale | null): boolean {
  const payment = sale?.payment;
  return payment != null && IN_FLIGHT.has(payment.state);
}

export function paidHalalas(sale: Sale | null): number {
  return (sale?.tenders ?? []).reduce((sum, t) => sum + t.amountHalalas, 0);
}

/** What main would answer if the cashier tried to change the lines now, or null if they may. */
export function lineChangeBlock(sale: Sale | null): 'PAYMENT_PENDING' | 'SALE_HAS_PAYMENTS' | null {
  if (!sale) return null;
  if (sale.payment) return 'PAYMENT_PENDING';
  if (sale.tenders.length > 0) return 'SALE_HAS_PAYMENTS';
  return null;
}

/** What main would answer if the cashier tried to pay (cash or card) now, or null if they may. */
export function payBlock(sale: Sale | null): 'SALE_EMPTY' | 'PAYMENT_PENDING' | null {
  if (!sale || sale.lines.length === 0) return 'SALE_EMPTY';
  if (sale.payment) return 'PAYMENT_PENDING';
  return null;
}

/** Card and STC Pay payments already on the sale cover all of it: only "complete" is left (a cash tender of 0). */
export function fullyPaidByTenders(sale: Sale | null): boolean {
  return sale !== null && sale.lines.length > 0 && sale.tenders.length > 0 && sale.dueHalalas === 0;
}

export function tenderOf(sale: Sale | null, intentId: string): CardTender | null {
  return sale?.tenders.find((t) => t.intentId === intentId) ?? null;
}
