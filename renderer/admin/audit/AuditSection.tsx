// The admin area's Audit tab (issue 14): the privileged acts main reads back from the journal — approvals, returns
// and refunds, voids, deleted lines, the drawer opened without a sale, settings changed (before → after), sign-ins
// and failed PINs, users, Z closings — newest first, a page at a time, filtered by user, action and dates; the same
// filtered list exported as CSV into the till's data folder.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import { AuditAction, type AuditFilter, type AuditRow, type ExportedFile } from '../../../preload/contract/exports';
import { useFormat } from '../../format/FormatContext';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import './audit.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

const PAGE = 50;

export function AuditSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [saved, setSaved] = useState<ExportedFile | null>(null);

  const filter = (): AuditFilter => ({
    ...(userId.trim() ? { userId: userId.trim() } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });

  const load = async (more: boolean) => {
    const page = await calls.call(() => api.listAudit({ ...filter(), limit: PAGE, managerPin, ...(more && next ? { cursor: next } : {}) }));
    if (!page) return;
    setRows(more ? [...(rows ?? []), ...page.rows] : page.rows);
    setNext(page.nextCursor);
  };
  useEffect(() => {
    void load(false);
    // Once, when the tab opens; then on Show.
  }, []);

  const exportCsv = async () => {
    const file = await calls.call(() => api.exportAudit({ ...filter(), managerPin }));
    if (file) setSaved(file);
  };

  return (
    <div className="audit" data-testid="audit" data-loaded={rows ? '1' : '0'}>
      <form
        className="audit__filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <TextField label={t('audit.user')} data-testid="audit-user" value={userId} onValue={setUserId} maxLength={64} dir="ltr" />
        <label className="field">
          <span className="field__label">{t('audit.action')}</span>
          <select className="field__input" data-testid="audit-action" value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('audit.allActions')}</option>
            {AuditAction.options.map((a) => (
              <option key={a} value={a}>
                {t(`audit.action_${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('audit.from')}</span>
          <input type="date" className="field__input" data-testid="audit-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('audit.to')}</span>
          <input type="date" className="field__input" data-testid="audit-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <div className="audit__buttons">
          <button type="submit" className="btn btn--primary" data-testid="audit-show" disabled={calls.busy}>
            {t('audit.show')}
          </button>
          <button type="button" className="btn btn--secondary" data-testid="audit-export" disabled={calls.busy} onClick={() => void exportCsv()}>
            {t('audit.exportCsv')}
          </button>
        </div>
      </form>
      {saved && (
        <p className="audit__saved" role="status" data-testid="export-saved" data-file={saved.fileName}>
          {t('exports.saved')} <bdi className="audit__path">{saved.path}</bdi>
        </p>
      )}
      {rows && rows.length === 0 && <p data-testid="audit-empty">{t('audit.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="audit__table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.user')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} data-testid="audit-row" data-type={r.type} data-seq={r.seq}>
                <td>{f.dateTime(r.at)}</td>
                <td>{t(`audit.action_${r.action}`)}</td>
                <td>
                  <bdi>{r.userId ?? '—'}</bdi>
                </td>
                <td>
                  <bdi>{r.detail}</bdi>
                  {(r.before !== null || r.after !== null) && (
                    <div className="audit__change">
                      <bdi>{r.before ?? '—'}</bdi> → <bdi>{r.after ?? '—'}</bdi>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" className="btn btn--secondary" data-testid="audit-more" disabled={calls.busy} onClick={() => void load(true)}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
