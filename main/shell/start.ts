// Wires the Electron app around a running till. Order matters and is the point of this file:
//   before 'ready': single-instance lock, enableSandbox, privileged app:// scheme, webContents hardening;
//   after 'ready':  no menu, permissions denied, app:// handler, till started, IPC + events bound, start at
//                   login (kiosk) or not, till window, then the customer display (when there is a second
//                   screen, or it is forced).
// Quitting (till window closed, Ctrl+Q, second-instance loser) always goes through before-quit, which holds
// the quit until the till's ledger is flushed and closed. The customer display never keeps the app alive:
// closing it alone changes nothing, and closing the till window closes it too. Each window gets its own
// preload: the customer display's exposes only its read-only methods and events.
// A window whose renderer dies is reloaded (renderer-watch.ts); a till window that keeps dying is handed to
// onFatal, which the entry points at the crash guard (relaunch, or the crash-loop message).
import type { RunningTill, TillOptions } from '../app';
import { customerPreloadBundle, preloadBundle, rendererDist } from '../paths';
import { errorData, isTillError } from '../errors';
import {
  chooseCustomerPlacement,
  createCustomerWindow,
  loadCustomerDisplay,
  type CustomerDisplayMode,
  type CustomerPlacement,
} from './customer';
import type { BrowserWindowLike, ElectronModule } from './electron-types';
import { forwardTillEvents } from './events';
import { applyStartAtLogin } from './kiosk';
import { startAutoUpdate } from './auto-update';
import { platformInstaller } from './installer';
import type { Installer } from '../updates';
import { customerDisplayMayHear } from '../ipc';
import { registerIpcHandlers } from './ipc';
import { APP_SCHEME } from './origin';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { watchRenderer, type RendererWatch } from './renderer-watch';
import { denyAllPermissions, hardenAllWebContents, refuseDeviceChoosers } from './security';
import { createMainWindow, loadApp } from './window';

/**
 * Chromium defers non-urgent renderer tasks until the frame after a key press. For a till that defers the
 * answer to a scan (an IPC reply) by up to a frame: measured in the browser host, scan → line visible p50
 * went from 23 ms to 12 ms with it off. Nothing on the till screen benefits from the deferral.
 */
export const CHROMIUM_FEATURES_OFF = 'DeferRendererTasksAfterInput';

export interface ShellLog {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export interface ShellDeps {
  startTill(options: TillOptions): Promise<RunningTill>;
  /** The till's data folder; defaultDataDir() so the app, the browser host and the CLI share one ledger. */
  dataDir: string;
  /**
   * The admin's kiosk setting: full screen, no menu, started at login. A till setting lives in the ledger, so
   * it may be given as a function of the running till, read once the till is open. Absent: false (an ordinary
   * window, maximized).
   */
  kiosk?: boolean | ((till: RunningTill) => boolean);
  /**
   * The customer-facing display; 'auto' (the default) opens it when there is a second display. Like kiosk, it
   * may be a function of the running till (the admin's customer-screen setting).
   */
  customerDisplay?: CustomerDisplayMode | ((till: RunningTill) => CustomerDisplayMode);
  /** Overrides for tests; default to the built bundles under dist/. */
  rendererRoot?: string;
  preloadPath?: string;
  customerPreloadPath?: string;
  log?: ShellLog;
  /** Main cannot go on (the till window keeps crashing): the crash guard's fatal(). Default: log only. */
  onFatal?: (what: string, error: unknown) => void;
  /** The clock that bounds renderer reloads (tests move it). */
  now?: () => number;
  /** Installs a staged update when the policy says now (./auto-update.ts) or the admin says so; tests hand in their own installer. */
  autoUpdate?: { installer?: Installer; everyMs?: number };
}

export interface Shell {
  /** The till window, or null once it is closed. */
  readonly window: BrowserWindowLike | null;
  /** The customer-facing display, or null when there is none (one display, closed, disconnected). */
  readonly customerWindow: BrowserWindowLike | null;
  readonly till: RunningTill;
  /** Unbinds IPC and events and closes the till; idempotent. */
  shutdown(): Promise<void>;
}

/** Starts the shell; resolves null when this process must not run a till (second instance, failed start). */
export async function startShell(electron: ElectronModule, deps: ShellDeps): Promise<Shell | null> {
  const { app, protocol, ipcMain, BrowserWindow, session, Menu, dialog, screen } = electron;
  const log = deps.log ?? console;
  const now = deps.now ?? Date.now;
  const onFatal = deps.onFatal ?? ((what: string, error: unknown) => log.error(what, error));

  // One till process per machine user: a second launch hands focus to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  app.commandLine.appendSwitch('disable-features', CHROMIUM_FEATURES_OFF);
  registerAppScheme(protocol);
  hardenAllWebContents(app, log);

  let win: BrowserWindowLike | null = null;
  let tillWatch: RendererWatch | null = null;
  /** displayId: the secondary display it fills; null when windowed on the primary (forced). */
  let customer: { window: BrowserWindowLike; displayId: number | null } | null = null;
  let till: RunningTill | null = null;
  const unbind: Array<() => void> = [];
  const liveContents = (w: BrowserWindowLike | null) => (w && !w.isDestroyed() ? w.webContents : null);
  const senders = () => ({ till: liveContents(win), customer: liveContents(customer?.window ?? null) });

  /** destroy(), not close(): nothing the customer page does (beforeunload) can hold its window open. */
  const closeCustomerDisplay = () => {
    const open = customer;
    customer = null;
    if (open && !open.window.isDestroyed()) open.window.destroy();
  };

  // The GPU process paints every window; when it dies the till page may stay blank, so it is reloaded too.
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    if (details.type === 'GPU' && win && !win.isDestroyed()) {
      tillWatch?.gone(`GPU process ${details.reason}, exit code ${details.exitCode}`);
    } else {
      log.warn(`child process gone: ${details.type} ${details.name ?? ''} (${details.reason})`);
    }
  });

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      for (const off of unbind.splice(0)) off();
      if (till) await till.close();
    })());

  let quitting = false;
  let closed = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (closed) return; // second pass, after the till is closed: let Electron quit
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    closeCustomerDisplay();
    shutdown()
      .catch((e: unknown) => log.error('closing the till failed', e))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  await app.whenReady();
  Menu.setApplicationMenu(null); // no View ▸ Toggle DevTools / Reload on a till
  denyAllPermissions(session.defaultSession, log);
  refuseDeviceChoosers(session.defaultSession, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(deps.rendererRoot ?? rendererDist()));

  const installer = deps.autoUpdate?.installer ?? platformInstaller(process.platform, process.env, log, () => app.relaunch());
  try {
    till = await deps.startTill({ host: 'electron', dataDir: deps.dataDir, installer, onInstalling: () => app.quit() });
  } catch (e) {
    reportStartFailure(dialog, log, e);
    app.exit(1);
    return null;
  }
  if (quitting) {
    // Quit was asked while the ledger was opening; before-quit already ran without a till to close.
    await till.close();
    return null;
  }

  unbind.push(registerIpcHandlers(ipcMain, till.dispatch, senders, log));
  unbind.push(forwardTillEvents(till, () => [liveContents(win)], log));
  unbind.push(forwardTillEvents(till, () => [liveContents(customer?.window ?? null)], log, customerDisplayMayHear));
  const updater = startAutoUpdate({
    till,
    app,
    installer,
    log,
    ...(deps.autoUpdate?.everyMs !== undefined ? { everyMs: deps.autoUpdate.everyMs } : {}),
  });
  unbind.push(() => updater.stop());

  const kiosk = kioskMode(deps.kiosk, till, log);
  applyStartAtLogin(app, kiosk, log);

  const preload = deps.preloadPath ?? preloadBundle();
  const customerPreload = deps.customerPreloadPath ?? customerPreloadBundle();
  const created = createMainWindow(BrowserWindow, { preload, kiosk });
  win = created;
  tillWatch = watchRenderer(created, {
    name: 'till window',
    reload: () => loadApp(created),
    giveUp: (why) => onFatal(why, new Error(why)),
    log,
    now,
  });
  created.on('closed', () => {
    win = null;
    // The till window is the app: the customer display goes with it, which lets window-all-closed quit.
    closeCustomerDisplay();
  });
  await loadApp(created).catch((e: unknown) => log.error('loading the till UI failed', e));

  const mode = customerMode(deps.customerDisplay, till, log);
  const openCustomerDisplay = async (placement: CustomerPlacement): Promise<void> => {
    const shown = createCustomerWindow(BrowserWindow, { preload: customerPreload, placement });
    customer = { window: shown, displayId: placement.kind === 'display' ? placement.display.id : null };
    // A customer page that keeps dying is closed; the till sells on without it.
    watchRenderer(shown, {
      name: 'customer display',
      reload: () => loadCustomerDisplay(shown),
      giveUp: (why) => {
        log.error(`${why}; closing it`);
        if (customer?.window === shown) closeCustomerDisplay();
      },
      log,
      now,
    });
    shown.on('closed', () => {
      if (customer?.window === shown) customer = null;
    });
    await loadCustomerDisplay(shown).catch((e: unknown) => log.error('loading the customer display failed', e));
  };
  /**
   * Opens, keeps or closes the customer display to match the connected displays. Unplugging its screen
   * closes it (otherwise the OS moves the full-screen, unfocusable window over the till); plugging one in
   * opens it. A failure here is logged: the till runs without a customer display rather than not at all.
   */
  const syncCustomerDisplay = async (removedDisplayId?: number): Promise<void> => {
    try {
      if (quitting || !win || win.isDestroyed()) return;
      if (customer && customer.displayId !== null) {
        const onId = customer.displayId;
        const present = removedDisplayId !== onId && screen.getAllDisplays().some((d) => d.id === onId);
        if (!present) closeCustomerDisplay();
      }
      if (customer) return;
      const placement = chooseCustomerPlacement(screen, mode);
      if (placement) await openCustomerDisplay(placement);
    } catch (e) {
      log.error('the customer display could not be opened', e);
    }
  };
  if (mode !== 'off') {
    await syncCustomerDisplay();
    screen.on('display-added', () => void syncCustomerDisplay());
    screen.on('display-removed', (_event, display) => void syncCustomerDisplay(display.id));
  }

  const running = till;
  return {
    get window() {
      return win;
    },
    get customerWindow() {
      return customer?.window ?? null;
    },
    till: running,
    shutdown,
  };
}

/** The installer outlives the app it replaces: detached, its own process group, nothing inherited. */
/** A kiosk setting that cannot be read opens the ordinary window: the till must still sell. */
function kioskMode(option: ShellDeps['kiosk'], till: RunningTill, log: ShellLog): boolean {
  if (typeof option !== 'function') return option ?? false;
  try {
    return option(till);
  } catch (e) {
    log.error('the kiosk setting could not be read; opening an ordinary window', e);
    return false;
  }
}

/** A customer-screen setting that cannot be read: auto, as a till without the setting would do. */
function customerMode(option: ShellDeps['customerDisplay'], till: RunningTill, log: ShellLog): CustomerDisplayMode {
  if (typeof option !== 'function') return option ?? 'auto';
  try {
    return option(till);
  } catch (e) {
    log.error('the customer screen setting could not be read; auto', e);
    return 'auto';
  }
}

/** The cashier sees why the till did not start, in both languages; details go to the log only. */
function reportStartFailure(dialog: ElectronModule['dialog'], log: ShellLog, e: unknown): void {
  log.error('the till could not start', e);
  const data = isTillError(e) ? e.toData() : errorData('INTERNAL');
  dialog.showErrorBox('Nuqta POS — نقطة', `${data.message_ar}\n\n${data.message_en}`);
}
