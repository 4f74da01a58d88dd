// The composition root: opens the ledger, wires the domains together and hands the shell (Electron or the
// browser host) one RunningTill. Both shells call exactly this, so they run the same services.
import fs from 'node:fs';
import path from 'node:path';
import { createManagerAuth } from '../auth';
import { openCatalog, seedCatalogIfEmpty } from '../catalog';
import { createCheckout, type Checkout } from '../checkout';
import { openDatabase, type Db } from '../db';
import { createDispatcher } from '../ipc';
import { createJournal } from '../ledger';
import { createIntentStore, createOtpDesk, createPayments, openStcPay, openTerminal, toSummary, type Payments } from '../payments';
import { createFileSecretStore } from '../secrets';
import { createPrintService } from '../printing/service';
import { openSettings } from '../settings';
import { createEventHub } from './events';
import { createHandlers } from './handlers';
import { startPeripherals } from './peripherals';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { demoCatalogCsv, ledgerFile } from './paths';
import type { RunningTill, TillOptions } from './types';

export type { RunningTill, TillOptions, HostKind, TillEventListener } from './types';
export { defaultDataDir, ledgerFile, rendererDist, preloadBundle, projectRoot } from './paths';

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
  const seed = options.seedCatalogCsv === undefined ? demoCatalogCsv() : options.seedCatalogCsv;
  if (seed) {
    const report = seedCatalogIfEmpty(db, seed);
    // A shipped seed with bad rows is our bug, not the cashier's: keep the good rows, say so in the log.
    if (report && report.rejected.length > 0) {
      console.warn(`catalog seed ${seed}: ${report.rejected.length} rows rejected`, report.rejected.slice(0, 5));
    }
  }
  const catalog = openCatalog(db);
  const journal = createJournal(db, settings.get().tillId);
  const hub = createEventHub();

  const intents = createIntentStore(db);
  let payments: Payments | undefined;
  // Printing and checkout refer to each other (a completed sale queues its receipt; a print job reads the
  // stored receipt), so the print service reads receipts through checkout once both exist.
  let receiptOf: (receiptNo: string) => ReturnType<Checkout['receipt']> = () => {
    throw new Error('checkout not ready');
  };
  const printing = createPrintService({
    db,
    journal,
    settings: settings.get,
    receipt: (receiptNo) => receiptOf(receiptNo),
    emitJobs: (jobs) => hub.emit('printJobsChanged', jobs),
    emitStatus: (status) => hub.emit('printerStatusChanged', status),
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
    // Through the payment service once it exists: it adds what only it knows (an STC Pay code being awaited).
    pendingPayment: (saleId) => {
      if (payments) return payments.pendingForSale(saleId);
      const row = intents.pendingForSale(saleId);
      return row ? toSummary(row) : null;
    },
  });
  receiptOf = checkout.receipt;
  checkout.currentSale();
  // Jobs a crash interrupted are shown as failed for the cashier to retry or cancel, never printed blindly.
  printing.recoverInterrupted();

  const manager = createManagerAuth(() => settings.get().managerPin);
  // Provider credentials: Electron hands in its safeStorage store; the host and the CLI seal with a key file.
  const secrets = options.secrets ?? createFileSecretStore({ dataDir: options.dataDir });
  const { tillId, terminal: terminalSettings, stcPay: stcPaySettings } = settings.get();
  // A terminal or provider that cannot be opened (a missing secret, an unreadable CA file, no openssl for the
  // simulator) must not stop the till: it starts without that tender and says why on the terminal panel.
  const unavailable = (what: string, e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    console.error(`${what} is unavailable: ${why}`);
    return why;
  };
  let terminalProblem: string | null = null;
  const terminal = terminalSettings
    ? await openTerminal(terminalSettings, { tillId, secrets }).catch((e: unknown) => {
        terminalProblem = unavailable('the card terminal', e);
        return null;
      })
    : null;
  const desk = createOtpDesk();
  let stcPayProblem: string | null = null;
  const stcPay = stcPaySettings
    ? await openStcPay(stcPaySettings, {
        secrets,
        interaction: desk.interaction,
        simulatorDir: path.join(options.dataDir, 'simulators', 'stcpay'),
        describeReference: (reference) => {
          const row = intents.byReference(reference);
          return row ? { kind: row.kind, createdAt: new Date(row.created_at) } : undefined;
        },
      }).catch((e: unknown) => {
        stcPayProblem = unavailable('STC Pay', e);
        return null;
      })
    : null;
  payments = createPayments({
    db,
    journal,
    tillId: () => settings.get().tillId,
    checkout,
    intents,
    connector: terminal?.connector ?? null,
    terminalInfo: terminal ? { protocol: terminalSettings!.protocol, transport: terminal.description, remote: terminal.remote } : null,
    stcPay: stcPay ? { connector: stcPay.connector, transport: stcPay.description, desk } : null,
    unavailable: { terminal: terminalProblem, stcPay: stcPayProblem },
    ...(options.providerCheckMs !== undefined ? { providerCheckMs: options.providerCheckMs } : {}),
    manager,
    emitProgress: (p) => hub.emit('paymentProgress', p),
    emitTerminal: (s) => hub.emit('terminalStatusChanged', s),
    ...(options.paymentRecoveryDelaysMs ? { recoveryDelaysMs: options.paymentRecoveryDelaysMs } : {}),
  });
  // Payments a crash or a lost answer left open are settled before the till takes new ones.
  void payments.recoverAll().catch((e: unknown) => console.error('payment recovery failed', e));

  const handlers = createHandlers({
    host: options.host,
    simulated: true,
    settings,
    checkout,
    catalog,
    payments,
    printing,
    manager,
    emitPreferences: (preferences) => hub.emit('preferencesChanged', preferences),
  });
  const dispatch = createDispatcher(handlers);
  const peripherals = startPeripherals({ settings: settings.get(), dispatch, subscribe: hub.subscribe, emit: hub.emit });
  let closed = false;
  return {
    dispatch,
    subscribe: hub.subscribe,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await peripherals.close();
      await payments.close();
      await printing.close();
      await terminal?.close();
      await stcPay?.close();
      db.close();
      lock.release();
    },
  };
}
