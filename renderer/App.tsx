// The till screen: wires the session (what main says), the cashier's keys and the panels together. Which dialog
// is open and may open is decided in shell/useTillDialogs, what typing and scanning mean in scanner/useScanInput;
// components below only render and report.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from './api/carrier';
import { useConnectionState } from './api/useConnectionState';
import { FormatProvider } from './format/FormatContext';
import { clientError, type ClientErrorCode } from './i18n/messages';
import { usePreferences } from './i18n/usePreferences';
import type { HotkeyAction } from './keys/hotkeys';
import { useFocusKeeper } from './keys/useFocusKeeper';
import { useHotkeys } from './keys/useHotkeys';
import { ParkButtons } from './parked/ParkButtons';
import { useParkSale } from './parked/useParkSale';
import { PaymentUnknownPanel } from './payments/PaymentUnknownPanel';
import { lineChangeBlock, paymentLock } from './payments/salePayment';
import { useCompletedElsewhere } from './payments/useCompletedElsewhere';
import { usePaymentActions } from './payments/usePaymentActions';
import { usePaymentFlow } from './payments/usePaymentFlow';
import { failedCount, printerBlocked, receiptPrintState } from './printing/printQueue';
import { useHealth } from './health/useHealth';
import { PrintFailedBanner } from './printing/PrintFailedBanner';
import { usePrintFailures } from './printing/usePrintFailures';
import { usePrinting } from './printing/usePrinting';
import { useReceiptImage } from './printing/useReceiptImage';
import { CompletedView } from './receipt/CompletedView';
import { bannerScope } from './sale/bannerScope';
import { SaleLines } from './sale/SaleLines';
import { TotalsPanel } from './sale/TotalsPanel';
import { UndoToast } from './sale/UndoToast';
import { useBannerScope } from './sale/useBannerScope';
import { useSaleActions } from './sale/useSaleActions';
import { useTillSession } from './sale/useTillSession';
import { ScanField } from './scanner/ScanField';
import { SearchResults, hitOptionId } from './scanner/SearchResults';
import { UnknownBarcodeBanner } from './scanner/UnknownBarcodeBanner';
import { useScanInput } from './scanner/useScanInput';
import { KeyLegend } from './shell/KeyLegend';
import { MessageBanner } from './shell/MessageBanner';
import { selectionBlock, type Completed } from './shell/tillDialogs';
import { TillDialogLayer } from './shell/TillDialogLayer';
import { TopBar } from './shell/TopBar';
import { useBanner } from './shell/useBanner';
import { useStableCallback } from './shell/useLatest';
import { useTillDialogs } from './shell/useTillDialogs';
import { useShiftStatus } from './shift/useShiftStatus';
import { SignInScreen } from './people/SignInScreen';
import { TrainingWatermark } from './training/TrainingWatermark';
import { UserBadge } from './people/UserBadge';
import { withSecondFactor } from './people/secondFactor';
import { useSecondFactorPrompt } from './people/SecondFactorDialog';
import { TotpEnrolDialog } from './people/TotpEnrolDialog';
import { ApproverBadgeContext, approverBadge } from './people/approverBadge';
import { AdoptSessionContext, SessionContext, shownEntries } from './people/mayShow';
import { usePeopleSession } from './people/usePeopleSession';
import { providerIndicators } from './terminal/providerStatus';
import { useTerminal } from './terminal/useTerminal';

export function App({ carrier }: { carrier: Carrier }) {
  // An approval main holds back for the approver's authenticator code asks for it and is sent again (docs/people.md).
  const secondFactor = useSecondFactorPrompt();
  const api = useMemo(() => withSecondFactor(carrier.api, secondFactor.ask), [carrier.api, secondFactor.ask]);
  const [enrolling, setEnrolling] = useState(false);
  const { t } = useTranslation();
  const connectionState = useConnectionState(carrier.connection);
  const { banner, controls: messages } = useBanner();
  const people = usePeopleSession(carrier);
  const preferences = usePreferences(api, messages.error);
  const session = useTillSession(carrier, {
    onFirstTill: (till) => preferences.adopt(till.preferences),
    onError: messages.error,
  });
  const { store, view, till } = session;
  const sale = view.sale;
  const actions = useSaleActions(api, store, messages);
  const paymentActions = usePaymentActions(api, store, messages);
  const cardPayments = till?.cardPayments ?? false;
  const stcPayPayments = till?.stcPayPayments ?? false;
  const terminal = useTerminal(carrier, cardPayments || stcPayPayments);
  const printing = usePrinting(carrier);
  const health = useHealth(api);
  const printFailures = usePrintFailures(printing.jobs);

  const dialogs = useTillDialogs({ sale, selectedLineId: view.selectedLineId, till, paymentCallBusy: paymentActions.busy, banner: messages });
  const { completed } = dialogs;
  const shift = useShiftStatus(api, connectionState, sale, dialogs.dialog.kind === 'shift');
  const watchPrints = printFailures.watch;
  const showCompleted = useStableCallback((done: Completed): void => {
    watchPrints(done.sale.receipt.receiptNo);
    dialogs.showCompleted(done);
  });
  const payment = usePaymentFlow({
    api,
    store,
    sale,
    banner: messages,
    flow: dialogs.paymentPanel,
    dispatch: dialogs.paymentEvent,
    onCompleted: (done, intent) => showCompleted({ sale: done, payment: intent }),
  });
  useCompletedElsewhere({ sale, localInFlight: payment.localInFlight, completedHere: dialogs.completedHere, banner: messages });
  const scan = useScanInput({ api, actions, banner: messages, dialogs });

  const unknownPayment = paymentLock(sale) === 'unknown' ? (sale?.payment ?? null) : null;
  // The weight prompt (an item sold by weight waits for its weight) and the sign-in screen hold the keyboard like a
  // dialog does (the scan field must not take it back).
  const anyDialog = dialogs.anyOpen || actions.weighing !== null || people.locked || enrolling || secondFactor.dialog !== null;
  // Main refused something because it locked the till itself (idle time): show the sign-in screen.
  const noticeError = people.noticeError;
  useEffect(() => noticeError(banner?.data), [banner, noticeError]);

  useFocusKeeper(scan.inputRef, anyDialog);
  // An error goes when the sale or the dialog it was about does.
  useBannerScope(banner, messages, bannerScope(sale?.saleId ?? null, dialogs.dialog.kind, dialogs.paymentPanel.phase !== 'closed'));

  // A sale completed without this view completing it (a payment main learnt of in the background, a
  // manager's resolution): its receipt's printing is followed all the same.
  useEffect(() => api.onSaleCompleted((done) => watchPrints(done.receipt.receiptNo)), [api, watchPrints]);

  // A scan a serial scanner in main could not add: said exactly like a refused wedge scan.
  const scanRejected = actions.scanRejected;
  useEffect(() => api.onScanRejected((rejected) => scanRejected(rejected.barcode, rejected.error)), [api, scanRejected]);

  // The receipt as printed, ready behind the Tab switch. Asked a moment after the sale, so the sale's own
  // print job and the next customer's first scan go first in main.
  const completedImage = useReceiptImage(api, completed && !anyDialog ? completed.sale.receipt.receiptNo : null, 250);

  // End-to-end tests wait for this: the first sale (and the till's saved language) are on screen.
  const ready = sale !== null && session.tillSettled;
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = '1';
  }, [ready]);

  /** Says why, when there is a reason not to go ahead. */
  const refused = (code: ClientErrorCode | null): boolean => {
    if (code) messages.error(clientError(code));
    return code !== null;
  };
  const recoverUnknown = useStableCallback((): void => {
    if (!unknownPayment) return messages.error(clientError('NO_UNKNOWN_PAYMENT'));
    void paymentActions.recover(unknownPayment.intentId);
  });
  const selectLine = useStableCallback((lineId: string): void => store.select(lineId));
  const removeLine = useStableCallback((lineId: string): void => {
    if (!refused(lineChangeBlock(sale))) void actions.removeLine(lineId);
  });
  const removeSelected = (): void => {
    const lineId = view.selectedLineId;
    if (!refused(selectionBlock(sale, lineId) ?? lineChangeBlock(sale)) && lineId) void actions.removeLine(lineId);
  };
  const bump = (delta: number): void => {
    if (!refused(lineChangeBlock(sale))) void actions.bumpQuantity(delta);
  };

  const parkSale = useParkSale(api, messages);
  // What the signed-in role may use (main refuses the rest anyway): a trainee gets no drawer, shift, admin or
  // resolution; the panels deeper down read the session from SessionContext.
  const shown = shownEntries(people.session);
  const onlyIf = <F,>(show: boolean, f: F): F | undefined => (show ? f : undefined);
  const hotkeys: Record<HotkeyAction, () => void> = {
    toggleLocale: preferences.toggleLocale,
    toggleDigits: preferences.toggleDigits,
    payCash: dialogs.open.tender,
    payCard: dialogs.open.card,
    payStcPay: dialogs.open.stcPay,
    terminalPanel: dialogs.open.terminal,
    historyPanel: dialogs.open.history,
    printQueue: dialogs.open.queue,
    openDrawer: onlyIf(shown.drawer, dialogs.open.drawer) ?? (() => undefined),
    adminPanel: onlyIf(shown.admin, dialogs.open.admin) ?? (() => undefined),
    recoverPayment: recoverUnknown,
    resolvePayment: onlyIf(shown.resolve, dialogs.open.resolve) ?? (() => undefined),
    voidSale: dialogs.open.void,
    quantityPrompt: dialogs.open.quantity,
    removeLine: removeSelected,
    selectPrevLine: () => store.move(-1),
    selectNextLine: () => store.move(1),
    quantityUp: () => bump(1),
    quantityDown: () => bump(-1),
    undoRemove: () => void actions.undoRemove(),
    searchByName: scan.openNameSearch,
    buyerDialog: dialogs.open.buyer,
    lockTill: people.lock,
    parkSale: () => void parkSale(),
    parkedSales: dialogs.open.parked,
    lineDiscount: () => dialogs.open.discount('line'),
    saleDiscount: () => dialogs.open.discount('sale'),
    priceOverride: () => dialogs.open.discount('price'),
  };
  useHotkeys(() => ({ dialogOpen: anyDialog, scanFieldEmpty: scan.text.get() === '', paymentUnknown: unknownPayment !== null }), (action) => {
    if (action !== 'toggleLocale' && action !== 'toggleDigits') dialogs.dismissCompleted();
    hotkeys[action]();
  });

  // The top bar and the totals are memoized: their props stay the same objects while what they show does not
  // change, so a scan draws the sale, not the whole till.
  const providers = useMemo(() => providerIndicators(terminal.status, till), [terminal.status, till]);
  const openDiscount = useStableCallback((): void => dialogs.open.discount(view.selectedLineId ? 'line' : 'sale'));
  const openParked = dialogs.open.parked;
  const parking = useMemo(() => <ParkButtons onPark={() => void parkSale()} onList={openParked} />, [parkSale, openParked]);

  const { locale, digits } = preferences.prefs;
  // Every approval PIN field reads an approver's staff badge scan (renderer/people/approverBadge.tsx).
  const badges = useMemo(() => approverBadge(api, locale, messages.error), [api, locale, messages.error]);
  const userBadge = useMemo(
    () => <UserBadge session={people.session} locale={locale} onLock={people.lock} onTwoFactor={() => setEnrolling(true)} />,
    [people.session, locale, people.lock],
  );
  // The unknown barcode's code and "search by name" go with the very message that announced it.
  const unknownScan = actions.unknownScan && banner?.data === actions.unknownScan.message ? actions.unknownScan : null;
  const removedLine = actions.removed && actions.removed.saleId === sale?.saleId && !anyDialog ? actions.removed : null;
  const completedShown = completed !== null && !anyDialog;
  const results = scan.results;
  const printNotice =
    printFailures.failures.length > 0 ? (
      <PrintFailedBanner failures={printFailures.failures} onOpenQueue={dialogs.open.queue} onDismiss={printFailures.dismiss} />
    ) : null;
  const printerWarning = printerBlocked(printing.status)
    ? t('printer.blockedWarning', { state: t(`printer.state_${printing.status?.state ?? 'not_checked'}`) })
    : null;
  return (
    <FormatProvider locale={locale} digits={digits}>
      <ApproverBadgeContext.Provider value={badges}>
      <SessionContext.Provider value={people.session}>
      <AdoptSessionContext.Provider value={people.adopt}>
      <div className={anyDialog ? 'app app--dialog' : 'app'}>
        <TopBar
          till={till}
          connection={connectionState}
          locale={locale}
          digits={digits}
          terminal={terminal.status}
          providers={providers}
          printer={printing.status}
          printFailed={failedCount(printing.jobs)}
          onToggleLocale={preferences.toggleLocale}
          onToggleDigits={preferences.toggleDigits}
          onTerminal={dialogs.open.terminal}
          onPrintQueue={dialogs.open.queue}
          onHistory={dialogs.open.history}
          onDrawer={onlyIf(shown.drawer, dialogs.open.drawer)}
          health={health.report}
          onHealth={dialogs.open.health}
          onAdmin={onlyIf(shown.admin, dialogs.open.admin)}
          shift={shift}
          onShift={onlyIf(shown.shift, dialogs.open.shift)}
          people={userBadge}
        />
        <main className="workspace">
          <section className="sale">
            <div className="sale__scan">
              <ScanField
                inputRef={scan.inputRef}
                text={scan.text}
                resultsOpen={results !== null}
                activeOptionId={results && results.hits.length > 0 ? hitOptionId(results.active) : undefined}
                onChange={scan.onChange}
                onSubmit={scan.onSubmit}
                onEscape={scan.onEscape}
                onArrow={scan.onArrow}
                onTab={dialogs.toggleReceiptView}
                mode={scan.mode}
              />
              {results && <SearchResults results={results} onPick={scan.addHit} />}
            </div>
            {unknownScan && banner ? (
              <UnknownBarcodeBanner
                message={unknownScan.message}
                messageId={banner.id}
                barcode={unknownScan.barcode}
                locale={locale}
                onSearchByName={scan.openNameSearch}
              />
            ) : (
              <MessageBanner banner={banner} locale={locale} />
            )}
            {!completedShown && printNotice}
            {unknownPayment && (
              <PaymentUnknownPanel
                payment={unknownPayment}
                checking={paymentActions.busy}
                showActions={!anyDialog}
                onRecover={recoverUnknown}
                onResolve={onlyIf(shown.resolve, dialogs.open.resolve)}
              />
            )}
            <SaleLines
              sale={sale}
              selectedLineId={view.selectedLineId}
              locked={lineChangeBlock(sale) !== null}
              onSelect={selectLine}
              onRemove={removeLine}
            />
            {removedLine && <UndoToast removed={removedLine} onUndo={() => void actions.undoRemove()} />}
          </section>
          <TotalsPanel
            sale={sale}
            cardPayments={cardPayments}
            stcPayPayments={stcPayPayments}
            lastApproval={payment.lastApproval}
            printerWarning={printerWarning}
            onPayCash={dialogs.open.tender}
            onPayCard={dialogs.open.card}
            onPayStcPay={dialogs.open.stcPay}
            onQuantity={dialogs.open.quantity}
            onVoid={dialogs.open.void}
            onReverse={onlyIf(shown.reverse, dialogs.open.reverse)}
            onBuyer={dialogs.open.buyer}
            onDiscount={openDiscount}
            parking={parking}
          />
        </main>
        <KeyLegend cards={cardPayments} stcPay={stcPayPayments} paymentUnknown={unknownPayment !== null} />
      </div>

      <TillDialogLayer
        api={api}
        sale={sale}
        dialogs={dialogs}
        actions={actions}
        payment={payment}
        paymentActions={paymentActions}
        terminal={terminal}
        printing={printing}
        health={health}
        banner={messages}
        onCompleted={showCompleted}
      />
      {enrolling && !people.locked && <TotpEnrolDialog api={api} onClose={() => setEnrolling(false)} />}
      {secondFactor.dialog}
      {people.locked && <SignInScreen locale={locale} onSignIn={people.signIn} />}
      {till?.training && <TrainingWatermark />}
      {completedShown && (
        <CompletedView
          key={completed.sale.receipt.receiptNo}
          api={api}
          completed={completed.sale}
          payment={completed.payment}
          onDismiss={dialogs.dismissCompleted}
          image={completedImage}
          receiptView={dialogs.receiptView}
          onReceiptView={dialogs.setReceiptView}
          printState={receiptPrintState(printing.jobs, completed.sale.receipt.receiptNo)}
          printNotice={printNotice}
        />
      )}
      </AdoptSessionContext.Provider>
      </SessionContext.Provider>
      </ApproverBadgeContext.Provider>
    </FormatProvider>
  );
}
