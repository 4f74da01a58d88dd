// `npm run bench`: builds the app if needed, bundles test/bench/run.ts and runs it. Prints JSON figures.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, root } from './lib/setup.mjs';

if (!fs.existsSync(path.join(root, 'dist/main/host.cjs')) || !fs.existsSync(path.join(root, 'dist/renderer/index.html'))) build();
// Bundled under dist/ (two folders below the root, like the app's bundles) so projectRoot() resolves.
const bundle = path.join(root, 'dist', 'bench', 'run.cjs');
await esbuild({
  entryPoints: [path.join(root, 'test/bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  // pdfkit reads its own data files at run time (as in scripts/build-main.mjs).
  external: ['better-sqlite3', 'ws', 'playwright-core', 'electron', 'serialport', '@napi-rs/canvas', 'pdfkit'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [bundle], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
