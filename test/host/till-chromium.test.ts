// What `npm run till` asks of the Chromium it opens the browser host in (scripts/lib/launch-page.mjs builds
// the arguments, scripts/lib/browser-till.mjs passes them): the till's app window, maximized — full screen
// when the shop's kiosk setting is on —, and no switch a person's own browser would not need. --no-sandbox,
// the one that puts Chromium's "unsupported command-line flag" bar over the till, only as root, where Chromium
// will not start without it. The last test runs the real launcher and host with a stand-in Chromium that
// writes down the arguments it was given.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FEATURES_OFF } from '../../main/shell/start';
import { runBrowserTill } from '../../scripts/lib/browser-till.mjs';
import { chromiumAppArgs } from '../../scripts/lib/launch-page.mjs';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { tempDir } from '../support/tmp';

/**
 * Switches Chromium answers with its "you are using an unsupported command-line flag" bar (among kBadFlags in
 * chrome/browser/ui/startup/bad_flags_prompt.cc): the ones a launcher is tempted to add.
 */
const WARNED_SWITCHES = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu-sandbox',
  '--disable-seccomp-filter-sandbox',
  '--disable-web-security',
  '--disable-site-isolation-trials',
  '--single-process',
  '--ignore-certificate-errors',
  '--ignore-certificate-errors-spki-list',
  '--disable-webrtc-encryption',
  '--use-fake-ui-for-media-stream',
];

const base = { launchFileUrl: 'file:///tmp/nuqta-launch-x/launch.html', profileDir: '/tmp/nuqta-chromium-x' };

describe("the till window's Chromium arguments", () => {
  it('are the app window on the launch page, its own profile, maximized, and the scan-latency switch: nothing else', () => {
    expect(chromiumAppArgs(base)).toEqual([
      '--app=file:///tmp/nuqta-launch-x/launch.html',
      '--user-data-dir=/tmp/nuqta-chromium-x',
      '--start-maximized',
      `--disable-features=${CHROMIUM_FEATURES_OFF}`,
    ]);
  });

  it('open full screen instead of maximized on a kiosk till', () => {
    const args = chromiumAppArgs({ ...base, kiosk: true });
    expect(args).toContain('--kiosk');
    expect(args).not.toContain('--start-maximized');
    expect(args.filter((a) => !['--kiosk', '--start-maximized'].includes(a))).toEqual(chromiumAppArgs(base).filter((a) => a !== '--start-maximized'));
  });

  it('carry no switch Chromium warns about, except --no-sandbox when the till runs as root', () => {
    const warned = (args: string[]) => args.filter((a) => WARNED_SWITCHES.some((w) => a === w || a.startsWith(`${w}=`)));
    expect(warned(chromiumAppArgs(base))).toEqual([]);
    expect(warned(chromiumAppArgs({ ...base, kiosk: true }))).toEqual([]);
    expect(warned(chromiumAppArgs({ ...base, noSandbox: true }))).toEqual(['--no-sandbox']);
  });
});

describe('`npm run till` opening the browser host', () => {
  beforeAll(() => ensureMainBuilt());

  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    const failures: unknown[] = [];
    while (cleanups.length) await Promise.resolve().then(cleanups.pop()!).catch((e: unknown) => failures.push(e));
    if (failures.length) throw failures[0];
  });

  /** Starts the launcher on `dataDir` with a Chromium that writes its arguments down: those arguments. */
  async function argsGiven(dataDir: string): Promise<string[]> {
    const tmp = tempDir('nuqta-fake-chromium-', { verifyLedger: false });
    const record = path.join(tmp.dir, 'argv.json');
    const fake = path.join(tmp.dir, 'chromium');
    fs.writeFileSync(fake, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`, { mode: 0o755 });
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const till = runBrowserTill({ args: ['--data-dir', dataDir], chromium: fake, display: true, say: () => {}, out: sink, err: sink, supervisor: { stderr: sink } });
    try {
      await expect.poll(() => fs.existsSync(record), { timeout: 30_000, interval: 100 }).toBe(true);
      return JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    } finally {
      await till.stop();
      tmp.cleanup();
    }
  }

  it('opens it maximized, and full screen once the shop turns kiosk mode on', { timeout: 90_000 }, async () => {
    const till = tempDir('nuqta-till-window-');
    cleanups.push(() => till.cleanup());

    const ordinary = await argsGiven(till.dir);
    expect(ordinary).toContain('--start-maximized');
    expect(ordinary).not.toContain('--kiosk');
    expect(ordinary.some((a) => a.startsWith('--app=file://'))).toBe(true);
    // Running as root is the one case the sandbox switch is given.
    expect(ordinary.includes('--no-sandbox')).toBe(process.getuid?.() === 0);

    expect(nuqta('config', 'set', 'kiosk', 'true', '--data-dir', till.dir).status).toBe(0);
    const kiosk = await argsGiven(till.dir);
    expect(kiosk).toContain('--kiosk');
    expect(kiosk).not.toContain('--start-maximized');
  });
});
