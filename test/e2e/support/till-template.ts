// Once per browser run: a till's data folder as the built host leaves it after its first launch (ledger created,
// demo catalog imported, demo e-invoicing unit onboarded), stopped cleanly. Each test's till starts on a copy of
// it, as a till at a shop starts on the folder it made the day it was installed: a start on an existing folder
// takes about a second, a first launch more than two, and a hundred tests open a till. The first launch itself is
// still walked by the tests that start on an empty folder (launch page, commissioning) and by the unit suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMainBuilt } from '../../support/build';
import { startHostProcess } from './host-process';

export const TILL_TEMPLATE_ENV = 'NUQTA_E2E_TILL_TEMPLATE';

export default async function setup(): Promise<() => void> {
  if (process.env[TILL_TEMPLATE_ENV]) return () => {};
  ensureMainBuilt();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-e2e-template-'));
  const dir = path.join(root, 'till');
  // A till stopped by anything but its own clean exit (another process's signal on a shared machine) is not a
  // folder to copy: made again, twice at most.
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { mode: 0o700 });
    const host = await startHostProcess(dir);
    const code = await host.stop();
    if (code === 0) break;
    if (attempt === 3) throw new Error(`the template till did not stop cleanly (exit ${code}): ${host.stderr()}`);
  }
  // What belongs to that one launch, not to the folder a copy starts from.
  for (const leftover of ['logs', 'till.lock']) fs.rmSync(path.join(dir, leftover), { recursive: true, force: true });
  // The workers are forked after this and inherit the environment.
  process.env[TILL_TEMPLATE_ENV] = dir;
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
    delete process.env[TILL_TEMPLATE_ENV];
  };
}

/** Fills `dir` (empty) with a copy of the run's template till, when there is one; false when there is none. */
export function copyTillTemplate(dir: string): boolean {
  const template = process.env[TILL_TEMPLATE_ENV];
  if (!template) return false;
  fs.cpSync(template, dir, { recursive: true });
  return true;
}
