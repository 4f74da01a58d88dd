// The composition root: opens the ledger, wires the domains together and hands the shell (Electron or the
// browser host) one RunningTill. Both shells call exactly this, so they run the same services.
import fs from 'node:fs';
import { createManagerAuth } from '../auth';
import { openCatalog, seedCatalogIfEmpty } from '../catalog';
import { checkoutProjection, createCheckout, createReceiptReader } from '../checkout';
import { openDatabase, type Db } from '../db';
import { createDispatcher } from '../ipc';
import { createJournal, createSealer, ensureJournalFormat, registerSigningKey, type ProjectionFactory } from '../ledger';
import { createIntentStore, createOtpDesk, createPayments, paymentsProjection, pendingPayment } from '../payments';
import { createFileSecretStore } from '../secrets';
import { createPrintService, printJobsProjection } from '../printing/service';
import { createTillSimulators } from '../sim';
import { openSettings } from '../settings';
import { createEventHub } from './events';
import { createHandlers } from './handlers';
import { openPaymentDevices } from './payment-devices';
import { openSigningKey } from './signing-key';
import { startPeripherals } from './peripherals';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { demoCatalogCsv, ledgerFile } from '../paths';
import type { RunningTill, TillOptions } from './types';

export type { RunningTill, TillOptions, HostKind, TillEventListener } from './types';
export { defaultDataDir, ledgerFile, rendererDist, preloadBundle, customerPreloadBundle, projectRoot } from '../paths';

export async function startTill(options: TillOptions): Promise<RunningTill> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireInstanceLock(options.dataDir);
  let db: Db | undefined;
  try {
    db = openDatabase(ledgerFile(options.dataDir));
    return await wire(db, lock, options);
  } catch (e) {
    // A till that cannot start must not keep the folder locked or the file open: the admin fixes the
    // settings or the file and starts again at once.
    db?.close();
    lock.release();
    throw e;
  }
}

async function wire(db: Db, lock: InstanceLock, options: TillOptions): Promise<RunningTill> {
  const settings = openSettings(db);
  seedCatalog(db, options.seedCatalogCsv === undefined ? demoCatalogCsv() : options.seedCatalogCsv);
  const catalog = openCatalog(db);
  // Provider credentials and the ledger's signing key: Electron hands in its safeStorage store; the host and
  // the CLI seal with a key file.
  const secrets = options.secrets ?? createFileSecretStore({ dataDir: options.dataDir });
  const signingKey = openSigningKey(secrets, options.dataDir);
  const sealer = signingKey ? createSealer(db, signingKey) : undefined;
  const journal = createJournal(db, settings.get().tillId, { sealer });
  ensureJournalFormat(db, journal);
  if (signingKey) registerSigningKey(db, journal, signingKey);
  const hub = createEventHub();
  // The simulated devices behind any `simulator` link in the settings (demo, training); made only when used.
  const simulators = options.simulators ?? createTillSimulators({ dataDir: options.dataDir });
  const manager = createManagerAuth(() => settings.get().managerPin);
  const intents = createIntentStore(db);
  // Carries the cashier's STC Pay mobile numbers and codes to the payment in flight.
  const desk = createOtpDesk();

  const printing = createPrintService({
    db,
    journal,
    settings: settings.get,
    receipt: createReceiptReader(db),
    emitJobs: (jobs) => hub.emit('printJobsChanged', jobs),
    emitStatus: (status) => hub.emit('printerStatusChanged', status),
    virtualPrinter: simulators.printer,
  });
  const checkout = createCheckout({
    db,
    journal,
    settings: settings.get,
    products: { byBarcode: catalog.findByBarcode, byId: catalog.getById },
    printer: settings.get().printer ? printing.drawer : null,
    printing,
    onSaleCompleted: (completed) => hub.emit('saleCompleted', completed),
    onSaleChanged: (sale) => hub.emit('saleChanged', sale),
    pendingPayment: pendingPayment(intents, desk),
  });
  const devices = await openPaymentDevices({ settings: settings.get(), secrets, simulators, intents, desk });
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
  });
  const dispatch = createDispatcher(
    createHandlers({
      host: options.host,
      simulated: true,
      settings,
      checkout,
      catalog,
      payments,
      printing,
      manager,
      emitPreferences: (preferences) => hub.emit('preferencesChanged', preferences),
    }),
  );
  const peripherals = startPeripherals({ settings: settings.get(), dispatch, subscribe: hub.subscribe, emit: hub.emit });

  // Start-up, in this order: a sale is open for the first scan; print jobs a crash interrupted are shown as
  // failed for the cashier to retry or cancel (never printed blindly); payments a crash or a lost answer
  // left open are settled, in the background, before the till takes new ones.
  checkout.ensureOpenSale();
  printing.recoverInterrupted();
  void payments.recoverAll().catch((e: unknown) => console.error('payment recovery failed', e));
  // The chain is signed as it grows (every few entries); also at start, every 30 s and at close, so a quiet
  // till's last sales do not stay unsealed.
  sealer?.sealHead();
  const sealTimer = sealer ? setInterval(() => sealQuietly(sealer), SEAL_INTERVAL_MS) : null;
  sealTimer?.unref();

  let closed = false;
  return {
    dispatch,
    subscribe: hub.subscribe,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      if (sealTimer) clearInterval(sealTimer);
      await peripherals.close();
      await payments.close();
      await printing.close();
      await devices.close();
      if (sealer) sealQuietly(sealer);
      db.close();
      lock.release();
    },
  };
}

const SEAL_INTERVAL_MS = 30_000;

/** A seal that cannot be written now (a full disk) is written with a later one: never a reason to stop. */
function sealQuietly(sealer: { sealHead(): void }): void {
  try {
    sealer.sealHead();
  } catch (e) {
    console.error('sealing the journal failed', e);
  }
}

/** The ledger's checks beyond the chain: each domain's rows replayed from the journal (nuqta ledger verify). */
export const LEDGER_PROJECTIONS: readonly ProjectionFactory[] = [checkoutProjection, paymentsProjection, printJobsProjection];

/** Fills an empty catalog from a CSV (the demo catalog by default); null seeds nothing. */
function seedCatalog(db: Db, csv: string | null): void {
  if (!csv) return;
  const report = seedCatalogIfEmpty(db, csv);
  // A shipped seed with bad rows is our bug, not the cashier's: keep the good rows, say so in the log.
  if (report && report.rejected.length > 0) {
    console.warn(`catalog seed ${csv}: ${report.rejected.length} rows rejected`, report.rejected.slice(0, 5));
  }
}
