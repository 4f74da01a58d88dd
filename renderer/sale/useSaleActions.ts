// Everything the cashier can do to the sale, as calls to main. Each successful answer is folded into the
// view; each failure goes to the banner (with a beep) and leaves the view as main last described it.
// A removed line can be brought back for a few seconds (lineUndo.ts); an unknown barcode is remembered with the
// message that announced it, so the screen can show the code next to that message.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type { CompletedSale, ErrorData, Sale } from '../../preload/contract/schemas';
import { MAX_QUANTITY, MIN_QUANTITY } from '../format/money';
import { clientError, notice } from '../i18n/messages';
import { safetyError } from '../scanner/safetyMessages';
import type { BannerControls } from '../shell/useBanner';
import { removedLineOf, restoreTarget, undoable, UNDO_MS, type RemovedLine } from './lineUndo';
import type { SaleStore } from './saleStore';
import { weighedError } from './weighed';

/** A scan main did not find in the catalog, and the very message that said so (compared by identity). */
export interface UnknownScan {
  barcode: string;
  message: ErrorData;
}

/** An item sold by weight main asked the weight of (WEIGHT_REQUIRED): by the code scanned or typed, or from search. */
export type Weighing = { barcode: string } | { productId: number };

export interface SaleActions {
  scan(barcode: string): Promise<void>;
  /** The item waiting for its weight, while the weight prompt is up. */
  weighing: Weighing | null;
  /** Rings up the waiting item with the weight typed (grams); true once main took it. */
  weigh(grams: number): Promise<boolean>;
  cancelWeighing(): void;
  addProduct(productId: number): Promise<void>;
  setQuantity(lineId: string, quantity: number): Promise<boolean>;
  /** + / - on the highlighted line; - at quantity 1 removes the line (with undo). */
  bumpQuantity(delta: number): Promise<void>;
  removeLine(lineId: string): Promise<void>;
  /** Brings back the line removed last (Ctrl+Z, the toast's button). */
  undoRemove(): Promise<void>;
  dismissUndo(): void;
  /** A scan refused as unknown, told the same way as the wedge's (a serial scanner in main). */
  scanRejected(barcode: string, error: ErrorData): void;
  voidSale(): Promise<boolean>;
  /** A sale main made the open one again (a parked sale recalled): shown, though this view had moved on from it. */
  adopt(sale: Sale): void;
  /** Resolves to the completed sale, or null if main refused (the banner says why). */
  /** Cash; with `voucherNo`, a store credit voucher pays first and the cash the rest (main decides how much). */
  tenderCash(tenderedHalalas: number, voucherNo?: string): Promise<CompletedSale | null>;
  tendering: boolean;
  /** The line removed last, while it can still be brought back. */
  removed: RemovedLine | null;
  unknownScan: UnknownScan | null;
}

/** A scan whose item is not in the catalog (a product code, or a scale label's PLU): the banner shows the code scanned. */
const UNKNOWN_ITEM = new Set(['BARCODE_UNKNOWN', 'SCALE_ITEM_UNKNOWN']);

export function useSaleActions(api: NuqtaApi, store: SaleStore, banner: BannerControls): SaleActions {
  const [tendering, setTendering] = useState(false);
  const [removed, setRemoved] = useState<RemovedLine | null>(null);
  const [unknownScan, setUnknownScan] = useState<UnknownScan | null>(null);
  const [weighing, setWeighing] = useState<Weighing | null>(null);
  const tenderInFlight = useRef(false);
  // Quick + + + presses must add up even before main's answers arrive, so the last quantity asked for
  // (not the one on screen) is the base for the next press.
  const intended = useRef<{ lineId: string; quantity: number; inFlight: number } | null>(null);
  /** Lines whose removal is on its way to main: a second − or Delete on them is not sent again. */
  const removing = useRef(new Set<string>());
  const lastRemoved = useRef<RemovedLine | null>(null);

  // The undo is offered for UNDO_MS; after that the toast goes by itself.
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved((r) => (r === removed ? null : r)), Math.max(0, removed.at + UNDO_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [removed]);

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

    const remember = (next: RemovedLine | null): void => {
      lastRemoved.current = next;
      setRemoved(next);
    };

    const removeLine = async (lineId: string, reason: RemovedLine['reason']): Promise<void> => {
      if (removing.current.has(lineId)) return;
      const gone = removedLineOf(store.getView().sale, lineId, reason, Date.now());
      removing.current.add(lineId);
      try {
        const sale = await run(api.removeLine({ lineId }));
        if (!sale) return;
        store.accept(sale);
        if (gone) remember({ ...gone, at: Date.now() });
      } finally {
        removing.current.delete(lineId);
      }
    };

    const noteUnknown = (barcode: string, error: ErrorData): void => {
      setUnknownScan({ barcode, message: error });
      banner.error(error);
    };

    return {
      async scan(barcode: string) {
        const r = await api.scanBarcode({ barcode });
        if (r.ok) {
          banner.clear();
          store.accept(r.value);
        } else if (UNKNOWN_ITEM.has(r.error.code)) {
          noteUnknown(barcode, r.error);
        } else if (r.error.code === 'WEIGHT_REQUIRED') {
          banner.clear();
          setWeighing({ barcode });
        } else {
          banner.error(r.error);
        }
      },
      scanRejected(barcode: string, error: ErrorData) {
        if (UNKNOWN_ITEM.has(error.code)) noteUnknown(barcode, error);
        else banner.error(error);
      },
      async addProduct(productId: number) {
        const r = await api.addProduct({ productId });
        if (r.ok) {
          banner.clear();
          store.accept(r.value);
        } else if (r.error.code === 'WEIGHT_REQUIRED') {
          banner.clear();
          setWeighing({ productId });
        } else {
          banner.error(r.error);
        }
      },
      setQuantity,
      async bumpQuantity(delta: number) {
        const { sale, selectedLineId } = store.getView();
        const line = sale?.lines.find((l) => l.lineId === selectedLineId);
        if (!line) {
          banner.error(clientError('NO_LINE_SELECTED'));
          return;
        }
        // A weighed line's quantity is grams: + must not add a gram. Its weight is changed in the quantity prompt.
        if (line.soldBy === 'kg') {
          banner.error(weighedError('noBump'));
          return;
        }
        const pending = intended.current?.lineId === line.lineId && intended.current.inFlight > 0 ? intended.current : null;
        const quantity = (pending?.quantity ?? line.quantity) + delta;
        // − at 1 takes the line off, and says so with the undo (Delete does the same).
        if (quantity < MIN_QUANTITY) {
          if (!pending) await removeLine(line.lineId, 'minus');
          return;
        }
        if (quantity > MAX_QUANTITY) return;
        const mine = { lineId: line.lineId, quantity, inFlight: (pending?.inFlight ?? 0) + 1 };
        intended.current = mine;
        await setQuantity(line.lineId, quantity);
        if (intended.current?.lineId === line.lineId) intended.current.inFlight -= 1;
      },
      removeLine: (lineId: string) => removeLine(lineId, 'delete'),
      async undoRemove() {
        const gone = lastRemoved.current;
        const before = store.getView().sale;
        if (!undoable(gone, before, Date.now()) || !before) {
          remember(null);
          banner.error(safetyError('NOTHING_TO_UNDO'));
          return;
        }
        remember(null); // Once: a second Ctrl+Z must not add the product twice.
        const after = await run(api.addProduct({ productId: gone.productId }));
        if (!after) return;
        store.accept(after);
        const target = restoreTarget(before, after, gone);
        if (target) await setQuantity(target.lineId, target.quantity);
      },
      adopt(sale: Sale) {
        store.accept(sale, true);
      },
      dismissUndo() {
        remember(null);
      },
      async voidSale() {
        const sale = await run(api.voidSale({}));
        if (!sale) return false;
        store.accept(sale);
        banner.info(notice('SALE_VOIDED'));
        return true;
      },
      async tenderCash(tenderedHalalas: number, voucherNo?: string) {
        if (tenderInFlight.current) return null; // Never two tenders for one sale.
        tenderInFlight.current = true;
        setTendering(true);
        try {
          const done = await run(api.tenderCash({ tenderedHalalas, ...(voucherNo ? { voucherNo } : {}) }));
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

  const weigh = async (grams: number): Promise<boolean> => {
    if (!weighing) return false;
    const r = await ('barcode' in weighing ? api.scanBarcode({ barcode: weighing.barcode, grams }) : api.addProduct({ productId: weighing.productId, grams }));
    if (!r.ok) {
      banner.error(r.error);
      return false;
    }
    banner.clear();
    store.accept(r.value);
    setWeighing(null);
    return true;
  };

  return { ...actions, tendering, removed, unknownScan, weighing, weigh, cancelWeighing: () => setWeighing(null) };
}
