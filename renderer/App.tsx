// The till screen: wires the session (what main says), the cashier's keys and the panels together.
// Components below only render and report; the decisions about what a key or a scan means are made here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletedSale, ProductHit } from '../preload/contract/schemas';
import type { Carrier } from './api/carrier';
import { useConnectionState } from './api/useConnectionState';
import { FormatProvider } from './format/FormatContext';
import { clientError } from './i18n/messages';
import { usePreferences } from './i18n/usePreferences';
import type { HotkeyAction } from './keys/hotkeys';
import { useFocusKeeper } from './keys/useFocusKeeper';
import { useHotkeys } from './keys/useHotkeys';
import { CompletedView } from './receipt/CompletedView';
import { QuantityPrompt } from './sale/QuantityPrompt';
import { SaleLines } from './sale/SaleLines';
import { TotalsPanel } from './sale/TotalsPanel';
import { VoidConfirm } from './sale/VoidConfirm';
import { useSaleActions } from './sale/useSaleActions';
import { useTillSession } from './sale/useTillSession';
import { ScanField } from './scanner/ScanField';
import { SearchResults, hitOptionId } from './scanner/SearchResults';
import { asTypedBarcode, searchTextOf } from './scanner/searchQuery';
import { useCatalogSearch } from './scanner/useCatalogSearch';
import { useWedge } from './scanner/useWedge';
import { KeyLegend } from './shell/KeyLegend';
import { MessageBanner } from './shell/MessageBanner';
import { TopBar } from './shell/TopBar';
import { useBanner } from './shell/useBanner';
import { useStableCallback } from './shell/useLatest';
import { TenderPanel } from './tender/TenderPanel';

type DialogKind = 'none' | 'tender' | 'quantity' | 'void';

export function App({ carrier }: { carrier: Carrier }) {
  const { api } = carrier;
  const connectionState = useConnectionState(carrier.connection);
  const { banner, controls: messages } = useBanner();
  const preferences = usePreferences(api, messages.error);
  const session = useTillSession(carrier, {
    onFirstTill: (till) => preferences.adopt(till.preferences),
    onError: messages.error,
  });
  const { store, view, till } = session;
  const actions = useSaleActions(api, store, messages);

  const [query, setQuery] = useState('');
  const search = useCatalogSearch(api, query);
  const [dialog, setDialog] = useState<DialogKind>('none');
  const [completed, setCompleted] = useState<CompletedSale | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const sale = view.sale;
  const lines = sale?.lines ?? [];
  const selectedLine = lines.find((l) => l.lineId === view.selectedLineId) ?? null;
  const results = search.results;
  // A dialog whose subject went away (another view emptied the sale or removed the line) is closed.
  const openDialog: DialogKind =
    (dialog === 'quantity' && !selectedLine) || (dialog !== 'none' && lines.length === 0) ? 'none' : dialog;
  useEffect(() => {
    if (openDialog !== dialog) setDialog(openDialog); // ...and stays closed when lines come back.
  }, [openDialog, dialog]);

  useFocusKeeper(scanRef, openDialog !== 'none');

  // End-to-end tests wait for this: the first sale (and the till's saved language) are on screen.
  const ready = sale !== null && session.tillSettled;
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = '1';
  }, [ready]);

  const closeDialog = useCallback(() => setDialog('none'), []);
  const dismissCompleted = useCallback(() => setCompleted(null), []);
  const clearSearch = search.clear;
  const clearField = useCallback(() => {
    setQuery('');
    clearSearch();
  }, [clearSearch]);

  const addHit = (hit: ProductHit): void => {
    clearField();
    setCompleted(null);
    void actions.addProduct(hit.productId);
  };

  useWedge((barcode, typed, target) => {
    // Take back what the scanner typed under the active layout (ض ص ث… or ١٢٣…); anything before it stays.
    if (target === scanRef.current) setQuery((q) => (q.endsWith(typed) ? q.slice(0, q.length - typed.length) : ''));
    setDialog('none'); // A scan during payment or a prompt means the cashier is adding an item.
    setCompleted(null);
    void actions.scan(barcode);
  });

  const onSubmit = (): void => {
    if (query.trim() === '') {
      setCompleted(null);
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
      setCompleted(null);
      void actions.scan(barcode);
    }
  };

  const onEscape = (): void => {
    if (completed) setCompleted(null);
    else if (query !== '') clearField();
    else messages.clear();
  };

  const needLines = (): boolean => {
    if (lines.length > 0) return true;
    messages.error(clientError('SALE_EMPTY'));
    return false;
  };
  const needSelection = (): string | null => {
    if (selectedLine) return selectedLine.lineId;
    messages.error(clientError(lines.length === 0 ? 'SALE_EMPTY' : 'NO_LINE_SELECTED'));
    return null;
  };

  const openTender = useStableCallback((): void => {
    setCompleted(null);
    if (needLines()) setDialog('tender');
  });
  const openVoid = useStableCallback((): void => {
    setCompleted(null);
    if (needLines()) setDialog('void');
  });
  const openQuantity = useStableCallback((): void => {
    setCompleted(null);
    if (needSelection()) setDialog('quantity');
  });
  const selectLine = useStableCallback((lineId: string): void => store.select(lineId));
  const removeLine = useStableCallback((lineId: string): void => void actions.removeLine(lineId));
  const removeSelected = (): void => {
    const lineId = needSelection();
    if (lineId) void actions.removeLine(lineId);
  };

  const onHotkey = (action: HotkeyAction): void => {
    if (action !== 'toggleLocale' && action !== 'toggleDigits') setCompleted(null);
    switch (action) {
      case 'toggleLocale':
        return preferences.toggleLocale();
      case 'toggleDigits':
        return preferences.toggleDigits();
      case 'payCash':
        return openTender();
      case 'voidSale':
        return openVoid();
      case 'quantityPrompt':
        return openQuantity();
      case 'removeLine':
        return removeSelected();
      case 'selectPrevLine':
        return store.move(-1);
      case 'selectNextLine':
        return store.move(1);
      case 'quantityUp':
        return void actions.bumpQuantity(1);
      case 'quantityDown':
        return void actions.bumpQuantity(-1);
    }
  };
  useHotkeys({ dialogOpen: openDialog !== 'none', scanFieldEmpty: query === '' }, onHotkey);

  const tender = async (halalas: number): Promise<void> => {
    const done = await actions.tenderCash(halalas);
    if (!done) return;
    setDialog('none');
    setCompleted(done);
  };

  const confirmVoid = async (): Promise<void> => {
    setDialog('none');
    await actions.voidSale();
  };

  const setQuantity = async (quantity: number): Promise<void> => {
    if (!selectedLine) return setDialog('none');
    if (await actions.setQuantity(selectedLine.lineId, quantity)) setDialog('none');
  };

  const { locale, digits } = preferences.prefs;
  return (
    <FormatProvider locale={locale} digits={digits}>
      <div className={openDialog === 'none' ? 'app' : 'app app--dialog'}>
        <TopBar
          till={till}
          connection={connectionState}
          locale={locale}
          digits={digits}
          onToggleLocale={preferences.toggleLocale}
          onToggleDigits={preferences.toggleDigits}
        />
        <main className="workspace">
          <section className="sale">
            <div className="sale__scan">
              <ScanField
                inputRef={scanRef}
                value={query}
                resultsOpen={results !== null}
                activeOptionId={results && results.hits.length > 0 ? hitOptionId(results.active) : undefined}
                onChange={(value) => {
                  setQuery(value);
                  setCompleted(null);
                }}
                onSubmit={onSubmit}
                onEscape={onEscape}
                onArrow={search.move}
              />
              {results && <SearchResults results={results} onPick={addHit} />}
            </div>
            <MessageBanner banner={banner} locale={locale} />
            <SaleLines
              sale={sale}
              selectedLineId={view.selectedLineId}
              onSelect={selectLine}
              onRemove={removeLine}
            />
          </section>
          <TotalsPanel sale={sale} onPayCash={openTender} onQuantity={openQuantity} onVoid={openVoid} />
        </main>
        <KeyLegend />
      </div>

      {openDialog === 'tender' && sale && (
        <TenderPanel
          totalHalalas={sale.totals.totalHalalas}
          busy={actions.tendering}
          onTender={(h) => void tender(h)}
          onReject={messages.error}
          onClose={closeDialog}
        />
      )}
      {openDialog === 'quantity' && selectedLine && (
        <QuantityPrompt
          current={selectedLine.quantity}
          lineName={locale === 'ar' ? selectedLine.nameAr : selectedLine.nameEn}
          onSet={(q) => void setQuantity(q)}
          onReject={messages.error}
          onClose={closeDialog}
        />
      )}
      {openDialog === 'void' && <VoidConfirm onConfirm={() => void confirmVoid()} onClose={closeDialog} />}
      {completed && openDialog === 'none' && <CompletedView completed={completed} onDismiss={dismissCompleted} />}
    </FormatProvider>
  );
}
