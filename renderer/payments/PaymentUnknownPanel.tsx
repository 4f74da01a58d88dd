// Shown over the sale whenever its card or STC Pay payment's outcome is unknown: the customer may or may not
// have paid. Nothing on the sale can change until main learns the answer (it keeps asking the terminal or STC
// Pay) or a manager records it from the terminal's own receipt (STC Pay: its merchant portal).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntentSummary } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { Kbd } from '../shell/Kbd';
import { intentMethod } from './cardText';

interface Props {
  payment: IntentSummary;
  checking: boolean;
  /** Off while a dialog covers the screen, so its buttons are the only ones of their kind. */
  showActions: boolean;
  onRecover(): void;
  /** Absent: the signed-in role may not resolve a payment (renderer/people/mayShow.ts). */
  onResolve?: () => void;
}

export const PaymentUnknownPanel = memo(function PaymentUnknownPanel({ payment, checking, showActions, onRecover, onResolve }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = payment.reason?.[f.locale] ?? null;
  const stcPay = intentMethod(payment) === 'stcpay';
  return (
    <section className="unknown" role="alert" aria-labelledby="unknown-title" data-testid="payment-unknown" data-method={payment.method}>
      <div className="unknown__head">
        <span className="unknown__icon" aria-hidden="true">
          ?
        </span>
        <h2 id="unknown-title" className="unknown__title">
          {t('unknown.title')}
        </h2>
        {stcPay && <span className="unknown__method">{t('stcpay.name')}</span>}
        <span className="unknown__amount">{f.money(payment.amountHalalas)}</span>
      </div>
      <p className="unknown__body">{t(stcPay ? 'unknown.stcpay_body' : 'unknown.body')}</p>
      <p className="unknown__reason" data-testid="card-outcome" data-outcome="unknown">
        {reason ?? t('unknown.locked')}
      </p>
      <dl className="unknown__facts">
        <div>
          <dt>{t('unknown.reference')}</dt>
          <dd dir="ltr">{payment.reference}</dd>
        </div>
        <div>
          <dt>{t('unknown.started')}</dt>
          <dd dir="ltr">{f.dateTime(payment.createdAt)}</dd>
        </div>
      </dl>
      {reason && <p className="unknown__locked">{t('unknown.locked')}</p>}
      {showActions && (
        <div className="unknown__actions">
          <button type="button" className="btn btn--primary" data-testid="recover-payment" disabled={checking} onClick={onRecover}>
            {checking ? t('unknown.checking') : t('unknown.recover')} <Kbd k="f2" />
          </button>
          {onResolve && (
            <button type="button" className="btn btn--secondary" data-testid="resolve-open" onClick={onResolve}>
              {t(stcPay ? 'unknown.stcpay_resolve' : 'unknown.resolve')} <Kbd k="f3" />
            </button>
          )}
        </div>
      )}
    </section>
  );
});
