// What the terminal panel says about where payments go: the card terminal (protocol, connection, last check)
// and STC Pay (reachable or not, and why not), as main last found them.
import { useTranslation } from 'react-i18next';
import type { TerminalStatus } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';

export function CardTerminalFacts({ status }: { status: TerminalStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="terminal__facts">
      <div>
        <dt>{t('terminal.protocol')}</dt>
        <dd dir="ltr" data-testid="terminal-protocol">
          {status.protocol ?? '—'}
        </dd>
      </div>
      <div>
        <dt>{t('terminal.transport')}</dt>
        <dd dir="ltr">{status.transport ?? '—'}</dd>
      </div>
      {status.detail && (
        <div>
          <dt>{t('terminal.detail')}</dt>
          <dd>{status.detail}</dd>
        </div>
      )}
      {status.checkedAt && (
        <div>
          <dt>{t('terminal.checkedAt')}</dt>
          <dd dir="ltr">{f.dateTime(status.checkedAt)}</dd>
        </div>
      )}
    </dl>
  );
}

type StcPayStatus = NonNullable<TerminalStatus['stcPay']>;

export function StcPayFacts({ stcPay }: { stcPay: StcPayStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="terminal__block terminal__stcpay" data-testid="terminal-stcpay">
      <h3 className="terminal__section-title">
        {t('stcpay.name')}
        <span className={`health health--${stcPay.health}`} data-testid="terminal-stcpay-health" data-health={stcPay.health}>
          <span className="health__dot" aria-hidden="true" />
          {t(`terminal.health_${stcPay.health}`)}
        </span>
      </h3>
      <dl className="terminal__facts">
        <div>
          <dt>{t('terminal.transport')}</dt>
          <dd dir="ltr">{stcPay.transport}</dd>
        </div>
        {stcPay.detail && (
          <div>
            <dt>{t('terminal.detail')}</dt>
            <dd dir="ltr">{stcPay.detail}</dd>
          </div>
        )}
        <div>
          <dt>{t('terminal.checkedAt')}</dt>
          <dd dir="ltr">{stcPay.checkedAt ? f.dateTime(stcPay.checkedAt) : t('terminal.health_not_checked')}</dd>
        </div>
      </dl>
      <p className="terminal__note">{t('stcpay.checkedInBackground')}</p>
    </div>
  );
}
