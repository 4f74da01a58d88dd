// The till window. Every renderer-facing switch is set explicitly (not left to Electron defaults) so a
// default changing in a future Electron cannot loosen it, and the test can compare the object exactly.
// The customer display (customer.ts) takes its webPreferences from here too, so the two cannot drift.
import type { BrowserWindowCtor, BrowserWindowLike, TillWindowOptions, WebPreferencesOptions } from './electron-types';
import { APP_ENTRY_URL } from './origin';

export interface WindowSettings {
  preload: string;
  /**
   * Full-screen, no chrome, cannot be left with the mouse: for a dedicated till. Otherwise the window opens
   * maximized: the till screen is laid out for the whole display, and a cashier should not have to resize it.
   */
  kiosk: boolean;
}

/** The one set of webPreferences every window of the app gets. */
export function hardenedWebPreferences(preload: string): WebPreferencesOptions {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload,
  };
}

export function mainWindowOptions(settings: WindowSettings): TillWindowOptions {
  return {
    // 1366×768 is the most common till / all-in-one screen.
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 600,
    // Shown on ready-to-show so the cashier never sees a blank white frame.
    show: false,
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    title: 'Nuqta POS — نقطة',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(settings.preload),
  };
}

export function createMainWindow(BrowserWindow: BrowserWindowCtor, settings: WindowSettings): BrowserWindowLike {
  const win = new BrowserWindow(mainWindowOptions(settings));
  win.once('ready-to-show', () => {
    // maximize() before show(): the window appears at its final size instead of jumping to it.
    if (!settings.kiosk) win.maximize();
    win.show();
  });
  return win;
}

export const loadApp = (win: BrowserWindowLike): Promise<void> => win.loadURL(APP_ENTRY_URL);
