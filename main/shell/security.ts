// Security handlers (Electron checklist items 5, 11-15): the till UI never opens windows, never leaves
// app://nuqta, never hosts a <webview>, and is granted no browser permission. Nothing is handed to
// shell.openExternal: a till has no reason to launch a browser, and an attacker-chosen URL is the classic hole.
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
