// A window whose renderer died (crash, out of memory, killed) shows a blank page while main runs on: reload
// it, and the page asks main for the sale again, which main has kept. Reloads are bounded: a page that dies
// again and again is handed to `giveUp` (for the till window: a relaunch, or the crash-loop message).
import type { BrowserWindowLike } from './electron-types';

export const RELOAD_LIMIT = 3;
export const RELOAD_WINDOW_MS = 2 * 60_000;

export interface RendererWatchOptions {
  /** For the log: which window. */
  name: string;
  /** Loads the window's page again. */
  reload(): Promise<void>;
  /** Called instead of a reload once RELOAD_LIMIT reloads happened within RELOAD_WINDOW_MS. */
  giveUp(why: string): void;
  log: { error(message: string, detail?: unknown): void };
  now: () => number;
}

export interface RendererWatch {
  /** The page is gone for another reason (the GPU process died): reload it, within the same bound. */
  gone(why: string): void;
}

export function watchRenderer(win: BrowserWindowLike, options: RendererWatchOptions): RendererWatch {
  const { name, log, now } = options;
  const reloads: number[] = [];
  let givenUp = false;
  const gone = (why: string): void => {
    if (givenUp || win.isDestroyed()) return;
    const at = now();
    while (reloads.length > 0 && at - (reloads[0] ?? at) >= RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= RELOAD_LIMIT) {
      givenUp = true;
      options.giveUp(`the ${name} kept failing (${why}; ${RELOAD_LIMIT} reloads within ${RELOAD_WINDOW_MS / 60_000} minutes)`);
      return;
    }
    reloads.push(at);
    log.error(`the ${name} failed (${why}); reloading it`);
    options.reload().catch((e: unknown) => log.error(`reloading the ${name} failed`, e));
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    // clean-exit: the renderer ended normally (its window is closing).
    if (details.reason === 'clean-exit') return;
    gone(`renderer ${details.reason}, exit code ${details.exitCode}`);
  });
  return { gone };
}
