// The customer-facing display: a second, hardened, unfocusable window on the second screen, which may only
// read; events reach it as well as the till; it never keeps the app alive and never outlives the till window.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { eventChannel, eventNames, methodChannel, methodNames, type MethodName } from '../../preload/contract';
import { customerPreloadBundle, preloadBundle } from '../../main/paths';
import { errorData } from '../../main/errors';
import { CUSTOMER_DISPLAY_EVENTS, customerDisplayMayHear } from '../../main/ipc';
import { CUSTOMER_DISPLAY_METHODS, CUSTOMER_ENTRY_URL, customerDisplayMode, startShell } from '../../main/shell';
import type { DisplayLike, InvokeEventLike } from '../../main/shell/electron-types';
import {
  CUSTOMER_DISPLAY,
  createFakeElectron,
  DisposedFrame,
  FakeFrame,
  PRIMARY_DISPLAY,
  type FakeWindow,
} from './fake-electron';
import { createFakeTill, emptySale, tillInfo } from './fake-till';
import { CUSTOMER_PRELOAD, eventFrom, goodEvent, quietLog, startWithFakes, TILL_PRELOAD, type Started } from './harness';

const forbidden = { ok: false, error: errorData('FORBIDDEN_SENDER') };
const TWO_DISPLAYS = [PRIMARY_DISPLAY, CUSTOMER_DISPLAY];
const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // Its own preload: only the read-only methods and its events (preload/customer.ts).
  preload: CUSTOMER_PRELOAD,
};

/** Started with a customer window; fails the test if there is none. */
async function withCustomer(opts: Parameters<typeof startWithFakes>[0] = { displays: TWO_DISPLAYS }) {
  const started = await startWithFakes(opts);
  if (!started.customer) throw new Error('no customer window');
  return { ...started, customer: started.customer };
}

describe('when the customer display opens', () => {
  it('one display: no customer window', async () => {
    const { electron, shell } = await startWithFakes({ displays: [PRIMARY_DISPLAY] });
    expect(electron.windows).toHaveLength(1);
    expect(shell.customerWindow).toBeNull();
  });

  it('two displays: a second window after the till window, full-screen on the second display', async () => {
    const { electron, shell, win, customer } = await withCustomer();
    expect(electron.windows).toStrictEqual([win, customer]);
    expect(shell.customerWindow).toBe(customer);
    expect(customer.options).toStrictEqual({
      x: 1366,
      y: 0,
      width: 1024,
      height: 600,
      frame: false,
      fullscreen: true,
      focusable: false,
      skipTaskbar: true,
      show: false,
      kiosk: false,
      title: 'Nuqta POS — شاشة العميل',
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
      webPreferences: HARDENED,
    });
    // Exactly the till window's webPreferences, but for the preload.
    expect(win.options.webPreferences.preload).toBe(TILL_PRELOAD);
    expect(customer.options.webPreferences).toStrictEqual({ ...win.options.webPreferences, preload: CUSTOMER_PRELOAD });
    // The till window is created and loaded first.
    expect(electron.calls.filter((c) => c === 'BrowserWindow.new' || c.startsWith('loadURL'))).toStrictEqual([
      'BrowserWindow.new',
      'loadURL app://nuqta/index.html',
      'BrowserWindow.new',
      'loadURL app://nuqta/index.html#view=customer',
    ]);
  });

  it('loads the customer view, and shows it without taking focus from the till', async () => {
    const { win, customer } = await withCustomer();
    expect(CUSTOMER_ENTRY_URL).toBe('app://nuqta/index.html#view=customer');
    expect(customer.loadedUrl).toBe('app://nuqta/index.html#view=customer');
    expect(customer.shownWith).toBe('showInactive');
    expect(customer.focused).toBe(false);
    expect(win.loadedUrl).toBe('app://nuqta/index.html');
    expect(win.shownWith).toBe('show');
  });

  it('picks the display that is not the primary one, wherever getAllDisplays lists it', async () => {
    const left: DisplayLike = { id: 7, bounds: { x: -800, y: 0, width: 800, height: 480 } };
    const { customer } = await withCustomer({ displays: [left, PRIMARY_DISPLAY], primaryDisplayId: PRIMARY_DISPLAY.id });
    expect(customer.options).toMatchObject({ x: -800, y: 0, width: 800, height: 480, fullscreen: true });
  });

  it('with three displays, opens one customer window on the first non-primary display', async () => {
    const third: DisplayLike = { id: 3, bounds: { x: 2390, y: 0, width: 1920, height: 1080 } };
    const { electron, customer } = await withCustomer({ displays: [PRIMARY_DISPLAY, CUSTOMER_DISPLAY, third] });
    expect(electron.windows).toHaveLength(2);
    expect(customer.options).toMatchObject({ x: 1366, width: 1024 });
  });

  it('forced with one display: windowed on the primary display, still unfocusable and hardened', async () => {
    const { electron, customer } = await withCustomer({ displays: [PRIMARY_DISPLAY], customerDisplay: 'force' });
    expect(electron.windows).toHaveLength(2);
    expect(customer.options).toStrictEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 600,
      frame: true,
      fullscreen: false,
      focusable: false,
      skipTaskbar: true,
      show: false,
      kiosk: false,
      title: 'Nuqta POS — شاشة العميل',
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
      webPreferences: HARDENED,
    });
    expect(customer.loadedUrl).toBe(CUSTOMER_ENTRY_URL);
  });

  it('forced with two displays: full-screen on the second one as usual', async () => {
    const { customer } = await withCustomer({ displays: TWO_DISPLAYS, customerDisplay: 'force' });
    expect(customer.options).toMatchObject({ x: 1366, y: 0, frame: false, fullscreen: true });
  });

  it('by default each window gets its built preload: dist/preload/index.cjs and dist/preload/customer.cjs', async () => {
    const electron = createFakeElectron({ displays: TWO_DISPLAYS });
    await startShell(electron, { startTill: async () => createFakeTill(), dataDir: '/tmp/x', log: quietLog() });
    const [win, customer] = electron.windows;
    expect(win?.options.webPreferences.preload).toBe(preloadBundle());
    expect(customer?.options.webPreferences.preload).toBe(customerPreloadBundle());
    expect(customerPreloadBundle()).toBe(path.join(path.dirname(preloadBundle()), 'customer.cjs'));
  });

  it('turned off: no customer window even with two displays', async () => {
    const { electron, shell } = await startWithFakes({ displays: TWO_DISPLAYS, customerDisplay: 'off' });
    expect(electron.windows).toHaveLength(1);
    expect(shell.customerWindow).toBeNull();
  });

  it.each([
    [{ NUQTA_CUSTOMER_DISPLAY: '1' }, 'force'],
    [{ NUQTA_CUSTOMER_DISPLAY: '0' }, 'off'],
    [{}, 'auto'],
    [{ NUQTA_CUSTOMER_DISPLAY: '' }, 'auto'],
    [{ NUQTA_CUSTOMER_DISPLAY: 'yes' }, 'auto'],
  ])('NUQTA_CUSTOMER_DISPLAY in %o means %s', (env, mode) => {
    expect(customerDisplayMode(env)).toBe(mode);
  });

  it.each([
    [{}, 'always', 'force'],
    [{}, 'off', 'off'],
    [{}, 'auto', 'auto'],
    [{ NUQTA_CUSTOMER_DISPLAY: '0' }, 'always', 'off'],
    [{ NUQTA_CUSTOMER_DISPLAY: '1' }, 'off', 'force'],
  ] as const)("the admin's setting decides unless a technician's override is set: %o + %s means %s", (env, setting, mode) => {
    expect(customerDisplayMode(env, setting)).toBe(mode);
  });

  it("takes the mode from the running till's settings when given as a function", async () => {
    const off = await startWithFakes({ displays: TWO_DISPLAYS, customerDisplay: (till) => (till.shell().customerScreen === 'auto' ? 'off' : 'force') });
    expect(off.electron.windows).toHaveLength(1);
    const failing = await startWithFakes({
      displays: TWO_DISPLAYS,
      customerDisplay: () => {
        throw new Error('settings unreadable');
      },
    });
    expect(failing.electron.windows).toHaveLength(2);
  });

  it('a customer display that cannot be opened is logged, and the till runs without it', async () => {
    const electron = createFakeElectron({ displays: TWO_DISPLAYS });
    electron.screen.getAllDisplays = () => {
      throw new Error('display server gone');
    };
    const log = quietLog();
    const shell = await startShell(electron, {
      startTill: async () => createFakeTill(),
      dataDir: '/tmp/x',
      preloadPath: '/app/dist/preload/index.cjs',
      log,
    });
    expect(shell?.window).toBe(electron.windows[0]);
    expect(electron.windows).toHaveLength(1);
    expect(log.error).toHaveBeenCalledWith('the customer display could not be opened', expect.any(Error));
  });
});

describe('customer window hardening (the web-contents-created handlers cover it too)', () => {
  it('denies window.open, navigation away, redirects and <webview>', async () => {
    const { customer } = await withCustomer();
    const contents = customer.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
    expect(contents.fire('will-navigate', 'app://nuqta/index.html#view=customer')).toBe(false);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('is refused every permission', async () => {
    const { electron, customer } = await withCustomer();
    const callback = vi.fn();
    electron.permissions.request?.(customer.webContents, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(electron.permissions.check?.(customer.webContents, 'hid')).toBe(false);
  });
});

describe('IPC from the customer window', () => {
  it('may call exactly getTill, getSale, getTerminalStatus and getPrinterStatus', () => {
    expect([...CUSTOMER_DISPLAY_METHODS]).toStrictEqual(['getTill', 'getSale', 'getTerminalStatus', 'getPrinterStatus']);
    expect(Object.isFrozen(CUSTOMER_DISPLAY_METHODS)).toBe(true);
  });

  it('getSale reaches dispatch and answers', async () => {
    const { electron, till, customer } = await withCustomer();
    expect(await electron.invoke(methodChannel('getSale'), goodEvent(customer), {})).toStrictEqual({
      ok: true,
      value: emptySale,
    });
    expect(till.dispatch).toHaveBeenCalledExactlyOnceWith('getSale', {});
    expect(await electron.invoke(methodChannel('getTill'), goodEvent(customer), {})).toStrictEqual({
      ok: true,
      value: tillInfo,
    });
  });

  it('every read-only method reaches dispatch', async () => {
    const { electron, till, customer } = await withCustomer();
    for (const name of CUSTOMER_DISPLAY_METHODS) await electron.invoke(methodChannel(name), goodEvent(customer), {});
    expect(till.dispatch.mock.calls.map(([name]) => name)).toStrictEqual([...CUSTOMER_DISPLAY_METHODS]);
  });

  it.each(['scanBarcode', 'tenderCash', 'payCard'] as const)('%s is FORBIDDEN_SENDER and never reaches dispatch', async (name) => {
    const { electron, till, customer, log } = await withCustomer();
    const inputs = { scanBarcode: { barcode: '6281000000000' }, tenderCash: { tenderedHalalas: 1000 }, payCard: { amountHalalas: 1000 } };
    expect(await electron.invoke(methodChannel(name), goodEvent(customer), inputs[name])).toStrictEqual(forbidden);
    expect(till.dispatch).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(`refused ${name} from the customer window`, CUSTOMER_ENTRY_URL);
  });

  it('every other method is FORBIDDEN_SENDER, without reaching dispatch', async () => {
    const { electron, till, customer } = await withCustomer();
    const allowed = new Set<MethodName>(CUSTOMER_DISPLAY_METHODS);
    const others = methodNames.filter((name) => !allowed.has(name));
    expect(others.length).toBe(methodNames.length - 4);
    for (const name of others) {
      expect(await electron.invoke(methodChannel(name), goodEvent(customer), {}), name).toStrictEqual(forbidden);
    }
    expect(till.dispatch).not.toHaveBeenCalled();
  });

  it('the till window may still call everything while the customer window is open', async () => {
    const { electron, till, win } = await withCustomer();
    expect(await electron.invoke(methodChannel('scanBarcode'), goodEvent(win), { barcode: '123' })).toStrictEqual({
      ok: false,
      error: errorData('BARCODE_UNKNOWN'),
    });
    expect(await electron.invoke(methodChannel('voidSale'), goodEvent(win), {})).toStrictEqual({ ok: true, value: emptySale });
    expect(till.dispatch).toHaveBeenCalledTimes(2);
  });

  const foreign: Array<[string, (s: Started & { customer: FakeWindow }) => InvokeEventLike]> = [
    ['no senderFrame', ({ customer }) => eventFrom(customer.webContents, null)],
    [
      'a sub-frame of the customer window, even on app://nuqta',
      ({ customer }) =>
        eventFrom(customer.webContents, new FakeFrame(CUSTOMER_ENTRY_URL, customer.webContents.mainFrame)),
    ],
    [
      'the customer window’s main frame after navigating away',
      ({ customer }) => {
        customer.webContents.mainFrame.url = 'https://evil.example/';
        return goodEvent(customer);
      },
    ],
    [
      'the customer window’s main frame reported under the till window’s webContents',
      ({ win, customer }) => eventFrom(win.webContents, customer.webContents.mainFrame),
    ],
    [
      'the till window’s main frame reported under the customer window’s webContents',
      ({ win, customer }) => eventFrom(customer.webContents, win.webContents.mainFrame),
    ],
    ['a disposed customer frame', ({ customer }) => eventFrom(customer.webContents, new DisposedFrame())],
    [
      'the customer window after it was closed',
      ({ customer }) => {
        const event = goodEvent(customer);
        customer.close();
        return event;
      },
    ],
  ];

  it.each(foreign)('%s: refused for every method, read-only ones too', async (_label, makeEvent) => {
    const started = await withCustomer();
    const event = makeEvent(started);
    for (const name of methodNames) {
      expect(await started.electron.invoke(methodChannel(name), event, {}), name).toStrictEqual(forbidden);
    }
    expect(started.till.dispatch).not.toHaveBeenCalled();
    expect(started.log.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'), expect.anything());
  });
});

describe('events', () => {
  it('the customer window may hear exactly the sale, its payment prompts, the thank-you, the printer, the language and training', () => {
    expect([...CUSTOMER_DISPLAY_EVENTS]).toStrictEqual([
      'saleChanged',
      'paymentProgress',
      'saleCompleted',
      'printerStatusChanged',
      'preferencesChanged',
      'trainingChanged',
    ]);
    expect(Object.isFrozen(CUSTOMER_DISPLAY_EVENTS)).toBe(true);
    expect(eventNames.filter((name) => !customerDisplayMayHear(name))).toStrictEqual([
      'terminalStatusChanged',
      'printJobsChanged',
      'scanRejected',
    ]);
  });

  it('a change of language or digits reaches both windows, so the customer display follows the till at once', async () => {
    const { till, win, customer } = await withCustomer();
    const prefs = { locale: 'en', digits: 'arabic' } as const;
    till.emit('preferencesChanged', prefs);
    const expected = [{ channel: eventChannel('preferencesChanged'), args: [prefs] }];
    expect(win.webContents.sent).toStrictEqual(expected);
    expect(customer.webContents.sent).toStrictEqual(expected);
  });

  it('sale events reach both windows, on their channel, payload only; the terminal panel only the till', async () => {
    const { till, win, customer } = await withCustomer();
    till.emit('saleChanged', emptySale);
    const progress = { saleId: 'sale-1', intentId: 'i-1', state: 'awaiting' } as never;
    till.emit('paymentProgress', progress);
    // Earlier customers' masked cards and RRNs live in the terminal status: never on the customer's screen.
    const terminal = { configured: true, last: { card: { maskedPan: '440647******1234' } } } as never;
    till.emit('terminalStatusChanged', terminal);
    const expected = [
      { channel: eventChannel('saleChanged'), args: [emptySale] },
      { channel: eventChannel('paymentProgress'), args: [progress] },
    ];
    expect(win.webContents.sent).toStrictEqual([...expected, { channel: eventChannel('terminalStatusChanged'), args: [terminal] }]);
    expect(customer.webContents.sent).toStrictEqual(expected);
  });

  it('skips a destroyed customer window (without trying it) and still reaches the till', async () => {
    const { till, win, customer, log } = await withCustomer();
    customer.webContents.destroyed = true;
    expect(() => till.emit('saleChanged', emptySale)).not.toThrow();
    expect(customer.webContents.sent).toHaveLength(0);
    expect(win.webContents.sent).toHaveLength(1);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('a window whose send throws does not keep the event from the other', async () => {
    const { till, win, customer, log } = await withCustomer();
    win.webContents.send = () => {
      throw new Error('Render frame was disposed');
    };
    till.emit('saleChanged', emptySale);
    expect(customer.webContents.sent).toHaveLength(1);
    expect(log.warn).toHaveBeenCalledWith('could not send saleChanged to a window', expect.any(Error));
  });

  it('after the customer window closes, events go on reaching the till', async () => {
    const { till, win, customer } = await withCustomer();
    customer.close();
    till.emit('saleChanged', emptySale);
    expect(win.webContents.sent).toHaveLength(1);
    expect(customer.webContents.sent).toHaveLength(0);
  });
});

describe('lifecycle', () => {
  it('closing the customer window does not quit; the till goes on', async () => {
    const { electron, till, shell, win, customer } = await withCustomer();
    customer.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.calls).not.toContain('app.quit');
    expect(electron.state.quit).toBe(false);
    expect(till.close).not.toHaveBeenCalled();
    expect(shell.customerWindow).toBeNull();
    expect(shell.window).toBe(win);
    expect(await electron.invoke(methodChannel('getSale'), goodEvent(win), {})).toStrictEqual({ ok: true, value: emptySale });
  });

  it('closing the till window closes the customer window too, and quits after the till closes', async () => {
    const { electron, till, shell, win, customer } = await withCustomer();
    win.close();
    expect(customer.destroyed).toBe(true);
    expect(electron.calls).toContain('BrowserWindow.destroy');
    expect(shell.customerWindow).toBeNull();
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    expect(till.close).toHaveBeenCalledTimes(1);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(till.listenerCount()).toBe(0);
  });

  it('a quit asked elsewhere (second instance, Ctrl+Q) takes the customer window down with it', async () => {
    const { electron, till, customer } = await withCustomer();
    electron.app.quit();
    expect(customer.destroyed).toBe(true);
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    expect(till.close).toHaveBeenCalledTimes(1);
  });

  it('a second instance focuses the till window, never the customer display', async () => {
    const { electron, win, customer } = await withCustomer();
    electron.appEvents.emit('second-instance');
    expect(win.focused).toBe(true);
    expect(customer.focused).toBe(false);
  });
});

describe('displays plugged in and out while running', () => {
  it('unplugging the customer display closes its window (the OS would move it over the till) without quitting', async () => {
    const { electron, shell, customer } = await withCustomer();
    electron.removeDisplay(CUSTOMER_DISPLAY.id);
    await vi.waitFor(() => expect(customer.destroyed).toBe(true), { timeout: 10_000 });
    expect(shell.customerWindow).toBeNull();
    expect(electron.state.quit).toBe(false);
    expect(electron.windows.filter((w) => !w.destroyed)).toHaveLength(1);
  });

  it('plugging it back in opens a new customer window on it', async () => {
    const { electron, shell, customer } = await withCustomer();
    electron.removeDisplay(CUSTOMER_DISPLAY.id);
    electron.addDisplay(CUSTOMER_DISPLAY);
    await vi.waitFor(() => expect(shell.customerWindow).not.toBeNull(), { timeout: 10_000 });
    const again = shell.customerWindow as FakeWindow;
    expect(again).not.toBe(customer);
    expect(again.options).toMatchObject({ x: 1366, fullscreen: true, focusable: false });
    expect(again.options.webPreferences.preload).toBe(CUSTOMER_PRELOAD);
    expect(again.loadedUrl).toBe(CUSTOMER_ENTRY_URL);
  });

  it('a display plugged in after start gets the customer window', async () => {
    const { electron, shell } = await startWithFakes({ displays: [PRIMARY_DISPLAY] });
    expect(shell.customerWindow).toBeNull();
    electron.addDisplay(CUSTOMER_DISPLAY);
    await vi.waitFor(() => expect(shell.customerWindow).not.toBeNull(), { timeout: 10_000 });
    expect(electron.windows).toHaveLength(2);
  });

  it('unplugging some other display leaves the customer window alone', async () => {
    const third: DisplayLike = { id: 3, bounds: { x: 2390, y: 0, width: 1920, height: 1080 } };
    const { electron, shell, customer } = await withCustomer({ displays: [PRIMARY_DISPLAY, CUSTOMER_DISPLAY, third] });
    electron.removeDisplay(third.id);
    await new Promise((r) => setTimeout(r, 0));
    expect(shell.customerWindow).toBe(customer);
    expect(customer.destroyed).toBe(false);
  });

  it('no display events open anything once the till window is gone', async () => {
    const { electron, win } = await startWithFakes({ displays: [PRIMARY_DISPLAY] });
    win.close();
    electron.addDisplay(CUSTOMER_DISPLAY);
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.windows).toHaveLength(1);
  });
});
