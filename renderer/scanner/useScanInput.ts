// What the cashier types, picks or scans: the scan field's text, the live search under it, and the wedge scanner
// caught anywhere on the page. An item goes to main the same way however it came (actions.scan / addProduct), and
// the cashier moving on dismisses the last sale's receipt.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ProductHit } from '../../preload/contract/schemas';
import type { SaleActions } from '../sale/useSaleActions';
import type { BannerControls } from '../shell/useBanner';
import type { TillDialogControls } from '../shell/useTillDialogs';
import { safetyError } from './safetyMessages';
import { scanTargetFor, takeScan } from './scanTargets';
import { ScanText } from './scanText';
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
  /** The field's text, outside React state (./scanText.ts): read it with `get()` where it is acted on. */
  text: ScanText;
  results: SearchState | null;
  /** The cashier asked to find an item by name: the field says so until it is cleared. */
  mode: 'scan' | 'name-search';
  onChange(value: string): void;
  onSubmit(): void;
  onEscape(): void;
  onArrow(delta: number): void;
  addHit(hit: ProductHit): void;
  /** Search by name (after an unknown barcode, Ctrl+F): the field, emptied, with the keyboard. */
  openNameSearch(): void;
}

export function useScanInput({ api, actions, banner, dialogs }: Options): ScanInput {
  const [text] = useState(() => new ScanText());
  const [mode, setMode] = useState<ScanInput['mode']>('scan');
  const search = useCatalogSearch(api, text);
  const results = search.results;
  const inputRef = useRef<HTMLInputElement>(null);

  const clearSearch = search.clear;
  const clearField = useCallback(() => {
    text.set('');
    setMode('scan');
    clearSearch();
  }, [text, clearSearch]);

  const addHit = (hit: ProductHit): void => {
    clearField();
    dialogs.dismissCompleted();
    void actions.addProduct(hit.productId);
  };

  useWedge(({ barcode, typed, valueBefore, target }) => {
    // A manager's field (RRN, receipt number) keeps what was typed into it, however fast; the PIN refuses it.
    const field = scanTargetFor(target);
    if (field?.kind === 'take') return takeScan(field.take, barcode, typed);
    if (field?.kind === 'refuse') {
      field.clear();
      banner.error(safetyError('SCAN_NOT_A_PIN'));
      return;
    }
    // Take back whatever the scanner typed under the active layout (ض ص ث…, ١٢٣…, "لا" for one key, or a key that
    // reported nothing): the field goes back to what it held before the scan's first key. Its search goes with it.
    if (target === inputRef.current) {
      text.set(valueBefore ?? '');
      setMode('scan');
      if (!valueBefore) clearSearch();
    }
    // A scan during payment or a prompt means the cashier is adding an item; a payment in flight stays on
    // screen (main refuses the item until the payment is settled).
    dialogs.scanned();
    void actions.scan(barcode);
  });

  const onSubmit = (): void => {
    const query = text.get();
    if (query.trim() === '') {
      dialogs.dismissCompleted();
      return;
    }
    const searched = searchTextOf(query);
    if (searched !== null) {
      // Add what is highlighted only if the list is for what was typed; a fast typist's Enter can beat the
      // debounce, and then the first match for the full text is what they meant, not a stale list's pick.
      if (results?.query === searched) {
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
    else if (text.get() !== '' || mode !== 'scan') clearField();
    else banner.clear();
  };

  const onChange = (value: string): void => {
    text.set(value);
    if (value === '') setMode('scan');
    // Only when there is a receipt to put away: a dispatch would draw the till again for every key typed.
    if (dialogs.completed) dialogs.dismissCompleted();
  };

  const openNameSearch = useCallback((): void => {
    clearField();
    setMode('name-search');
    banner.clear(); // The message that led here has been acted on.
    inputRef.current?.focus();
  }, [clearField, banner]);

  return { inputRef, text, results, mode, onChange, onSubmit, onEscape, onArrow: search.move, addHit, openNameSearch };
}
