// The ZATCA simulator as its own process (the same control loop as the other simulator CLIs): the ready line
// names its endpoint and the CA to trust; stdin adopts a certificate, scripts faults, returns the record; quit
// exits 0 and removes its CA files.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../main/einvoicing/platform';
import { before, sample, TEST_CERTIFICATE } from '../../einvoicing/platform/samples';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-zatca-cli-'));
const bundle = path.join(dir, 'zatca-simulator.cjs');
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(__dirname, '../../../main/sim/zatca/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
    nodePaths: [path.resolve(__dirname, '../../../node_modules')],
  });
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

type Msg = Record<string, unknown>;

function startCli(args: string[]) {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const events: Msg[] = [];
  const taken = new Set<Msg>();
  const waiters: Array<{ event: string; resolve: (m: Msg) => void }> = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const m = JSON.parse(line) as Msg;
    events.push(m);
    const w = waiters.findIndex((x) => x.event === m.event);
    if (w >= 0) {
      taken.add(m);
      waiters.splice(w, 1)[0]!.resolve(m);
    }
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const next = (event: string, timeoutMs = 10_000) =>
    new Promise<Msg>((resolve, reject) => {
      const early = events.find((e) => e.event === event && !taken.has(e));
      if (early) {
        taken.add(early);
        return resolve(early);
      }
      const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        event,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  const send = (cmd: unknown) => child.stdin.write(`${typeof cmd === 'string' ? cmd : JSON.stringify(cmd)}\n`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, next, send, exited, stderr: () => stderr };
}

describe('ZATCA simulator CLI', () => {
  it('ready line, adopt, script, record, quit; its record file', async () => {
    const recordFile = path.join(dir, 'zatca-record.json');
    const cli = startCli(['--port', '0', '--otp', '654321', '--record', recordFile]);
    const ready = await cli.next('ready');
    expect(ready).toMatchObject({ transport: 'https', host: '127.0.0.1', otps: ['654321'], baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/e-invoicing\/simulator\/$/) });
    const caFile = ready.caFile as string;
    expect(fs.readFileSync(caFile, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(fs.existsSync(ready.einvoiceCaFile as string)).toBe(true);

    const doc = sample('simplifiedInvoice');
    cli.send({ cmd: 'adopt', certificate: TEST_CERTIFICATE, chain: before(doc) });
    const adopted = await cli.next('adopted');
    const creds = { binarySecurityToken: adopted.binarySecurityToken as string, secret: adopted.secret as string };
    const client = createPlatformClient({ baseUrl: ready.baseUrl as string, ca: fs.readFileSync(caFile) });

    cli.send({ cmd: 'script', behaviours: [{ call: 'reporting', action: 'status', status: 500 }] });
    expect(await cli.next('scripted')).toMatchObject({ pending: 1 });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', status: 500 });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'reported' });
    expect(await cli.next('document')).toMatchObject({ egs: adopted.egs, document: { icv: 10, fate: 'reported' } });

    cli.send({ cmd: 'record' });
    const { record } = (await cli.next('record')) as { record: { requests: Array<{ status: number }>; documents: Record<string, unknown[]> } };
    expect(record.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(Object.keys(record.documents)).toEqual([adopted.egs]);
    expect(JSON.parse(fs.readFileSync(recordFile, 'utf8')).requests).toHaveLength(2);

    cli.send('not json');
    expect(await cli.next('error')).toMatchObject({ detail: expect.any(String) });
    cli.send({ cmd: 'script', behaviours: [{ action: 'explode' }] });
    expect(await cli.next('error')).toMatchObject({ detail: expect.stringContaining('unknown fault') });

    cli.send({ cmd: 'quit' });
    await cli.next('bye');
    expect(await cli.exited).toBe(0);
    expect(fs.existsSync(caFile)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    const cli = startCli(['--otp', 'abc']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('usage: zatca-simulator');
  });
});
