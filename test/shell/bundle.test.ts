// The built bundles, loaded the way Electron would load them, with a fake electron module:
//   dist/preload/index.cjs (the till window) and dist/preload/customer.cjs (the customer display) each in a
//   bare vm context whose require knows only 'electron' (a sandboxed preload);
//   dist/main/electron.cjs through Node's loader with require('electron') answered by the fake, started
//   with NUQTA_CUSTOMER_DISPLAY=1 so the entry's environment wiring of the customer display is covered too.
// Bundles are (re)built with scripts/build-main.mjs when missing or older than the sources.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_GLOBAL,
  CUSTOMER_DISPLAY_EVENTS,
  CUSTOMER_DISPLAY_METHODS,
  eventChannel,
  eventHandlerName,
  eventNames,
  methodChannel,
  methodNames,
} from '../../preload/contract';
import { acquireInstanceLock, startTill } from '../../main/app';
import { catalogRowsToCsv, generateCatalogRows } from '../../main/catalog';
import { createFileSecretStore, createSafeStorageSecretStore, SAFE_STORAGE_FILE_NAME } from '../../main/secrets';
import { createFakeElectron } from './fake-electron';
import { goodEvent } from './harness';
import { built, ensureShellBundles } from './built';

const preloadBundle = built.preload;
const customerPreloadBundle = built.customerPreload;
const mainBundle = built.electron;

const requiredModules = (file: string): Set<string | undefined> =>
  new Set([...fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));

/**
 * Runs a preload bundle the way a sandboxed renderer does: a bare context (no process, Buffer or Node
 * modules) whose require knows only 'electron'. Returns what it asked for, exposed and invoked.
 */
function runPreload(file: string) {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown[]]> = [];
  const listened: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args]);
        return { ok: true, value: 'pong' };
      },
      on: (channel: string) => listened.push(channel),
      removeListener: () => undefined,
    },
  };
  const requested: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    requested.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found in a sandboxed preload: ${id}`);
  };
  // Only what a renderer's isolated world also has.
  const context = vm.createContext({ console, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask });
  const wrapper = vm.runInContext(`(function (exports, require, module) {${fs.readFileSync(file, 'utf8')}\n})`, context, {
    filename: file,
  }) as (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module);
  return { requested, exposed, invoked, listened };
}

const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type CrashEvent = (typeof CRASH_EVENTS)[number];
type AnyListener = (...args: unknown[]) => void;
/** The process as a plain emitter: its typed overloads do not take a union of event names. */
const processEvents: NodeJS.EventEmitter = process;
const listenersOf = (event: CrashEvent): AnyListener[] => processEvents.listeners(event) as AnyListener[];

describe('built bundles', () => {
  beforeAll(() => ensureShellBundles(), 60_000);

  it('each preload requires nothing but electron', () => {
    expect(requiredModules(preloadBundle)).toStrictEqual(new Set(['electron']));
    expect(requiredModules(customerPreloadBundle)).toStrictEqual(new Set(['electron']));
  });

  it('the till preload exposes window.nuqta with every method and event, in a sandbox-like context', async () => {
    const { requested, exposed, invoked } = runPreload(preloadBundle);
    expect(requested).toStrictEqual(['electron']);
    expect([...exposed.keys()]).toStrictEqual([API_GLOBAL]);
    const api = exposed.get(API_GLOBAL) as Record<string, unknown>;
    const expected = [...methodNames, ...eventNames.map((e) => eventHandlerName(e))].sort();
    expect(Object.keys(api).sort()).toStrictEqual(expected);
    for (const key of expected) expect(typeof api[key]).toBe('function');

    const getTill = api.getTill as (input: unknown) => Promise<unknown>;
    expect(await getTill({})).toStrictEqual({ ok: true, value: 'pong' });
    expect(invoked).toStrictEqual([[methodChannel('getTill'), [{}]]]);
  });

  it('the customer preload exposes window.nuqta with exactly the read-only methods and the customer events', async () => {
    const { requested, exposed, invoked, listened } = runPreload(customerPreloadBundle);
    expect(requested).toStrictEqual(['electron']);
    expect([...exposed.keys()]).toStrictEqual([API_GLOBAL]);
    const api = exposed.get(API_GLOBAL) as Record<string, unknown>;
    // Spelled out: a name added to the lists must be a decision someone sees here.
    expect(Object.keys(api).sort()).toStrictEqual(
      [
        'getPrinterStatus',
        'getSale',
        'getTerminalStatus',
        'getTill',
        'onPaymentProgress',
        'onPreferencesChanged',
        'onPrinterStatusChanged',
        'onSaleChanged',
        'onSaleCompleted',
        // The customer must see the training mark come and go with the till (docs/training.md).
        'onTrainingChanged',
      ].sort(),
    );
    // …which are the contract's customer-display lists, nothing more.
    expect(Object.keys(api).sort()).toStrictEqual(
      [...CUSTOMER_DISPLAY_METHODS, ...CUSTOMER_DISPLAY_EVENTS.map((e) => eventHandlerName(e))].sort(),
    );
    for (const name of ['payCard', 'returnSale', 'openDrawer', 'settleTerminal', 'voidSale', 'onTerminalStatusChanged']) {
      expect(api, name).not.toHaveProperty(name);
    }
    const getSale = api.getSale as (input: unknown) => Promise<unknown>;
    expect(await getSale({})).toStrictEqual({ ok: true, value: 'pong' });
    expect(invoked).toStrictEqual([[methodChannel('getSale'), [{}]]]);
    (api.onSaleChanged as (listener: () => void) => () => void)(() => {});
    expect(listened).toStrictEqual([eventChannel('saleChanged')]);
  });

  describe('the main bundle', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-shell-bundle-'));
    const fake = createFakeElectron();
    /** What the entry added to this (test) process: its crash guard's listeners, removed after the tests. */
    const added: Record<CrashEvent, AnyListener[]> = { uncaughtException: [], unhandledRejection: [] };
    // startTill seeds an empty ledger from resources/catalog/demo-catalog.csv. Seed this ledger first with
    // a small synthetic catalog, so the test does not depend on the demo file being present.
    const seedLedger = async () => {
      const csv = path.join(dataDir, 'seed.csv');
      fs.writeFileSync(csv, catalogRowsToCsv(generateCatalogRows(3)));
      const till = await startTill({ host: 'electron', dataDir, seedCatalogCsv: csv });
      await till.close();
      // As an admin would with `nuqta secret set` before the app's first start.
      createFileSecretStore({ dataDir }).put('nexo.apiKey', new Uint8Array(Buffer.from('cli-entered-key')));
    };

    beforeAll(async () => {
      await seedLedger();
      type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
      const loader = Module as unknown as { _load: Load };
      const originalLoad = loader._load;
      const savedDataDir = process.env.NUQTA_DATA_DIR;
      const savedCustomer = process.env.NUQTA_CUSTOMER_DISPLAY;
      process.env.NUQTA_DATA_DIR = dataDir;
      process.env.NUQTA_CUSTOMER_DISPLAY = '1';
      loader._load = function (request, parent, isMain) {
        return request === 'electron' ? fake : originalLoad.call(this, request, parent, isMain);
      };
      const before = { uncaughtException: listenersOf('uncaughtException'), unhandledRejection: listenersOf('unhandledRejection') };
      try {
        const req = createRequire(__filename);
        delete req.cache[mainBundle];
        req(mainBundle);
      } finally {
        for (const event of CRASH_EVENTS) added[event] = listenersOf(event).filter((l) => !before[event].includes(l));
        loader._load = originalLoad;
        if (savedDataDir === undefined) delete process.env.NUQTA_DATA_DIR;
        else process.env.NUQTA_DATA_DIR = savedDataDir;
        if (savedCustomer === undefined) delete process.env.NUQTA_CUSTOMER_DISPLAY;
        else process.env.NUQTA_CUSTOMER_DISPLAY = savedCustomer;
      }
      // The shell is up once it has both windows (the customer display opens after the till window's
      // page loads), or has reported that the till could not start.
      await vi.waitFor(() => expect(fake.windows.length === 2 || fake.errorBoxes.length > 0).toBe(true), {
        timeout: 10_000,
      });
    }, 60_000);
    afterAll(() => {
      for (const event of CRASH_EVENTS) for (const listener of added[event]) processEvents.removeListener(event, listener);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('runs the shell against the electron module it requires', () => {
      const at = (call: string) => fake.calls.indexOf(call);
      expect(at('app.requestSingleInstanceLock')).toBe(0);
      expect(at('app.enableSandbox')).toBeGreaterThan(0);
      expect(at('protocol.registerSchemesAsPrivileged')).toBeLessThan(at('app.whenReady'));
      expect(at('protocol.handle app')).toBeGreaterThan(at('app.whenReady'));
    });

    it('takes the secrets entered with the CLI into its safeStorage store', () => {
      expect(createFileSecretStore({ dataDir }).names()).toStrictEqual([]);
      const sealed = createSafeStorageSecretStore({ safeStorage: fake.safeStorage, dataDir });
      expect(Buffer.from(sealed.get('nexo.apiKey')!).toString()).toBe('cli-entered-key');
      expect(fs.readFileSync(path.join(dataDir, SAFE_STORAGE_FILE_NAME), 'utf8')).not.toContain('cli-entered-key');
    });

    it('starts a real till, registers every handler and opens the window', () => {
      expect(fake.errorBoxes, 'the till failed to start').toStrictEqual([]);
      expect([...fake.ipcHandlers.keys()].sort()).toStrictEqual(methodNames.map(methodChannel).sort());
      expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(fake.calls.indexOf('BrowserWindow.new'));
      expect(fake.windows[0]?.options.webPreferences.preload).toBe(preloadBundle);
      expect(fake.windows[0]?.loadedUrl).toBe('app://nuqta/index.html');
      expect(fs.existsSync(path.join(dataDir, 'till.db'))).toBe(true);
    });

    it('NUQTA_CUSTOMER_DISPLAY=1 opens the customer display on the one fake display, read-only', async () => {
      const [till, customer] = fake.windows;
      if (!till || !customer) throw new Error('no customer window');
      expect(customer.loadedUrl).toBe('app://nuqta/index.html#view=customer');
      expect(customer.options).toMatchObject({ focusable: false, fullscreen: false, frame: true });
      // Its own preload, the built customer one; every other switch as the till window's.
      expect(till.options.webPreferences.preload).toBe(preloadBundle);
      expect(customer.options.webPreferences).toStrictEqual({ ...till.options.webPreferences, preload: customerPreloadBundle });
      const sale = (await fake.invoke(methodChannel('getSale'), goodEvent(customer), {})) as { ok: boolean };
      expect(sale.ok).toBe(true);
      expect(await fake.invoke(methodChannel('voidSale'), goodEvent(customer), {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
      // A change the till makes reaches both windows.
      await fake.invoke(methodChannel('voidSale'), goodEvent(till), {});
      for (const win of [till, customer]) {
        expect(win.webContents.sent.map((m) => m.channel)).toContain(eventChannel('saleChanged'));
      }
    });

    it('answers a call from the window end to end, and closes the till on quit', async () => {
      const win = fake.windows[0];
      if (!win) throw new Error('no window');
      const result = (await fake.invoke(methodChannel('getTill'), goodEvent(win), {})) as {
        ok: boolean;
        value?: { host?: string };
      };
      expect(result.ok).toBe(true);
      expect(result.value?.host).toBe('electron');

      win.close();
      expect(fake.windows[1]?.isDestroyed()).toBe(true);
      await vi.waitFor(() => expect(fake.state.quit).toBe(true), { timeout: 10_000 });
      // The till released its data-folder lock: this process can take it now.
      acquireInstanceLock(dataDir, 'test').release();
    });

    it('installed its crash guard: an uncaught exception in main relaunches the app, recorded in the data folder', () => {
      expect(added.uncaughtException).toHaveLength(1);
      expect(added.unhandledRejection).toHaveLength(1);
      // Called directly: emitting on the test process would reach the test runner's own listeners too.
      added.uncaughtException[0]!(new Error('a bug in main'), 'uncaughtException');
      expect(fake.state.relaunches).toBe(1);
      expect(fake.state.exitCode).toBe(1);
      expect(fake.errorBoxes).toStrictEqual([]);
      const history = path.join(dataDir, 'crash-history.json');
      expect((JSON.parse(fs.readFileSync(history, 'utf8')) as { crashes: unknown[] }).crashes).toHaveLength(1);
      expect(fs.statSync(history).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(path.join(dataDir, 'crash.log'), 'utf8')).toContain('Error: a bug in main');
    });
  });
});
