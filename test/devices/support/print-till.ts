// A till's printing path without the shell: a real SQLite file (all migrations including 0050), the real
// journal, settings, demo catalog, checkout and (optionally) card payments against the in-process terminal
// simulator, with the print service wired in as main/app will wire it. `restart()` reopens everything on
// the same file, as a till does after a crash.
import type { MadaEcrSettings } from '../../../main/settings';
import path from 'node:path';
import { createManagerAuth } from '../../../main/auth';
import { openCatalog, seedCatalogIfEmpty } from '../../../main/catalog';
import { createCheckout, type Checkout } from '../../../main/checkout';
import { migrations, openDatabase, runMigrations, type Db } from '../../../main/db';
import { migration0050Printing } from '../../../main/db/migrations/0050-printing';
import { demoCatalogCsv } from '../../../main/paths';
import { createJournal, type Journal } from '../../../main/ledger';
import { createIntentStore, createPayments, openTerminal, toSummary, type OpenTerminal } from '../../../main/payments';
import { createPrintService, type PrintService, type PrintServiceDeps } from '../../../main/printing/service';
import { DEMO_SETTINGS, openSettings, type PrinterSettings, type SettingsStore } from '../../../main/settings';
import { createTillSimulators, type TillSimulators } from '../../../main/sim';
import type { CompletedSale, PrinterStatus, PrintJob } from '../../../preload/contract';
import { tempDir } from '../../support/tmp';

export const ITEMS = {
  milk: '6281000000014',
  bread: '6281000000021',
  coffee: '6281000000045',
} as const;

/** Migration 0050 whether or not main/db/migrations/index.ts lists it yet. */
export const allMigrations = migrations.some((m) => m.version === 50) ? migrations : [...migrations, migration0050Printing];

export function openTillDb(file: string): Db {
  const db = openDatabase(file);
  runMigrations(db, allMigrations);
  return db;
}

export interface PrintTillOptions {
  printer: PrinterSettings | null;
  card?: boolean;
  timeouts?: PrintServiceDeps['timeouts'];
  openLink?: PrintServiceDeps['openLink'];
  /** Do not run recoverInterrupted() at start (the test calls it). */
  noRecovery?: boolean;
  /** The print service's log (default: quiet). */
  log?: PrintServiceDeps['log'];
}

export interface PrintTill {
  readonly dir: string;
  readonly db: Db;
  readonly journal: Journal;
  readonly settings: SettingsStore;
  readonly checkout: Checkout;
  readonly service: PrintService;
  /** The simulated devices behind `simulator` links (the virtual printer, the terminal). */
  readonly simulators: TillSimulators;
  readonly emittedJobs: PrintJob[][];
  readonly emittedStatus: PrinterStatus[];
  /** Rings up the items and pays cash (the drawer opens, printing is kicked). */
  sellCash(...barcodes: string[]): Promise<CompletedSale>;
  /** Rings up the items and pays by card through the terminal simulator. */
  sellCard(...barcodes: string[]): Promise<CompletedSale>;
  journalTypes(): string[];
  /** Stops without closing the service: what a crash leaves behind. */
  crash(): void;
  restart(options?: Partial<PrintTillOptions>): Promise<PrintTill>;
  close(): Promise<void>;
}

export async function startPrintTill(options: PrintTillOptions, folder?: { dir: string; cleanup: () => void }): Promise<PrintTill> {
  const tmp = folder ?? tempDir('nuqta-print-');
  const db = openTillDb(path.join(tmp.dir, 'till.db'));
  const settings = openSettings(db, { ...DEMO_SETTINGS, printer: options.printer });
  if (JSON.stringify(settings.get().printer) !== JSON.stringify(options.printer)) settings.update({ printer: options.printer });
  seedCatalogIfEmpty(db, demoCatalogCsv());
  const catalog = openCatalog(db);
  const journal = createJournal(db, settings.get().tillId);
  const emittedJobs: PrintJob[][] = [];
  const emittedStatus: PrinterStatus[] = [];

  let checkout: Checkout | null = null;
  const simulators = createTillSimulators();
  const service = createPrintService({
    db,
    journal,
    settings: settings.get,
    receipt: (receiptNo) => checkout!.receipt(receiptNo),
    emitJobs: (jobs) => emittedJobs.push(jobs),
    emitStatus: (status) => emittedStatus.push(status),
    timeouts: { connectTimeoutMs: 1000, writeTimeoutMs: 2000, statusTimeoutMs: 500, ...options.timeouts },
    ...(options.openLink ? { openLink: options.openLink } : {}),
    virtualPrinter: simulators.printer,
    log: options.log ?? { warn: () => undefined },
  });
  const intents = createIntentStore(db);
  checkout = createCheckout({
    db,
    journal,
    settings: settings.get,
    products: { byBarcode: catalog.findByBarcode, byId: catalog.getById },
    printer: service.drawer,
    printing: service,
    onSaleChanged: () => undefined,
    pendingPayment: (saleId) => {
      const row = intents.pendingForSale(saleId);
      return row ? toSummary(row) : null;
    },
  });
  if (!options.noRecovery) service.recoverInterrupted();

  let terminal: OpenTerminal | null = null;
  let payments: ReturnType<typeof createPayments> | null = null;
  if (options.card) {
    terminal = await openTerminal({ ...(DEMO_SETTINGS.terminal as MadaEcrSettings), link: { kind: 'simulator' } }, { tillId: 'T01', simulators });
    payments = createPayments({
      db,
      journal,
      tillId: () => settings.get().tillId,
      checkout,
      intents,
      connector: terminal.connector,
      terminalInfo: { protocol: 'mada-ecr', transport: terminal.description },
      manager: createManagerAuth({ db, journal, stored: () => settings.get().managerPin }),
      emitProgress: () => undefined,
      emitTerminal: () => undefined,
    });
  }

  const ring = (barcodes: string[]) => {
    for (const b of barcodes.length ? barcodes : [ITEMS.milk]) checkout!.scanBarcode(b);
    return checkout!.currentSale();
  };
  const stop = async () => {
    await payments?.close();
    await terminal?.close();
  };

  const till: PrintTill = {
    dir: tmp.dir,
    db,
    journal,
    settings,
    checkout,
    service,
    simulators,
    emittedJobs,
    emittedStatus,
    sellCash: async (...barcodes) => {
      const sale = ring(barcodes);
      return checkout!.tenderCash(sale.dueHalalas);
    },
    sellCard: async (...barcodes) => {
      if (!payments) throw new Error('start the till with card: true');
      const sale = ring(barcodes);
      const result = await payments.payCard(sale.dueHalalas);
      if (!result.completed) throw new Error(`card payment ${result.outcome}`);
      return result.completed;
    },
    journalTypes: () => db.prepare<[], { type: string }>('SELECT type FROM journal ORDER BY seq').all().map((r) => r.type),
    crash: () => {
      void stop();
      db.close();
    },
    restart: async (more = {}) => {
      await service.close();
      await stop();
      db.close();
      return startPrintTill({ ...options, ...more }, tmp);
    },
    close: async () => {
      await service.close();
      await stop();
      if (db.open) db.close();
      tmp.cleanup();
    },
  };
  return till;
}
