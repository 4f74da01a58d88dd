// Startup order, the window's options, and the lifecycle (single instance, quit, failed start).
import { describe, expect, it, vi } from 'vitest';
import { startShell } from '../../main/shell';
import { TillError } from '../../main/errors';
import { createFakeElectron } from './fake-electron';
import { createFakeTill, type FakeTill } from './fake-till';
import { quietLog, startWithFakes } from './harness';

describe('startup', () => {
  it('creates one window with exactly the hardened options', async () => {
    const { electron, win } = await startWithFakes();
    expect(electron.windows).toHaveLength(1);
    expect(win.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/preload/index.cjs',
    });
    expect(win.options).toMatchObject({ width: 1366, height: 768, kiosk: false, show: false });
  });

  it('passes the kiosk option through', async () => {
    const { win } = await startWithFakes({ kiosk: true });
    expect(win.options.kiosk).toBe(true);
  });

  it('loads app://nuqta/index.html and shows the window when ready', async () => {
    const { win } = await startWithFakes();
    expect(win.loadedUrl).toBe('app://nuqta/index.html');
    expect(win.shown).toBe(true);
  });

  it('locks, sandboxes and registers the scheme before ready, and sandboxes before any window', async () => {
    const { electron } = await startWithFakes();
    const at = (call: string) => electron.calls.indexOf(call);
    expect(at('app.requestSingleInstanceLock')).toBe(0);
    expect(at('app.enableSandbox')).toBeGreaterThan(-1);
    expect(at('app.enableSandbox')).toBeLessThan(at('app.whenReady'));
    expect(at('app.enableSandbox')).toBeLessThan(at('BrowserWindow.new'));
    // Scan replies must not wait a frame behind Chromium's post-input deferral; switches only work before ready.
    expect(at('app.commandLine.appendSwitch disable-features=DeferRendererTasksAfterInput')).toBeGreaterThan(-1);
    expect(at('app.commandLine.appendSwitch disable-features=DeferRendererTasksAfterInput')).toBeLessThan(at('app.whenReady'));
    expect(at('protocol.registerSchemesAsPrivileged')).toBeLessThan(at('app.whenReady'));
    expect(at('protocol.handle app')).toBeLessThan(at('BrowserWindow.new'));
    // IPC is bound before the page can load and call it.
    expect(at('ipcMain.handle nuqta:call:getTill')).toBeLessThan(at('loadURL app://nuqta/index.html'));
    expect(electron.calls).toContain('Menu.setApplicationMenu(null)');
  });

  it('registers app:// as standard, secure and fetch-capable, without bypassCSP or CORS', async () => {
    const { electron } = await startWithFakes();
    expect(electron.schemes).toStrictEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          bypassCSP: false,
          corsEnabled: false,
          allowServiceWorkers: false,
        },
      },
    ]);
  });

  it('starts the till as the electron host on the given data folder, with the platform installer and a quit for it', async () => {
    const { startTill } = await startWithFakes();
    expect(startTill).toHaveBeenCalledWith({ host: 'electron', dataDir: '/tmp/nuqta-shell-test', installer: expect.objectContaining({ kind: expect.any(String) }), onInstalling: expect.any(Function) });
  });
});

describe('single instance', () => {
  it('a second instance quits without a till or a window', async () => {
    const electron = createFakeElectron({ hasLock: false });
    const startTill = vi.fn();
    const shell = await startShell(electron, { startTill, dataDir: '/tmp/x', log: quietLog() });
    expect(shell).toBeNull();
    expect(electron.state.quit).toBe(true);
    expect(startTill).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    const { electron, win } = await startWithFakes();
    win.minimized = true;
    electron.appEvents.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });
});

describe('shutdown', () => {
  it('closing the window quits, and the quit waits for the till to close', async () => {
    const { electron, till, win } = await startWithFakes();
    win.close();
    expect(electron.calls).toContain('app.quit');
    // before-quit held the first quit while the ledger closes…
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    expect(till.close).toHaveBeenCalledTimes(1);
    // …and unbound IPC and events first.
    expect(electron.ipcHandlers.size).toBe(0);
    expect(till.listenerCount()).toBe(0);
  });

  it('closes the till only once however many times quit is asked', async () => {
    const { electron, till } = await startWithFakes();
    electron.app.quit();
    electron.app.quit();
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    electron.app.quit();
    expect(till.close).toHaveBeenCalledTimes(1);
  });

  it('a quit while the ledger is still opening closes the till as soon as it is open', async () => {
    const electron = createFakeElectron();
    const till = createFakeTill();
    let open: (t: FakeTill) => void = () => {};
    const pending = startShell(electron, {
      startTill: () => new Promise<FakeTill>((resolve) => (open = resolve)),
      dataDir: '/tmp/x',
      log: quietLog(),
    });
    await vi.waitFor(() => expect(electron.calls).toContain('protocol.handle app'), { timeout: 10_000 });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    open(till);
    expect(await pending).toBeNull();
    expect(till.close).toHaveBeenCalledOnce();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('a till that fails to start is explained in both languages and the app exits', async () => {
    const electron = createFakeElectron();
    const shell = await startShell(electron, {
      startTill: async () => {
        throw new TillError('LEDGER_LOCKED');
      },
      dataDir: '/tmp/x',
      log: quietLog(),
    });
    expect(shell).toBeNull();
    expect(electron.state.exitCode).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]?.content).toContain('نقطة البيع تعمل بالفعل على هذه البيانات.');
    expect(electron.errorBoxes[0]?.content).toContain('Another copy of the till is already running on this data.');
  });
});
