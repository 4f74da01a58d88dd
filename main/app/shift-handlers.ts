// The shift screen's methods, mapped to main/shifts, and the gate every sale passes: a sale starts (its first
// item) and is paid (cash, card, STC Pay) or refunded (a return) only on an open shift. A live till refuses
// with SHIFT_NOT_OPEN; a demo till opens a shift by itself so the demo sells out of the box. The gate sits here,
// in front of checkout, payments and returns, which know nothing of shifts.
import type { Handlers } from '../ipc';
import type { Shifts } from '../shifts';

export type ShiftHandlers = Pick<Handlers, 'getShift' | 'openShift' | 'cashMovement' | 'closeShift' | 'approveShiftClose'>;

export function createShiftHandlers(shifts: Shifts): ShiftHandlers {
  return {
    getShift: () => shifts.status(),
    openShift: ({ float }) => shifts.openShift(float),
    cashMovement: (input) => shifts.cashMovement(input),
    closeShift: ({ count }) => shifts.closeShift(count),
    approveShiftClose: ({ managerPin, reason }) => shifts.approveClose(managerPin, reason),
  };
}

/** The methods that start a sale, take its money or give money back: each needs the shift. */
export const SHIFT_GATED_METHODS = ['scanBarcode', 'addProduct', 'tenderCash', 'payCard', 'payStcPay', 'returnSale'] as const satisfies ReadonlyArray<keyof Handlers>;

export function withShiftGate(shifts: Pick<Shifts, 'requireOpenForSale'>, handlers: Handlers): Handlers {
  const gated: Handlers = { ...handlers };
  for (const name of SHIFT_GATED_METHODS) {
    const handler = handlers[name] as (input: unknown) => unknown;
    (gated as Record<string, (input: unknown) => unknown>)[name] = (input) => {
      shifts.requireOpenForSale();
      return handler(input);
    };
  }
  return gated;
}
