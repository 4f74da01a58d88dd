// The verification worker tests need dist/main/backup-verify-worker.cjs built from the current sources. One
// `node scripts/build-main.mjs` writes it with the print worker and the app bundles, so the print worker's
// build (with its lock against parallel forks) makes it too; a bundle left from before the worker existed is
// built here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyWorkerFile } from '../../main/backup';
import { ensurePrintWorkerBuilt } from '../printing/worker-build';
import { root } from '../support/build';

const newestTs = (dir: string): number => {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
};

export function ensureVerifyWorkerBuilt(): string {
  ensurePrintWorkerBuilt();
  const file = verifyWorkerFile();
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < newestTs(path.join(root, 'main'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
  }
  if (!fs.existsSync(file)) throw new Error(`${file} was not built`);
  return file;
}
