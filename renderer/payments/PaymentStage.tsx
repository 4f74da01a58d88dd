// Where a card or STC Pay payment is: three steps (connect, the customer's part, processing) and what the
// cashier should do now. The customer's part is the card and PIN at the terminal, or for STC Pay the code
// the customer reads from the app.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/FormatContext';
import { shownStage, stepOf, type Waiting } from './paymentFlow';

const STEPS = {
  card: ['card.step_connect', 'card.step_customer', 'card.step_processing'],
  stcpay: ['stcpay.step_connect', 'stcpay.step_customer', 'stcpay.step_processing'],
} as const;

export function PaymentStage({ flow }: { flow: Waiting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const stage = shownStage(flow);
  const step = stepOf(stage);
  // The card's texts and the STC Pay texts live side by side in the locale files, key for key.
  const ns = flow.method === 'stcpay' ? 'stcpay' : 'card';
  return (
    <div
      className={`card-stage card-stage--${stage}`}
      role="status"
      aria-live="polite"
      data-testid="card-stage"
      data-stage={stage}
      data-method={flow.method}
      data-cancelling={flow.cancelRequested ? 'true' : undefined}
    >
      <ol className="card-steps">
        {STEPS[flow.method].map((key, i) => (
          <li key={key} className={`card-steps__step${i < step ? ' is-done' : ''}${i === step ? ' is-current' : ''}`}>
            <span className="card-steps__dot" aria-hidden="true">
              {f.int(i + 1)}
            </span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ol>
      <p className="card-stage__text">
        {flow.cancelRequested ? t(`${ns}.cancelling`) : flow.otpSent ? t('stcpay.checkingCode') : t(`${ns}.stage_${stage}`)}
      </p>
      <p className="card-stage__amount">{t(`${ns}.sending`, { amount: f.money(flow.amountHalalas) })}</p>
      <p className="card-stage__hint">{t('card.dontRemove')}</p>
    </div>
  );
}
