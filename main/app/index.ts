// The composition root: opens the ledger, wires the domains together and hands the shell (Electron or the
// browser host) one RunningTill. Both shells call exactly this, so they run the same services.
import type { UserRole } from '../../preload/contract';
import { createDemoPinCheck, createManagerAuth, pinGuardProjection, resaltSharedDemoPin } from '../auth';
import { createBackups } from '../backup';
import { openCatalog, seedCatalogIfEmpty } from '../catalog';
import { checkoutProjection, createCheckout, createReceiptReader, openReceiptWatermark, withEinvoiceQr, type DiscountLimits, type IssuedReceipt } from '../checkout';
import { isDamagedFileError, openDatabase, type Db } from '../db';
import { errorData, TillError } from '../errors';
import { createEinvoicing, einvoicingProjection } from '../einvoicing';
import { createDispatcher, createPermissionGate, currentCall } from '../ipc';
import { assertLedgerSound, checkWholeFileInBackground, createJournal, createSealer, ensureJournalFormat, registerSigningKey, type ProjectionFactory } from '../ledger';
import { createIntentStore, createOtpDesk, createPayments, paymentsProjection, pendingPayment } from '../payments';
import { alignDailyTotalsZone, closingProjection, createClosing, createDailyReports, createPeriodReports, createReconciliation, dailyTotalsProjection, zReportBlocks } from '../closing';
import { createReportExports } from '../exports';
import { createAuditReader } from '../audit';
import { createReturns, REASON_TEXT, returnsProjection, type Returns } from '../returns';
import { createStoreCredit, storeCreditProjection } from '../credit';
import { createShifts, shiftsProjection } from '../shifts';
import { createApproverBadgeDesk, createSession, createSignInGuard, createTwoFactor, createUsers, FULL_DISCOUNT_BP, hasOwnActiveUser, totpProjection, limitsFrom, peopleHealth, peopleProjection, pinLookupKey, retireDemoUsers, seedDemoUsers, type ShopRoleLimits, type Users } from '../people';
import { createTillLog, type TillLog } from '../logging';
import { createFileSecretStore, redact } from '../secrets';
import { createPrintService, printJobsProjection, refundReceiptBlocks } from '../printing/service';
import { createTillSimulators } from '../sim';
import { openSettings, simulatedDevices } from '../settings';
import { createEventHub } from './events';
import { createHandlers } from './handlers';
import { openPaymentDevices } from './payment-devices';
import { applyProvisioning, defaultProvisionFile } from './provisioning';
import { firstAdminState } from './first-admin';
import { createHealthDesk } from './health';
import { createPlatformAccess } from './einvoicing-platform';
import { createUpdates, detectPlatform, noInstaller } from '../updates';
import { version as APP_VERSION } from '../../package.json';
import path from 'node:path';
import { openSigningKey } from './signing-key';
import { startPeripherals } from './peripherals';
import { prepareDataFolder } from './data-folder';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { demoCatalogCsv, ledgerFile } from '../paths';
import type { RunningTill, TillOptions } from './types';
import { adoptTrainingSeed, readTrainingSeed, type TrainingEnd } from './training';
import { startSwitchableTill, type TrainingRequest } from './training-switch';
import { createPracticeDesk } from './practice-desk';

export type { RunningTill, TillOptions, HostKind, TillEventListener } from './types';
export { acquireInstanceLock, type InstanceLock } from './instance-lock';
export { changeSettings, settingChanges, type SettingChange, type SettingsSource } from './settings-change';
export { applyProvisioning, defaultProvisionFile, type ProvisioningResult } from './provisioning';
export { defaultDataDir, ledgerFile, rendererDist, preloadBundle, customerPreloadBundle, projectRoot } from '../paths';

/** A role's discount limits under the shop's settings (main/people) as checkout reads them. */
function discountLimitsOf(shop: ShopRoleLimits, role: UserRole): DiscountLimits {
  const limits = limitsFrom(shop, role);
  return { lineBp: limits.lineDiscountBp, saleBp: limits.saleDiscountBp, priceOverride: limits.priceOverride };
}

/**
 * Opens the till on its data folder: the live till, which a manager can switch into training and back
 * (./training-switch.ts) without the shell noticing more than a reload.
 */
export function startTill(options: TillOptions): Promise<RunningTill> {
  return startSwitchableTill(options, openTill);
}

async function openTill(options: TillOptions, onTrainingRequest: (request: TrainingRequest) => void): Promise<RunningTill> {
  const ledger = ledgerFile(options.dataDir);
  prepareDataFolder(options.dataDir, ledger);
  const lock = acquireInstanceLock(options.dataDir);
  // The log is opened under the lock: one process rotates the data folder's log files.
  const log = options.log ?? createTillLog({ dataDir: options.dataDir, redact });
  let db: Db | undefined;
  try {
    db = openLedger(ledger);
    // A damaged file is refused before anything is added to it (LEDGER_DAMAGED: restore a verified backup).
    assertLedgerSound(db);
    return await wire(db, lock, log, options, onTrainingRequest);
  } catch (e) {
    // A till that cannot start must not keep the folder locked or the file open: the admin fixes the
    // settings or the file and starts again at once.
    log.error('the till could not start', e);
    db?.close();
    if (!options.log) await log.close();
    lock.release();
    // A damaged page read anywhere during the start (not only the file's opening) is the same refusal.
    throw corruptAsDamaged(e);
  }
}

/**
 * What a start that fails half-way has already opened (a printer's socket, a terminal's serial port, timers),
 * closed newest first before the error goes on: the next start must find the ports free.
 */
function openedSoFar(log: TillLog) {
  const closers: Array<() => unknown> = [];
  return {
    add(close: () => unknown): void {
      closers.push(close);
    },
    async closeAll(): Promise<void> {
      for (const close of closers.reverse()) {
        try {
          await close();
        } catch (e) {
          log.warn('closing after a failed start failed', e);
        }
      }
    },
  };
}

async function wire(db: Db, lock: InstanceLock, log: TillLog, options: TillOptions, onTrainingRequest: (request: TrainingRequest) => void): Promise<RunningTill> {
  const opened = openedSoFar(log);
  try {
    return await assemble(db, lock, log, options, opened, onTrainingRequest);
  } catch (e) {
    await opened.closeAll();
    throw e;
  }
}

async function assemble(
  db: Db,
  lock: InstanceLock,
  log: TillLog,
  options: TillOptions,
  opened: ReturnType<typeof openedSoFar>,
  onTrainingRequest: (request: TrainingRequest) => void,
): Promise<RunningTill> {
  const training = options.training;
  const settings = openSettings(db, training?.settings);
  // A training till follows the live till's settings (forced onto the simulators) each time it opens.
  if (training) settings.update(training.settings);
  // Tills set up with the shared demo salt get one of their own (the PIN is unchanged).
  const resalted = resaltSharedDemoPin(settings.get().managerPin);
  if (resalted) settings.update({ managerPin: resalted });
  seedCatalog(db, options.seedCatalogCsv === undefined ? demoCatalogCsv() : options.seedCatalogCsv, log);
  const catalog = openCatalog(db);
  // Provider credentials and the ledger's signing key: Electron hands in its safeStorage store; the host and
  // the CLI seal with a key file.
  const secrets = options.secrets ?? createFileSecretStore({ dataDir: options.dataDir });
  const signingKey = openSigningKey(secrets, options.dataDir, log);
  const sealer = signingKey ? createSealer(db, signingKey) : undefined;
  const bootJournal = createJournal(db, settings.get().tillId, { sealer });
  ensureJournalFormat(db, bootJournal);
  if (signingKey) registerSigningKey(db, bootJournal, signingKey);
  // Settings an installer or admin dropped (new, or a higher version): applied before anything reads them.
  applyProvisioning({
    db,
    journal: bootJournal,
    settings,
    secrets,
    // Its first admin, if it names one, is journaled with the settings it came with.
    users: provisioningUsers(createUsers(db, bootJournal, { pinKey: pinLookupKey(secrets) })),
    file: options.provisionFile === undefined ? defaultProvisionFile() : options.provisionFile,
    log,
  });
  // The daily totals' business day follows the zone the settings (or the provisioning just now) name.
  alignDailyTotalsZone(db, settings.get().timeZone);
  // Entries from here on carry the till id the provisioning may just have set.
  // Each entry written for a contract call names the user signed in for it (the call context, main/ipc).
  const journal = createJournal(db, settings.get().tillId, { sealer, actor: () => currentCall()?.user?.id ?? null });
  if (training) adoptTrainingSeed(db, journal, training, secrets);
  else endTrainingLeftOpen(db, journal, options.trainingEnded ?? { by: 'restart', reason: 'restart' });
  const hub = createEventHub(log);
  // The simulated devices behind any `simulator` link in the settings (demo, training); made only when used.
  const simulators = options.simulators ?? createTillSimulators({ dataDir: options.dataDir });
  // People: a demo till gets its demo staff and starts signed in as the demo cashier; a live till starts locked
  // and has no shared default PIN (its first admin comes from the admin screen, the provisioning file or
  // `nuqta user add`).
  // A PIN alone is found through the till's keyed PIN index: one scrypt, however many staff (main/people/pin-index.ts).
  const users = createUsers(db, journal, { pinKey: pinLookupKey(secrets) });
  // An approver's PIN names a supervisor, manager or admin; the settings' shared PIN only while no user is active.
  // One back-off per user for their PINs and their two-factor codes (main/people/guard.ts).
  const signInGuard = createSignInGuard(db, journal);
  // Admins' and managers' authenticator codes; the secret sealed in the secret store, never in the ledger.
  const twoFactor = createTwoFactor({ db, journal, secrets, guard: signInGuard });
  // An approver may scan their badge first: the next approval PIN is then checked against that badge's holder.
  const approverBadges = createApproverBadgeDesk(users);
  // A training till runs on simulators but is not the demo: its staff are the live till's, nobody signed in.
  const demoTill = () => !training && simulatedDevices(settings.get()).length > 0;
  const sharedPinIsDemo = createDemoPinCheck(() => settings.get().managerPin);
  const manager = createManagerAuth({
    db,
    journal,
    stored: () => settings.get().managerPin,
    approvers: { hasActive: () => users.hasActive(), byPin: (pin) => approverBadges.byPin(pin) },
    secondFactor: twoFactor,
    // The demo's PIN is public: a live till without users refuses it until its first admin is added.
    demoPinRefused: () => !training && !demoTill() && sharedPinIsDemo(),
  });
  if (!demoTill() && !training) retireDemoUsers(users);
  const people = createSession({
    db,
    journal,
    users,
    guard: signInGuard,
    lockAfterMs: () => settings.get().lockAfterMinutes * 60_000,
    required: () => users.hasActive(),
    firstAdmin: () => firstAdminState({ users, sharedPinIsDemo }),
    initial: demoTill() ? seedDemoUsers(users) : null,
    // An empty sale becomes theirs; another cashier's sale with items is parked to its owner (docs/people.md).
    onSignedIn: (user) => void checkout.cashierSignedIn(user),
    training: Boolean(training),
  });
  const intents = createIntentStore(db);
  // Carries the cashier's STC Pay mobile numbers and codes to the payment in flight.
  const desk = createOtpDesk();

  // E-invoicing (ZATCA phase 2): each completed sale's signed invoice is made in the sale's own transaction; the
  // reporting queue sends them to FATOORA (or the simulator) in the background.
  const platforms = createPlatformAccess(simulators);
  const rawReceipt = createReceiptReader(db);
  opened.add(() => platforms.close());
  let returnsOnceMade: Returns | null = null;
  const einvoicing = createEinvoicing({
    db,
    journal,
    secrets,
    settings: settings.get,
    platform: platforms.access,
    appVersion: options.appVersion ?? APP_VERSION,
    log,
    // Standard (B2B) invoices are handed over — printed — once cleared (or replaced by a simplified one).
    counter: {
      receipt: (receiptNo) => rawReceipt(receiptNo),
      handOverInTx: (receiptNo) => printing.enqueueSaleInTx(receiptWithQr(receiptNo)),
      // Returns are made further down; a note cleared before then is printed by nobody — it can be reprinted.
      creditNoteClearedInTx: (number) => returnsOnceMade?.creditNoteClearedInTx(number),
      kick: () => printing.kick(),
    },
    ...(options.einvoiceQueueIntervalMs !== undefined ? { queueIntervalMs: options.einvoiceQueueIntervalMs } : {}),
    ...(options.einvoiceClearanceRetryMs !== undefined ? { clearanceRetryMs: options.einvoiceClearanceRetryMs } : {}),
  });
  opened.add(() => einvoicing.close());
  // A receipt carries the QR of the e-invoice issued with it (stored, never rebuilt): what prints and the preview.
  const receiptWithQr = withEinvoiceQr(rawReceipt, einvoicing);

  const printing = createPrintService({
    db,
    journal,
    settings: settings.get,
    receipt: receiptWithQr,
    emitJobs: (jobs) => hub.emit('printJobsChanged', jobs),
    emitStatus: (status) => hub.emit('printerStatusChanged', status),
    virtualPrinter: simulators.printer,
    training: Boolean(training),
    log,
  });
  opened.add(() => printing.close());
  const watermark = openReceiptWatermark(options.dataDir, log);
  opened.add(() => watermark.close());
  // Verified copies into the settings' backup folder: daily, at closing, and on demand (main/backup).
  const backups = createBackups({ db, journal, dataDir: options.dataDir, settings: settings.get, projections: LEDGER_PROJECTIONS, log });
  opened.add(() => backups.close());
  // Store credit vouchers: issued by returns, taken as a tender by sales (main/credit).
  const storeCredit = createStoreCredit({ db, journal });
  const checkout = createCheckout({
    credit: storeCredit,
    db,
    journal,
    settings: settings.get,
    products: { byBarcode: catalog.findByBarcode, byId: catalog.getById },
    printer: settings.get().printer ? printing.drawer : null,
    printing,
    onSaleCompleted: (completed) => hub.emit('saleCompleted', completed),
    onSaleChanged: (sale) => hub.emit('saleChanged', sale),
    pendingPayment: pendingPayment(intents, desk),
    invoicing: einvoicing,
    watermark,
    log,
    cashier: () => people.signedIn(),
    // The signed-in user's role decides what they may take off alone; the till's setting while nobody is
    // signed in (a till without users). An approver's PIN names them; their own role's limits must cover it.
    discountLimits: () => {
      const user = people.signedIn();
      if (user) return discountLimitsOf(settings.get().roleLimits, user.role);
      const bp = settings.get().discounts.limitPercent * 100;
      return { lineBp: bp, saleBp: bp, priceOverride: true };
    },
    approve: (pin) => {
      const approver = manager.check(pin, 'approve:supervisor');
      if (!approver) return { approval: { by: 'manager' }, limits: { lineBp: FULL_DISCOUNT_BP, saleBp: FULL_DISCOUNT_BP, priceOverride: true } };
      return { approval: { by: approver.nameEn || approver.nameAr, userId: approver.id }, limits: discountLimitsOf(settings.get().roleLimits, approver.role) };
    },
  });
  const devices = await openPaymentDevices({ settings: settings.get(), secrets, simulators, intents, desk, log });
  opened.add(() => devices.close());
  const { terminal, stcPay } = devices;
  const payments = createPayments({
    db,
    journal,
    tillId: () => settings.get().tillId,
    checkout,
    intents,
    connector: terminal?.connector ?? null,
    terminalInfo: terminal ? { protocol: settings.get().terminal!.protocol, transport: terminal.description, remote: terminal.remote } : null,
    stcPay: stcPay ? { connector: stcPay.connector, transport: stcPay.description, desk } : null,
    unavailable: { terminal: devices.terminalProblem, stcPay: devices.stcPayProblem },
    ...(options.providerCheckMs !== undefined ? { providerCheckMs: options.providerCheckMs } : {}),
    manager,
    emitProgress: (p) => hub.emit('paymentProgress', p),
    emitTerminal: (s) => hub.emit('terminalStatusChanged', s),
    ...(options.paymentRecoveryDelaysMs ? { recoveryDelaysMs: options.paymentRecoveryDelaysMs } : {}),
    log,
  });
  opened.add(() => payments.close());
  // Returns of a receipt's lines: refunded and credited (a credit note chained after the sales' invoices).
  const returns = createReturns({
    db,
    journal,
    settings: settings.get,
    manager,
    // The refund receipt and its card slips name who issued the return.
    cashier: () => people.signedIn(),
    // The signed-in user's role limit (the shop's settings, read on each refund): a refund up to it needs no approver.
    refundAlone: () => {
      const user = people.signedIn();
      return user ? limitsFrom(settings.get().roleLimits, user.role).refundWithoutApprovalHalalas : 0;
    },
    receipt: checkout.receipt,
    credit: storeCredit,
    payments,
    issueCreditNoteInTx: einvoicing.issueCreditNoteInTx,
    creditNote: { qrFor: einvoicing.qrFor, clearanceFor: einvoicing.clearanceFor },
    openDrawer: settings.get().printer ? () => printing.drawer.openDrawer() : null,
    refundReceiptBlocks: (refund, copy = 'original') => refundReceiptBlocks(refund, settings.get(), REASON_TEXT[refund.reason], copy),
    printDocument: async (blocks) => {
      const printed = await printing.printDocument(blocks);
      return printed.ok ? { ok: true } : { ok: false, error: printed.error };
    },
    log,
  });
  returnsOnceMade = returns;
  // A sale with lines or payments, or a return waiting on the terminal: neither a shift's count nor the day's Z
  // goes ahead under it.
  const saleOnTill = (): boolean => {
    const sale = checkout.currentSale();
    return sale.lines.length > 0 || sale.tenders.length > 0 || returns.inProgress();
  };
  // Shifts: the drawer's float, paid-ins/outs, safe drops and the blind count. A demo till (any simulated device)
  // opens a shift by itself when a sale needs one; a live till sells only on a shift a person opened.
  const shifts = createShifts({
    db,
    journal,
    settings: settings.get,
    manager,
    demo: () => Boolean(training) || simulatedDevices(settings.get()).length > 0,
    saleInProgress: saleOnTill,
  });
  // Updates: the feed or an offline folder, staged in the data folder; the Electron shell installs one only when
  // the policy says now (never mid-sale, never with a payment in doubt).
  const updatePlatform = detectPlatform() ?? 'linux-x64-deb';
  const updates = createUpdates({
    settings: () => ({ ...settings.get().updates, timeZone: settings.get().timeZone }),
    currentVersion: options.appVersion ?? APP_VERSION,
    platform: updatePlatform,
    tillState: () => {
      const sale = checkout.currentSale();
      return {
        saleInProgress: sale.lines.length > 0 || sale.tenders.length > 0,
        paymentInDoubt: intents.unsettled().length > 0 || intents.needsAttention().length > 0,
        unreportedInvoices: einvoicing.status().waiting,
      };
    },
    downloadDir: options.updatesDir ?? path.join(options.dataDir, 'updates'),
    ...(options.updateTrust?.trustedKeys ? { trustedKeys: options.updateTrust.trustedKeys } : {}),
    ...(options.updateTrust?.fetch ? { fetch: options.updateTrust.fetch } : {}),
  });
  // Closing the day: the X report, and the Z report taken, kept and printed (main/closing).
  const periodReports = createPeriodReports({ db, journal, intents, tillId: () => settings.get().tillId, lastBackup: () => backups.lastVerifiedBackup() });
  const closing = createClosing({
    db,
    journal,
    reports: periodReports,
    daily: createDailyReports({ db, journal, reports: periodReports, tillId: () => settings.get().tillId }),
    manager,
    tillId: () => settings.get().tillId,
    saleInProgress: saleOnTill,
    cashDifferenceAboveHalalas: () => settings.get().twoFactor.cashDifferenceAboveHalalas,
    printZ: async (z) => {
      if (!settings.get().printer) return null;
      const s = settings.get();
      const printed = await printing.printDocument(zReportBlocks(z, { nameAr: s.shopNameAr, nameEn: s.shopNameEn, vatNumber: s.vatNumber }));
      return printed.ok ? null : printed.error;
    },
  });
  // Until the whole file has been checked (in the background, below) the till sells; damage found then stops
  // every write with LEDGER_DAMAGED.
  let damage: string[] | null = null;
  const dispatch = createDispatcher(
    createHandlers({
      host: options.host,
      settings,
      checkout,
      catalog,
      payments,
      returns,
      printing,
      manager,
      health: createHealthDesk({
        dataDir: options.dataDir,
        settings,
        payments,
        printing,
        lastBackup: backups.lastVerifiedBackup,
        einvoicing: () => einvoicing.healthFacts(),
        einvoicingUnit: einvoicing.unit,
        people: () => peopleHealth(users, demoTill()),
      }),
      emitPreferences: (preferences) => hub.emit('preferencesChanged', preferences),
      admin: { db, journal, dataDir: options.dataDir, log },
      einvoicingReady: einvoicing.ready,
      einvoicing,
      taxInvoices: einvoicing,
      closing,
      backups,
      reconciliation: createReconciliation({ db, journal }),
      exports: createReportExports({
        dataDir: options.dataDir,
        closing,
        shop: () => ({ nameAr: settings.get().shopNameAr, nameEn: settings.get().shopNameEn, vatNumber: settings.get().vatNumber }),
      }),
      audit: createAuditReader(db),
      updates: {
        updates,
        installer: options.installer ?? noInstaller,
        onInstalling: options.onInstalling ?? (() => log.warn('an update installer was started, but nothing closes this till for it')),
        currentVersion: options.appVersion ?? APP_VERSION,
        platform: updatePlatform,
        log,
      },
      shifts,
      people,
      training: {
        active: Boolean(training),
        request: (on, by) => {
          if (saleOnTill()) throw new TillError('TRAINING_BUSY');
          if (on) {
            const seed = readTrainingSeed(db, settings.get(), secrets);
            db.transaction(() => journal.append('training.started', { by, trainingTillId: seed.settings.tillId })).immediate();
            onTrainingRequest({ on, by, seed });
          } else onTrainingRequest({ on, by });
        },
      },
      practice: createPracticeDesk({ db, journal, training: Boolean(training), scriptTerminal: (behaviours) => simulators.scriptTerminal(behaviours) }),
      twoFactor,
      staff: { users, guard: signInGuard, badges: approverBadges, sharedPinIsDemo },
      credit: storeCredit,
    }),
    log,
    { writesRefused: () => (damage ? errorData('LEDGER_DAMAGED') : null), gate: createPermissionGate(people) },
  );
  const peripherals = startPeripherals({ settings: settings.get(), training: Boolean(training), dispatch, subscribe: hub.subscribe, emit: hub.emit, log });
  opened.add(() => peripherals.close());

  // Start-up, in this order: receipt numbers the database lost are never issued again; a sale is open for the
  // first scan; print jobs a crash interrupted are shown as failed for the cashier to retry or cancel (never
  // printed blindly); payments a crash or a lost answer left open are settled, in the background, before the
  // till takes new ones.
  reportMissingReceipts(checkout.catchUpReceiptNumbers(), log);
  checkout.ensureOpenSale();
  printing.recoverInterrupted();
  void payments.recoverAll().catch((e: unknown) => log.error('payment recovery failed', e));
  // The chain is signed as it grows (every few entries); also at start, every 30 s and at close, so a quiet
  // till's last sales do not stay unsealed.
  sealer?.sealHead();
  const sealTimer = sealer ? setInterval(() => sealQuietly(sealer, log), SEAL_INTERVAL_MS) : null;
  sealTimer?.unref();
  const wholeFileCheck = checkWholeFileInBackground(ledgerFile(options.dataDir), (result) => {
    if (result.notRun) return log.warn(`the ledger's integrity check could not run: ${result.notRun}`);
    if (!result.problems) return log.info(`the ledger file is sound (quick_check, ${result.ms} ms)`);
    damage = result.problems;
    log.error(`the ledger file is DAMAGED: the till no longer sells on it (quick_check, ${result.ms} ms)`, result.problems.join('; '));
  });

  backups.start();
  // The demo onboards itself with the platform simulator here; a live till reports with its unit's CSID.
  await einvoicing.start();
  let closed = false;
  return {
    dispatch,
    subscribe: hub.subscribe,
    dataDir: options.dataDir,
    shell: () => ({ kiosk: settings.get().kiosk, customerScreen: settings.get().customerScreen }),
    updates,
    async close() {
      if (closed) return;
      closed = true;
      if (sealTimer) clearInterval(sealTimer);
      await wholeFileCheck.cancel();
      await peripherals.close();
      await payments.close();
      await einvoicing.close();
      await platforms.close();
      await printing.close();
      await devices.close();
      if (sealer) sealQuietly(sealer, log);
      // After the last seal, before the file closes: the closing copy (when the settings ask for one).
      await backups.close();
      watermark.close();
      db.close();
      if (!options.log) await log.close();
      lock.release();
    },
  };
}

const SEAL_INTERVAL_MS = 30_000;

/**
 * The live till opening after a training session closes it in its own record: left by a manager, a training till
 * that failed to open, or (nobody said) a restart — a crash or a power cut ended the session.
 */
function endTrainingLeftOpen(db: Db, journal: ReturnType<typeof createJournal>, end: TrainingEnd): void {
  const last = db.prepare("SELECT type FROM journal WHERE type IN ('training.started', 'training.ended') ORDER BY seq DESC LIMIT 1").pluck().get();
  if (last === 'training.started') db.transaction(() => journal.append('training.ended', { ...end })).immediate();
}

/** A seal that cannot be written now (a full disk) is written with a later one: never a reason to stop. */
function sealQuietly(sealer: { sealHead(): void }, log: TillLog): void {
  try {
    sealer.sealHead();
  } catch (e) {
    log.error('sealing the journal failed', e);
  }
}

/** The ledger's checks beyond the chain: each domain's rows replayed from the journal (nuqta ledger verify). */
export const LEDGER_PROJECTIONS: readonly ProjectionFactory[] = [checkoutProjection, paymentsProjection, printJobsProjection, pinGuardProjection, einvoicingProjection, returnsProjection, shiftsProjection, peopleProjection, totpProjection, closingProjection, dailyTotalsProjection, storeCreditProjection];

/** Receipts issued but gone from the database: the admin must know which sales to look for (paper, backups). */
function reportMissingReceipts(missing: IssuedReceipt[], log: TillLog): void {
  if (missing.length === 0) return;
  const list = missing.map((r) => `${r.receiptNo} (${r.issuedAt}, ${r.totalHalalas} halalas, sale ${r.saleId})`).join('\n  ');
  log.error(
    `RECEIPTS MISSING from the database: ${missing.length} receipt(s) were issued but are not in till.db ` +
      `(a lost -wal file, or an older backup put back). Numbering goes on after ${missing[missing.length - 1]!.receiptNo}; ` +
      `the list is journaled (receipts.counter_raised).\n  ${list}\n` +
      'إيصالات مفقودة من قاعدة البيانات: صدرت ولم تعد موجودة. يستمر الترقيم بعد آخرها، والقائمة مسجلة في السجل.',
  );
}

/** Opens the ledger; a file SQLite finds corrupt or not a database at all is LEDGER_DAMAGED, not INTERNAL. */
function openLedger(file: string): Db {
  try {
    return openDatabase(file);
  } catch (e) {
    throw corruptAsDamaged(e);
  }
}

function corruptAsDamaged(e: unknown): unknown {
  return isDamagedFileError(e) ? new TillError('LEDGER_DAMAGED', e.message) : e;
}

/** Fills an empty catalog from a CSV (the demo catalog by default); null seeds nothing. */
function seedCatalog(db: Db, csv: string | null, log: TillLog): void {
  if (!csv) return;
  const report = seedCatalogIfEmpty(db, csv);
  // A shipped seed with bad rows is our bug, not the cashier's: keep the good rows, say so in the log.
  if (report && report.rejected.length > 0) {
    log.warn(`catalog seed ${csv}: ${report.rejected.length} rows rejected`, report.rejected.slice(0, 5));
  }
}

/** The users a provisioning file's first admin joins: the demo staff do not count, a live till retires them. */
function provisioningUsers(users: Users): Pick<Users, 'hasActive' | 'add'> {
  return { hasActive: () => hasOwnActiveUser(users), add: (user, by) => users.add(user, by) };
}
