// Set-up shared by `npm run till` and `npm run test:all`: everything a fresh machine needs, done only when
// it is missing, so a second run starts at once. Only the npm registry and Debian's packages are used.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const say = (line) => process.stdout.write(`[nuqta] ${line}\n`);

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`Node.js 20.19 or newer is needed (this is ${process.versions.node}).`);
  }
}

/** True when node_modules matches package-lock.json (npm writes its own copy of the lock after install). */
function dependenciesCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  return fs.statSync(installed).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

/**
 * Installs npm dependencies. Electron's postinstall downloads its binary from outside the npm registry;
 * where that is impossible we install without it (types still come) and the till runs in the browser host.
 */
export function installDependencies({ wantElectronBinary }) {
  if (dependenciesCurrent()) return;
  const env = { ...process.env };
  if (wantElectronBinary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say('installing dependencies (npm ci, with the Electron binary)…');
    if (run('npm', ['ci', '--no-audit', '--no-fund'], { env }) === 0) return;
    say('the Electron binary could not be downloaded here; installing without it (browser host instead).');
  } else {
    say('installing dependencies (npm ci, without the Electron binary)…');
  }
  env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  if (run('npm', ['ci', '--no-audit', '--no-fund'], { env }) !== 0) throw new Error('npm ci failed');
}

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const present = (p) => (p.file ? fs.existsSync(p.file) : have(p.command));

/**
 * Debian packages for the browser host and the tests, each `{package, command}` or `{package, file}`.
 * Installed only as root with apt-get present; otherwise the missing ones are named.
 */
export function installDebianPackages(packages) {
  const missing = packages.filter((p) => !present(p));
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.package);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux' || !have('apt-get') || !isRoot) {
    say(`missing: ${names.join(', ')} — install them with your package manager (Debian: apt-get install ${names.join(' ')}).`);
    return false;
  }
  say(`installing Debian packages: ${names.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) return false;
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env }) === 0;
}

export function build() {
  say('building renderer and main bundles…');
  if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) throw new Error('renderer build failed');
  if (run('node', ['scripts/build-main.mjs']) !== 0) throw new Error('main build failed');
}

/** The Electron binary's path when it was downloaded, else undefined. */
export function electronBinary() {
  try {
    const out = execFileSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
    }).toString();
    return out && fs.existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const hasDisplay = () =>
  process.platform === 'win32' || process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
