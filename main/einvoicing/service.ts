// E-invoicing for the till: the issuer the checkout calls inside the sale's transaction, the reporting queue
// that works in the background, onboarding, and what the manager and the health page see. The platform (ZATCA's
// FATOORA or the built-in simulator) is handed in by the composition root; this domain never starts a simulator.
import type { Receipt } from '../../preload/contract';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import type { SecretStore } from '../secrets';
import type { TillSettings } from '../settings';
import { createCredentials } from './credentials';
import { createIssuer, type IssuedDocument } from './issuer';
import type { NoteReference } from './from-receipt';
import { onboardUnit, type OnboardResult } from './onboarding/onboard';
import { renewUnit, unitCertificates, type RenewResult } from './onboarding/renew';
import type { PlatformClient, PlatformCredentials } from './platform';
import { createQueueStore, type QueuedDocument, type ReportState } from './reporting/queue-store';
import { createReportingQueue, type QueueRunResult } from './reporting/queue';
import { reportingStatus, type ReportingStatus } from './reporting/status';
import { createUnitStore, secretNamesOf, type UnitEnvironment, type UnitRow } from './units';

/** Where the till reports: ZATCA's platform, or the simulator (which onboards the demo with its own OTP). */
export interface PlatformAccess {
  client: PlatformClient;
  environment: UnitEnvironment;
  simulator?: {
    otp: string;
    /** A unit onboarded in an earlier run: the simulator learns its certificate and where its chain stands. */
    adopt(unit: { certificate: string; secret: string; chain: { icv: number; hash: string } | null }): PlatformCredentials;
  };
}

export interface EinvoicingDeps {
  db: Db;
  journal: Journal;
  secrets: SecretStore;
  settings: () => TillSettings;
  platform: (environment: UnitEnvironment) => Promise<PlatformAccess | null>;
  appVersion: string;
  log: { info(message: string, detail?: unknown): void; warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void };
  /** How often the queue looks for work besides after each sale. */
  queueIntervalMs?: number;
  now?: () => Date;
}

export interface UnitSummary {
  egsId: string;
  environment: UnitEnvironment;
  notAfter: string | null;
  daysToExpiry: number | null;
}

/** The demo renews its certificate at start with fewer days left than this (the health page warns from 30). */
export const DEMO_RENEW_DAYS = 30;

/** The environment the settings ask for; null when e-invoicing is off. */
export const configuredEnvironment = (settings: TillSettings): UnitEnvironment | null =>
  !settings.einvoicing ? null : settings.einvoicing.platform.kind === 'simulator' ? 'simulator' : settings.einvoicing.platform.environment;

/** What every call with a CSID sends: the certificate as a token (Base64 of its Base64 text) and the secret. */
export const tokenOf = (certificateBase64: string): string => Buffer.from(certificateBase64, 'utf8').toString('base64');

export function createEinvoicing(deps: EinvoicingDeps) {
  const { db, secrets, log } = deps;
  const now = deps.now ?? (() => new Date());
  const units = createUnitStore(db);
  const credentials = createCredentials(units, secrets);
  // A unit onboarded for another environment (the demo's simulator unit on a till switched to production) does
  // not sign: the till says it is not onboarded until the admin onboards it where the settings point.
  const matchingCredentials = {
    current: () => {
      const unit = units.active();
      const wanted = configuredEnvironment(deps.settings());
      return unit && unit.environment === wanted ? credentials.current() : null;
    },
    forget: credentials.forget,
  };
  const issuer = createIssuer({ db, journal: deps.journal, settings: deps.settings, credentials: matchingCredentials });
  const queueStore = createQueueStore(db, deps.journal);
  let access: PlatformAccess | null = null;
  let reporting: PlatformCredentials | null = null;
  const queue = createReportingQueue({ store: queueStore, reporter: () => (access && reporting ? access.client.reporter(reporting) : null), now, log });
  let timer: NodeJS.Timeout | null = null;
  let kickPending = false;
  let closed = false;

  const runQueue = async (): Promise<QueueRunResult | null> => {
    if (closed) return null;
    try {
      const result = await queue.runOnce();
      if (result.sent > 0) log.info('e-invoices reported', result);
      return result;
    } catch (e) {
      log.error('the e-invoice reporting queue failed', e);
      return null;
    }
  };

  /** The credentials to report with: the active unit's, introduced to the simulator when that is the platform. */
  const reportingCredentials = (unit: UnitRow): PlatformCredentials | null => {
    const secret = secrets.get(secretNamesOf(secrets, unit).csidSecret);
    if (!secret || !unit.certificate) return null;
    const own = { binarySecurityToken: tokenOf(unit.certificate), secret: Buffer.from(secret).toString('utf8') };
    if (!access?.simulator) return own;
    const waiting = queueStore.oldestWaiting();
    // Documents signed before a renewal may still wait: a fresh simulator must know their certificates too.
    for (const earlier of waiting ? unitCertificates(db, unit.egs_id) : []) {
      if (earlier !== unit.certificate) access.simulator.adopt({ certificate: earlier, secret: own.secret, chain: null });
    }
    const tip = issuer.documents.tip(unit.egs_id);
    const before = waiting ? issuer.documents.byKey(unit.egs_id, waiting.icv) : undefined;
    const chain = before ? { icv: before.icv - 1, hash: before.pih } : tip ? { icv: tip.icv, hash: tip.hash } : null;
    return access.simulator.adopt({ certificate: unit.certificate, secret: own.secret, chain });
  };

  const unitSummary = (): UnitSummary | null => {
    const unit = units.active();
    if (!unit) return null;
    const days = unit.not_after ? Math.floor((Date.parse(unit.not_after) - now().getTime()) / 86_400_000) : null;
    return { egsId: unit.egs_id, environment: unit.environment, notAfter: unit.not_after, daysToExpiry: days };
  };
  /** A document just issued is reported right after its transaction, not at the queue's next round. */
  const reportSoon = (issued: IssuedDocument | null): IssuedDocument | null => {
    if (issued && !kickPending) {
      kickPending = true;
      setImmediate(() => {
        kickPending = false;
        void runQueue();
      });
    }
    return issued;
  };

  const ready = (): boolean => configuredEnvironment(deps.settings()) === null || matchingCredentials.current() !== null;

  const onboard = async (otp: string, environment: UnitEnvironment): Promise<OnboardResult> => {
    // The queue keeps its platform until the new unit exists: a failed onboarding elsewhere changes nothing.
    const platform = await deps.platform(environment);
    if (!platform) return { ok: false, step: 'compliance-csid', code: 'ZATCA_UNREACHABLE', detail: 'no platform for this environment', messages: [] };
    const result = await onboardUnit({ db, journal: deps.journal, secrets, settings: deps.settings, client: platform.client, appVersion: deps.appVersion, now }, otp, environment);
    if (result.ok) {
      access = platform;
      credentials.forget();
      const unit = units.active();
      reporting = unit ? reportingCredentials(unit) : null;
    }
    return result;
  };

  /**
   * Renews the active unit's production CSID with an OTP from the FATOORA portal (onboarding/renew.ts). The old key
   * and certificate sign until the new ones are stored; the unit, and its chain, stay the same.
   */
  const renew = async ({ otp }: { otp: string }): Promise<RenewResult> => {
    const environment = configuredEnvironment(deps.settings());
    const platform = environment ? await deps.platform(environment) : null;
    if (platform) access = platform;
    const result = await renewUnit(
      { db, journal: deps.journal, secrets, settings: deps.settings, client: platform?.client ?? null, now },
      { otp, environment, current: reportingCredentials },
    );
    if (result.ok) {
      credentials.forget();
      const unit = units.active();
      // Documents signed with the old certificate go on being reported (the queue's next run), with the new CSID.
      reporting = unit ? reportingCredentials(unit) : null;
    }
    return result;
  };

  return {
    /** Inside the sale's transaction (checkout). The queue is woken once the transaction has committed. */
    issueSaleInTx(receipt: Receipt): IssuedDocument | null {
      return reportSoon(issuer.issueSaleInTx(receipt));
    },
    issueCreditNoteInTx(receipt: Receipt, note: NoteReference): IssuedDocument | null {
      return reportSoon(issuer.issueCreditNoteInTx(receipt, note));
    },

    /** At start: connect to the platform; the demo onboards itself with the simulator; the queue starts. */
    async start(): Promise<void> {
      const environment = configuredEnvironment(deps.settings());
      if (!environment) return;
      let unit = units.active();
      // A ledger restored onto another PC names a unit whose key stayed on the old one: the simulator's demo
      // unit is simply made again (a new unit, a new chain); a live till is told to onboard again.
      const usable = unit && unit.environment === environment && secrets.get(secretNamesOf(secrets, unit).privateKey) !== undefined;
      if (!usable && environment === 'simulator') {
        const result = await onboard((await deps.platform('simulator'))?.simulator?.otp ?? '', 'simulator');
        if (!result.ok) log.warn('the demo could not onboard with the platform simulator', result);
        unit = units.active();
      } else {
        access = await deps.platform(environment);
      }
      if (unit && unit.environment === environment) reporting = reportingCredentials(unit);
      // The demo has nobody to type an OTP: it renews itself with the simulator's when the health page would warn.
      const days = unitSummary()?.daysToExpiry ?? null;
      if (usable && environment === 'simulator' && access?.simulator && days !== null && days < DEMO_RENEW_DAYS) {
        // A renewal that fails keeps the current certificate: the demo still starts and signs with it.
        const result = await renew({ otp: access.simulator.otp }).catch((e: unknown) => ({ ok: false as const, error: e }));
        if (result.ok) log.info('the demo renewed its e-invoicing certificate', { notAfter: result.notAfter });
        else log.warn('the demo could not renew its e-invoicing certificate', result);
      }
      timer = setInterval(() => void runQueue(), deps.queueIntervalMs ?? 60_000);
      timer.unref();
      void runQueue();
    },

    onboard,
    renew,
    runQueue,

    /** The stored QR of the document issued with a receipt number, or null (no e-invoice for it). */
    qrFor: (receiptNo: string): string | null => issuer.documents.byNumber(receiptNo)?.qr ?? null,
    /** The stored bytes of a receipt's document, for export and support: never rebuilt. */
    xmlFor(receiptNo: string): Buffer | null {
      const doc = issuer.documents.byNumber(receiptNo);
      return doc ? (issuer.documents.xml(doc.egs_id, doc.icv) ?? null) : null;
    },
    unit: unitSummary,
    /** Onboarded for the environment the settings name (a live till without it refuses sales). */
    ready,
    status: (): ReportingStatus => reportingStatus(queueStore, queue.lastProblem(), now()),
    /** What the health page shows (main/health's EinvoicingFacts). */
    healthFacts() {
      const status = reportingStatus(queueStore, queue.lastProblem(), now());
      const unit = unitSummary();
      return {
        environment: configuredEnvironment(deps.settings()),
        unit: unit ? { environment: unit.environment, notAfter: unit.notAfter, daysToExpiry: unit.daysToExpiry } : null,
        ready: ready(),
        waiting: status.waiting,
        rejected: status.rejected,
        oldestWaitingMinutes: status.oldestWaitingMinutes,
        urgency: status.urgency,
        lastProblem: status.lastProblem,
      };
    },
    documents: (limit: number, offset = 0, state?: ReportState): QueuedDocument[] => queueStore.list(limit, offset, state),

    async close(): Promise<void> {
      closed = true;
      if (timer) clearInterval(timer);
      await queue.idle().catch(() => undefined);
    },
  };
}
export type Einvoicing = ReturnType<typeof createEinvoicing>;
