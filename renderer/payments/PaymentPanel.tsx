// The payment panel: card and STC Pay tender. The amount starts as all that is due (a smaller amount is a part
// payment: split tender). Card: Enter sends it to the terminal. STC Pay: the customer's mobile number first, then
// Enter sends the request; STC Pay texts the customer a code, which the cashier types in when asked. While
// waiting the panel follows the stages; Esc stops waiting (main then finds out what happened, and that is what
// the panel shows).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { formatAmount } from '../format/money';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { clientError } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import { useDialogKeys } from '../shell/useDialogKeys';
import { checkPaymentAmount } from './checks';
import { OtpEntry } from './OtpEntry';
import { otpEntryOpen, type PaymentFlow } from './paymentFlow';
import { PaymentStage } from './PaymentStage';
import { checkSaudiMobile } from './stcPayChecks';
import type { PaymentRequest } from './usePaymentFlow';

type OpenFlow = Exclude<PaymentFlow, { phase: 'closed' }>;

interface Props {
  flow: OpenFlow;
  dueHalalas: number;
  /** STC Pay did not answer the last reachability check: said before the cashier sends. */
  stcPayOffline: boolean;
  onSend(request: PaymentRequest): void;
  onSubmitOtp(otp: string): void;
  onCancel(): void;
  onClose(): void;
  onPayCash(): void;
  onReject(error: ErrorData): void;
}

export function PaymentPanel({ flow, dueHalalas, stcPayOffline, onSend, onSubmitOtp, onCancel, onClose, onPayCash, onReject }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState(() => formatAmount(dueHalalas, 'latin'));
  const [mobile, setMobile] = useState('');
  const amountRef = useRef<HTMLInputElement>(null);
  const mobileRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const waiting = flow.phase === 'waiting';
  const stcPay = flow.method === 'stcpay';
  const otpOpen = flow.phase === 'waiting' && otpEntryOpen(flow);

  // The first field has the keyboard (the mobile number for STC Pay: the amount is usually all that is due),
  // except while waiting, when the panel itself keeps it (for Esc) and a stray Enter cannot do anything; the
  // code entry takes it itself when STC Pay asks for the code.
  useEffect(() => {
    if (otpOpen) return;
    if (waiting) {
      dialogRef.current?.focus();
      return;
    }
    const first = stcPay ? mobileRef.current : amountRef.current;
    first?.focus();
    first?.select();
  }, [waiting, flow.phase, stcPay, otpOpen]);

  const submit = (typedMobile: string = mobile): void => {
    if (waiting) return;
    const amount = checkPaymentAmount(text, dueHalalas);
    if (!amount.ok) return onReject(clientError(amount.code));
    if (!stcPay) return onSend({ method: 'card', amountHalalas: amount.value });
    const number = checkSaudiMobile(typedMobile);
    if (!number.ok) {
      mobileRef.current?.focus();
      return onReject(clientError(number.code));
    }
    onSend({ method: 'stcpay', amountHalalas: amount.value, mobile: number.value });
  };

  // Enter anywhere sends (and does nothing while waiting); Esc while waiting stops waiting, else closes.
  const onKeyDown = useDialogKeys({
    onEnter: () => submit(),
    onClose: waiting ? onCancel : onClose,
    onKey: (e) => {
      if (e.key !== 'F12' || waiting) return false;
      onPayCash();
      return true;
    },
  });

  const ns = stcPay ? 'stcpay' : 'card';
  return (
    <Dialog
      labelledBy="payment-title"
      className={`tender card-panel card-panel--${flow.method}`}
      testId="card-panel"
      onKeyDown={onKeyDown}
      dialogRef={dialogRef}
    >
      <h2 id="payment-title" className="dialog__title" data-method={flow.method}>
        {t(`${ns}.title`)}
      </h2>
      <div className="tender__due">
        <span className="tender__due-label">{t('card.due')}</span>
        <span className="tender__due-amount">{f.money(dueHalalas)}</span>
      </div>
      {stcPay && stcPayOffline && !waiting && (
        <p className="card-panel__offline" role="status" data-testid="stcpay-offline-warning">
          {t('stcpay.offlineWarning')}
        </p>
      )}
      {/* While STC Pay works the fields give way to the stage and the code entry: the panel must fit a
          768-pixel till screen with the code field in view. A card keeps its amount on screen, disabled. */}
      {stcPay && !waiting && (
        <TextField
          label={t('stcpay.mobile')}
          hint={t('stcpay.mobileHint')}
          inputRef={mobileRef}
          className="field__input field__input--big field__input--code"
          data-testid="stcpay-mobile-input"
          type="tel"
          inputMode="tel"
          dir="ltr"
          maxLength={20}
          placeholder={t('stcpay.mobilePlaceholder')}
          value={mobile}
          onValue={setMobile}
          onEnter={submit}
        />
      )}
      {/* One pad, under the field a touch till types first: the mobile number (STC Pay) or the amount (card). */}
      {stcPay && !waiting && <FieldKeypad value={mobile} onValue={setMobile} onEnter={submit} maxLength={14} testId="stcpay-mobile-keypad" />}
      {!(stcPay && waiting) && (
        <label className="field">
          <span className="field__label">{t(`${ns}.amount`)}</span>
          <input
            ref={amountRef}
            className="field__input field__input--big"
            data-testid="card-amount-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            disabled={waiting}
            value={waiting ? formatAmount(flow.amountHalalas, 'latin') : text}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="field__hint">{t('card.amountHint')}</span>
        </label>
      )}
      {!stcPay && flow.phase !== 'waiting' && <FieldKeypad value={text} onValue={setText} onEnter={() => submit()} decimal maxLength={9} testId="card-amount-keypad" />}

      {flow.phase === 'waiting' && <PaymentStage flow={flow} />}
      {flow.phase === 'waiting' && otpOpen && <OtpEntry prompt={flow.otp} onSubmit={onSubmitOtp} onReject={onReject} />}

      {flow.phase === 'result' && (
        <div
          className={`card-outcome card-outcome--${flow.outcome}`}
          role="alert"
          data-testid="card-outcome"
          data-outcome={flow.outcome}
          data-method={flow.method}
        >
          <div className="card-outcome__head">{t(flow.outcome === 'declined' ? `${ns}.declined` : 'card.notFound')}</div>
          <p className="card-outcome__reason">
            {flow.outcome === 'declined'
              ? (flow.intent.reason?.[f.locale] ?? t(`${ns}.declinedGeneric`))
              : t(`${ns}.notFoundBody`)}
          </p>
          {flow.outcome === 'declined' && <p className="card-outcome__next">{t(`${ns}.declinedNext`)}</p>}
        </div>
      )}

      <div className="dialog__actions">
        {flow.phase === 'entry' && (
          <button type="button" className="btn btn--pay" data-testid="card-send" onClick={() => submit()}>
            {t(`${ns}.send`)} <Kbd k="enter" />
          </button>
        )}
        {flow.phase === 'result' && (
          <>
            <button type="button" className="btn btn--pay" data-testid="card-retry" onClick={() => submit()}>
              {t('card.retry')} <Kbd k="enter" />
            </button>
            <button type="button" className="btn btn--secondary" data-testid="card-pay-cash" onClick={onPayCash}>
              {t('card.payCashInstead')} <Kbd k="f12" />
            </button>
          </>
        )}
        {waiting ? (
          <button
            type="button"
            className="btn btn--danger"
            data-testid="card-cancel"
            disabled={flow.cancelRequested}
            onClick={onCancel}
          >
            {t(`${ns}.cancel`)} <Kbd k="esc" />
          </button>
        ) : (
          <button type="button" className="btn btn--secondary" data-testid="card-close" onClick={onClose}>
            {t('card.close')} <Kbd k="esc" />
          </button>
        )}
      </div>
    </Dialog>
  );
}
