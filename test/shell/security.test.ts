// Navigation, new windows, webviews and permissions are all refused.
import { describe, expect, it, vi } from 'vitest';
import { startWithFakes } from './harness';

describe('webContents hardening', () => {
  it('denies window.open', async () => {
    const { win } = await startWithFakes();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'app://nuqta/index.html' })).toStrictEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s: stays on app://nuqta, anything else is prevented', async (event) => {
    const { win } = await startWithFakes();
    expect(win.webContents.fire(event, 'app://nuqta/index.html')).toBe(false);
    expect(win.webContents.fire(event, 'app://nuqta/receipt/1#top')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'app://evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      expect(win.webContents.fire(event, url), url).toBe(true);
    }
  });

  it('prevents attaching a <webview>', async () => {
    const { win } = await startWithFakes();
    expect(win.webContents.fire('will-attach-webview')).toBe(true);
  });

  it('hardens any other webContents created later, too', async () => {
    const { electron } = await startWithFakes();
    const other = electron.createWebContents();
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
    expect(other.fire('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('never opens anything externally (the shell has no shell.openExternal to call)', async () => {
    const { electron } = await startWithFakes();
    expect(Object.keys(electron)).not.toContain('shell');
  });
});

describe('permissions', () => {
  it('denies every permission request', async () => {
    const { electron, win } = await startWithFakes();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      electron.permissions.request?.(win.webContents, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check and device request with no', async () => {
    const { electron, win } = await startWithFakes();
    for (const permission of ['hid', 'serial', 'usb', 'clipboard-read', 'fullscreen']) {
      expect(electron.permissions.check?.(win.webContents, permission), permission).toBe(false);
    }
    expect(electron.permissions.device?.({ deviceType: 'hid' })).toBe(false);
  });
});
