// What the cashier types, picks or scans: the scan field's text, the live search under it, and the wedge scanner
// caught anywhere on the page. An item goes to main the same way however it came (actions.scan / addProduct), and
// the cashier moving on dismisses the last sale's receipt.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ProductHit } from '../../preload/contract/schemas';
import type { SaleActions } from '../sale/useSaleActions';
import type { BannerControls } from '../shell/useBanner';
import type { TillDialogControls } from '../shell/useTillDialogs';
import { scanTargetFor } from './scanTargets';
import { asTypedBarcode, searchTextOf } from './searchQuery';
import { useCatalogSearch, type SearchState } from './useCatalogSearch';
import { useWedge } from './useWedge';

interface Options {
  api: NuqtaApi;
  actions: Pick<SaleActions, 'scan' | 'addProduct'>;
  banner: BannerControls;
  dialogs: Pick<TillDialogControls, 'completed' | 'dismissCompleted' | 'scanned'>;
}

export interface ScanInput {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  results: SearchState | null;
  onChange(value: string): void;
  onSubmit(): void;
  onEscape(): void;
  onArrow(delta: number): void;
  addHit(hit: ProductHit): void;
}

export function useScanInput({ api, actions, banner, dialogs }: Options): ScanInput {
  const [query, setQuery] = useState('');
  const search = useCatalogSearch(api, query);
  const results = search.results;
  const inputRef = useRef<HTMLInputElement>(null);

  const clearSearch = search.clear;
  const clearField = useCallback(() => {
    setQuery('');
    clearSearch();
  }, [clearSearch]);

  const addHit = (hit: ProductHit): void => {
    clearField();
    dialogs.dismissCompleted();
    void actions.addProduct(hit.productId);
  };

  useWedge((barcode, typed, target) => {
    // A manager's field (PIN, RRN, receipt number) keeps what was typed into it, however fast.
    const take = scanTargetFor(target);
    if (take) return take(barcode, typed);
    // Take back what the scanner typed under the active layout (ض ص ث… or ١٢٣…); anything before it stays.
    if (target === inputRef.current) setQuery((q) => (q.endsWith(typed) ? q.slice(0, q.length - typed.length) : ''));
    // A scan during payment or a prompt means the cashier is adding an item; a payment in flight stays on
    // screen (main refuses the item until the payment is settled).
    dialogs.scanned();
    void actions.scan(barcode);
  });

  const onSubmit = (): void => {
    if (query.trim() === '') {
      dialogs.dismissCompleted();
      return;
    }
    const text = searchTextOf(query);
    if (text !== null) {
      // Add what is highlighted only if the list is for what was typed; a fast typist's Enter can beat the
      // debounce, and then the first match for the full text is what they meant, not a stale list's pick.
      if (results?.query === text) {
        const hit = results.hits[results.active];
        if (hit) addHit(hit);
        return;
      }
      void search.searchNow(query).then((fresh) => {
        const first = fresh?.hits[0];
        if (first) addHit(first);
      });
      return;
    }
    const barcode = asTypedBarcode(query);
    if (barcode !== null) {
      clearField();
      dialogs.dismissCompleted();
      void actions.scan(barcode);
    }
  };

  const onEscape = (): void => {
    if (dialogs.completed) dialogs.dismissCompleted();
    else if (query !== '') clearField();
    else banner.clear();
  };

  const onChange = (value: string): void => {
    setQuery(value);
    dialogs.dismissCompleted();
  };

  return { inputRef, query, results, onChange, onSubmit, onEscape, onArrow: search.move, addHit };
}
