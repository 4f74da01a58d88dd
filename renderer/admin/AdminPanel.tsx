// The admin area: the manager's PIN first (main checks it, rate-limited), then its tabs — the settings, the
// commissioning wizard, e-invoicing and updates. The PIN is held in this panel's state while it is open, for the calls it
// makes, and is gone when it closes. A till with no active user asks for its first admin first (FirstAdminForm).
import { useContext, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSettings, CommissioningReport } from '../../preload/contract/admin';
import type { NuqtaApi } from '../../preload/contract/api';
import { PinForm } from '../payments/PinForm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { useBannerCall } from '../terminal/useBannerCall';
import { CommissioningWizard } from './CommissioningWizard';
import { EinvoicingSection } from './einvoicing/EinvoicingSection';
import { SettingsForm } from './SettingsForm';
import { UpdatesSection } from './updates/UpdatesSection';
import { XReportSection } from './closing/XReportSection';
import { ReportsSection } from './reports/ReportsSection';

import { AuditSection } from './audit/AuditSection';
import { TrainingSection } from './training/TrainingSection';
import { AdoptSessionContext, SessionContext } from '../people/mayShow';
import { FirstAdminForm } from './users/FirstAdminForm';
import { UsersSection } from './users/UsersSection';

type Tab = 'settings' | 'commissioning' | 'einvoicing' | 'updates' | 'xreport' | 'reports' | 'audit' | 'users' | 'training';

/** Each tab and the locale key of its name. */
const TABS: readonly (readonly [Tab, string])[] = [
  ['settings', 'admin.tab_settings'],
  ['commissioning', 'admin.tab_commissioning'],
  ['einvoicing', 'einvoicing_admin.tab'],
  ['updates', 'updates_admin.tab'],
  ['xreport', 'closing.tab'],
  ['reports', 'reports.tab'],
  ['audit', 'audit.tab'],
  ['training', 'training.tab'],
  ['users', 'users_admin.tab'],
];

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  onClose(): void;
}

export function AdminPanel({ api, banner, onClose }: Props) {
  const { t } = useTranslation();
  const calls = useBannerCall(banner);
  const [pin, setPin] = useState<string | null>(null);
  const [settings, setSettings] = useState<AdminSettings | null>(null);
  const [report, setReport] = useState<CommissioningReport | null>(null);
  const [tab, setTab] = useState<Tab>('settings');
  const dialogRef = useRef<HTMLDivElement>(null);
  const session = useContext(SessionContext);
  const adoptSession = useContext(AdoptSessionContext);
  // A till with no active user is asked for its first admin before any PIN (a live till refuses the demo's).
  const firstAdmin = session?.firstAdmin ?? 'not_needed';

  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (pin) dialogRef.current?.focus();
  }, [pin]);

  const unlock = async (managerPin: string): Promise<boolean> => {
    const shown = await calls.call(() => api.getSettings({ managerPin }));
    if (!shown) return false;
    setPin(managerPin);
    setSettings(shown);
    const r = await api.getCommissioningReport({});
    if (r.ok) setReport(r.value);
    return true;
  };

  const save = async (patch: Parameters<NuqtaApi['updateSettings']>[0]['settings']) => {
    if (!pin) return undefined;
    const answer = await calls.call(() => api.updateSettings({ managerPin: pin, settings: patch }));
    if (answer?.outcome === 'saved' && answer.changed.length > 0) {
      // The form starts again from what main now holds.
      const fresh = await calls.call(() => api.getSettings({ managerPin: pin }));
      if (fresh) setSettings(fresh);
    }
    return answer;
  };

  const onKeyDown = useDialogKeys({ onClose });

  return (
    <Dialog labelledBy="admin-title" className="admin" testId="admin-panel" onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="admin__head">
        <h2 id="admin-title" className="dialog__title">
          {t('admin.title')}
        </h2>
        {pin && (
          <div className="admin__tabs" role="tablist">
            {TABS.map(([name, label]) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'btn btn--primary admin__tab' : 'btn btn--secondary admin__tab'}
                data-testid={`admin-tab-${name}`}
                onClick={() => setTab(name)}
              >
                {t(label)}
              </button>
            ))}
          </div>
        )}
        <div className="admin__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="admin-close" onClick={onClose}>
          {t('admin.close')} <Kbd k="esc" />
        </button>
      </div>

      {!pin && firstAdmin !== 'not_needed' && (
        <FirstAdminForm
          api={api}
          calls={calls}
          tillPinNeeded={firstAdmin === 'needed_with_till_pin'}
          onAdded={(signedIn, adminPin) => {
            adoptSession(signedIn);
            void unlock(adminPin);
          }}
          onCancel={onClose}
        />
      )}
      {!pin && firstAdmin === 'not_needed' && <PinForm title={t('admin.pinTitle')} body={t('admin.pinBody')} busy={calls.busy} onSubmit={unlock} onReject={banner.error} onCancel={onClose} />}
      {pin && settings && tab === 'settings' && <SettingsForm settings={settings} busy={calls.busy} onSave={save} />}
      {pin && tab === 'commissioning' && <CommissioningWizard api={api} managerPin={pin} calls={calls} report={report} onReport={setReport} />}
      {pin && tab === 'einvoicing' && <EinvoicingSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'updates' && <UpdatesSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'xreport' && <XReportSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'reports' && <ReportsSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'audit' && <AuditSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'training' && <TrainingSection api={api} managerPin={pin} calls={calls} />}
      {pin && tab === 'users' && <UsersSection api={api} managerPin={pin} calls={calls} />}
    </Dialog>
  );
}
