// The dialogs over the sale, as useTillDialogs says which is open, each wired to the call it makes. A dialog
// closes itself once main accepted what it asked for; a refusal stays on the dialog with the banner saying why.
import type { NuqtaApi } from '../../preload/contract/api';
import type { Sale } from '../../preload/contract/schemas';
import { DrawerDialog } from '../drawer/DrawerDialog';
import { useFormat } from '../format/FormatContext';
import { AdminPanel } from '../admin/AdminPanel';
import { HealthPanel } from '../health/HealthPanel';
import type { HealthState } from '../health/useHealth';
import { HistoryPanel } from '../history/HistoryPanel';
import { PaymentPanel } from '../payments/PaymentPanel';
import { ResolveDialog } from '../payments/ResolveForm';
import { ReverseDialog } from '../payments/ReverseDialog';
import { paymentLock, tenderOf } from '../payments/salePayment';
import type { PaymentActions } from '../payments/usePaymentActions';
import type { PaymentFlowControls } from '../payments/usePaymentFlow';
import { PrintQueuePanel } from '../printing/PrintQueuePanel';
import type { Printing } from '../printing/usePrinting';
import { QuantityPrompt } from '../sale/QuantityPrompt';
import { ShiftDialog } from '../shift/ShiftDialog';
import { BuyerDialog } from '../taxinvoice/BuyerDialog';
import { ParkedDialog } from '../parked/ParkedDialog';
import { VoidConfirm } from '../sale/VoidConfirm';
import { DiscountDialog } from '../discounts/DiscountDialog';
import type { SaleActions } from '../sale/useSaleActions';
import { TenderPanel } from '../tender/TenderPanel';
import { stcPayOffline } from '../terminal/providerStatus';
import { TerminalPanel } from '../terminal/TerminalPanel';
import type { TerminalState } from '../terminal/useTerminal';
import type { Completed } from './tillDialogs';
import type { BannerControls } from './useBanner';
import type { TillDialogControls } from './useTillDialogs';

interface Props {
  api: NuqtaApi;
  sale: Sale | null;
  dialogs: TillDialogControls;
  actions: SaleActions;
  payment: PaymentFlowControls;
  paymentActions: PaymentActions;
  terminal: TerminalState;
  printing: Printing;
  health: HealthState;
  banner: BannerControls;
  /** A cash tender completed the sale. */
  onCompleted(completed: Completed): void;
}

export function TillDialogLayer({ api, sale, dialogs, actions, payment, paymentActions, terminal, printing, health, banner, onCompleted }: Props) {
  const f = useFormat();
  const { dialog, close } = dialogs;

  const tender = async (halalas: number, voucherNo?: string): Promise<void> => {
    const done = await actions.tenderCash(halalas, voucherNo);
    if (done) onCompleted({ sale: done, payment: null });
  };
  const confirmVoid = async (): Promise<void> => {
    close();
    await actions.voidSale();
  };
  const setQuantity = async (lineId: string, quantity: number): Promise<void> => {
    if (await actions.setQuantity(lineId, quantity)) close();
  };
  /** A manager's call on a payment (resolve, reverse): the dialog closes once main accepted it. */
  const closeWhenDone = async (call: Promise<unknown>): Promise<boolean> => {
    const done = (await call) !== null;
    if (done) close();
    return done;
  };

  const quantityLine = dialog.kind === 'quantity' ? sale?.lines.find((l) => l.lineId === dialog.lineId) : undefined;
  const unknownPayment = dialog.kind === 'resolve' && paymentLock(sale) === 'unknown' ? sale?.payment : null;
  const reverseTender = dialog.kind === 'reverse' ? tenderOf(sale, dialog.intentId) : null;
  return (
    <>
      {dialog.kind === 'tender' && sale && (
        <TenderPanel
          totalHalalas={sale.dueHalalas}
          busy={actions.tendering}
          onTender={(h, voucherNo) => void tender(h, voucherNo)}
          onReject={banner.error}
          onClose={close}
        />
      )}
      {dialogs.paymentPanel.phase !== 'closed' && sale && (
        <PaymentPanel
          flow={dialogs.paymentPanel}
          dueHalalas={sale.dueHalalas}
          stcPayOffline={stcPayOffline(terminal.status)}
          onSend={(request) => void payment.send(request)}
          onSubmitOtp={(otp) => void payment.submitOtp(otp)}
          onCancel={payment.cancel}
          onClose={dialogs.closePayment}
          onPayCash={dialogs.payCashInstead}
          onReject={banner.error}
        />
      )}
      {actions.weighing && (
        <QuantityPrompt
          current={null}
          weighed
          lineName={'barcode' in actions.weighing ? actions.weighing.barcode : ''}
          onSet={(grams) => void actions.weigh(grams)}
          onReject={banner.error}
          onClose={actions.cancelWeighing}
        />
      )}
      {dialog.kind === 'quantity' && quantityLine && (
        <QuantityPrompt
          current={quantityLine.quantity}
          weighed={quantityLine.soldBy === 'kg'}
          lineName={f.locale === 'ar' ? quantityLine.nameAr : quantityLine.nameEn}
          onSet={(q) => void setQuantity(dialog.lineId, q)}
          onReject={banner.error}
          onClose={close}
        />
      )}
      {dialog.kind === 'void' && <VoidConfirm onConfirm={() => void confirmVoid()} onClose={close} />}
      {dialog.kind === 'resolve' && unknownPayment && (
        <ResolveDialog
          intent={unknownPayment}
          busy={paymentActions.busy}
          onSubmit={(input) => closeWhenDone(paymentActions.resolve(dialog.intentId, input))}
          onReject={banner.error}
          onCancel={close}
        />
      )}
      {dialog.kind === 'reverse' && reverseTender && (
        <ReverseDialog
          tender={reverseTender}
          busy={paymentActions.busy}
          onSubmit={(pin) => closeWhenDone(paymentActions.reverse(dialog.intentId, pin))}
          onReject={banner.error}
          onCancel={close}
        />
      )}
      {dialog.kind === 'terminal' && (
        <TerminalPanel
          api={api}
          status={terminal.status}
          onStatus={terminal.setStatus}
          refresh={terminal.refresh}
          payments={paymentActions}
          banner={banner}
          onClose={close}
        />
      )}
      {dialog.kind === 'queue' && (
        <PrintQueuePanel
          api={api}
          jobs={printing.jobs}
          status={printing.status}
          refresh={printing.refresh}
          banner={banner}
          onClose={close}
          onHistory={() => dialogs.switchTo('history')}
        />
      )}
      {dialog.kind === 'history' && (
        <HistoryPanel
          api={api}
          jobs={printing.jobs}
          onReprinted={printing.remember}
          banner={banner}
          onClose={close}
          onPrintQueue={() => dialogs.switchTo('queue')}
        />
      )}
      {dialog.kind === 'drawer' && <DrawerDialog api={api} banner={banner} onClose={close} />}
      {dialog.kind === 'health' && <HealthPanel report={health.report} check={health.check} banner={banner} onClose={close} />}
      {dialog.kind === 'admin' && <AdminPanel api={api} banner={banner} onClose={close} />}
      {dialog.kind === 'shift' && <ShiftDialog api={api} banner={banner} onClose={close} />}
      {dialog.kind === 'buyer' && sale && <BuyerDialog api={api} sale={sale} onClose={close} />}
      {dialog.kind === 'discount' && sale && (
        <DiscountDialog
          key={dialog.target}
          api={api}
          sale={sale}
          target={dialog.target}
          line={sale.lines.find((l) => l.lineId === dialog.lineId) ?? null}
          onTarget={dialogs.open.discount}
          onReject={banner.error}
          onClose={close}
        />
      )}
      {dialog.kind === 'parked' && <ParkedDialog api={api} banner={banner} onRecalled={actions.adopt} onClose={close} />}
    </>
  );
}
