// Types for scripts/lib/browser-till.mjs.
import type { ChildProcess } from 'node:child_process';
import type { LaunchPage } from './launch-page.mjs';
import type { SuperviseOptions, Supervisor } from './supervisor.mjs';

export declare const LAUNCH_PAGE_MAX_MS: number;
export declare function splitPort(args: string[]): { port: number; rest: string[]; error?: undefined } | { error: string };

export interface BrowserTillOptions {
  /** `npm run till -- …`: --port N for the supervisor, the rest for the host (--data-dir, --catalog, --no-seed). */
  args?: string[];
  /** The Chromium to open the till in; undefined: the first of chromium, chromium-browser, google-chrome found; null: none. */
  chromium?: string | null;
  /** Added after the app window's own arguments (tests: --headless, a DevTools port). */
  chromiumExtraArgs?: string[];
  display?: boolean;
  say?: (line: string) => void;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  /** Passed to the supervisor (its onEvent is called too). */
  supervisor?: Omit<SuperviseOptions, 'hostArgs' | 'port'>;
}

export interface BrowserTill {
  /** The exit code to end with: when the host was stopped, or the supervisor gave up with nothing to show. */
  done: Promise<number>;
  supervisor: Supervisor | null;
  chromiumProcess(): ChildProcess | null;
  /** The launch page while it exists. */
  launchPage(): LaunchPage | null;
  stop(): Promise<void>;
}

export declare function runBrowserTill(options?: BrowserTillOptions): BrowserTill;
