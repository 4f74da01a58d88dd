// A real ledger (a till sold on it, then stopped) and the backup service on its own connection to it, as
// main/app wires it, with the settings, clock and delays a test chooses.
import fs from 'node:fs';
import path from 'node:path';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { createBackups, type BackupDeps, type Backups } from '../../main/backup';
import { openDatabase, type Db } from '../../main/db';
import { createJournal } from '../../main/ledger';
import type { BackupSettings } from '../../main/settings';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

export interface Ledger {
  dir: string;
  /** A folder for backups, next to the data folder (removed with it). */
  folder: string;
  cleanup(): void;
}

/** A data folder whose till sold `sales` cash sales and stopped. */
export async function ledgerWithSales(sales: number): Promise<Ledger> {
  const tmp = tempDir('nuqta-backup-');
  const t = await startTestTill(tmp.dir);
  for (let i = 0; i < sales; i += 1) {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('tenderCash', { tenderedHalalas: 1000 });
  }
  await t.till.close();
  const folder = path.join(tmp.dir, 'backups');
  fs.mkdirSync(folder);
  return { dir: tmp.dir, folder, cleanup: tmp.cleanup };
}

export interface Logged {
  info: string[];
  warn: string[];
  error: string[];
}

export interface Service {
  backups: Backups;
  db: Db;
  logged: Logged;
  /** Journal entries of `type`, payload parsed. */
  entries(type: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export function backupService(
  ledger: Ledger,
  settings: Partial<BackupSettings> = {},
  options: Partial<Pick<BackupDeps, 'now' | 'catchUpDelayMs' | 'pagesPerStep' | 'projections' | 'verify'>> & { timeZone?: string } = {},
): Service {
  const db = openDatabase(ledgerFile(ledger.dir));
  const logged: Logged = { info: [], warn: [], error: [] };
  const backups = createBackups({
    db,
    journal: createJournal(db, 'T01'),
    dataDir: ledger.dir,
    settings: () => ({
      tillId: 'T01',
      backups: { folder: ledger.folder, dailyAt: null, atClosing: false, keep: 30, ...settings },
      timeZone: options.timeZone ?? 'Asia/Riyadh',
    }),
    projections: options.projections ?? LEDGER_PROJECTIONS,
    log: {
      info: (m) => logged.info.push(m),
      warn: (m) => logged.warn.push(m),
      error: (m) => logged.error.push(m),
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.catchUpDelayMs !== undefined ? { catchUpDelayMs: options.catchUpDelayMs } : {}),
    ...(options.pagesPerStep !== undefined ? { pagesPerStep: options.pagesPerStep } : {}),
    ...(options.verify ? { verify: options.verify } : {}),
  });
  return {
    backups,
    db,
    logged,
    entries: (type) =>
      db
        .prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq')
        .all(type)
        .map((r) => JSON.parse(r.payload) as Record<string, unknown>),
    async close() {
      await backups.close();
      db.close();
    },
  };
}

/** Files in a folder, sorted (what an admin sees in it). */
export const filesIn = (folder: string): string[] => fs.readdirSync(folder).sort();

/** Waits until `check` holds (polling every few ms), failing after `ms`. */
export async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('the condition did not hold in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
