// Parked sales at the counter (main/checkout, docs/parked-sales.md). Not behind the shift gate: parking, recalling
// and voiding move no money, and a parked sale is paid through the gated payment methods like any open sale.
// A parked sale is its owner's: a cashier recalls or voids only their own (or one nobody owns); a supervisor or
// above may take over another's — the one who rang it up may have gone home, and the customer is still waiting.
import { roleMayApprove } from '../../preload/contract';
import type { Handlers } from '../ipc';
import type { Checkout } from '../checkout';
import { TillError } from '../errors';
import type { TillSessionDesk } from '../people';

export type ParkedHandlers = Pick<Handlers, 'parkSale' | 'listParkedSales' | 'recallSale' | 'voidParkedSale'>;

export function createParkedHandlers(
  checkout: Pick<Checkout, 'parkSale' | 'parkedSales' | 'parkedOwner' | 'recallSale' | 'voidParkedSale'>,
  people: Pick<TillSessionDesk, 'signedIn'>,
): ParkedHandlers {
  /** Refuses a cashier another's parked sale; a till with nobody signed in (no users yet) refuses nothing. */
  const assertMayTake = (saleId: string) => {
    const owner = checkout.parkedOwner(saleId);
    const user = people.signedIn();
    if (!user || !owner || owner.id === user.id || roleMayApprove(user.role, 'approve:supervisor')) return;
    throw new TillError('PARKED_SALE_NOT_YOURS', `${saleId}: ${owner.id}, asked by ${user.id}`);
  };
  return {
    parkSale: () => checkout.parkSale(),
    listParkedSales: () => checkout.parkedSales(),
    recallSale: ({ saleId }) => {
      assertMayTake(saleId);
      return checkout.recallSale(saleId);
    },
    voidParkedSale: ({ saleId }) => {
      assertMayTake(saleId);
      return checkout.voidParkedSale(saleId);
    },
  };
}
