// One card or STC Pay transaction as the terminal panel lists it: what, how much, on which card (or STC Pay
// wallet, by its masked mobile number), and how it stands.
import { useTranslation } from 'react-i18next';
import type { IntentSummary } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { cardName, intentMethod, walletText } from '../payments/cardText';

export function IntentRow({ intent }: { intent: IntentSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const wallet = intent.card ? walletText(intent.card, t) : null;
  const reason = intent.reason?.[f.locale];
  const stcPay = intentMethod(intent) === 'stcpay';
  return (
    <div className="intent-row" data-method={intent.method}>
      <div className="intent-row__main">
        <span className="intent-row__kind">{t(`terminal.kind_${intent.kind}`)}</span>
        <span className={`intent-state intent-state--${intent.state}`} data-state={intent.state}>
          {t(`terminal.state_${intent.state}`)}
        </span>
        <span className="intent-row__amount">{f.money(intent.amountHalalas)}</span>
      </div>
      <div className="intent-row__meta">
        {intent.card ? (
          <bdi className="intent-row__card" dir="ltr">
            {cardName(intent.card)}
          </bdi>
        ) : (
          stcPay && <span className="intent-row__card">{t('stcpay.name')}</span>
        )}
        {wallet && <span>{wallet}</span>}
        {stcPay && intent.card?.rrn && (
          <span>
            {t('stcpay.reference')} <bdi dir="ltr">{intent.card.rrn}</bdi>
          </span>
        )}
        {intent.card?.authCode && (
          <span>
            {t('receipt.approvalCode')} <bdi dir="ltr">{intent.card.authCode}</bdi>
          </span>
        )}
        <bdi dir="ltr">{intent.reference}</bdi>
        {intent.createdAt && <bdi dir="ltr">{f.dateTime(intent.createdAt)}</bdi>}
        {intent.saleId && <span>{t('terminal.sale', { id: intent.saleId.slice(0, 8) })}</span>}
      </div>
      {reason && <p className="intent-row__reason">{reason}</p>}
    </div>
  );
}
