// Bundles the Node-side entry points with esbuild. Native and Electron modules stay external: they are
// loaded from node_modules at run time (and unpacked from the asar in an installed app).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // pdfkit reads its font metrics (js/data/*.afm) from beside its own file at run time: loaded from node_modules.
  external: ['electron', 'better-sqlite3', 'ws', 'bufferutil', 'utf-8-validate', 'serialport', '@napi-rs/canvas', 'pdfkit'],
};

const entries = ['host', 'cli', 'electron'].filter((name) => existsSync(path.join(root, 'main/entry', `${name}.ts`)));
// The terminal simulator as its own process: tests restart (or kill) the till while it keeps its record.
const tools = {
  'ecr-simulator': path.join(root, 'main/sim/ecr-terminal/cli.ts'),
  'stcpay-simulator': path.join(root, 'main/sim/stcpay/cli.ts'),
  'nexo-simulator': path.join(root, 'main/sim/nexo/cli.ts'),
  'zatca-simulator': path.join(root, 'main/sim/zatca/cli.ts'),
};
await build({
  ...common,
  entryPoints: {
    ...Object.fromEntries(entries.map((name) => [name, path.join(root, 'main/entry', `${name}.ts`)])),
    ...Object.fromEntries(Object.entries(tools).filter(([, file]) => existsSync(file))),
    // The print worker thread (render + ESC/POS encode off the till's event loop), next to the app bundles.
    'print-worker': path.join(root, 'main/printing/worker/entry.ts'),
    // The backup verification worker thread (a backup's copy checked off the till's event loop).
    'backup-verify-worker': path.join(root, 'main/entry/backup-verify-worker.ts'),
  },
  outdir: path.join(root, 'dist/main'),
  outExtension: { '.js': '.cjs' },
});

// The sandboxed preloads may require nothing but 'electron', so everything else is bundled into each: index
// (the till window: every contract method and event) and customer (the customer display: only its read-only
// methods and its events are exposed).
if (existsSync(path.join(root, 'preload/index.ts'))) {
  await build({
    ...common,
    platform: 'browser',
    external: ['electron'],
    entryPoints: {
      index: path.join(root, 'preload/index.ts'),
      customer: path.join(root, 'preload/customer.ts'),
    },
    outdir: path.join(root, 'dist/preload'),
    outExtension: { '.js': '.cjs' },
  });
}
console.log(`built ${entries.map((e) => `dist/main/${e}.cjs`).join(', ')} and dist/preload/index.cjs`);
