// The till's secret reaches Chromium without touching a command line: `npm run till` writes a private launch
// page (0700 folder, 0600 file) that replaces itself with the till's address, and starts Chromium with
// `--app=file:///…/launch.html`. Here Debian's Chromium is started with those arguments (plus headless and a
// DevTools port to watch it): the window lands on the till, the till's page connects, the launch page is then
// deleted, and no process on the machine has the secret on its command line. The launcher code is the one
// `npm run till` runs (scripts/lib/browser-till.mjs), given a headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FEATURES_OFF } from '../../main/shell/start';
import { runBrowserTill } from '../../scripts/lib/browser-till.mjs';
import { chromiumAppArgs, launchPageHtml, writeLaunchPage } from '../../scripts/lib/launch-page.mjs';
import { freePort, type SupervisorEvent } from '../../scripts/lib/supervisor.mjs';
import { CHROMIUM } from './support/browser';
import { ensureMainBuilt, root } from '../support/build';
import { tempDir } from '../support/tmp';

beforeAll(() => {
  ensureMainBuilt();
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('build the renderer first: npx vite build');
});

const cleanups: Array<() => unknown> = [];
// Every step runs even when one fails: a step left out would leave a host or a Chromium running.
afterEach(async () => {
  const failures: unknown[] = [];
  while (cleanups.length) await Promise.resolve().then(cleanups.pop()!).catch((e: unknown) => failures.push(e));
  if (failures.length) throw failures[0];
});

const commandLine = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');

/** Every process's command line this user can read, with the pid, for the `ps` check. */
function commandLines(): Array<{ pid: string; cmdline: string }> {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        return [{ pid, cmdline: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

describe('the launch page', () => {
  it('is private to this user and carries the address only inside a script', () => {
    const page = writeLaunchPage('http://127.0.0.1:1234/#secret=ab12');
    cleanups.push(() => page.remove());
    expect(fs.statSync(page.dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(page.file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(page.file, 'utf8')).toContain('location.replace("http://127.0.0.1:1234/#secret=ab12")');
    expect(page.fileUrl).toBe(`file://${page.file}`);
    // Chromium is given the file, with the same feature switch the Electron shell uses.
    const args = chromiumAppArgs({ launchFileUrl: page.fileUrl, profileDir: '/tmp/profile' });
    expect(args).toContain(`--app=${page.fileUrl}`);
    expect(args).toContain(`--disable-features=${CHROMIUM_FEATURES_OFF}`);
    expect(args.join(' ')).not.toContain('ab12');
    page.remove();
    expect(fs.existsSync(page.dir)).toBe(false);
    // Nothing in the address can end the script early.
    expect(launchPageHtml('http://x/#</script><script>alert(1)')).not.toContain('</script><script>alert');
  });

  it("`npm run till`'s browser half opens the till in Debian's Chromium from --app=file://…: the page connects, the launch page goes", { timeout: 90_000 }, async () => {
    const tmp = tempDir('nuqta-launch-');
    cleanups.push(() => tmp.cleanup());
    const cdpPort = await freePort();
    const said: string[] = [];
    const events: SupervisorEvent[] = [];
    const till = runBrowserTill({
      args: ['--data-dir', tmp.dir],
      chromium: CHROMIUM,
      chromiumExtraArgs: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--remote-debugging-port=${cdpPort}`],
      display: true,
      say: (line) => said.push(line),
      out: new Writable({ write: (_c, _e, done) => done() }),
      supervisor: { onEvent: (e) => events.push(e) },
    });
    cleanups.push(() => till.stop());
    const ready = await till.supervisor!.firstReady;
    const secret = till.supervisor!.secret;

    await expect.poll(() => till.chromiumProcess()?.pid).toBeGreaterThan(0);
    const browserProcess = till.chromiumProcess()!;
    const profile = /--user-data-dir=(\S+)/.exec(commandLine(browserProcess.pid!))![1]!;
    cleanups.push(async () => {
      if (browserProcess.exitCode === null && browserProcess.signalCode === null) {
        const gone = new Promise((resolve) => browserProcess.once('exit', resolve));
        browserProcess.kill('SIGTERM');
        await gone;
      }
      // Chromium's helpers may still write to the profile for a moment after the browser is gone.
      for (let i = 0; i < 20 && commandLines().some((p) => p.cmdline.includes(profile)); i++) await new Promise((r) => setTimeout(r, 250));
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    });
    expect(commandLine(browserProcess.pid!)).not.toContain(secret);
    const launchFile = fileURLToPath(/--app=(\S+)/.exec(commandLine(browserProcess.pid!))![1]!);
    expect(path.basename(launchFile)).toBe('launch.html');

    let browser: Browser | undefined;
    await expect
      .poll(async () => (browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`).catch(() => undefined)), { timeout: 30_000 })
      .toBeTruthy();
    cleanups.push(() => browser!.close().catch(() => {}));
    // The window started on the file and is now on the till, whose view is up and talking to the host.
    await expect.poll(() => browser!.contexts().flatMap((c) => c.pages().map((p) => p.url())), { timeout: 30_000 }).toContain(ready.url);
    const page = browser!.contexts().flatMap((c) => c.pages()).find((p) => p.url() === ready.url)!;
    await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
    // Connected, so the launch page and its folder are gone. The host says a till connected on its stdout, which this
    // process may read well after the page is up: the folder going (on that very line, after it is recorded in
    // `events`) is what shows it was read.
    await expect.poll(() => fs.existsSync(path.dirname(launchFile))).toBe(false);
    expect(events).toContainEqual({ type: 'client', role: 'till' });
    expect(till.launchPage()).toBeNull();

    // `ps` shows the secret nowhere: not Chromium's processes, not the host's, not anyone's.
    expect(commandLines().filter((p) => p.cmdline.includes(profile)).length).toBeGreaterThan(0);
    expect(commandLines().filter((p) => p.cmdline.includes(secret))).toEqual([]);
    expect(said.join('\n')).not.toContain(secret);
  });
});
