// Nothing the app ships ever calls shell.openExternal (a till has no reason to launch a browser, and an
// attacker-chosen URL handed to the OS is the classic Electron hole). Checked on what actually runs: the
// built main bundle, both preloads and the renderer bundle. Any mention fails, however it is reached
// (electron.shell.openExternal, a destructured openExternal, the permission name).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, ensureRendererBuilt, ensureShellBundles, filesUnder } from './built';

const FORBIDDEN = 'openExternal';

let shipped: string[] = [];

beforeAll(() => {
  ensureShellBundles();
  ensureRendererBuilt();
  shipped = [
    built.electron,
    built.printWorker,
    ...filesUnder(path.dirname(built.preload), '.cjs'),
    ...filesUnder(built.rendererDir, '.js'),
  ];
}, 180_000);

describe('the built bundles', () => {
  it('are all there to scan: main, print worker, both preloads, the renderer', () => {
    expect(shipped).toContain(built.electron);
    expect(shipped).toContain(built.printWorker);
    expect(shipped).toContain(built.preload);
    expect(shipped).toContain(built.customerPreload);
    expect(shipped.filter((f) => f.startsWith(built.rendererDir + path.sep)).length).toBeGreaterThan(0);
    // A bundle that is empty or a stub would pass the scan vacuously.
    for (const file of shipped) expect(fs.statSync(file).size, file).toBeGreaterThan(1000);
  });

  it(`never mention ${FORBIDDEN}`, () => {
    const mentioning = shipped.filter((file) => fs.readFileSync(file, 'utf8').includes(FORBIDDEN));
    expect(mentioning.map((f) => path.relative(path.dirname(built.rendererDir), f))).toStrictEqual([]);
  });
});
