// Parked sales at the counter (main/checkout, docs/parked-sales.md). Not behind the shift gate: parking, recalling
// and voiding move no money, and a parked sale is paid through the gated payment methods like any open sale.
import type { Handlers } from '../ipc';
import type { Checkout } from '../checkout';

export type ParkedHandlers = Pick<Handlers, 'parkSale' | 'listParkedSales' | 'recallSale' | 'voidParkedSale'>;

export function createParkedHandlers(checkout: Pick<Checkout, 'parkSale' | 'parkedSales' | 'recallSale' | 'voidParkedSale'>): ParkedHandlers {
  return {
    parkSale: () => checkout.parkSale(),
    listParkedSales: () => checkout.parkedSales(),
    recallSale: ({ saleId }) => checkout.recallSale(saleId),
    voidParkedSale: ({ saleId }) => checkout.voidParkedSale(saleId),
  };
}
