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

  // Never opening anything externally (shell.openExternal) is checked on the built bundles:
  // test/shell/bundles-scan.test.ts.
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

describe('device choosers and pairing', () => {
  const devices = [{ deviceId: 'AA:BB:CC:DD:EE:FF', deviceName: 'Printer BT' }];

  it('cancels a Web Bluetooth device request in the till window: prevented (no auto-pick), answered with no device', async () => {
    const { win, log } = await startWithFakes();
    const choice = win.webContents.requestBluetoothDevice(devices);
    expect(choice).toStrictEqual({ prevented: true, answers: [['']], unhandled: false });
    expect(log.warn).toHaveBeenCalledWith('refused a Bluetooth device request');
  });

  it('cancels it in any other webContents too (the customer display, anything unexpected)', async () => {
    const { electron } = await startWithFakes();
    const other = electron.createWebContents();
    expect(other.requestBluetoothDevice(devices)).toStrictEqual({ prevented: true, answers: [['']], unhandled: false });
  });

  it('refuses every Bluetooth pairing', async () => {
    const { electron, log } = await startWithFakes();
    const pairing = electron.permissions.bluetoothPairing;
    if (!pairing) throw new Error('no Bluetooth pairing handler registered');
    for (const pairingKind of ['confirm', 'confirmPin', 'providePin']) {
      const callback = vi.fn();
      pairing({ deviceId: 'AA:BB:CC:DD:EE:FF', pairingKind, frame: null }, callback);
      expect(callback, pairingKind).toHaveBeenCalledExactlyOnceWith({ confirmed: false });
    }
    expect(log.warn).toHaveBeenCalledWith('refused a Bluetooth pairing');
  });

  it.each([
    ['select-serial-port', [''], 'refused a serial port request'],
    ['select-hid-device', [''], 'refused a HID device request'],
    ['select-usb-device', [], 'refused a USB device request'],
  ] as const)('%s: cancelled (callback%o), prevented, logged', async (kind, answer, warning) => {
    const { electron, win, log } = await startWithFakes();
    expect(electron.requestDevice(kind, win.webContents)).toStrictEqual({
      prevented: true,
      answers: [answer],
      unhandled: false,
    });
    expect(log.warn).toHaveBeenCalledWith(warning);
  });

  it('the choosers are answered from the start: registered before the till window exists', async () => {
    const { electron } = await startWithFakes();
    // A page could ask for a device as soon as it loads: the session must answer before any window exists.
    expect(electron.calls.indexOf('session.setBluetoothPairingHandler')).toBeGreaterThan(-1);
    expect(electron.calls.indexOf('session.setBluetoothPairingHandler')).toBeLessThan(electron.calls.indexOf('BrowserWindow.new'));
    for (const kind of ['select-serial-port', 'select-hid-device', 'select-usb-device'] as const) {
      expect(electron.calls.indexOf(`session.on ${kind}`), kind).toBeGreaterThan(-1);
      expect(electron.calls.indexOf(`session.on ${kind}`), kind).toBeLessThan(electron.calls.indexOf('BrowserWindow.new'));
    }
  });
});
