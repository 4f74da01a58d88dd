// Security handlers (Electron checklist items 5, 11-15): the till UI never opens windows, never leaves
// app://nuqta, never hosts a <webview>, is granted no browser permission and is given no device from a
// Web Bluetooth, serial, HID or USB chooser. Nothing is handed to shell.openExternal: a till has no reason
// to launch a browser, and an attacker-chosen URL is the classic hole (test/shell/bundles-scan.test.ts
// checks the built bundles never mention it).
import type { AppLike, PreventableEvent, SessionLike, WebContentsLike } from './electron-types';
import { isAppUrl } from './origin';

export interface SecurityLog {
  warn(message: string, detail?: unknown): void;
}

/** Locks down one webContents. */
export function hardenWebContents(contents: WebContentsLike, log: SecurityLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked window.open', url);
    return { action: 'deny' };
  });
  const stayOnApp = (kind: string) => (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`blocked ${kind}`, url);
  };
  contents.on('will-navigate', stayOnApp('navigation'));
  contents.on('will-redirect', stayOnApp('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked <webview>');
  });
  // Without preventDefault Electron would pick the first device in range itself: the till talks to its
  // devices from main, never from the page, so every request is cancelled.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
    log.warn('refused a Bluetooth device request');
  });
}

/**
 * Applies hardenWebContents to every webContents the app ever creates (the main window and anything
 * unexpected), the pattern the Electron security guide recommends. Call before the first window.
 */
export function hardenAllWebContents(app: AppLike, log: SecurityLog): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/** Deny every permission request and check: camera, mic, notifications, HID/USB/serial, clipboard read… */
export function denyAllPermissions(session: SessionLike, log: SecurityLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('denied permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Cancels every device chooser and pairing on the session. The permission handlers above already deny
 * hid/serial/usb/bluetooth, but the chooser events are the path Electron takes when a page asks for a
 * device; answering them explicitly leaves nothing to Electron's defaults (which differ per device type).
 */
export function refuseDeviceChoosers(session: SessionLike, log: SecurityLog): void {
  session.setBluetoothPairingHandler((_details, callback) => {
    log.warn('refused a Bluetooth pairing');
    callback({ confirmed: false });
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
    log.warn('refused a serial port request');
  });
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
    log.warn('refused a HID device request');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
    log.warn('refused a USB device request');
  });
}
