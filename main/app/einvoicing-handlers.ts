// The admin screen's e-invoicing section: the unit and the reporting queue at a glance, onboarding with an OTP
// from the FATOORA portal (main/einvoicing does the work; this only calls it), and the documents with ZATCA's
// messages. Every call is guarded by the manager PIN (main/auth: rate-limited, journaled), as the settings are.
import { createHash } from 'node:crypto';
import type { EinvoiceEnvironment, EinvoiceItem, EinvoicingStatus } from '../../preload/contract';
import type { Db } from '../db';
import { configuredEnvironment, type Einvoicing, type ListedDocument } from '../einvoicing';
import { platformText } from '../einvoicing/platform';
import type { Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';
import type { Journal } from '../ledger';
import type { SettingsStore, TillSettings } from '../settings';
import { failedOnboarding, failedRenewal, refusedOnboarding } from './einvoicing-admin/onboard-answer';
import { changeSettings } from './settings-change';

export interface EinvoicingAdminDeps {
  einvoicing: Pick<Einvoicing, 'unit' | 'status' | 'ready' | 'onboard' | 'renew' | 'documents' | 'documentCounts' | 'xmlFor' | 'xmlOf'>;
  manager: ManagerAuth;
  settings: SettingsStore;
  /** For the settings change when onboarding moves the till to another environment. */
  db: Db;
  journal: Journal;
}

export type EinvoicingAdminHandlers = Pick<Handlers, 'getEinvoicing' | 'onboardEinvoicing' | 'renewEinvoicing' | 'listEinvoices'>;

const ZATCA_ENVIRONMENTS: readonly EinvoiceEnvironment[] = ['sandbox', 'simulation', 'production'];

/**
 * Where this screen may onboard. A demo till (the simulator) may go live in any of ZATCA's environments. A till
 * already set up for one of them is onboarded again only there: moving between ZATCA's environments is a
 * settings change made on purpose (`nuqta config set einvoicing`), never a pick in a list, because documents
 * still waiting are reported where the till points.
 */
function environmentsFor(configured: EinvoiceEnvironment | null): EinvoiceEnvironment[] {
  if (configured === null) return [];
  return configured === 'simulator' ? ['simulator', ...ZATCA_ENVIRONMENTS] : [configured];
}

const platformOf = (environment: EinvoiceEnvironment): NonNullable<TillSettings['einvoicing']>['platform'] =>
  environment === 'simulator' ? { kind: 'simulator' } : { kind: 'zatca', environment };

const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function createEinvoicingHandlers({ einvoicing, manager, settings, db, journal }: EinvoicingAdminDeps): EinvoicingAdminHandlers {
  // One onboarding at a time: two at once would each make a unit and the second would retire the first.
  let onboarding = false;

  const statusNow = (): EinvoicingStatus => {
    const environment = configuredEnvironment(settings.get());
    const unit = einvoicing.unit();
    const queue = einvoicing.status();
    return {
      environment,
      ready: environment !== null && einvoicing.ready(),
      // The service does not read the certificate's serial number out yet (see the report of this change).
      unit: unit ? { egsId: unit.egsId, environment: unit.environment, certificateSerial: null, notAfter: unit.notAfter, daysToExpiry: unit.daysToExpiry } : null,
      counts: { waiting: queue.waiting, reported: queue.reported, warned: queue.warned, rejected: queue.rejected },
      oldestWaitingAt: queue.oldestWaitingAt,
      oldestWaitingMinutes: queue.oldestWaitingMinutes,
      urgency: queue.urgency,
      lastProblem: queue.lastProblem
        ? { error: platformText.data(queue.lastProblem.kind === 'unauthorized' ? 'ZATCA_UNAUTHORIZED' : 'ZATCA_UNREACHABLE'), at: queue.lastProblem.at }
        : null,
      environments: environmentsFor(environment),
    };
  };

  /** After a successful onboarding elsewhere than the settings name, the settings follow (one journaled change). */
  const pointSettingsAt = (environment: EinvoiceEnvironment): boolean => {
    const current = settings.get();
    if (!current.einvoicing || configuredEnvironment(current) === environment) return false;
    const next: TillSettings = { ...current, einvoicing: { ...current.einvoicing, platform: platformOf(environment) } };
    return changeSettings(db, journal, settings, next, 'admin-screen', { reason: 'einvoicing-onboarded' }).length > 0;
  };

  const itemOf = (d: ListedDocument): EinvoiceItem => {
    // By the document's own key: a receipt number can carry several documents (a corrected or replaced invoice).
    const xml = einvoicing.xmlOf(d.egsId, d.icv);
    return {
      egsId: d.egsId,
      icv: d.icv,
      receiptNo: d.number,
      kind: d.kind,
      uuid: d.uuid,
      issuedAt: d.issuedAt,
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastError: d.lastError,
      // Stored as ZATCA sent them (a JSON column): each field read as text, whatever it holds.
      messages: d.messages.map((m) => ({ code: String(m.code ?? ''), category: String(m.category ?? ''), message: String(m.message ?? ''), status: String(m.status ?? '') })),
      reportedAt: d.reportedAt,
      invoiceHash: d.hash,
      xmlSha256: xml ? sha256Hex(xml) : null,
      reissuedIcv: d.reissuedIcv,
      profile: d.profile,
      clearance: d.clearance,
    };
  };

  return {
    getEinvoicing: ({ managerPin }) => {
      manager.check(managerPin);
      return statusNow();
    },

    onboardEinvoicing: async ({ managerPin, environment, otp }) => {
      manager.check(managerPin);
      const configured = configuredEnvironment(settings.get());
      if (configured === null) return refusedOnboarding('EINVOICE_ONBOARD_OFF');
      if (!environmentsFor(configured).includes(environment)) return refusedOnboarding('EINVOICE_ONBOARD_ENVIRONMENT');
      if (onboarding) return refusedOnboarding('EINVOICE_ONBOARD_BUSY');
      onboarding = true;
      try {
        const result = await einvoicing.onboard(otp, environment);
        if (!result.ok) return failedOnboarding(result);
        const settingsChanged = pointSettingsAt(environment);
        return { outcome: 'onboarded', checks: result.checks, settingsChanged, status: statusNow() };
      } finally {
        onboarding = false;
      }
    },

    renewEinvoicing: async ({ managerPin, otp }) => {
      manager.check(managerPin);
      // One platform conversation at a time, like onboarding: both replace the unit's key and certificate.
      if (onboarding) return { ...refusedOnboarding('EINVOICE_ONBOARD_BUSY'), step: null };
      onboarding = true;
      try {
        const result = await einvoicing.renew({ otp });
        if (!result.ok) return failedRenewal(result);
        return { outcome: 'renewed', notAfter: result.notAfter, previousNotAfter: result.previousNotAfter, status: statusNow() };
      } finally {
        onboarding = false;
      }
    },

    listEinvoices: ({ managerPin, state, page, pageSize }) => {
      manager.check(managerPin);
      const counts = einvoicing.documentCounts();
      const total = state ? counts[state] : counts.waiting + counts.reported + counts.warned + counts.rejected;
      const items = einvoicing.documents(pageSize, page * pageSize, state).map(itemOf);
      return { items, total, counts, page, pageSize };
    },
  };
}
