// First README command: installs everything, builds, and starts the till on its embedded default (demo
// catalog, simulated terminal and printer). Electron where its binary is installed and a display exists;
// otherwise the browser host, in a Chromium app window when there is a display, or just its URL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
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
  const host = spawn(process.execPath, ['dist/main/host.cjs', ...process.argv.slice(2)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: host.stdout });
  lines.on('line', (line) => {
    let ready;
    try {
      ready = JSON.parse(line);
    } catch {
      return void process.stdout.write(`${line}\n`);
    }
    if (ready.event !== 'ready') return;
    const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(
      (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0,
    );
    if (hasDisplay() && chromium) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-chromium-'));
      say(`browser host ready; opening it in a ${chromium} app window (data in ${ready.dataDir}).`);
      const noSandbox = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
      spawn(chromium, [`--app=${ready.url}`, `--user-data-dir=${profile}`, '--disable-background-networking', '--disable-features=DeferRendererTasksAfterInput', ...noSandbox], {
        stdio: 'ignore',
        detached: false,
      });
    } else {
      say(`browser host ready with no display to open it on. Open this address on this machine:\n\n    ${ready.url}\n`);
      say(`data in ${ready.dataDir}. Stop with Ctrl+C.`);
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
