// After a sale: the change to hand back, as large as the screen allows, next to the receipt. When a card or
// STC Pay payment completed the sale there is no change: the approval is what the cashier needs to see (for
// STC Pay: the masked mobile number and STC Pay's reference instead of a card and approval code). The scan
// field keeps the keyboard, so Enter, Esc or simply scanning the next customer's first item dismisses it;
// the next sale is already open underneath. Tab switches the receipt between the on-screen copy and the
// image exactly as printed; whether the printer took it is said under the change. A standard (B2B) invoice
// prints only once ZATCA clears it: its clearance panel says where it stands, and the preview follows the
// receipt each of main's answers carries (the cleared QR, or the simplified invoice issued instead).
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { CompletedSale, IntentSummary, Receipt } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { cardName, intentMethod, walletText } from '../payments/cardText';
import type { ReceiptPrintState } from '../printing/printQueue';
import { ReceiptImageView } from '../printing/ReceiptImageView';
import type { ReceiptImageState } from '../printing/useReceiptImage';
import { ReceiptPreview } from './ReceiptPreview';
import { Kbd } from '../shell/Kbd';
import { ClearancePanel } from '../taxinvoice/ClearancePanel';
import { LatestReceiptImage } from '../taxinvoice/LatestReceiptImage';

export type ReceiptView = 'screen' | 'printed';

interface Props {
  /** For a standard invoice's clearance (and the simplified invoice instead). */
  api: NuqtaApi;
  completed: CompletedSale;
  /** The card or STC Pay payment that completed the sale, when one did. */
  payment: IntentSummary | null;
  onDismiss(): void;
  /** The receipt as printed (main renders it). */
  image: ReceiptImageState;
  receiptView: ReceiptView;
  onReceiptView(view: ReceiptView): void;
  printState: ReceiptPrintState;
  /** "Receipt not printed", when a print job of this sale failed. */
  printNotice: ReactNode;
}

export function CompletedView({ api, completed, payment, onDismiss, image, receiptView, onReceiptView, printState, printNotice }: Props) {
  const { t } = useTranslation();
  // The receipt as main last described it (a standard invoice's clearance changes it); this view goes with its sale.
  const [{ receipt, version }, setLatest] = useState({ receipt: completed.receipt, version: 0 });
  const onReceipt = useCallback((next: Receipt) => setLatest((l) => ({ receipt: next, version: l.version + 1 })), []);
  const [undecided, setUndecided] = useState(completed.receipt.clearance !== undefined);
  const onDecided = useCallback((decided: boolean) => setUndecided(!decided), []);
  const f = useFormat();
  const details = payment?.card ?? null;
  const wallet = details ? walletText(details, t) : null;
  const stcPay = payment !== null && intentMethod(payment) === 'stcpay';
  return (
    <div className="overlay">
      <section className="completed" role="dialog" aria-labelledby="completed-title" data-testid="completed-view">
        <div className="completed__main">
          <div className="completed__paid">{t('completed.paid')}</div>
          {payment ? (
            <>
              <h2 id="completed-title" className="completed__label">
                {t(stcPay ? 'completed.stcPayApproved' : 'completed.cardApproved')}
              </h2>
              <div
                className="completed__card card-outcome--approved"
                data-testid="card-outcome"
                data-outcome="approved"
                data-method={stcPay ? 'stcpay' : 'card'}
              >
                <span className="completed__card-amount">{f.money(payment.amountHalalas)}</span>
                {details && (
                  <span className="completed__card-summary">
                    <bdi dir="ltr" data-testid="completed-payment-name">
                      {cardName(details)}
                    </bdi>
                    {stcPay ? (
                      <span>
                        {t('stcpay.reference')} <bdi dir="ltr">{details.rrn}</bdi>
                      </span>
                    ) : (
                      <span>
                        {t('receipt.approvalCode')} <bdi dir="ltr">{details.authCode}</bdi>
                      </span>
                    )}
                  </span>
                )}
                {wallet && <span className="completed__card-wallet">{wallet}</span>}
              </div>
              <div className="completed__nochange">
                <span>{t('completed.changeDue')}</span>
                <span data-testid="change-due">{f.money(completed.changeHalalas)}</span>
              </div>
            </>
          ) : (
            <>
              <h2 id="completed-title" className="completed__label">
                {t('completed.changeDue')}
              </h2>
              <div className="completed__change" data-testid="change-due">
                {f.money(completed.changeHalalas)}
              </div>
            </>
          )}
          {completed.drawer === 'failed' && (
            <div className="completed__drawer" role="alert" data-testid="drawer-warning">
              {t('completed.drawerFailed')}
            </div>
          )}
          {completed.receipt.clearance && (
            <ClearancePanel api={api} receipt={completed.receipt} onReceipt={onReceipt} onDecided={onDecided} />
          )}
          {printNotice}
          {!printNotice && printState !== 'unknown' && printState !== 'failed' && (
            <div className={`completed__print completed__print--${printState}`} data-testid="receipt-print-state" data-state={printState}>
              {t(`completed.print_${printState}`)}
            </div>
          )}
          <button type="button" className="btn btn--primary btn--wide" data-testid="new-sale" onClick={onDismiss}>
            {t('completed.newSale')} <Kbd k={undecided ? 'esc' : 'enter'} />
          </button>
          {/* While a tax invoice is undecided its panel says how to move on (Enter does not). */}
          {!undecided && <p className="completed__hint">{t('completed.hint')}</p>}
        </div>
        <div className="completed__receipt">
          <div className="segmented" role="group" aria-label={t('completed.receiptView')}>
            {(['screen', 'printed'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={`segmented__btn${receiptView === v ? ' segmented__btn--on' : ''}`}
                aria-pressed={receiptView === v}
                data-testid={`receipt-view-${v}`}
                onClick={() => onReceiptView(v)}
              >
                {t(`completed.view_${v}`)}
              </button>
            ))}
            <Kbd k="tab" />
          </div>
          <div className="completed__receipt-body" hidden={receiptView !== 'screen'}>
            <ReceiptPreview receipt={receipt} />
          </div>
          <div className="completed__receipt-body completed__receipt-body--image" hidden={receiptView !== 'printed'}>
            {version === 0 ? (
              <ReceiptImageView state={image} testId="receipt-image" />
            ) : (
              <LatestReceiptImage key={version} api={api} receiptNo={receipt.receiptNo} testId="receipt-image" />
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
