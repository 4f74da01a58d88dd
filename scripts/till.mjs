// First README command: installs everything, builds, and starts the till on its embedded default (demo
// catalog, simulated terminal and printer). Electron where its binary is installed and a display exists;
// otherwise the browser host, in a Chromium app window when there is a display, or just its URL.
//
// The browser host runs under a supervisor (lib/browser-till.mjs, lib/supervisor.mjs): if it dies it is back
// within a second on the same port with the same secret and the open page reconnects; a crash loop or a till
// error is shown, not spun. The secret reaches Chromium through a private launch page, never a command line.
import { spawn } from 'node:child_process';
import { runBrowserTill } from './lib/browser-till.mjs';
import { build, checkNode, electronBinary, hasDisplay, installDebianPackages, installDependencies, root, say } from './lib/setup.mjs';

checkNode();
installDependencies({ wantElectronBinary: true });
const electron = electronBinary();
if (!electron) installDebianPackages([{ command: 'chromium', package: 'chromium' }]);
build();

if (electron && hasDisplay()) {
  say('starting Nuqta POS in Electron.');
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  say(electron ? 'no display found: starting the browser host instead of Electron.' : 'Electron binary not installed: starting the browser host.');
  const till = runBrowserTill({ args: process.argv.slice(2) });
  const stop = () => void till.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', () => till.launchPage()?.remove());
  void till.done.then((code) => process.exit(code));
}
