// The unit and the reporting queue at a glance: where the till reports, whether it is onboarded there, the
// certificate and its days left, how many documents wait (and since when) or were rejected, the last problem.
import { useTranslation } from 'react-i18next';
import type { EinvoicingStatus } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { expiryTone, urgencyTone } from './einvoicingView';
import type { Labels } from './useLabels';

interface Props {
  status: EinvoicingStatus;
  labels: Labels;
}

export function StatusSummary({ status, labels }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { unit, counts } = status;
  const onboarded = status.environment !== null && status.ready && unit !== null;
  const days = unit?.daysToExpiry ?? null;
  const say = (e: { message_ar: string; message_en: string }) => (f.locale === 'ar' ? e.message_ar : e.message_en);

  return (
    <section
      className="einv-status"
      aria-labelledby="einv-status-title"
      data-testid="einv-status"
      data-environment={status.environment ?? ''}
      data-onboarded={onboarded ? '1' : '0'}
      data-waiting={counts.waiting}
      data-rejected={counts.rejected}
    >
      <h3 id="einv-status-title" className="einv__title">
        {t('einvoicing_admin.status_title')}
      </h3>
      {status.environment === null ? (
        <p className="einv-status__state einv--warning" data-testid="einv-off">
          {t('einvoicing_admin.off')}
        </p>
      ) : (
        <p className={`einv-status__state ${onboarded ? 'einv--ok' : 'einv--problem'}`} data-testid="einv-onboarded">
          {onboarded ? t('einvoicing_admin.onboarded') : t('einvoicing_admin.notOnboarded')}
        </p>
      )}
      <dl className="einv-facts">
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.environment')}</dt>
          <dd data-testid="einv-environment">{status.environment ? labels.environment(status.environment) : '—'}</dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.unit')}</dt>
          <dd>
            <bdi className="einv-code" dir="ltr" data-testid="einv-unit-id">
              {unit?.egsId ?? '—'}
            </bdi>
          </dd>
        </div>
        {unit?.certificateSerial && (
          <div className="einv-fact">
            <dt>{t('einvoicing_admin.certificateSerial')}</dt>
            <dd>
              <bdi className="einv-code" dir="ltr" data-testid="einv-certificate-serial">
                {unit.certificateSerial}
              </bdi>
            </dd>
          </div>
        )}
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.certificateExpiry')}</dt>
          <dd data-testid="einv-certificate-expiry" data-not-after={unit?.notAfter ?? ''} data-days={days ?? ''} data-tone={expiryTone(days)} className={`einv--${expiryTone(days)}`}>
            {unit?.notAfter ? <bdi dir="ltr">{f.dateTime(unit.notAfter)}</bdi> : '—'}
            {days !== null && <span className="einv-days">{days >= 0 ? t('einvoicing_admin.daysLeft', { days: f.int(days) }) : t('einvoicing_admin.expired', { days: f.int(-days) })}</span>}
          </dd>
        </div>
      </dl>
      {unit && unit.environment !== status.environment && (
        <p className="einv--warning" data-testid="einv-unit-elsewhere">
          {t('einvoicing_admin.unitElsewhere', { environment: labels.environment(unit.environment) })}
        </p>
      )}

      <ul className="einv-counts">
        <li className={counts.waiting > 0 ? `einv-count einv--${urgencyTone(status.urgency)}` : 'einv-count'} data-testid="einv-count-waiting">
          <span className="einv-count__n">{f.int(counts.waiting)}</span> {t('einvoicing_admin.waiting')}
        </li>
        <li className={counts.rejected > 0 ? 'einv-count einv--problem' : 'einv-count'} data-testid="einv-count-rejected">
          <span className="einv-count__n">{f.int(counts.rejected)}</span> {t('einvoicing_admin.rejected')}
        </li>
        <li className="einv-count" data-testid="einv-count-reported">
          <span className="einv-count__n">{f.int(counts.reported)}</span> {t('einvoicing_admin.reportedCount')}
        </li>
        <li className={counts.warned > 0 ? 'einv-count einv--warning' : 'einv-count'} data-testid="einv-count-warned">
          <span className="einv-count__n">{f.int(counts.warned)}</span> {t('einvoicing_admin.warnedCount')}
        </li>
      </ul>
      <p className={`einv-oldest einv--${urgencyTone(status.urgency)}`} data-testid="einv-oldest" data-minutes={status.oldestWaitingMinutes ?? ''} data-urgency={status.urgency}>
        {t('einvoicing_admin.oldestWaiting')}:{' '}
        {status.oldestWaitingMinutes === null ? t('einvoicing_admin.noneWaiting') : labels.age(status.oldestWaitingMinutes)}
        {status.urgency === 'late' && ` — ${t('einvoicing_admin.urgency_late')}`}
        {status.urgency === 'overdue' && ` — ${t('einvoicing_admin.urgency_overdue')}`}
      </p>
      {status.lastProblem && (
        <p className="einv-problem einv--problem" role="alert" data-testid="einv-last-problem" data-code={status.lastProblem.error.code}>
          {t('einvoicing_admin.lastProblem')} (<bdi dir="ltr">{f.dateTime(status.lastProblem.at)}</bdi>): {say(status.lastProblem.error)}
        </p>
      )}
    </section>
  );
}
