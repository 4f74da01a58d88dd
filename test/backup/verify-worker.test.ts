// A backup's copy verified in a worker thread (dist/main/backup-verify-worker.cjs, built first), for real: a
// ledger a till sold 3,000 sales on, backed up by the backup service, its copy checked in the worker while this
// thread's event loop is measured (monitorEventLoopDelay) — the till's counter is this loop. The worker's report
// is the one the main thread gives; a tampered copy fails there as it did here; a worker that dies or hangs is
// a failed verification with a bilingual error, the copy removed, and never a hang.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import {
  BackupError,
  checkLedgerFile,
  checkLedgerFileInWorker,
  readLastBackup,
  useVerifyWorkerByDefault,
  verifyInWorkerOrHere,
  verifyTimeoutMs,
  VerifyWorkerLost,
} from '../../main/backup';
import { openDatabase } from '../../main/db';
import { TillError } from '../../main/errors';
import type { LedgerReport } from '../../main/ledger';
import { openSettings } from '../../main/settings';
import { bundles, root } from '../support/build';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';
import { backupService, filesIn, ledgerWithSales, type Ledger } from './support';
import { ensureVerifyWorkerBuilt } from './worker-build';

const SALES = 3000;
/** The counter's bound: a scan answered within this while a backup is verified. Generous on a shared 2-core box. */
const MAX_LOOP_DELAY_MS = 200;

let big: Ledger;
let workerFile: string;

/** A till sells `sales` cash sales of one or two lines, then stops. No printer: 3,000 receipts rendered on this
 *  thread would take minutes here, and a print job is one more derived row, not a different kind of check. */
async function ledgerOfCashSales(sales: number): Promise<Ledger> {
  const tmp = tempDir('nuqta-backup-big-');
  const first = await startTestTill(tmp.dir);
  await first.till.close();
  const db = openDatabase(ledgerFile(tmp.dir));
  openSettings(db).update({ printer: null });
  db.close();
  const t = await startTestTill(tmp.dir);
  for (let i = 0; i < sales; i += 1) {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    if (i % 2 === 0) await t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    await t.call('tenderCash', { tenderedHalalas: 5000 });
  }
  await t.till.close();
  const folder = path.join(tmp.dir, 'backups');
  fs.mkdirSync(folder);
  return { dir: tmp.dir, folder, cleanup: tmp.cleanup };
}

beforeAll(async () => {
  workerFile = ensureVerifyWorkerBuilt();
  big = await ledgerOfCashSales(SALES);
}, 300_000);
afterAll(() => big?.cleanup());

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ms = (ns: number) => Math.round(ns / 1e5) / 10;

/** The backup's hidden copy is complete: made standalone (rollback-journal mode, header bytes 18-19 = 1). */
function copyComplete(folder: string): boolean {
  const partial = fs.readdirSync(folder).find((n) => n.endsWith('.partial'));
  if (!partial) return false;
  try {
    const fd = fs.openSync(path.join(folder, partial), 'r');
    try {
      const header = Buffer.alloc(20);
      return fs.readSync(fd, header, 0, 20, 0) === 20 && header[18] === 1 && header[19] === 1;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false; // renamed or removed meanwhile
  }
}

describe('backup verification in the worker (dist/main/backup-verify-worker.cjs)', () => {
  it(`verifies a real backup of a ${SALES}-sale ledger off the event loop, with the report the main thread gives`, async () => {
    const s = backupService(big, {}, { verify: { mode: 'worker' } });
    // Two measures of this thread's event loop: over the whole backup, and from the moment its copy is complete
    // (the `.partial` file turned standalone, the last thing done before the check) to the end.
    const whole = monitorEventLoopDelay({ resolution: 10 });
    const verifying = monitorEventLoopDelay({ resolution: 10 });
    whole.enable();
    verifying.enable();
    let verifyingFrom: number | null = null;
    const watch = setInterval(() => {
      if (verifyingFrom === null && copyComplete(big.folder)) {
        verifying.reset();
        verifyingFrom = performance.now();
      }
    }, 2);
    const started = performance.now();
    const last = await s.backups.backupNow('manual');
    const ended = performance.now();
    // The histograms hear of a blocked loop when their timer next runs: let it run before reading them (a check
    // on this thread that ended just before the promise resolved would otherwise go unrecorded).
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(watch);
    whole.disable();
    verifying.disable();
    await s.close();

    // The same copy checked on this thread, as every backup was before the worker: the same report, and this
    // thread is held for all of it.
    const here = performance.now();
    const inThread = checkLedgerFile(last.file, LEDGER_PROJECTIONS);
    const inThreadMs = performance.now() - here;
    const there = performance.now();
    const inWorker = await checkLedgerFileInWorker(last.file, { workerFile });
    const inWorkerMs = performance.now() - there;
    const loop = (h: ReturnType<typeof monitorEventLoopDelay>) => ({ max: ms(h.max), p99: ms(h.percentile(99)), mean: ms(h.mean) });
    console.log(
      JSON.stringify({
        sales: SALES,
        entries: last.entries,
        copyBytes: last.bytes,
        backupNowMs: Math.round(ended - started),
        copyMs: verifyingFrom === null ? null : Math.round(verifyingFrom - started),
        verifyAndFinishMs: verifyingFrom === null ? null : Math.round(ended - verifyingFrom),
        eventLoopDelayWhileVerifyingMs: loop(verifying),
        eventLoopDelayWholeBackupMs: loop(whole),
        verifyInThreadMs: Math.round(inThreadMs),
        verifyInWorkerMs: Math.round(inWorkerMs),
      }),
    );

    expect(inThread.ok).toBe(true);
    expect(inWorker).toEqual(inThread);
    expect(last).toMatchObject({ entries: inThread.entries, headHash: inThread.ok ? inThread.headHash : '' });
    expect(last.entries).toBeGreaterThan(SALES * 5);
    expect(filesIn(big.folder)).toEqual([path.basename(last.file)]);
    // The ledger is big enough for the bound to mean something: checked on this thread, it blocks for longer.
    expect(inThreadMs).toBeGreaterThan(MAX_LOOP_DELAY_MS);
    expect(ms(verifying.max)).toBeLessThan(MAX_LOOP_DELAY_MS);
    expect(verifyingFrom).not.toBeNull();
    fs.rmSync(last.file);
  });

  it('fails a tampered copy exactly as the main thread does, at each stage of the check', async () => {
    const small = await ledgerWithSales(2);
    cleanups.push(() => {
      // Damaged on purpose below: the folder's own check would fail on it.
      fs.rmSync(ledgerFile(small.dir), { force: true });
      small.cleanup();
    });
    const s = backupService(small, {}, { verify: { mode: 'worker', workerFile } });
    const good = await s.backups.backupNow('daily');
    // A sale's total edited with the sqlite3 shell: every copy of it fails verify's replay, as it did in-thread.
    s.db.prepare("UPDATE sales SET total_halalas = 1 WHERE status = 'completed'").run();
    const failure = await s.backups.backupNow('manual').catch((e: unknown) => e);
    const failed = s.entries('backup.failed');
    await s.close();
    expect(failure).toBeInstanceOf(BackupError);
    expect((failure as BackupError).code).toBe('BACKUP_NOT_VERIFIED');
    expect((failure as BackupError).detail).toMatch(/^rows at entry \d+: sales .*total_halalas is 1/);
    expect(filesIn(small.folder)).toEqual([path.basename(good.file)]);
    expect(readLastBackup(small.dir)).toEqual(good);
    expect(failed).toEqual([expect.objectContaining({ reason: 'manual', code: 'BACKUP_NOT_VERIFIED' })]);

    // Copies of the good backup, each damaged where one stage of the check looks.
    const damage: Record<string, (file: string) => void> = {
      chain: (file) =>
        edit(file, (db) => {
          db.exec('DROP TRIGGER IF EXISTS journal_no_update');
          db.prepare("UPDATE journal SET payload = replace(payload, '\"tenderedHalalas\":1000', '\"tenderedHalalas\":100') WHERE type = 'tender.accepted'").run();
        }),
      rows: (file) => edit(file, (db) => db.prepare("UPDATE tenders SET amount_halalas = amount_halalas + 1").run()),
      integrity: (file) => {
        // Garbage over the middle of the file: pages SQLite's own check reads.
        const fd = fs.openSync(file, 'r+');
        const size = fs.fstatSync(fd).size;
        fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
        fs.closeSync(fd);
      },
      'not a database': (file) => fs.writeFileSync(file, 'this is not a ledger\n'.repeat(400)),
    };
    for (const [stage, spoil] of Object.entries(damage)) {
      const copy = path.join(small.folder, `spoilt-${stage.replace(/ /g, '-')}.db`);
      fs.copyFileSync(good.file, copy);
      spoil(copy);
      const here = checkLedgerFile(copy, LEDGER_PROJECTIONS);
      expect(here.ok, stage).toBe(false);
      expect(await checkLedgerFileInWorker(copy, { workerFile }), stage).toEqual(here);
      expect((here as Extract<LedgerReport, { ok: false }>).stage).toBe(stage === 'not a database' ? 'integrity' : stage);
    }

    // A copy written by a newer version: the same TillError, not a report.
    const newer = path.join(small.folder, 'newer.db');
    fs.copyFileSync(good.file, newer);
    edit(newer, (db) => db.pragma('user_version = 9999'));
    expect(() => checkLedgerFile(newer, LEDGER_PROJECTIONS)).toThrow(TillError);
    const thrown = await checkLedgerFileInWorker(newer, { workerFile }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TillError);
    expect(thrown).toMatchObject({ code: 'LEDGER_SCHEMA_NEWER' });
  });

  it("is chosen by 'auto' from the bundles (nuqta backup), and not from the TypeScript sources", () => {
    // Vitest runs the sources: 'auto' verifies on this thread here.
    expect(useVerifyWorkerByDefault({}, workerFile)).toBe(false);
    // The built CLI: a hook in its process names every worker it starts.
    const hook = path.join(big.folder, 'worker-hook.cjs');
    fs.writeFileSync(
      hook,
      `const wt = require('node:worker_threads');
       const Real = wt.Worker;
       wt.Worker = class extends Real { constructor(file, options) { process.stderr.write('worker: ' + file + '\\n'); super(file, options); } };\n`,
    );
    const target = path.join(big.folder, 'by-cli.db');
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['-r', hook, bundles.cli, 'backup', target, '--force', '--data-dir', big.dir], { encoding: 'utf8', env: { ...process.env, ...env } });
    const viaWorker = run({});
    expect(viaWorker.status, viaWorker.stderr).toBe(0);
    expect(viaWorker.stdout).toMatch(/verified/);
    expect(viaWorker.stderr).toContain(`worker: ${workerFile}`);
    const escapeHatch = run({ NUQTA_BACKUP_WORKER: '0' });
    expect(escapeHatch.status, escapeHatch.stderr).toBe(0);
    expect(escapeHatch.stderr).not.toContain('backup-verify-worker');
    fs.rmSync(target);
    fs.rmSync(hook);
  }, 60_000);
});

describe('a verification worker that dies, hangs or cannot start', () => {
  /** A stand-in for the worker bundle, in dist/ like the real one. */
  function fakeWorker(source: string): string {
    const dir = fs.mkdtempSync(path.join(root, 'dist', 'broken-verify-worker-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'backup-verify-worker.cjs');
    fs.writeFileSync(file, source);
    return file;
  }
  const STARTED = "require('node:worker_threads').parentPort.postMessage({ kind: 'started' });\n";

  const lostWorkers = {
    'throws in the middle of the check': STARTED + "setTimeout(() => { throw new Error('simulated crash in the middle of the check'); }, 20);\n",
    'exits in the middle of the check': STARTED + 'setTimeout(() => process.exit(9), 20);\n',
    'never answers': STARTED + 'for (;;) {}\n',
  };

  for (const [what, source] of Object.entries(lostWorkers)) {
    it(`fails the backup when the worker ${what}: BACKUP_VERIFY_INTERRUPTED in both languages, no copy left, no hang`, async () => {
      const small = await ledgerWithSales(1);
      cleanups.push(() => small.cleanup());
      const good = await backupAndClose(small, { mode: 'worker', workerFile });
      const s = backupService(small, {}, { verify: { mode: 'worker', workerFile: fakeWorker(source), timeoutMs: 500 } });
      const started = performance.now();
      const failure = await s.backups.backupNow('daily').catch((e: unknown) => e);
      const tookMs = performance.now() - started;
      const failed = s.entries('backup.failed');
      await s.close();

      expect(failure).toBeInstanceOf(BackupError);
      const error = failure as BackupError;
      expect(error.code).toBe('BACKUP_VERIFY_INTERRUPTED');
      expect(error.detail).toMatch(what === 'never answers' ? /did not finish within 500 ms and was stopped/ : /verification worker (failed|stopped)/);
      expect(error.toData().message_en).toMatch(/stopped before it finished.*removed and not kept.*Nothing of the till's data/);
      expect(error.toData().message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(tookMs).toBeLessThan(10_000);
      // Nothing unverified under a backup's name, no half-written copy; the last verified one stands.
      expect(filesIn(small.folder)).toEqual([path.basename(good.file)]);
      expect(readLastBackup(small.dir)).toEqual(good);
      expect(failed).toEqual([expect.objectContaining({ reason: 'daily', code: 'BACKUP_VERIFY_INTERRUPTED' })]);
      expect(s.logged.error.join('\n')).toMatch(/backup \(daily\) FAILED: BACKUP_VERIFY_INTERRUPTED/);
    });
  }

  it('verifies on this thread, with a warning, when the worker cannot even start (auto); fails the backup when the worker was required', async () => {
    const small = await ledgerWithSales(1);
    cleanups.push(() => small.cleanup());
    // What a packaged app would meet if it could not load the worker from its archive.
    const broken = fakeWorker("throw new Error('cannot load the verification worker');\n");
    const copy = (await backupAndClose(small, { mode: 'worker', workerFile })).file;

    const warnings: string[] = [];
    const report = await verifyInWorkerOrHere(copy, { workerFile: broken, projections: LEDGER_PROJECTIONS, log: { warn: (m) => void warnings.push(m) } });
    expect(report).toEqual(checkLedgerFile(copy, LEDGER_PROJECTIONS));
    expect(report.ok).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/could not start; verifying this copy on the main thread/)]);

    const required = await checkLedgerFileInWorker(copy, { workerFile: broken }).catch((e: unknown) => e);
    expect(required).toBeInstanceOf(VerifyWorkerLost);
    expect(required).toMatchObject({ code: 'BACKUP_VERIFY_INTERRUPTED', started: false, detail: expect.stringMatching(/could not start: cannot load/) });
    const missing = await checkLedgerFileInWorker(copy, { workerFile: path.join(path.dirname(broken), 'absent.cjs') }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'BACKUP_VERIFY_INTERRUPTED', started: false });
  });

  it('gives a slow disk time: the timeout grows with the copy (2 min, and 0.6 s per MiB)', () => {
    expect(verifyTimeoutMs(0)).toBe(120_000);
    expect(verifyTimeoutMs(40 * 1024 * 1024)).toBe(120_000 + 40 * 600);
    expect(verifyTimeoutMs(4 * 1024 ** 3)).toBe(120_000 + 4096 * 600);
  });
});

function edit(file: string, change: (db: Database.Database) => unknown): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

async function backupAndClose(ledger: Ledger, verify: { mode: 'worker'; workerFile: string }) {
  const s = backupService(ledger, {}, { verify });
  try {
    return await s.backups.backupNow('manual');
  } finally {
    await s.close();
  }
}
