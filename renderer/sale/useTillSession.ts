// Keeps the screen in step with main: loads the till and the sale whenever the link (re)connects, and
// folds every "sale changed" event into the view.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorData, TillInfo } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';
import { useLatest } from '../shell/useLatest';
import { SaleStore } from './saleStore';
import type { SaleView } from './saleState';

interface Callbacks {
  /** The first TillInfo of this page load (its preferences decide the language). */
  onFirstTill(till: TillInfo): void;
  onError(error: ErrorData): void;
}

export interface TillSession {
  store: SaleStore;
  view: SaleView;
  till: TillInfo | null;
  /** getTill has answered at least once (with the till or an error). */
  tillSettled: boolean;
  /** Reads getTill again (the customer display, when the till switches into or out of training). */
  reloadTill(): Promise<void>;
}

export function useTillSession(carrier: Carrier, callbacks: Callbacks): TillSession {
  const { api, connection } = carrier;
  const store = useMemo(() => new SaleStore(), []);
  const view = useSyncExternalStore(store.subscribe, store.getView);
  const [till, setTill] = useState<TillInfo | null>(null);
  const [tillSettled, setTillSettled] = useState(false);
  const cb = useLatest(callbacks);
  const firstTill = useRef(true);

  const refreshSale = useCallback(async () => {
    const r = await api.getSale({});
    if (r.ok) store.accept(r.value, true);
    else cb.current.onError(r.error);
  }, [api, store, cb]);

  const loadTill = useCallback(async () => {
    const r = await api.getTill({});
    if (r.ok) {
      setTill(r.value);
      if (firstTill.current) {
        firstTill.current = false;
        cb.current.onFirstTill(r.value);
      }
    } else {
      cb.current.onError(r.error);
    }
    setTillSettled(true);
  }, [api, cb]);

  useEffect(() => {
    store.onStale = () => void refreshSale();
  }, [store, refreshSale]);

  useEffect(() => api.onSaleChanged((sale) => store.accept(sale)), [api, store]);

  // Initial load and every reconnection: whatever happened while the link was down, main has the truth.
  useEffect(
    () =>
      connection.onConnected(() => {
        void loadTill();
        void refreshSale();
      }),
    [connection, loadTill, refreshSale],
  );

  return { store, view, till, tillSettled, reloadTill: loadTill };
}
