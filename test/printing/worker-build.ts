// The print worker tests need dist/main/print-worker.cjs (and the app bundles) built from the current
// sources. Vitest runs test files in parallel forks, and more than one of them may find the bundle stale
// at once: one builds while the others wait on a lock, so no test starts a Worker on a bundle another
// fork is halfway through writing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { printWorkerFile } from '../../main/printing/worker';
import { ensureMainBuilt, root } from '../support/build';

const newestTs = (dir: string): number => {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A build takes seconds; a lock older than this was left by a run that was killed. */
const STALE_LOCK_MS = 120_000;

function withBuildLock(fn: () => void): void {
  const lock = path.join(root, 'dist', '.print-worker-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock); // atomic: exactly one fork gets it
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(100);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function ensurePrintWorkerBuilt(): string {
  const file = printWorkerFile();
  withBuildLock(() => {
    ensureMainBuilt();
    // ensureMainBuilt() does not know the worker bundle: build when it is missing or older than the sources.
    if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < newestTs(path.join(root, 'main'))) {
      execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
    }
  });
  if (!fs.existsSync(file)) throw new Error(`${file} was not built`);
  return file;
}
