// Everything the cashier can do to the sale, as calls to main. Each successful answer is folded into the
// view; each failure goes to the banner (with a beep) and leaves the view as main last described it.
import { useMemo, useRef, useState } from 'react';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type { CompletedSale } from '../../preload/contract/schemas';
import { MAX_QUANTITY, MIN_QUANTITY } from '../format/money';
import { clientError, notice } from '../i18n/messages';
import type { BannerControls } from '../shell/useBanner';
import type { SaleStore } from './saleStore';

export interface SaleActions {
  scan(barcode: string): Promise<void>;
  addProduct(productId: number): Promise<void>;
  setQuantity(lineId: string, quantity: number): Promise<boolean>;
  /** + / - on the highlighted line. */
  bumpQuantity(delta: number): Promise<void>;
  removeLine(lineId: string): Promise<void>;
  voidSale(): Promise<boolean>;
  /** Resolves to the completed sale, or null if main refused (the banner says why). */
  tenderCash(tenderedHalalas: number): Promise<CompletedSale | null>;
  tendering: boolean;
}

export function useSaleActions(api: NuqtaApi, store: SaleStore, banner: BannerControls): SaleActions {
  const [tendering, setTendering] = useState(false);
  const tenderInFlight = useRef(false);
  // Quick + + + presses must add up even before main's answers arrive, so the last quantity asked for
  // (not the one on screen) is the base for the next press.
  const intended = useRef<{ lineId: string; quantity: number; inFlight: number } | null>(null);

  const actions = useMemo(() => {
    const run = async <T,>(call: Promise<Result<T>>): Promise<T | null> => {
      const r = await call;
      if (r.ok) {
        banner.clear();
        return r.value;
      }
      banner.error(r.error);
      return null;
    };

    const setQuantity = async (lineId: string, quantity: number): Promise<boolean> => {
      const sale = await run(api.setQuantity({ lineId, quantity }));
      if (sale) store.accept(sale);
      return sale !== null;
    };

    return {
      async scan(barcode: string) {
        const sale = await run(api.scanBarcode({ barcode }));
        if (sale) store.accept(sale);
      },
      async addProduct(productId: number) {
        const sale = await run(api.addProduct({ productId }));
        if (sale) store.accept(sale);
      },
      setQuantity,
      async bumpQuantity(delta: number) {
        const { sale, selectedLineId } = store.getView();
        const line = sale?.lines.find((l) => l.lineId === selectedLineId);
        if (!line) {
          banner.error(clientError('NO_LINE_SELECTED'));
          return;
        }
        const pending = intended.current?.lineId === line.lineId && intended.current.inFlight > 0 ? intended.current : null;
        const quantity = (pending?.quantity ?? line.quantity) + delta;
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) return; // Delete removes; - stops at 1.
        const mine = { lineId: line.lineId, quantity, inFlight: (pending?.inFlight ?? 0) + 1 };
        intended.current = mine;
        await setQuantity(line.lineId, quantity);
        if (intended.current?.lineId === line.lineId) intended.current.inFlight -= 1;
      },
      async removeLine(lineId: string) {
        const sale = await run(api.removeLine({ lineId }));
        if (sale) store.accept(sale);
      },
      async voidSale() {
        const sale = await run(api.voidSale({}));
        if (!sale) return false;
        store.accept(sale);
        banner.info(notice('SALE_VOIDED'));
        return true;
      },
      async tenderCash(tenderedHalalas: number) {
        if (tenderInFlight.current) return null; // Never two tenders for one sale.
        tenderInFlight.current = true;
        setTendering(true);
        try {
          const done = await run(api.tenderCash({ tenderedHalalas }));
          if (!done) return null;
          store.retire(done.receipt.saleId);
          store.accept(done.next);
          return done;
        } finally {
          tenderInFlight.current = false;
          setTendering(false);
        }
      },
    };
  }, [api, store, banner]);

  return { ...actions, tendering };
}
