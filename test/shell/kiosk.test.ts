// Kiosk mode (the admin's setting): full screen, no menu, started at login. Without it the till window opens
// maximized and the app is not made a login item (one left over from kiosk mode is removed).
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { RunningTill } from '../../main/app';
import { startShell } from '../../main/shell';
import { createFakeElectron } from './fake-electron';
import { createFakeTill } from './fake-till';
import { CUSTOMER_PRELOAD, quietLog, startWithFakes, TILL_PRELOAD } from './harness';

const loginCalls = (calls: string[]) => calls.filter((c) => c.startsWith('app.setLoginItemSettings'));

describe('an ordinary till (kiosk off)', () => {
  it('opens one maximized window with the menu hidden and no menu at all, then shows it', async () => {
    const { electron, win } = await startWithFakes();
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false, autoHideMenuBar: true });
    expect(win.maximized).toBe(true);
    expect(win.shownWith).toBe('show');
    // Maximized while still hidden, so the window never appears at 1366×768 first.
    expect(electron.calls.indexOf('BrowserWindow.maximize')).toBeLessThan(electron.calls.indexOf('BrowserWindow.show'));
    expect(electron.calls).toContain('Menu.setApplicationMenu(null)');
  });

  it('does not make the app a login item', async () => {
    const { electron } = await startWithFakes({ kiosk: false });
    expect(loginCalls(electron.calls)).toStrictEqual([]);
    expect(electron.state.openAtLogin).toBe(false);
  });

  it('removes the login item a former kiosk till left behind', async () => {
    const { electron } = await startWithFakes({ kiosk: false, openAtLogin: true });
    expect(loginCalls(electron.calls)).toStrictEqual(['app.setLoginItemSettings openAtLogin=false']);
    expect(electron.state.openAtLogin).toBe(false);
  });
});

describe('a kiosk till', () => {
  it('opens full screen in kiosk mode with no menu, and is not maximized as a window', async () => {
    const { electron, win } = await startWithFakes({ kiosk: true });
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(win.maximized).toBe(false);
    expect(win.shownWith).toBe('show');
    expect(electron.calls).toContain('Menu.setApplicationMenu(null)');
  });

  it('starts at login, set before the window opens', async () => {
    const { electron } = await startWithFakes({ kiosk: true });
    expect(loginCalls(electron.calls)).toStrictEqual(['app.setLoginItemSettings openAtLogin=true']);
    expect(electron.state.openAtLogin).toBe(true);
    expect(electron.calls.indexOf('app.setLoginItemSettings openAtLogin=true')).toBeLessThan(
      electron.calls.indexOf('BrowserWindow.new'),
    );
  });

  it('takes the setting from the running till when given as a function', async () => {
    const read = vi.fn((_till: RunningTill) => true);
    const { win, till, electron } = await startWithFakes({ kiosk: read });
    expect(read).toHaveBeenCalledExactlyOnceWith(till);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(electron.state.openAtLogin).toBe(true);
  });

  it('a setting that cannot be read opens the ordinary window and says so in the log', async () => {
    const { win, log, electron } = await startWithFakes({
      kiosk: () => {
        throw new Error('settings unreadable');
      },
    });
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(win.maximized).toBe(true);
    expect(loginCalls(electron.calls)).toStrictEqual([]);
    expect(log.error).toHaveBeenCalledWith('the kiosk setting could not be read; opening an ordinary window', expect.any(Error));
  });
});

it('a login item the OS refuses is logged and the till still opens', async () => {
  const electron = createFakeElectron();
  electron.app.setLoginItemSettings = () => {
    throw new Error('Access is denied.');
  };
  const log = quietLog();
  const shell = await startShell(electron, {
    startTill: async () => createFakeTill(),
    dataDir: '/tmp/nuqta-shell-test',
    kiosk: true,
    rendererRoot: '/nonexistent/renderer',
    preloadPath: TILL_PRELOAD,
    customerPreloadPath: CUSTOMER_PRELOAD,
    log,
  });
  expect(shell?.window).not.toBeNull();
  expect(electron.windows[0]?.options).toMatchObject({ kiosk: true });
  expect(log.warn).toHaveBeenCalledWith('could not change whether the till starts at login', expect.any(Error));
});

it('the till page says it must not be machine-translated (a browser translating prices and names would garble them)', () => {
  const html = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  expect(html).toMatch(/<html\b[^>]*\btranslate="no"/);
});
