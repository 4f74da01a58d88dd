// E-invoicing for the till: the issuer the checkout calls inside the sale's transaction, the reporting queue
// that works in the background, onboarding, and what the manager and the health page see. The platform (ZATCA's
// FATOORA or the built-in simulator) is handed in by the composition root; this domain never starts a simulator.
import type { BuyerProblem, Clearance, Receipt, SaleBuyer } from '../../preload/contract';
import { TillError } from '../errors';
import { checkBuyer } from '../fiscal/einvoice';
import { createClearing } from './clearance/clearing';
import { createDocumentList, type ListedDocument } from './document-list';
import type { ClearanceRecord } from './clearance/store';
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
import { createQueueStore, type ReportState } from './reporting/queue-store';
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
  /**
   * The counter, for standard (B2B) invoices: the receipt a document was issued under, and handing it over —
   * queueing its print — inside the transaction that records its clearance (or the simplified invoice issued
   * instead). Absent in rigs without a counter: nothing is printed.
   */
  counter?: {
    receipt(receiptNo: string): Receipt;
    handOverInTx(receiptNo: string): void;
    /** A standard credit note ZATCA cleared: a return's refund receipt is handed over (main/returns). */
    creditNoteClearedInTx?(number: string): void;
    kick(): void;
  };
  /** Tests: a fixed wait before a clearance is tried again, instead of the back-off. */
  clearanceRetryMs?: number;
  /** How often the queue looks for work besides after each sale. */
  queueIntervalMs?: number;
  now?: () => Date;
}

export interface UnitSummary {
  egsId: string;
  environment: UnitEnvironment;
  notAfter: string | null;
  daysToExpiry: number | null;
  /** What the unit was onboarded for: '1100' when its CSID also covers standard (B2B) documents. */
  invoiceTypes: UnitRow['invoice_types'];
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
  const documentList = createDocumentList(db);
  let access: PlatformAccess | null = null;
  let reporting: PlatformCredentials | null = null;
  const queue = createReportingQueue({ store: queueStore, reporter: () => (access && reporting ? access.client.reporter(reporting) : null), now, log });

  /**
   * A replaced standard invoice (the buyer got a simplified one) that ZATCA cleared after all is cancelled by a
   * standard credit note for all of it, naming the same buyer, itself cleared in turn: the sale's VAT is declared
   * once, and ZATCA's chain has every document the till signed.
   */
  const cancelReplacedInTx = (record: ClearanceRecord) => {
    const receipt = deps.counter?.receipt(record.number);
    if (!receipt) throw new Error(`no receipt ${record.number} to cancel its replaced invoice`);
    const note = { originalNumber: record.number, reason: 'ألغيت: صدرت بدلها فاتورة مبسطة | Cancelled: replaced by a simplified invoice' };
    const issued = issuer.issueCreditNoteInTx(receipt, note, receipt.buyer ?? null, `${record.number}-X`);
    if (issued) issuer.clearances.cancelInTx(record, issued.icv);
  };
  const clearing = createClearing({
    store: issuer.clearances,
    clearer: () => {
      const client = access?.client;
      const credentials = reporting;
      return client && credentials ? (payload) => client.clearSingle(credentials, payload) : null;
    },
    settledInTx: (record, answer, seq) => {
      if (answer.outcome === 'rejected') return;
      // Clearance switched off at the platform (303): the document is reported instead, as ZATCA asks.
      if (answer.outcome === 'reported') issuer.documents.queueReportInTx(record.egsId, record.icv, seq);
      if (record.state === 'replaced') cancelReplacedInTx(record);
      else if (record.kind === 'invoice') deps.counter?.handOverInTx(record.number);
      else deps.counter?.creditNoteClearedInTx?.(record.number);
    },
    now,
    log,
    ...(deps.clearanceRetryMs !== undefined ? { retryDelayMs: () => deps.clearanceRetryMs! } : {}),
  });
  let timer: NodeJS.Timeout | null = null;
  let kickPending = false;
  let closed = false;

  const runQueue = async (): Promise<QueueRunResult | null> => {
    if (closed) return null;
    try {
      if ((await clearing.runDue()) > 0) deps.counter?.kick();
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
    // The oldest document ZATCA may not have yet: a report waiting, or a standard one not cleared.
    const report = queueStore.oldestWaiting();
    const clearance = issuer.clearances.oldestUnsettled();
    const waiting = report && clearance ? (report.icv < clearance.icv ? report : clearance) : (report ?? clearance);
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
    return { egsId: unit.egs_id, environment: unit.environment, notAfter: unit.not_after, daysToExpiry: days, invoiceTypes: unit.invoice_types };
  };
  /** A document just issued is reported right after its transaction, not at the queue's next round. */
  const wakeQueue = () => {
    if (kickPending) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      void runQueue();
    });
  };
  const reportSoon = (issued: IssuedDocument | null): IssuedDocument | null => {
    if (issued) wakeQueue();
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
    issueSaleInTx(receipt: Receipt): (IssuedDocument & { clearance: 'waiting' | null }) | null {
      const issued = reportSoon(issuer.issueSaleInTx(receipt));
      return issued && { ...issued, clearance: issued.profile === 'standard' ? 'waiting' : null };
    },
    /** A return's credit note; a standard one (cleared in the background) when the sale's invoice named a buyer. */
    issueCreditNoteInTx(receipt: Receipt, note: NoteReference, buyer: Receipt['buyer'] | null = null): IssuedDocument | null {
      return reportSoon(issuer.issueCreditNoteInTx(receipt, note, buyer));
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

    /**
     * The QR of the document a receipt prints with, or null (no e-invoice for it): a standard invoice's from ZATCA's
     * cleared copy once cleared; after a replacement, the simplified invoice's (the latest under the number).
     */
    qrFor: (receiptNo: string): string | null => {
      const doc = issuer.documents.byNumber(receiptNo);
      if (!doc) return null;
      return doc.profile === 'standard' ? (issuer.clearances.byKey(doc.egs_id, doc.icv)?.qr ?? doc.qr) : doc.qr;
    },
    /** Where a receipt's standard invoice stands with clearance; null for a simplified one. */
    clearanceFor: (receiptNo: string): Clearance | null => issuer.clearances.byNumber(receiptNo)?.state ?? null,

    /**
     * A simplified invoice ZATCA rejected is answered in one step: a credit note cancelling it (its reason names
     * ZATCA's rule codes) and a new invoice for the same sale, built again from the receipt under today's settings
     * — the fix is in the settings or the software, never in the stored document. Both are chained and reported.
     */
    reissueRejected(egsId: string, icv: number): { creditNote: IssuedDocument; invoice: IssuedDocument } {
      const doc = issuer.documents.byKey(egsId, icv);
      const report = queueStore.report(egsId, icv);
      if (!doc || !report) throw new TillError('EINVOICE_UNKNOWN', `${egsId}#${icv}`);
      if (report.state !== 'rejected') throw new TillError('EINVOICE_NOT_REJECTED', `${egsId}#${icv} is ${report.state}`);
      if (report.reissuedIcv !== null) throw new TillError('EINVOICE_ALREADY_REISSUED', `${egsId}#${icv} → ${report.reissuedIcv}`);
      if (doc.kind !== 'invoice') throw new TillError('EINVOICE_REISSUE_INVOICE_ONLY', `${egsId}#${icv} is a ${doc.kind}`);
      const receipt = deps.counter?.receipt(doc.number);
      if (!receipt) throw new TillError('RECEIPT_UNKNOWN', doc.number);
      const codes = [...new Set(report.messages.map((m) => m.code).filter((c) => c))].join(', ');
      const reason = `تصحيح فاتورة رفضتها هيئة الزكاة | Correction of an invoice rejected by ZATCA${codes ? ` (${codes})` : ''}`;
      const issued = db
        .transaction(() => {
          const creditNote = issuer.issueCreditNoteInTx(receipt, { originalNumber: doc.number, reason: reason.slice(0, 1000) }, null, `${doc.number}-C${icv}`);
          // The new invoice keeps the receipt's number, so the receipt reprints with its QR (the latest under it).
          const invoice = issuer.issueSimplifiedInTx(receipt);
          if (!creditNote || !invoice) throw new TillError('EINVOICE_NOT_ONBOARDED', doc.number);
          queueStore.reissuedInTx({ egsId, icv }, creditNote.icv, invoice.icv);
          return { creditNote, invoice };
        })
        .immediate();
      wakeQueue();
      return issued;
    },

    /** Why this till cannot issue a standard (B2B) invoice now, or null when it can. */
    standardRefusal(): TillError | null {
      const einvoicing = deps.settings().einvoicing;
      if (!einvoicing || !einvoicing.standardInvoices) return new TillError('EINVOICE_STANDARD_OFF', 'standard invoices are off in the settings');
      if (!ready()) return new TillError('EINVOICE_NOT_ONBOARDED', 'standard invoice');
      // The unit's certificate says what it may sign: one onboarded for simplified documents only (0100) would
      // have every standard invoice refused by ZATCA — onboard again for 1100 (the health page says so).
      if (units.active()?.invoice_types !== '1100') return new TillError('EINVOICE_STANDARD_OFF', 'the unit is onboarded for simplified documents only (0100)');
      return null;
    },
    checkBuyer: (buyer: SaleBuyer): BuyerProblem[] => checkBuyer(buyer).map((v) => ({ field: v.field, rule: v.rule, message: v.message })),

    /**
     * A receipt's standard invoice with ZATCA: as it stands, or — `send` — after one clearance request now (the
     * cashier waits; bounded by the platform client's timeout). Throws TAX_INVOICE_NOT_STANDARD for a simplified one.
     */
    async taxInvoice(receiptNo: string, send: boolean): Promise<ClearanceRecord> {
      let record = issuer.clearances.byNumber(receiptNo);
      if (!record || record.kind !== 'invoice') throw new TillError('TAX_INVOICE_NOT_STANDARD', receiptNo);
      if (send && record.state === 'waiting' && !record.settled) {
        record = await clearing.clearNow(record);
        deps.counter?.kick();
      }
      return record;
    },

    /**
     * The standard invoice was refused or ZATCA cannot be reached: a simplified invoice for the same sale, the
     * next in the chain, reported like any other, and the receipt printed with it. The standard one keeps its
     * place in the chain; one still unanswered goes on being sent (cancelReplacedInTx says what follows).
     */
    issueSimplifiedInstead(receiptNo: string): ClearanceRecord {
      const record = issuer.clearances.byNumber(receiptNo);
      if (!record || record.kind !== 'invoice') throw new TillError('TAX_INVOICE_NOT_STANDARD', receiptNo);
      if (record.state === 'cleared' || record.state === 'reported') throw new TillError('TAX_INVOICE_ALREADY_CLEARED', receiptNo);
      if (record.state === 'replaced') return record;
      const receipt = deps.counter?.receipt(receiptNo);
      if (!receipt) throw new TillError('RECEIPT_UNKNOWN', receiptNo);
      db.transaction(() => {
        // Read again inside the transaction: a clearance answered meanwhile (a background send) decides it.
        const now = issuer.clearances.byKey(record.egsId, record.icv);
        if (now?.state === 'cleared' || now?.state === 'reported') throw new TillError('TAX_INVOICE_ALREADY_CLEARED', receiptNo);
        if (now?.state === 'replaced') return;
        const issued = issuer.issueSimplifiedInTx(receipt);
        if (!issued) throw new TillError('EINVOICE_NOT_ONBOARDED', receiptNo);
        issuer.clearances.replaceInTx(record, issued.icv);
        deps.counter?.handOverInTx(receiptNo);
      }).immediate();
      wakeQueue();
      deps.counter?.kick();
      return issuer.clearances.byKey(record.egsId, record.icv)!;
    },
    /** The stored bytes of one document, by its unit and ICV: never rebuilt. */
    xmlOf: (egsId: string, icv: number): Buffer | null => issuer.documents.xml(egsId, icv) ?? null,
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
      const clearanceCounts = issuer.clearances.counts();
      return {
        environment: configuredEnvironment(deps.settings()),
        unit: unit ? { environment: unit.environment, notAfter: unit.notAfter, daysToExpiry: unit.daysToExpiry } : null,
        ready: ready(),
        waiting: status.waiting,
        rejected: status.rejected,
        oldestWaitingMinutes: status.oldestWaitingMinutes,
        urgency: status.urgency,
        lastProblem: status.lastProblem,
        clearanceWaiting: clearanceCounts.waiting,
        clearanceRefused: clearanceCounts.rejected,
      };
    },
    /** Every document ZATCA hears of, newest first: reported ones and cleared ones (document-list.ts). */
    documents: (limit: number, offset = 0, state?: ReportState): ListedDocument[] => documentList.list(limit, offset, state),
    /** How many of them are in each state (the list's pager). */
    documentCounts: (): Record<ReportState, number> => documentList.counts(),

    async close(): Promise<void> {
      closed = true;
      if (timer) clearInterval(timer);
      await queue.idle().catch(() => undefined);
      await clearing.idle();
    },
  };
}
export type Einvoicing = ReturnType<typeof createEinvoicing>;
