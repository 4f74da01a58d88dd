// `npm run host`: the till's main services in a plain Node process, its renderer served on 127.0.0.1.
// Prints one JSON line {"event":"ready",...} for scripts and tests, and a line for people.
import { parseArgs } from 'node:util';
import { defaultDataDir, rendererDist, startTill } from '../app';
import { isTillError } from '../errors';
import { startHost } from '../host';

const started = performance.now();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      catalog: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
    },
  });
  const port = Number.parseInt(values.port ?? '0', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not ${values.port}`);

  const dataDir = values['data-dir'] ?? defaultDataDir();
  const till = await startTill({
    host: 'browser',
    dataDir,
    ...(values['no-seed'] ? { seedCatalogCsv: null } : values.catalog ? { seedCatalogCsv: values.catalog } : {}),
  });
  const host = await startHost({ till, rendererDir: rendererDist(), port });

  const readyMs = Math.round(performance.now() - started);
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', url: host.url, customerDisplayUrl: host.customerDisplayUrl, origin: host.origin, dataDir, readyMs, pid: process.pid })}\n`,
  );
  process.stdout.write(`Nuqta POS browser host ready in ${readyMs} ms — open ${host.url}\n`);
  process.stdout.write(`Customer display (second screen, read-only): ${host.customerDisplayUrl}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await till.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (isTillError(e)) {
    const data = e.toData();
    process.stderr.write(`${data.message_en}\n${data.message_ar}\n(${data.code}${e.detail ? `: ${e.detail}` : ''})\n`);
    process.exit(3);
  }
  process.stderr.write(`Nuqta POS host failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
