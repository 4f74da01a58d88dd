// A tiny external store around the pure sale rules, read by React with useSyncExternalStore. It lives
// outside React state so event handlers always fold into the latest view, never a stale closure.
import type { Sale } from '../../preload/contract/schemas';
import { acceptSale, emptyView, moveSelection, retireSale, selectLine, type SaleView } from './saleState';

export class SaleStore {
  private view: SaleView = emptyView;
  private readonly listeners = new Set<() => void>();
  /** Called when the shown sale was closed elsewhere and the current one must be fetched. */
  onStale: () => void = () => {};

  readonly getView = (): SaleView => this.view;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  accept(sale: Sale, authoritative = false): void {
    const { view, refetch } = acceptSale(this.view, sale, authoritative);
    this.set(view);
    if (refetch) this.onStale();
  }

  retire(saleId: string): void {
    this.set(retireSale(this.view, saleId));
  }

  move(delta: number): void {
    this.set(moveSelection(this.view, delta));
  }

  select(lineId: string): void {
    this.set(selectLine(this.view, lineId));
  }

  private set(view: SaleView): void {
    if (view === this.view) return;
    this.view = view;
    for (const l of [...this.listeners]) l();
  }
}
