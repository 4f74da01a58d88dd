// Types for scripts/lib/supervisor.mjs (plain ESM, used by scripts/till.mjs and tested from TypeScript).
import type { Server } from 'node:http';

export declare const CRASH_LOOP_COUNT: number;
export declare const CRASH_LOOP_WINDOW_MS: number;
export declare const RESTART_DELAY_MS: number;
export declare const READY_TIMEOUT_MS: number;
export declare const STOP_TIMEOUT_MS: number;
export declare const EXIT_USAGE: 2;
export declare const EXIT_TILL_ERROR: 3;
export declare const CRASH_LOG_FILE: string;

export type SupervisorMessageCode = 'HOST_CRASH_LOOP' | 'HOST_TILL_ERROR' | 'HOST_USAGE';
export declare const SUPERVISOR_MESSAGES: Readonly<Record<SupervisorMessageCode, { ar: string; en: string }>>;

/** The host's first stdout line. */
export interface ReadyLine {
  event: 'ready';
  url: string;
  customerDisplayUrl: string;
  origin: string;
  dataDir: string;
  readyMs: number;
  pid: number;
  /** The shop's kiosk setting: `npm run till` opens the window full screen instead of maximized. */
  kiosk?: boolean;
}

export interface HostExit {
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SupervisorMessage {
  code: SupervisorMessageCode;
  ar: string;
  en: string;
  /** The host's own last words (a till error's bilingual message). */
  hostMessage: string;
  /** The crash log the crashes were written to, when the data folder is known. */
  crashLog: string | null;
}

export interface Outcome {
  reason: 'stopped' | 'crash-loop' | 'till-error' | 'usage';
  /** The exit code the launcher should end with. */
  code: number;
  exits: HostExit[];
  message?: SupervisorMessage;
}

export type SupervisorEvent =
  | { type: 'ready'; ready: ReadyLine; restart: number; pid: number }
  | { type: 'client'; role: 'till' | 'customer' }
  | { type: 'line'; line: string; restart: number }
  | ({ type: 'exit'; restartInMs: number } & HostExit)
  | ({ type: 'stopped' } & HostExit)
  | ({ type: 'gave-up' } & Outcome)
  | { type: 'notice-failed'; error: string };

export interface SuperviseOptions {
  /** Passed to the host after its bundle (--data-dir, --catalog, --no-seed); not --port. */
  hostArgs?: string[];
  /** 0 or none: a free port is chosen once and kept for every restart. */
  port?: number;
  secret?: string;
  hostBundle?: string;
  restartDelayMs?: number;
  loopCount?: number;
  loopWindowMs?: number;
  readyTimeoutMs?: number;
  onEvent?: (event: SupervisorEvent) => void;
  /** Where the host's stderr is copied (default: this process's). */
  stderr?: NodeJS.WritableStream;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
}

export interface Supervisor {
  readonly secret: string;
  readonly port: number;
  /** The running host's pid, or null between a death and its restart. */
  readonly pid: number | null;
  /** True once it gave up and serves the notice page on the till's port. */
  readonly noticeServing: boolean;
  /** The first ready line; rejects (with `.outcome`) if the host gives up before it is ever ready. */
  readonly firstReady: Promise<ReadyLine>;
  /** Resolves when the supervisor stops restarting: stopped, or gave up (then the notice page may be up). */
  readonly outcome: Promise<Outcome>;
  /** Chooses the port if none was given, starts the host; the first ready line. */
  begin(): Promise<ReadyLine>;
  /** Stops the host (SIGTERM, then SIGKILL after STOP_TIMEOUT_MS) and the notice page. */
  stop(): Promise<void>;
}

export declare function superviseHost(options?: SuperviseOptions): Supervisor;
export declare function freePort(): Promise<number>;
export declare function noticeHtml(message: SupervisorMessage, exits: HostExit[]): string;
export declare function serveNotice(port: number, message: SupervisorMessage, exits: HostExit[]): Promise<Server>;
