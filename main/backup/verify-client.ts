// Where a backup's copy is verified. The check reads every page, entry and derived row of the copy: seconds at
// 20,000 sales, minutes for a year. On the till's own thread that would shut the counter for as long, so it runs
// in a worker thread (one per copy, on its own read-only connection to it) and the till goes on selling.
//
// Which verifier runs ('auto'), after the print worker's rule (main/printing/worker/client.ts):
//   - NUQTA_BACKUP_WORKER is not '0' (the escape hatch);
//   - this code runs from an esbuild bundle (__filename ends in '.cjs'). Vitest runs the TypeScript sources,
//     and a Worker cannot load a '.ts' file;
//   - the built worker exists: <project root>/dist/main/backup-verify-worker.cjs.
// Otherwise, and when the worker cannot even start (a packaged app that cannot load it), the same check runs
// on this thread, as before the worker existed (with a warning in the log for the latter).
//
// The worker replays the projections its bundle was built with: main/app's LEDGER_PROJECTIONS, the list the
// till and the CLI pass (a function cannot cross to a thread). The in-process path uses the caller's.
//
// A worker that dies after it started (an exception, out of memory, terminated) or does not answer in time is
// a failed verification (BACKUP_VERIFY_INTERRUPTED): the copy is not called verified. Never a hang: the timer
// stops it, and whatever happens in the worker stays there.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LedgerReport, ProjectionFactory } from '../ledger';
import { projectRoot } from '../paths';
import { checkLedgerFile } from './check';
import { BackupError } from './errors';
import { deserializeVerifyError, type VerifyWorkerData, type VerifyWorkerMessage } from './verify-protocol';

export const verifyWorkerFile = (): string => path.join(projectRoot(), 'dist', 'main', 'backup-verify-worker.cjs');

export type VerifierChoice = 'auto' | 'worker' | 'in-process';

export function useVerifyWorkerByDefault(env: NodeJS.ProcessEnv = process.env, file: string = verifyWorkerFile()): boolean {
  return env.NUQTA_BACKUP_WORKER !== '0' && __filename.endsWith('.cjs') && fs.existsSync(file);
}

export interface VerifyOptions {
  /** Default 'auto' (see the rule at the top of this file). */
  mode?: VerifierChoice;
  /** Default verifyWorkerFile(). */
  workerFile?: string;
  /** Default verifyTimeoutMs(the copy's size). */
  timeoutMs?: number;
}

/** A worker that stopped before it answered: `started` false means it never ran (the in-process path can). */
export class VerifyWorkerLost extends BackupError {
  constructor(
    readonly started: boolean,
    detail: string,
  ) {
    super('BACKUP_VERIFY_INTERRUPTED', detail);
  }
}

const MIN_TIMEOUT_MS = 120_000;
/** 0.6 s a MiB: a check reads about 50 MiB/s here from the OS cache; this allows ~1.7 MiB/s, a cold slow disk. */
const TIMEOUT_MS_PER_MIB = 600;
/** How long a stopped worker is waited for (it stops when SQLite hands control back) before the copy is removed. */
const TERMINATE_WAIT_MS = 5_000;

/** Generous: the timeout is there so a stuck check ends, never to cut short a slow disk. */
export function verifyTimeoutMs(bytes: number): number {
  return MIN_TIMEOUT_MS + Math.ceil(bytes / (1024 * 1024)) * TIMEOUT_MS_PER_MIB;
}

/**
 * checkLedgerFile(file, LEDGER_PROJECTIONS) in a worker thread: the same report, or the same thrown TillError.
 * Rejects with VerifyWorkerLost when the worker cannot start, dies, or takes longer than the timeout.
 */
export function checkLedgerFileInWorker(file: string, options: Omit<VerifyOptions, 'mode'> = {}): Promise<LedgerReport> {
  const workerFile = options.workerFile ?? verifyWorkerFile();
  const timeoutMs = options.timeoutMs ?? verifyTimeoutMs(sizeOf(file));
  return new Promise<LedgerReport>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { file } satisfies VerifyWorkerData });
    } catch (e) {
      reject(new VerifyWorkerLost(false, `the verification worker could not start: ${messageOf(e)}`));
      return;
    }
    let started = false;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Its connection to the copy closed before the copy is removed (Windows cannot remove an open file).
      void stop(worker).then(settle);
    };
    const lost = (why: string) => finish(() => reject(new VerifyWorkerLost(started, started ? why : `the verification worker could not start: ${why}`)));
    const timer = setTimeout(() => lost(`the check did not finish within ${timeoutMs < 10_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped`), timeoutMs);
    worker.on('message', (m: VerifyWorkerMessage) => {
      if (m.kind === 'started') started = true;
      else if (m.kind === 'report') finish(() => resolve(m.report));
      else finish(() => reject(deserializeVerifyError(m.error)));
    });
    worker.on('messageerror', (e) => lost(`an answer from the verification worker could not be read: ${messageOf(e)}`));
    worker.on('error', (e) => lost(started ? `the verification worker failed: ${messageOf(e)}` : messageOf(e)));
    worker.on('exit', (code) => lost(started ? `the verification worker stopped (exit code ${code}) before it answered` : `it stopped (exit code ${code})`));
  });
}

export interface VerifyCopyOptions extends VerifyOptions {
  /** For the in-process path (and 'auto' from the sources). */
  projections: readonly ProjectionFactory[];
  log?: { warn(message: string, detail?: unknown): void };
}

/** A backup's copy checked where the rule above says. */
export async function verifyCopy(file: string, options: VerifyCopyOptions): Promise<LedgerReport> {
  const mode = options.mode ?? 'auto';
  const workerFile = options.workerFile ?? verifyWorkerFile();
  if (mode === 'in-process' || (mode === 'auto' && !useVerifyWorkerByDefault(process.env, workerFile))) return checkLedgerFile(file, options.projections);
  const inWorker = { workerFile, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) };
  return mode === 'worker' ? checkLedgerFileInWorker(file, inWorker) : verifyInWorkerOrHere(file, { ...options, ...inWorker });
}

/**
 * In the worker; on this thread when the worker cannot even start (the check must still be made: a till whose
 * backups all fail because of where its files were packed is worse off than one whose counter waits). A worker
 * that started and was lost is not retried here: whatever stopped it could stop the till's own thread.
 */
export async function verifyInWorkerOrHere(file: string, options: Omit<VerifyCopyOptions, 'mode'>): Promise<LedgerReport> {
  try {
    return await checkLedgerFileInWorker(file, options);
  } catch (e) {
    if (!(e instanceof VerifyWorkerLost) || e.started) throw e;
    (options.log ?? console).warn('backup: the verification worker could not start; verifying this copy on the main thread', e.detail);
    return checkLedgerFile(file, options.projections);
  }
}

async function stop(worker: Worker): Promise<void> {
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([
    worker.terminate().then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      waited = setTimeout(resolve, TERMINATE_WAIT_MS);
    }),
  ]);
  clearTimeout(waited);
  // A worker still inside SQLite when the wait ran out must not keep the process alive.
  worker.unref();
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
