// One document as the manager checks it: its identity, where it is in the queue, ZATCA's messages (the errors of
// a rejection, the warnings kept with a report) and the hashes of what is stored. The XML itself stays on the
// till: the view touches no files, so the admin is shown the command that prints it byte for byte.
import { useTranslation } from 'react-i18next';
import type { EinvoiceItem } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { ReissueButton } from './ReissueButton';
import { SimplifiedInsteadButton } from './SimplifiedInsteadButton';
import type { Labels } from './useLabels';

interface Props {
  doc: EinvoiceItem;
  labels: Labels;
  /** What answering a rejected invoice needs (the admin's PIN, the banner), and the list to reload after. */
  reissue: Omit<Parameters<typeof ReissueButton>[0], 'doc'>;
}

export function DocumentDetail({ doc, labels, reissue }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="einv-detail-panel" aria-labelledby="einv-detail-title" data-testid="einv-detail" data-receipt-no={doc.receiptNo} data-state={doc.state}>
      <h4 id="einv-detail-title" className="einv__title">
        {t('einvoicing_admin.detail_title', { receiptNo: doc.receiptNo })}
      </h4>
      <dl className="einv-facts">
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.col_state')}</dt>
          <dd className={`einv-state einv-state--${doc.state}`}>{labels.state(doc.state)}</dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.col_kind')}</dt>
          <dd>{labels.kind(doc.kind)}</dd>
        </div>
        {doc.clearance && (
          <div className="einv-fact">
            <dt>{t('einvoicing_admin.clearance')}</dt>
            <dd data-testid="einv-clearance" data-clearance={doc.clearance}>
              {t(`einvoicing_admin.clearance_${doc.clearance}`)}
            </dd>
          </div>
        )}
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.col_icv')}</dt>
          <dd>{f.int(doc.icv)}</dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.issued')}</dt>
          <dd>
            <bdi dir="ltr">{f.dateTime(doc.issuedAt)}</bdi>
          </dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.uuid')}</dt>
          <dd>
            <bdi className="einv-code" dir="ltr">
              {doc.uuid}
            </bdi>
          </dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.attempts')}</dt>
          <dd>{f.int(doc.attempts)}</dd>
        </div>
        {doc.state === 'waiting' && doc.nextAttemptAt && (
          <div className="einv-fact">
            <dt>{t('einvoicing_admin.nextAttempt')}</dt>
            <dd>
              <bdi dir="ltr">{f.dateTime(doc.nextAttemptAt)}</bdi>
            </dd>
          </div>
        )}
        {doc.reportedAt && (
          <div className="einv-fact">
            <dt>{t('einvoicing_admin.reportedAt')}</dt>
            <dd>
              <bdi dir="ltr">{f.dateTime(doc.reportedAt)}</bdi>
            </dd>
          </div>
        )}
        {doc.lastError && (
          <div className="einv-fact">
            <dt>{t('einvoicing_admin.lastError')}</dt>
            <dd>
              <bdi className="einv-code" dir="ltr" data-testid="einv-last-error">
                {doc.lastError}
              </bdi>
            </dd>
          </div>
        )}
      </dl>

      <p className="einv__subtitle">{t('einvoicing_admin.zatcaSaid')}</p>
      {doc.messages.length === 0 ? (
        <p className="einv__hint" data-testid="einv-no-messages">
          {t('einvoicing_admin.noMessages')}
        </p>
      ) : (
        <ul className="einv-messages" data-testid="einv-messages">
          {doc.messages.map((m, i) => (
            <li key={`${m.code}-${i}`} className={`einv-message einv-message--${m.status.toLowerCase() === 'error' ? 'error' : 'warning'}`} data-testid="einv-message" data-code={m.code}>
              <bdi dir="ltr">
                <code>{m.code}</code> {m.status && <span className="einv-message__status">{m.status}</span>} {m.message}
              </bdi>
            </li>
          ))}
        </ul>
      )}

      <ReissueButton key={`${doc.egsId}#${doc.icv}`} doc={doc} {...reissue} />
      <SimplifiedInsteadButton key={`s${doc.egsId}#${doc.icv}`} doc={doc} api={reissue.api} calls={reissue.calls} onDone={reissue.onDone} />

      <dl className="einv-facts einv-hashes">
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.invoiceHash')}</dt>
          <dd>
            <bdi className="einv-code" dir="ltr" data-testid="einv-invoice-hash">
              {doc.invoiceHash}
            </bdi>
          </dd>
        </div>
        <div className="einv-fact">
          <dt>{t('einvoicing_admin.xmlSha256')}</dt>
          <dd>
            <bdi className="einv-code" dir="ltr" data-testid="einv-xml-sha256">
              {doc.xmlSha256 ?? '—'}
            </bdi>
          </dd>
        </div>
      </dl>
      <p className="einv__hint">{t('einvoicing_admin.xmlHint')}</p>
      <code className="einv-command" dir="ltr" data-testid="einv-xml-command">
        nuqta zatca xml {doc.receiptNo}
      </code>
    </section>
  );
}
