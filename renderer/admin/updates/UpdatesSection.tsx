// The admin area's Updates tab: the version running and the policy, what the feed offers (Check), the update
// staged and verified (Download, or an offline folder from a USB drive), and whether it may be installed now —
// with every reason it waits, in the cashier's language. Main decides all of it, again at "Install now": the view
// only shows main's answer and asks for a deliberate confirmation (a click, or Ctrl+Enter; never Enter alone,
// which a barcode scanner sends). Editing the policy stays in the Settings tab.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { InstallAnswer, UpdatesStatus } from '../../../preload/contract/updates';
import type { ErrorData } from '../../../preload/contract/schemas';
import { useFormat } from '../../format/FormatContext';
import { messageFor } from '../../i18n/messages';
import { confirmKeyAction, isPointerClick } from '../../keys/deliberateConfirm';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import './updates.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

export function UpdatesSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<UpdatesStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [hint, setHint] = useState(false);
  const [installed, setInstalled] = useState<InstallAnswer | null>(null);
  const say = (e: ErrorData) => messageFor(e, f.locale, f.digits);

  const run = async (call: () => ReturnType<NuqtaApi['getUpdates']>) => {
    const fresh = await calls.call(call);
    if (fresh) setStatus(fresh);
  };

  useEffect(() => {
    void run(() => api.getUpdates({ managerPin }));
    // Once, when the tab opens; afterwards on the admin's actions.
  }, []);

  const install = async () => {
    setConfirming(false);
    setHint(false);
    const answer = await calls.call(() => api.installUpdate({ managerPin }));
    if (!answer) return;
    setInstalled(answer);
    if (answer.outcome === 'refused') setStatus(answer.status);
  };

  if (!status) return <div className="upd" data-testid="updates-admin" data-loaded="0" />;
  const { check, staged, decision } = status;

  return (
    <div className="upd" data-testid="updates-admin" data-loaded="1" data-decision={decision.kind}>
      <section className="upd-box" aria-labelledby="upd-running-title">
        <h3 id="upd-running-title" className="upd__title">
          {t('updates_admin.running_title')}
        </h3>
        <dl className="upd-facts">
          <div className="upd-fact">
            <dt>{t('updates_admin.version')}</dt>
            <dd data-testid="updates-version">{status.currentVersion}</dd>
          </div>
          <div className="upd-fact">
            <dt>{t('updates_admin.policy')}</dt>
            <dd data-testid="updates-policy">{t(`updates_admin.policy_${status.policy}`)}</dd>
          </div>
          <div className="upd-fact">
            <dt>{t('updates_admin.hours')}</dt>
            <dd>{t('updates_admin.hours_value', { opens: status.opensAt, closes: status.closesAt })}</dd>
          </div>
          <div className="upd-fact">
            <dt>{t('updates_admin.feed')}</dt>
            <dd className="upd-code">{status.feedUrl ?? t('updates_admin.no_feed')}</dd>
          </div>
          <div className="upd-fact">
            <dt>{t('updates_admin.installer')}</dt>
            <dd data-testid="updates-installer">{t(`updates_admin.installer_${status.installer}`)}</dd>
          </div>
        </dl>
        <p className="upd__hint">{t('updates_admin.policy_hint')}</p>
      </section>

      <section className="upd-box" aria-labelledby="upd-feed-title">
        <h3 id="upd-feed-title" className="upd__title">
          {t('updates_admin.feed_title')}
        </h3>
        <div className="upd-actions">
          <button type="button" className="btn btn--secondary" data-testid="updates-check" disabled={calls.busy} onClick={() => void run(() => api.checkUpdates({ managerPin }))}>
            {t('updates_admin.check')}
          </button>
          <button type="button" className="btn btn--secondary" data-testid="updates-download" disabled={calls.busy} onClick={() => void run(() => api.downloadUpdate({ managerPin }))}>
            {t('updates_admin.download')}
          </button>
        </div>
        <p className="upd-check" data-testid="updates-check-result" data-status={check?.status ?? ''}>
          {check === null && t('updates_admin.not_checked')}
          {check?.status === 'off' && t('updates_admin.check_off')}
          {check?.status === 'no-feed' && t('updates_admin.check_no_feed')}
          {check?.status === 'up-to-date' && t('updates_admin.check_up_to_date', { latest: check.latest })}
          {check?.status === 'available' && t('updates_admin.check_available', { version: check.release.version, date: f.dateTime(check.release.releasedAt) })}
          {check?.status === 'failed' && <span className="upd--problem">{say(check.error)}</span>}
        </p>
        {check?.status === 'available' && <p className="upd__hint">{f.locale === 'ar' ? check.release.notes.ar : check.release.notes.en}</p>}
        <form
          className="upd-folder"
          onSubmit={(e) => {
            e.preventDefault();
            if (folder.trim() !== '') void run(() => api.importUpdateFolder({ managerPin, folder }));
          }}
        >
          <TextField
            label={t('updates_admin.folder')}
            hint={t('updates_admin.folder_hint')}
            className="field__input upd-code"
            data-testid="updates-folder"
            dir="ltr"
            disabled={calls.busy}
            value={folder}
            onValue={setFolder}
          />
          <button type="submit" className="btn btn--secondary" data-testid="updates-import" disabled={calls.busy || folder.trim() === ''}>
            {t('updates_admin.import')}
          </button>
        </form>
      </section>

      <section className="upd-box" aria-labelledby="upd-staged-title" data-testid="updates-staged" data-version={staged?.version ?? ''}>
        <h3 id="upd-staged-title" className="upd__title">
          {t('updates_admin.staged_title')}
        </h3>
        {staged === null ? (
          <p>{t('updates_admin.nothing_staged')}</p>
        ) : (
          <dl className="upd-facts">
            <div className="upd-fact">
              <dt>{t('updates_admin.version')}</dt>
              <dd>{staged.version}</dd>
            </div>
            <div className="upd-fact">
              <dt>{t('updates_admin.released')}</dt>
              <dd>{f.dateTime(staged.releasedAt)}</dd>
            </div>
            <div className="upd-fact">
              <dt>{t('updates_admin.signed_by')}</dt>
              <dd className="upd-code">{staged.signedBy}</dd>
            </div>
            <div className="upd-fact">
              <dt>{t('updates_admin.file')}</dt>
              <dd className="upd-code">{staged.installerPath}</dd>
            </div>
            <div className="upd-fact">
              <dt>SHA-256</dt>
              <dd className="upd-code">{staged.sha256}</dd>
            </div>
          </dl>
        )}

        <div className="upd-decision" data-testid="updates-decision" data-kind={decision.kind}>
          {decision.kind === 'may-install' && <p className="upd--ok">{t('updates_admin.may_install')}</p>}
          {decision.kind === 'policy-off' && <p className="upd--warning">{t('updates_admin.decision_policy_off')}</p>}
          {decision.kind === 'refuse' && <p className="upd--problem">{say(decision.reason)}</p>}
          {decision.kind === 'wait' && (
            <>
              <p className="upd--warning">{t('updates_admin.waits')}</p>
              <ul className="upd-reasons">
                {decision.reasons.map((r) => (
                  <li key={r.code} data-testid="updates-wait-reason" data-code={r.code}>
                    {say(r)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        {staged !== null && decision.kind === 'may-install' && !confirming && installed?.outcome !== 'installing' && (
          <button type="button" className="btn btn--primary" data-testid="updates-install" disabled={calls.busy} onClick={() => setConfirming(true)}>
            {t('updates_admin.install', { version: staged.version })}
          </button>
        )}
        {confirming && staged !== null && (
          <div
            className="upd-confirm"
            role="alertdialog"
            aria-labelledby="upd-confirm-text"
            tabIndex={-1}
            ref={(el) => el?.focus()}
            data-testid="updates-confirm"
            onKeyDown={(e) => {
              const action = confirmKeyAction(e, null);
              if (action === null) return;
              e.preventDefault();
              e.stopPropagation();
              if (action === 'confirm') void install();
              else setHint(true);
            }}
          >
            <p id="upd-confirm-text">{t('updates_admin.confirm', { version: staged.version })}</p>
            {hint && <p className="upd--warning">{t('updates_admin.confirm_hint')}</p>}
            <div className="upd-actions">
              <button type="button" className="btn btn--primary" data-testid="updates-install-confirm" onClick={(e) => (isPointerClick(e) ? void install() : setHint(true))}>
                {t('updates_admin.install_confirm')}
              </button>
              <button type="button" className="btn btn--secondary" data-testid="updates-install-cancel" onClick={() => setConfirming(false)}>
                {t('updates_admin.cancel')}
              </button>
            </div>
          </div>
        )}
        {installed?.outcome === 'installing' && (
          <p className="upd--ok" role="status" data-testid="updates-installing">
            {t('updates_admin.installing', { version: installed.version })}
          </p>
        )}
        {installed?.outcome === 'refused' && (
          <ul className="upd-reasons upd--problem" role="alert" data-testid="updates-refused">
            {installed.reasons.map((r) => (
              <li key={r.code} data-code={r.code}>
                {say(r)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
