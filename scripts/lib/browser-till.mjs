// The browser-host half of `npm run till`: the host under its supervisor (supervisor.mjs), opened in a Chromium
// app window through a private launch page (launch-page.mjs) so the secret is on no command line, or its
// address printed when there is no display. Kept out of till.mjs (which installs and builds first) so tests can
// run exactly this with a headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumAppArgs, writeLaunchPage } from './launch-page.mjs';
import { hasDisplay, say as sayToTerminal } from './setup.mjs';
import { superviseHost } from './supervisor.mjs';

/** The launch page is deleted when the till's page connects; this is the latest it stays on disk. */
export const LAUNCH_PAGE_MAX_MS = 60_000;

const findChromium = () =>
  ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0);

/** `--port N` (or `--port=N`) is the supervisor's to give every host it starts; the rest goes to the host. */
export function splitPort(args) {
  const rest = [];
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--port' ? (args[++i] ?? '') : arg.startsWith('--port=') ? arg.slice('--port='.length) : null;
    if (value === null) {
      rest.push(arg);
      continue;
    }
    port = Number(value);
    if (!/^\d+$/.test(value) || port > 65535) return { error: `--port must be 0-65535, not ${value}` };
  }
  return { port, rest };
}

/**
 * @param {import('./browser-till.d.mts').BrowserTillOptions} options
 * @returns {import('./browser-till.d.mts').BrowserTill}
 */
export function runBrowserTill({ args = [], chromium, chromiumExtraArgs = [], display = hasDisplay(), say = sayToTerminal, out = process.stdout, err = process.stderr, supervisor: extra = {} } = {}) {
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const parsed = splitPort(args);
  if (parsed.error) {
    say(parsed.error);
    resolveDone(2);
    return { done, supervisor: null, stop: async () => {}, chromiumProcess: () => null, launchPage: () => null };
  }

  let launchPage = null;
  let launchTimer = null;
  let browser = null;
  const dropLaunchPage = () => {
    clearTimeout(launchTimer);
    launchPage?.remove();
    launchPage = null;
  };

  const openTill = (ready) => {
    const command = chromium === undefined ? findChromium() : chromium;
    if (display && command) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-chromium-'));
      launchPage = writeLaunchPage(ready.url);
      launchTimer = setTimeout(dropLaunchPage, LAUNCH_PAGE_MAX_MS);
      launchTimer.unref();
      say(`browser host ready; opening it in a ${command} app window (data in ${ready.dataDir}).`);
      const noSandbox = typeof process.getuid === 'function' && process.getuid() === 0;
      if (noSandbox) say('running as root: Chromium starts only without its sandbox (--no-sandbox) and shows a warning bar for it; run `npm run till` as a normal user to have neither.');
      // Full screen when the shop's kiosk setting says so (the host reads it from the till's settings).
      const kiosk = ready.kiosk === true;
      browser = spawn(command, [...chromiumAppArgs({ launchFileUrl: launchPage.fileUrl, profileDir: profile, kiosk, noSandbox }), ...chromiumExtraArgs], {
        stdio: 'ignore',
        detached: false,
      });
      browser.on('error', (e) => say(`could not start ${command}: ${e.message}`));
    } else {
      say(`browser host ready with no display to open it on. Open this address on this machine:\n\n    ${ready.url}\n`);
      say(`data in ${ready.dataDir}. Stop with Ctrl+C.`);
    }
  };

  const showGiveUp = ({ reason, exits, message }) => {
    const history = exits.map((e) => `${new Date(e.at).toISOString()} ${e.signal ? `signal ${e.signal}` : `exit code ${e.code}`}`).join('\n    ');
    const where = message.crashLog ? `\n    ${message.crashLog}` : '';
    err.write(
      `\n[nuqta] ${message.ar}${where}\n[nuqta] ${message.en}${where}\n` +
        (message.hostMessage ? `\n${message.hostMessage}\n` : '') +
        `\n    ${history}\n    (${message.code}: ${reason})\n`,
    );
  };

  const supervisor = superviseHost({
    hostArgs: parsed.rest,
    port: parsed.port,
    ...extra,
    onEvent: (event) => {
      extra.onEvent?.(event);
      switch (event.type) {
        case 'line':
          // The host's lines for people (its address among them) once; after a restart they only repeat it.
          if (event.restart === 0) out.write(`${event.line}\n`);
          break;
        case 'ready':
          if (event.restart === 0) openTill(event.ready);
          else say(`the till is back (restart ${event.restart}, ready in ${event.ready.readyMs} ms); the open page reconnects by itself.`);
          break;
        case 'client':
          if (event.role === 'till') dropLaunchPage();
          break;
        case 'exit':
          say(`the till's process ended (${event.signal ? `signal ${event.signal}` : `exit code ${event.code}`}); starting it again on the same address…`);
          break;
        case 'gave-up':
          showGiveUp(event);
          break;
        case 'notice-failed':
          say(`could not show the notice page on port ${supervisor.port}: ${event.error}`);
          break;
        default:
          break;
      }
    },
  });

  supervisor.begin().catch(() => {
    // Never ready: the outcome says why and with which code to end.
  });
  void supervisor.outcome.then((outcome) => {
    if (outcome.reason === 'stopped' || !supervisor.noticeServing) {
      dropLaunchPage();
      resolveDone(outcome.code);
      return;
    }
    say(`the page at http://127.0.0.1:${supervisor.port}/ now says the same (reload it). Stop with Ctrl+C.`);
  });

  return {
    done,
    supervisor,
    chromiumProcess: () => browser,
    launchPage: () => launchPage,
    async stop() {
      dropLaunchPage();
      await supervisor.stop();
      resolveDone(0);
    },
  };
}
