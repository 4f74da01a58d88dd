// Starts the shell against the fake electron and a fake till, and builds IPC events from chosen senders.
import { vi } from 'vitest';
import { startShell, type Shell, type ShellDeps, type ShellLog } from '../../main/shell';
import type { DisplayLike, InvokeEventLike } from '../../main/shell/electron-types';
import { createFakeElectron, type FakeElectron, type FakeWebContents, type FakeWindow } from './fake-electron';
import { createFakeTill, type FakeTill } from './fake-till';

export interface Started {
  electron: FakeElectron;
  till: FakeTill;
  shell: Shell;
  win: FakeWindow;
  /** The customer-display window, when the shell opened one. */
  customer: FakeWindow | null;
  log: ShellLog & { warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };
  startTill: ReturnType<typeof vi.fn>;
  /** What the shell hands a failure it cannot recover from (the crash guard in the real entry). */
  onFatal: ReturnType<typeof vi.fn<(what: string, error: unknown) => void>>;
  /** The shell's clock: move it with clock.ms += … */
  clock: { ms: number };
}

/** The paths the harness gives the shell for the two preload bundles. */
export const TILL_PRELOAD = '/app/dist/preload/index.cjs';
export const CUSTOMER_PRELOAD = '/app/dist/preload/customer.cjs';

export const quietLog = () => ({ warn: vi.fn(), error: vi.fn() });

export async function startWithFakes(
  opts: {
    kiosk?: ShellDeps['kiosk'];
    rendererRoot?: string;
    hasLock?: boolean;
    openAtLogin?: boolean;
    displays?: DisplayLike[];
    primaryDisplayId?: number;
    customerDisplay?: ShellDeps['customerDisplay'];
  } = {},
): Promise<Started> {
  const electron = createFakeElectron({
    hasLock: opts.hasLock ?? true,
    ...(opts.openAtLogin === undefined ? {} : { openAtLogin: opts.openAtLogin }),
    ...(opts.displays ? { displays: opts.displays } : {}),
    ...(opts.primaryDisplayId === undefined ? {} : { primaryDisplayId: opts.primaryDisplayId }),
  });
  const till = createFakeTill();
  const log = quietLog();
  const startTill = vi.fn(async () => till);
  const onFatal = vi.fn<(what: string, error: unknown) => void>();
  const clock = { ms: Date.parse('2025-01-01T09:00:00Z') };
  const shell = await startShell(electron, {
    startTill,
    dataDir: '/tmp/nuqta-shell-test',
    kiosk: opts.kiosk ?? false,
    ...(opts.customerDisplay ? { customerDisplay: opts.customerDisplay } : {}),
    rendererRoot: opts.rendererRoot ?? '/nonexistent/renderer',
    preloadPath: TILL_PRELOAD,
    customerPreloadPath: CUSTOMER_PRELOAD,
    log,
    onFatal,
    now: () => clock.ms,
  });
  if (!shell) throw new Error('shell did not start');
  const win = electron.windows[0];
  if (!win) throw new Error('no window');
  return { electron, till, shell, win, customer: electron.windows[1] ?? null, log, startTill, onFatal, clock };
}

/** An invoke event from `frame` inside `sender`. */
export const eventFrom = (sender: FakeWebContents, frame: InvokeEventLike['senderFrame']): InvokeEventLike => ({
  sender,
  senderFrame: frame,
});

/** The legitimate sender: the main frame of the window (till or customer display), showing app://nuqta. */
export const goodEvent = (win: FakeWindow): InvokeEventLike => eventFrom(win.webContents, win.webContents.mainFrame);
