// Skia (@napi-rs/canvas) is loaded when something is first drawn, not when printing is imported: the till's main
// process draws its receipts in the print worker, and `nuqta` commands mostly draw nothing. Loading it costs
// 60–100 ms of every start and about 30 MB of the till's memory. Checked on the built bundles in child processes,
// with a preload that reports every load of the package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { connectHost } from '../support/host-client';
import { bundles, ensureMainBuilt } from '../support/build';
import { tempDir } from '../support/tmp';

const MARK = 'SKIA LOADED';
let tmp: ReturnType<typeof tempDir>;
let hook: string;
let host: HostProcess | null = null;

beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(() => {
  tmp = tempDir('nuqta-skia-');
  hook = path.join(tmp.dir, 'report-skia.cjs');
  fs.writeFileSync(
    hook,
    `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === '@napi-rs/canvas') process.stderr.write(${JSON.stringify(`\n${MARK}\n`)});
  return load.call(this, request, ...rest);
};
`,
  );
});
afterEach(async () => {
  await host?.stop();
  host = null;
  tmp.cleanup();
});

it('a till starts and answers without loading Skia in its main process', async () => {
  host = await startHostProcess(tmp.dir, [], { NODE_OPTIONS: `--require ${hook}` });
  const till = await connectHost(host.url);
  try {
    expect((await till.call('getSale', {})).ok).toBe(true);
    expect(host.stderr()).not.toContain(MARK);
  } finally {
    till.close();
  }
});

it('`nuqta terminal show` runs without loading Skia', () => {
  const r = spawnSync(process.execPath, ['--require', hook, bundles.cli, 'terminal', 'show', '--data-dir', tmp.dir], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).not.toContain(MARK);
  // The hook itself works: a process that draws reports it.
  const drawing = spawnSync(process.execPath, ['--require', hook, '-e', "require('@napi-rs/canvas')"], { encoding: 'utf8', cwd: process.cwd() });
  expect(drawing.stderr).toContain(MARK);
});
