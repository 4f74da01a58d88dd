// The built bundles the shell tests read: main and both preloads (scripts/build-main.mjs), and the renderer
// (vite). Each is (re)built when missing or older than its sources, like test/support/build.ts does for main.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundles, ensureMainBuilt, root } from '../support/build';

export const built = {
  electron: bundles.electron,
  printWorker: path.join(root, 'dist', 'main', 'print-worker.cjs'),
  preload: bundles.preload,
  customerPreload: path.join(root, 'dist', 'preload', 'customer.cjs'),
  rendererDir: path.join(root, 'dist', 'renderer'),
  rendererIndex: path.join(root, 'dist', 'renderer', 'index.html'),
};

const newest = (dir: string, extensions: readonly string[]): number => {
  let found = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) {
      found = Math.max(found, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return found;
};

const staleOrMissing = (file: string, sources: number): boolean =>
  !fs.existsSync(file) || fs.statSync(file).mtimeMs < sources;

/** dist/main/*.cjs and dist/preload/{index,customer}.cjs. */
export function ensureShellBundles(): void {
  ensureMainBuilt();
  // test/support/build.ts does not know the customer preload; it is built by the same script.
  if (staleOrMissing(built.customerPreload, newest(path.join(root, 'preload'), ['.ts']))) {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
  }
}

/**
 * dist/renderer, as `npm run build:renderer` makes it; built only when missing (a vite build takes a while,
 * and what the shell tests read from it, which APIs the bundle names, changes with the code, not the build).
 */
export function ensureRendererBuilt(): void {
  if (!fs.existsSync(built.rendererIndex) || filesUnder(built.rendererDir, '.js').length === 0) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'pipe',
    });
  }
}

/** Every file under `dir` whose name ends with `ext`. */
export function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
