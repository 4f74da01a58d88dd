// Tests of the built bundles rebuild them first when they are missing or older than the sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');
export const bundles = {
  preload: path.join(root, 'dist', 'preload', 'index.cjs'),
  electron: path.join(root, 'dist', 'main', 'electron.cjs'),
  host: path.join(root, 'dist', 'main', 'host.cjs'),
  cli: path.join(root, 'dist', 'main', 'cli.cjs'),
  ecrSimulator: path.join(root, 'dist', 'main', 'ecr-simulator.cjs'),
};

const newestSource = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
};

export function ensureMainBuilt(): void {
  const sources = Math.max(newestSource(path.join(root, 'main')), newestSource(path.join(root, 'preload')));
  const stale = Object.values(bundles).some((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs < sources);
  if (stale) execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
}
