// The admin's methods: the settings screen and the commissioning wizard. Guarded by the manager PIN until
// per-user roles exist (main/auth's check, rate-limited and journaled like every other manager action).
import type { Db } from '../db';
import type { Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';
import type { Journal } from '../ledger';
import type { TillLog } from '../logging';
import type { Payments } from '../payments';
import type { PrintService } from '../printing/service';
import { exportable, type SettingsStore } from '../settings';
import { applySettingsPatch } from './admin/settings-update';
import { settingsFields } from './admin/settings-fields';
import { createCommissioning } from './commissioning';
import { changeSettings } from './settings-change';

export interface AdminDeps {
  db: Db;
  journal: Journal;
  settings: SettingsStore;
  manager: ManagerAuth;
  printing: PrintService;
  payments: Payments;
  /** Where the commissioning report is saved. */
  dataDir: string;
  log: Pick<TillLog, 'warn'>;
}

export type AdminHandlers = Pick<Handlers, 'getSettings' | 'updateSettings' | 'commissioningStep' | 'getCommissioningReport'>;

export function createAdminHandlers({ db, journal, settings, manager, printing, payments, dataDir, log }: AdminDeps): AdminHandlers {
  const commissioning = createCommissioning({ db, journal, settings: settings.get, printing, payments, dataDir, log, now: () => new Date() });
  const shown = () => {
    const current = exportable(settings.get());
    // Plain JSON already (it is stored as JSON); the round trip drops what JSON cannot carry, should any appear.
    const json = JSON.parse(JSON.stringify(current)) as Record<string, never>;
    return { settings: json, fields: settingsFields(current) };
  };
  return {
    getSettings: ({ managerPin }) => {
      manager.check(managerPin);
      return shown();
    },
    updateSettings: ({ managerPin, settings: patch }) => {
      manager.check(managerPin);
      const outcome = applySettingsPatch(settings.get(), patch);
      if (!outcome.ok) return { outcome: 'invalid', errors: outcome.errors };
      const changes = changeSettings(db, journal, settings, outcome.settings, 'admin-screen');
      return { outcome: 'saved', changed: changes.map((c) => c.key), restartNeeded: changes.length > 0 };
    },
    commissioningStep: async ({ managerPin, ...input }) => {
      manager.check(managerPin);
      return commissioning.run({ managerPin, ...input });
    },
    getCommissioningReport: () => commissioning.report(),
  };
}
