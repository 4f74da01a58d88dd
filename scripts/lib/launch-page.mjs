// How `npm run till` hands the till's address, secret included, to the Chromium it starts without putting the
// secret on Chromium's command line (every local user can read command lines in `ps` and /proc): a page in a
// fresh folder only this user can open (0700 folder, 0600 file) that sends the window on to the till's address,
// and `--app=file:///…/launch.html` on the command line instead. The page is deleted once the till's page has
// connected (or after a minute at most): it is needed only for that first navigation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const LAUNCH_PAGE_NAME = 'launch.html';

/** The page's text: one script that replaces itself by `url` (no history entry to go back to). */
export function launchPageHtml(url) {
  // Inside a <script>, only "<" could end it early; JSON escapes everything else.
  const target = JSON.stringify(url).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Nuqta POS — نقطة</title>',
    `<script>location.replace(${target});</script>`,
    '',
  ].join('\n');
}

/**
 * Writes the launch page for `url` (the till's address with #secret=…) in a new private folder.
 * @param {string} url
 * @param {{ tmpDir?: string }} [options]
 * @returns {{ dir: string, file: string, fileUrl: string, remove(): void }}
 */
export function writeLaunchPage(url, options = {}) {
  // mkdtemp makes the folder 0700 whatever the umask; the file is created 0600 and must not exist yet.
  const dir = fs.mkdtempSync(path.join(options.tmpDir ?? os.tmpdir(), 'nuqta-launch-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, LAUNCH_PAGE_NAME);
  fs.writeFileSync(file, launchPageHtml(url), { mode: 0o600, flag: 'wx' });
  let removed = false;
  return {
    dir,
    file,
    fileUrl: pathToFileURL(file).href,
    remove() {
      if (removed) return;
      removed = true;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium's arguments for the till's app window: the launch page's file URL, never the secret itself. Nothing
 * but what the till needs, each for the reason beside it; the one Chromium warns about with its "unsupported
 * command-line flag" bar, --no-sandbox, only where Chromium will not start without it.
 * @param {{ launchFileUrl: string, profileDir: string, kiosk?: boolean, featuresOff?: string, noSandbox?: boolean }} options
 */
export function chromiumAppArgs({ launchFileUrl, profileDir, kiosk = false, featuresOff = 'DeferRendererTasksAfterInput', noSandbox = false }) {
  return [
    // The till's own window (no tabs, no address bar), opened on the launch page.
    `--app=${launchFileUrl}`,
    // A profile of its own: without it the window would be handed to a Chromium the user already runs, which
    // ignores every other switch here, and the till would share the user's extensions, cookies and history.
    `--user-data-dir=${profileDir}`,
    // The till screen is laid out for the whole display (1024×768 and up): maximized, or full screen with
    // nothing to leave it by on a kiosk till (the shop's kiosk setting, the same one Electron follows).
    kiosk ? '--kiosk' : '--start-maximized',
    // A scan's reply is not held back a frame after each key (CHROMIUM_FEATURES_OFF in main/shell/start.ts).
    `--disable-features=${featuresOff}`,
    // Only when the till runs as root: Chromium refuses to start as root with its sandbox on. It is the one
    // switch Chromium warns about (the "unsupported command-line flag" bar); as a normal user it is not passed.
    ...(noSandbox ? ['--no-sandbox'] : []),
  ];
}
