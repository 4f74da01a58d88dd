// The till screen: wires the session (what main says), the cashier's keys and the panels together.
// Components below only render and report; the decisions about what a key or a scan means are made here.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletedSale, IntentSummary, ProductHit, Sale } from '../preload/contract/schemas';
import type { Carrier } from './api/carrier';
import { useConnectionState } from './api/useConnectionState';
import { FormatProvider } from './format/FormatContext';
import { clientError, notice } from './i18n/messages';
import { usePreferences } from './i18n/usePreferences';
import type { HotkeyAction } from './keys/hotkeys';
import { useFocusKeeper } from './keys/useFocusKeeper';
import { useHotkeys } from './keys/useHotkeys';
import { CardPanel } from './payments/CardPanel';
import { PaymentUnknownPanel } from './payments/PaymentUnknownPanel';
import { ResolveDialog } from './payments/ResolveForm';
import { ReverseDialog } from './payments/ReverseDialog';
import { lineChangeBlock, payBlock, paymentLock, tenderOf } from './payments/salePayment';
import { useCardPayment } from './payments/useCardPayment';
import { usePaymentActions } from './payments/usePaymentActions';
import { DrawerDialog } from './drawer/DrawerDialog';
import { HistoryPanel } from './history/HistoryPanel';
import { failedCount, printerBlocked, receiptPrintState } from './printing/printQueue';
import { PrintFailedBanner } from './printing/PrintFailedBanner';
import { PrintQueuePanel } from './printing/PrintQueuePanel';
import { usePrintFailures } from './printing/usePrintFailures';
import { usePrinting } from './printing/usePrinting';
import { useReceiptImage } from './printing/useReceiptImage';
import { CompletedView, type ReceiptView } from './receipt/CompletedView';
import { QuantityPrompt } from './sale/QuantityPrompt';
import { SaleLines } from './sale/SaleLines';
import { TotalsPanel } from './sale/TotalsPanel';
import { VoidConfirm } from './sale/VoidConfirm';
import { useSaleActions } from './sale/useSaleActions';
import { useTillSession } from './sale/useTillSession';
import { ScanField } from './scanner/ScanField';
import { SearchResults, hitOptionId } from './scanner/SearchResults';
import { scanTargetFor } from './scanner/scanTargets';
import { asTypedBarcode, searchTextOf } from './scanner/searchQuery';
import { useCatalogSearch } from './scanner/useCatalogSearch';
import { useWedge } from './scanner/useWedge';
import { providerIndicators, stcPayOffline } from './terminal/providerStatus';
import { KeyLegend } from './shell/KeyLegend';
import { MessageBanner } from './shell/MessageBanner';
import { TopBar } from './shell/TopBar';
import { useBanner } from './shell/useBanner';
import { useStableCallback } from './shell/useLatest';
import { TenderPanel } from './tender/TenderPanel';
import { TerminalPanel } from './terminal/TerminalPanel';
import { useTerminal } from './terminal/useTerminal';

type DialogKind = 'none' | 'tender' | 'quantity' | 'void' | 'resolve' | 'reverse' | 'terminal' | 'queue' | 'history' | 'drawer';

interface Completed {
  sale: CompletedSale;
  /** The card payment that completed it, if a card did. */
  card: IntentSummary | null;
}

export function App({ carrier }: { carrier: Carrier }) {
  const { api } = carrier;
  const { t } = useTranslation();
  const connectionState = useConnectionState(carrier.connection);
  const { banner, controls: messages } = useBanner();
  const preferences = usePreferences(api, messages.error);
  const session = useTillSession(carrier, {
    onFirstTill: (till) => preferences.adopt(till.preferences),
    onError: messages.error,
  });
  const { store, view, till } = session;
  const actions = useSaleActions(api, store, messages);
  const payments = usePaymentActions(api, store, messages);
  const cardPayments = till?.cardPayments ?? false;
  const stcPayPayments = till?.stcPayPayments ?? false;
  const terminal = useTerminal(carrier, cardPayments || stcPayPayments);
  const printing = usePrinting(carrier);
  const printFailures = usePrintFailures(printing.jobs);

  const [query, setQuery] = useState('');
  const search = useCatalogSearch(api, query);
  const [dialog, setDialog] = useState<DialogKind>('none');
  const [completed, setCompleted] = useState<Completed | null>(null);
  const [reverseId, setReverseId] = useState<string | null>(null);
  const [receiptView, setReceiptView] = useState<ReceiptView>('screen');
  const scanRef = useRef<HTMLInputElement>(null);
  /** Sales this view completed itself (it shows their receipt; no "completed elsewhere" notice). */
  const closedHere = useRef(new Set<string>());
  const watchPrints = printFailures.watch;
  const showCompleted = useCallback(
    (done: Completed) => {
      watchPrints(done.sale.receipt.receiptNo);
      setReceiptView('screen');
      setCompleted(done);
    },
    [watchPrints],
  );

  const sale = view.sale;
  const card = useCardPayment({
    api,
    store,
    sale,
    banner: messages,
    onCompleted: (done, intent) => {
      closedHere.current.add(done.receipt.saleId);
      setDialog('none');
      showCompleted({ sale: done, card: intent });
    },
  });

  const lines = sale?.lines ?? [];
  const selectedLine = lines.find((l) => l.lineId === view.selectedLineId) ?? null;
  const results = search.results;
  const lock = paymentLock(sale);
  const unknownPayment = lock === 'unknown' ? (sale?.payment ?? null) : null;
  const linesLocked = lineChangeBlock(sale) !== null;
  const reverseTender = reverseId ? tenderOf(sale, reverseId) : null;
  const cardOpen = card.flow.phase !== 'closed';

  // A dialog whose subject went away (another view emptied the sale, removed the line, a payment settled)
  // is closed.
  const openDialog: DialogKind = (() => {
    switch (dialog) {
      case 'quantity':
        return selectedLine && !linesLocked ? dialog : 'none';
      case 'tender':
      case 'void':
        return lines.length > 0 && lock === 'none' ? dialog : 'none';
      case 'resolve':
        return unknownPayment ? dialog : 'none';
      case 'reverse':
        return reverseTender && (lock === 'none' || payments.busy) ? dialog : 'none';
      default:
        return dialog;
    }
  })();
  useEffect(() => {
    if (openDialog !== dialog) setDialog(openDialog); // ...and stays closed when its subject comes back.
  }, [openDialog, dialog]);
  const anyDialog = openDialog !== 'none' || cardOpen;

  useFocusKeeper(scanRef, anyDialog);

  // A sale completed without this view completing it (a card payment main learnt of in the background, a
  // manager's resolution): its receipt's printing is followed all the same.
  useEffect(() => api.onSaleCompleted((done) => watchPrints(done.receipt.receiptNo)), [api, watchPrints]);

  // A scan a serial scanner in main could not add: said exactly like a refused wedge scan.
  useEffect(() => api.onScanRejected((rejected) => messages.error(rejected.error)), [api, messages]);

  // The receipt as printed, ready behind the Tab switch. Asked a moment after the sale, so the sale's own
  // print job and the next customer's first scan go first in main.
  const completedImage = useReceiptImage(api, completed && !anyDialog ? completed.sale.receipt.receiptNo : null, 250);

  // The next customer's first item arrived another way (a serial scanner in main): the old receipt goes.
  useEffect(() => {
    if (completed && sale && sale.saleId === completed.sale.next.saleId && sale.lines.length > 0) setCompleted(null);
  }, [completed, sale]);

  // End-to-end tests wait for this: the first sale (and the till's saved language) are on screen.
  const ready = sale !== null && session.tillSettled;
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = '1';
  }, [ready]);

  // A sale with a card payment on it moved on without this view completing it: main learnt in the
  // background (or from a manager) that the customer had paid, and that completed the sale.
  const shownBefore = useRef<Sale | null>(null);
  useEffect(() => {
    const before = shownBefore.current;
    shownBefore.current = sale;
    if (!before || !sale || before.saleId === sale.saleId) return;
    if (before.payment?.kind !== 'purchase' || card.localInFlight || closedHere.current.has(before.saleId)) return;
    messages.info(notice(before.payment.method === 'stcpay' ? 'SALE_COMPLETED_BY_STCPAY' : 'SALE_COMPLETED_BY_CARD'));
  }, [sale, card.localInFlight, messages]);

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
    // A manager's field (PIN, RRN, receipt number) keeps what was typed into it, however fast.
    const take = scanTargetFor(target);
    if (take) return take(barcode, typed);
    // Take back what the scanner typed under the active layout (ض ص ث… or ١٢٣…); anything before it stays.
    if (target === scanRef.current) setQuery((q) => (q.endsWith(typed) ? q.slice(0, q.length - typed.length) : ''));
    // A scan during payment or a prompt means the cashier is adding an item; a card payment in flight stays
    // on screen (main refuses the item until the payment is settled).
    setDialog('none');
    card.close();
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
  const needUnlocked = (): boolean => {
    const block = lineChangeBlock(sale);
    if (!block) return true;
    messages.error(clientError(block));
    return false;
  };
  const needSelection = (): string | null => {
    if (selectedLine) return selectedLine.lineId;
    messages.error(clientError(lines.length === 0 ? 'SALE_EMPTY' : 'NO_LINE_SELECTED'));
    return null;
  };
  const needPayable = (): boolean => {
    const block = payBlock(sale);
    if (!block) return true;
    messages.error(clientError(block));
    return false;
  };

  const openTender = useStableCallback((): void => {
    setCompleted(null);
    if (needPayable()) setDialog('tender');
  });
  const openCard = useStableCallback((): void => {
    setCompleted(null);
    if (!cardPayments) return messages.error(clientError('TERMINAL_NOT_CONFIGURED'));
    if (!needPayable() || !sale) return;
    if (sale.dueHalalas <= 0) return messages.error(clientError('NOTHING_DUE'));
    messages.clear();
    setDialog('none');
    card.open('card');
  });
  const openStcPay = useStableCallback((): void => {
    setCompleted(null);
    if (!stcPayPayments) return messages.error(clientError('STCPAY_NOT_CONFIGURED'));
    if (!needPayable() || !sale) return;
    if (sale.dueHalalas <= 0) return messages.error(clientError('NOTHING_DUE'));
    messages.clear();
    setDialog('none');
    card.open('stcpay');
  });
  const openVoid = useStableCallback((): void => {
    setCompleted(null);
    if (needLines() && needUnlocked()) setDialog('void');
  });
  const openQuantity = useStableCallback((): void => {
    setCompleted(null);
    if (needSelection() && needUnlocked()) setDialog('quantity');
  });
  const openTerminal = useStableCallback((): void => {
    setCompleted(null);
    if (!cardPayments && !stcPayPayments) return messages.error(clientError('PAYMENTS_NOT_CONFIGURED'));
    messages.clear();
    setDialog('terminal');
  });
  const openQueue = useStableCallback((): void => {
    setCompleted(null);
    messages.clear();
    setDialog('queue');
  });
  const openHistory = useStableCallback((): void => {
    setCompleted(null);
    messages.clear();
    setDialog('history');
  });
  const openDrawer = useStableCallback((): void => {
    setCompleted(null);
    messages.clear();
    setDialog('drawer');
  });
  const toggleReceiptView = (): void => {
    if (completed) setReceiptView((v) => (v === 'screen' ? 'printed' : 'screen'));
  };
  const openReverse = useStableCallback((intentId: string): void => {
    setCompleted(null);
    setReverseId(intentId);
    setDialog('reverse');
  });
  const recoverUnknown = useStableCallback((): void => {
    if (!unknownPayment) return messages.error(clientError('NO_UNKNOWN_PAYMENT'));
    void payments.recover(unknownPayment.intentId);
  });
  const openResolve = useStableCallback((): void => {
    if (!unknownPayment) return messages.error(clientError('NO_UNKNOWN_PAYMENT'));
    messages.clear();
    setDialog('resolve');
  });
  const selectLine = useStableCallback((lineId: string): void => store.select(lineId));
  const removeLine = useStableCallback((lineId: string): void => {
    if (needUnlocked()) void actions.removeLine(lineId);
  });
  const removeSelected = (): void => {
    const lineId = needSelection();
    if (lineId && needUnlocked()) void actions.removeLine(lineId);
  };
  const bump = (delta: number): void => {
    if (needUnlocked()) void actions.bumpQuantity(delta);
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
      case 'payCard':
        return openCard();
      case 'payStcPay':
        return openStcPay();
      case 'terminalPanel':
        return openTerminal();
      case 'historyPanel':
        return openHistory();
      case 'printQueue':
        return openQueue();
      case 'openDrawer':
        return openDrawer();
      case 'recoverPayment':
        return recoverUnknown();
      case 'resolvePayment':
        return openResolve();
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
        return bump(1);
      case 'quantityDown':
        return bump(-1);
    }
  };
  useHotkeys({ dialogOpen: anyDialog, scanFieldEmpty: query === '', paymentUnknown: unknownPayment !== null }, onHotkey);

  const tender = async (halalas: number): Promise<void> => {
    const done = await actions.tenderCash(halalas);
    if (!done) return;
    closedHere.current.add(done.receipt.saleId);
    setDialog('none');
    showCompleted({ sale: done, card: null });
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
  const completedShown = completed !== null && !anyDialog;
  const printNotice =
    printFailures.failures.length > 0 ? (
      <PrintFailedBanner failures={printFailures.failures} onOpenQueue={openQueue} onDismiss={printFailures.dismiss} />
    ) : null;
  const printerWarning = printerBlocked(printing.status)
    ? t('printer.blockedWarning', { state: t(`printer.state_${printing.status?.state ?? 'not_checked'}`) })
    : null;
  return (
    <FormatProvider locale={locale} digits={digits}>
      <div className={anyDialog ? 'app app--dialog' : 'app'}>
        <TopBar
          till={till}
          connection={connectionState}
          locale={locale}
          digits={digits}
          terminal={terminal.status}
          providers={providerIndicators(terminal.status, till)}
          printer={printing.status}
          printFailed={failedCount(printing.jobs)}
          onToggleLocale={preferences.toggleLocale}
          onToggleDigits={preferences.toggleDigits}
          onTerminal={openTerminal}
          onPrintQueue={openQueue}
          onHistory={openHistory}
          onDrawer={openDrawer}
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
                onTab={toggleReceiptView}
              />
              {results && <SearchResults results={results} onPick={addHit} />}
            </div>
            <MessageBanner banner={banner} locale={locale} />
            {!completedShown && printNotice}
            {unknownPayment && (
              <PaymentUnknownPanel
                payment={unknownPayment}
                checking={payments.busy}
                showActions={!anyDialog}
                onRecover={recoverUnknown}
                onResolve={openResolve}
              />
            )}
            <SaleLines
              sale={sale}
              selectedLineId={view.selectedLineId}
              locked={linesLocked}
              onSelect={selectLine}
              onRemove={removeLine}
            />
          </section>
          <TotalsPanel
            sale={sale}
            cardPayments={cardPayments}
            stcPayPayments={stcPayPayments}
            lastApproval={card.lastApproval}
            printerWarning={printerWarning}
            onPayCash={openTender}
            onPayCard={openCard}
            onPayStcPay={openStcPay}
            onQuantity={openQuantity}
            onVoid={openVoid}
            onReverse={openReverse}
          />
        </main>
        <KeyLegend cards={cardPayments} stcPay={stcPayPayments} paymentUnknown={unknownPayment !== null} />
      </div>

      {openDialog === 'tender' && sale && (
        <TenderPanel
          totalHalalas={sale.dueHalalas}
          busy={actions.tendering}
          onTender={(h) => void tender(h)}
          onReject={messages.error}
          onClose={closeDialog}
        />
      )}
      {card.flow.phase !== 'closed' && sale && (
        <CardPanel
          flow={card.flow}
          dueHalalas={sale.dueHalalas}
          stcPayOffline={stcPayOffline(terminal.status)}
          onSend={(request) => void card.send(request)}
          onSubmitOtp={(otp) => void card.submitOtp(otp)}
          onCancel={card.cancel}
          onClose={card.close}
          onPayCash={() => {
            card.close();
            openTender();
          }}
          onReject={messages.error}
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
      {openDialog === 'resolve' && unknownPayment && (
        <ResolveDialog
          intent={unknownPayment}
          busy={payments.busy}
          onSubmit={async (input) => {
            const done = await payments.resolve(unknownPayment.intentId, input);
            if (done) setDialog('none');
            return done !== null;
          }}
          onReject={messages.error}
          onCancel={closeDialog}
        />
      )}
      {openDialog === 'reverse' && reverseTender && (
        <ReverseDialog
          tender={reverseTender}
          busy={payments.busy}
          onSubmit={async (pin) => {
            const done = await payments.reverse(reverseTender.intentId, pin);
            if (done) setDialog('none');
            return done !== null;
          }}
          onReject={messages.error}
          onCancel={closeDialog}
        />
      )}
      {openDialog === 'terminal' && (
        <TerminalPanel
          api={api}
          status={terminal.status}
          onStatus={terminal.setStatus}
          refresh={terminal.refresh}
          payments={payments}
          banner={messages}
          onClose={closeDialog}
        />
      )}
      {openDialog === 'queue' && (
        <PrintQueuePanel
          api={api}
          jobs={printing.jobs}
          status={printing.status}
          refresh={printing.refresh}
          banner={messages}
          onClose={closeDialog}
          onHistory={() => setDialog('history')}
        />
      )}
      {openDialog === 'history' && (
        <HistoryPanel
          api={api}
          jobs={printing.jobs}
          onReprinted={printing.remember}
          banner={messages}
          onClose={closeDialog}
          onPrintQueue={() => setDialog('queue')}
        />
      )}
      {openDialog === 'drawer' && <DrawerDialog api={api} banner={messages} onClose={closeDialog} />}
      {completedShown && (
        <CompletedView
          completed={completed.sale}
          card={completed.card}
          onDismiss={dismissCompleted}
          image={completedImage}
          receiptView={receiptView}
          onReceiptView={setReceiptView}
          printState={receiptPrintState(printing.jobs, completed.sale.receipt.receiptNo)}
          printNotice={printNotice}
        />
      )}
    </FormatProvider>
  );
}
