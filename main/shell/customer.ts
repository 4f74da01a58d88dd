// The customer-facing display: a second, read-only window on the shop's customer screen. It shows the same
// renderer bundle at #view=customer, with the till window's hardened webPreferences but its own preload
// (preload/customer.ts: the read-only methods and its events only), and can never take the keyboard from
// the cashier (focusable: false, shown inactive). What main lets it call over IPC is in sender.ts.
import type {
  BrowserWindowCtor,
  BrowserWindowLike,
  CustomerWindowOptions,
  DisplayLike,
  ScreenLike,
} from './electron-types';
import { CUSTOMER_ENTRY_URL } from './origin';
import { hardenedWebPreferences } from './window';

/**
 * auto: open it when the machine has a second display; force: also with one display, windowed on the
 * primary (for testing); off: never (a second monitor that is not customer-facing).
 */
export type CustomerDisplayMode = 'auto' | 'force' | 'off';

/**
 * NUQTA_CUSTOMER_DISPLAY=1 forces the customer display, =0 turns it off (a technician's override); otherwise
 * the admin's customer-screen setting: auto, always (also with one display), off.
 */
export function customerDisplayMode(
  env: Readonly<Record<string, string | undefined>>,
  setting: 'auto' | 'always' | 'off' = 'auto',
): CustomerDisplayMode {
  const value = env.NUQTA_CUSTOMER_DISPLAY;
  if (value === '1') return 'force';
  if (value === '0') return 'off';
  return setting === 'always' ? 'force' : setting;
}

/**
 * Where the customer window goes: full-screen on a secondary display, or (forced, one display) an ordinary
 * window on the primary one.
 */
export type CustomerPlacement = { kind: 'display' | 'windowed'; display: DisplayLike };

/** Windowed (testing) size: the common 10" customer-display panel. */
export const WINDOWED_CUSTOMER_SIZE = { width: 1024, height: 600 } as const;

/**
 * The first display that is not the primary one (the till window opens on the primary). getAllDisplays()
 * does not promise the primary comes first, so it is compared by id.
 */
export function secondaryDisplay(screen: ScreenLike): DisplayLike | null {
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return null;
  const primary = screen.getPrimaryDisplay();
  return displays.find((d) => d.id !== primary.id) ?? null;
}

export function chooseCustomerPlacement(screen: ScreenLike, mode: CustomerDisplayMode): CustomerPlacement | null {
  if (mode === 'off') return null;
  const display = secondaryDisplay(screen);
  if (display) return { kind: 'display', display };
  return mode === 'force' ? { kind: 'windowed', display: screen.getPrimaryDisplay() } : null;
}

export function customerWindowOptions(preload: string, placement: CustomerPlacement): CustomerWindowOptions {
  const { bounds } = placement.display;
  const onDisplay = placement.kind === 'display';
  return {
    x: bounds.x,
    y: bounds.y,
    width: onDisplay ? bounds.width : WINDOWED_CUSTOMER_SIZE.width,
    height: onDisplay ? bounds.height : WINDOWED_CUSTOMER_SIZE.height,
    frame: !onDisplay,
    fullscreen: onDisplay,
    focusable: false,
    skipTaskbar: true,
    show: false,
    kiosk: false,
    title: 'Nuqta POS — شاشة العميل',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preload),
  };
}

export function createCustomerWindow(
  BrowserWindow: BrowserWindowCtor,
  settings: { preload: string; placement: CustomerPlacement },
): BrowserWindowLike {
  const win = new BrowserWindow(customerWindowOptions(settings.preload, settings.placement));
  // Never show(): that activates the window, and the cashier's next keystroke would be lost to it.
  win.once('ready-to-show', () => win.showInactive());
  return win;
}

export const loadCustomerDisplay = (win: BrowserWindowLike): Promise<void> => win.loadURL(CUSTOMER_ENTRY_URL);
