// `npm run host`: the till's main services in a plain Node process, its renderer served on 127.0.0.1.
// Prints one JSON line {"event":"ready",...} for scripts and tests, and a line for people; later JSON lines
// ({"event":"client","role":…}) say when a page connects (the launcher deletes its launch page then).
//
// The per-launch secret is made here, or handed in by whoever started the host (`npm run till`'s supervisor,
// which must restart the host with the same one) on stdin with --secret-stdin: never on the command line,
// where every local user could read it in `ps`.
// Exit codes: 0 stopped, 1 failure, 2 usage, 3 till error (locked, newer schema, bad settings).
import { parseArgs } from 'node:util';
import { defaultDataDir, rendererDist, startTill } from '../app';
import { isTillError } from '../errors';
import { startHost } from '../host';

// Everything this process creates in the data folder is for the till's own OS user only.
process.umask(0o077);

const started = performance.now();

class UsageError extends Error {}

/** A secret the page can carry in its fragment and offer back as a subprotocol: hex, 32 to 128 digits. */
const SECRET_FORMAT = /^[0-9a-f]{32,128}$/i;
/** More than any secret plus its newline: a writer that sends more is not handing over a secret. */
const SECRET_LINE_MAX = 256;

/** The first line on stdin (up to a newline or the end of input). */
function readSecretLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error: Error | null) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      if (error) return reject(error);
      const secret = text.split('\n')[0]!.trim();
      if (!SECRET_FORMAT.test(secret)) return reject(new UsageError('--secret-stdin: the first line on stdin must be the secret, 32-128 hex digits'));
      resolve(secret);
    };
    const onData = (chunk: Buffer | string) => {
      text += String(chunk);
      if (text.includes('\n')) done(null);
      else if (text.length > SECRET_LINE_MAX) done(new UsageError('--secret-stdin: no secret line on stdin'));
    };
    const onEnd = () => done(null);
    const onError = (e: Error) => done(e);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        catalog: { type: 'string' },
        'no-seed': { type: 'boolean', default: false },
        'secret-stdin': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const port = Number(values.port ?? '0');
  if (!/^\d+$/.test(values.port ?? '') || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not ${values.port}`);
  const secret = values['secret-stdin'] ? await readSecretLine(process.stdin) : undefined;

  const dataDir = values['data-dir'] ?? defaultDataDir();
  const till = await startTill({
    host: 'browser',
    dataDir,
    ...(values['no-seed'] ? { seedCatalogCsv: null } : values.catalog ? { seedCatalogCsv: values.catalog } : {}),
  });
  const host = await startHost({
    till,
    rendererDir: rendererDist(),
    port,
    ...(secret ? { secret } : {}),
    onClient: (role) => process.stdout.write(`${JSON.stringify({ event: 'client', role })}\n`),
  });

  // Before "ready" goes out: whoever reads it may stop the host at once, and a SIGTERM that came before these
  // listeners would meet Node's default (the process killed, the till not closed).
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

  const readyMs = Math.round(performance.now() - started);
  process.stdout.write(
    // kiosk: the shop's setting, for `npm run till` to open its Chromium window full screen like Electron does.
    `${JSON.stringify({ event: 'ready', url: host.url, customerDisplayUrl: host.customerDisplayUrl, origin: host.origin, dataDir, readyMs, pid: process.pid, kiosk: till.shell().kiosk })}\n`,
  );
  process.stdout.write(`Nuqta POS browser host ready in ${readyMs} ms — open ${host.url}\n`);
  process.stdout.write(`Customer display (second screen, read-only): ${host.customerDisplayUrl}\n`);

}

main().catch((e: unknown) => {
  if (isTillError(e)) {
    const data = e.toData();
    process.stderr.write(`${data.message_en}\n${data.message_ar}\n(${data.code}${e.detail ? `: ${e.detail}` : ''})\n`);
    process.exit(3);
  }
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Nuqta POS host failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
