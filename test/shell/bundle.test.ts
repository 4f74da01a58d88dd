// The built bundles, loaded the way Electron would load them, with a fake electron module:
//   dist/preload/index.cjs in a bare vm context whose require knows only 'electron' (a sandboxed preload);
//   dist/main/electron.cjs through Node's loader with require('electron') answered by the fake, started
//   with NUQTA_CUSTOMER_DISPLAY=1 so the entry's environment wiring of the customer display is covered too.
// Bundles are (re)built with scripts/build-main.mjs when missing or older than the sources.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, eventChannel, eventHandlerName, eventNames, methodChannel, methodNames } from '../../preload/contract';
import { startTill } from '../../main/app';
import { catalogRowsToCsv, generateCatalogRows } from '../../main/catalog';
import { createFileSecretStore, createSafeStorageSecretStore, SAFE_STORAGE_FILE_NAME } from '../../main/secrets';
import { createFakeElectron } from './fake-electron';
import { goodEvent } from './harness';
import { bundles, ensureMainBuilt } from '../support/build';

const preloadBundle = bundles.preload;
const mainBundle = bundles.electron;

describe('built bundles', () => {
  beforeAll(() => ensureMainBuilt(), 60_000);

  it('the preload requires nothing but electron', () => {
    const code = fs.readFileSync(preloadBundle, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toStrictEqual(new Set(['electron']));
  });

  it('the preload exposes window.nuqta with every method and event, in a sandbox-like context', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: Array<[string, unknown[]]> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push([channel, args]);
          return { ok: true, value: 'pong' };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const requested: string[] = [];
    const sandboxRequire = (id: string): unknown => {
      requested.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found in a sandboxed preload: ${id}`);
    };
    // Only what a renderer's isolated world also has; no process, Buffer, or Node modules.
    const context = vm.createContext({ console, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask });
    const wrapper = vm.runInContext(
      `(function (exports, require, module) {${fs.readFileSync(preloadBundle, 'utf8')}\n})`,
      context,
      { filename: preloadBundle },
    ) as (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;
    const module = { exports: {} };
    wrapper(module.exports, sandboxRequire, module);

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

  describe('the main bundle', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-shell-bundle-'));
    const fake = createFakeElectron();
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
      try {
        const req = createRequire(__filename);
        delete req.cache[mainBundle];
        req(mainBundle);
      } finally {
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
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

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
      expect(customer.options.webPreferences).toStrictEqual(till.options.webPreferences);
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
      await vi.waitFor(() => expect(fake.state.quit).toBe(true));
      // The till released its data-folder lock.
      expect(fs.existsSync(path.join(dataDir, 'till.lock'))).toBe(false);
    });
  });
});
