// What happens when main itself fails (an uncaught exception, an unhandled rejection, a till window that keeps
// crashing): the failure is logged to a file in the data folder, and the app relaunches, which reopens the
// ledger with the open sale as it was last committed. Three crashes within two minutes is a crash loop: then
// the app does not relaunch, it says so (Arabic first) and where the log is, and exits.
import fs from 'node:fs';
import path from 'node:path';
import { redactError } from '../secrets';
import { shellErrorCatalog } from './crash-errors';
import { CRASH_LOOP_COUNT, openCrashHistory } from './crash-history';
import type { ElectronModule } from './electron-types';

interface CrashLog {
  error(message: string, detail?: unknown): void;
}

export const CRASH_LOG_FILE = 'crash.log';
/** The crash log is rotated once it passes this size: one older file is kept. */
const CRASH_LOG_MAX_BYTES = 256 * 1024;

/** The part of Node's process the guard listens on (a fake in tests: never the test runner's own). */
export interface ProcessEventsLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface CrashGuardOptions {
  dataDir: string;
  /** The clock (tests move it). */
  now?: () => number;
  log?: CrashLog;
  process?: ProcessEventsLike;
}

export interface CrashGuard {
  /** The file the failures are written to (named in the crash-loop message). */
  readonly logFile: string;
  /** Main cannot go on: log, then relaunch; in a crash loop, show why and exit instead. */
  fatal(what: string, error: unknown): void;
}

/** Install before anything else in main runs, so a failure during start-up is caught too. */
export function installCrashGuard(
  electron: Pick<ElectronModule, 'app' | 'dialog'>,
  options: CrashGuardOptions,
): CrashGuard {
  const { app, dialog } = electron;
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const history = openCrashHistory(options.dataDir);
  const logFile = path.join(options.dataDir, CRASH_LOG_FILE);

  // A start after a quiet spell begins with a clean slate: crashes long ago say nothing about a loop now.
  try {
    history.prune(now());
  } catch (e) {
    log.error('could not tidy the crash history', e);
  }

  let ending = false;
  const fatal = (what: string, error: unknown): void => {
    if (ending) {
      // A second failure while the first is being handled: the exit is already under way.
      log.error(`${what} (while stopping)`, error);
      return;
    }
    ending = true;
    const at = now();
    log.error(what, error);
    appendCrashLog(logFile, at, what, error, log);
    let recent: number;
    try {
      recent = history.record(at).length;
    } catch (e) {
      // Without the record a loop could not be seen, and relaunching blind could spin forever (a full disk
      // fails every start the same way): stop and say so instead.
      log.error('could not record the crash; not relaunching', e);
      recent = CRASH_LOOP_COUNT;
    }
    if (recent >= CRASH_LOOP_COUNT) {
      const text = shellErrorCatalog.text.TILL_CRASH_LOOP;
      dialog.showErrorBox(
        'Nuqta POS — نقطة',
        `${text.ar}\n${logFile}\n\n${text.en}\n${logFile}\n\n(TILL_CRASH_LOOP)`,
      );
    } else {
      app.relaunch();
    }
    app.exit(1);
  };

  const proc = options.process ?? process;
  proc.on('uncaughtException', (error) => fatal('uncaught exception in main', error));
  proc.on('unhandledRejection', (reason) => fatal('unhandled promise rejection in main', reason));
  return { logFile, fatal };
}

/** Best effort: a log that cannot be written must not stop the relaunch. */
function appendCrashLog(file: string, at: number, what: string, error: unknown, log: CrashLog): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      if (fs.statSync(file).size > CRASH_LOG_MAX_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    fs.appendFileSync(file, `${new Date(at).toISOString()} ${what}\n${redactError(error)}\n\n`, { mode: 0o600 });
  } catch (e) {
    log.error('could not write the crash log', e);
  }
}
