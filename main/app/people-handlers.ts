// The people methods (sign-in, lock, who is signed in) mapped to main/people, and the gate every sale method
// passes: while the till is locked main refuses it with SIGNED_OUT — the renderer's sign-in screen is only a
// view of that. Reads (the sale, the catalog, receipts, health) stay open: the locked screen may show them.
import type { Handlers } from '../ipc';
import type { TillSessionDesk } from '../people';

export type PeopleHandlers = Pick<Handlers, 'currentUser' | 'signIn' | 'signOut'>;

export function createPeopleHandlers(session: TillSessionDesk): PeopleHandlers {
  return {
    currentUser: () => session.current(),
    signIn: (input) => session.signIn(input),
    signOut: () => session.signOut('lock'),
  };
}

/**
 * The methods that change a sale, take or give back money, or open the drawer: each needs a signed-in user.
 * A method added for the sale (parked sales, weighed goods, discounts) belongs in this list too.
 */
export const SIGNED_IN_METHODS = [
  'scanBarcode',
  'addProduct',
  'setQuantity',
  'removeLine',
  'setLineDiscount',
  'setSaleDiscount',
  'overridePrice',
  'voidSale',
  'tenderCash',
  'payCard',
  'payStcPay',
  'submitStcPayOtp',
  'setSaleBuyer',
  'removeSaleBuyer',
  'returnSale',
  'settleReturnRequest',
  'payReturnCash',
  'openDrawer',
  'openShift',
  'cashMovement',
  'closeShift',
  'parkSale',
  'listParkedSales',
  'recallSale',
  'voidParkedSale',
] as const satisfies ReadonlyArray<keyof Handlers>;

export function withSignInGate(session: Pick<TillSessionDesk, 'requireSignedIn'>, handlers: Handlers): Handlers {
  const gated: Handlers = { ...handlers };
  for (const name of SIGNED_IN_METHODS) {
    const handler = handlers[name] as (input: unknown) => unknown;
    (gated as Record<string, (input: unknown) => unknown>)[name] = (input) => {
      session.requireSignedIn();
      return handler(input);
    };
  }
  return gated;
}
