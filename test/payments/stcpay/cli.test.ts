// The simulator as its own process: the ready line carries everything a till needs (CA, client PKCS#12,
// passphrase, pin); the stdin control channel mirrors the ECR simulator's; its ledger outlives the till.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStcPayClient } from '../../../main/payments/stcpay';
import { tempDir } from '../../support/tmp';
import { nextRef } from '../../support/payment-harness';
import { MERCHANT, MOBILE } from '../../support/stcpay-rig';

const tmp = tempDir('nuqta-stcpay-cli-');
const bundle = path.join(tmp.dir, 'stcpay-simulator.cjs');
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(__dirname, '../../../main/sim/stcpay/cli.ts')],
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
  tmp.cleanup();
});

function startCli(args: string[]) {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const waiters: Array<{ match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
  const events: Array<Record<string, unknown>> = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const e = JSON.parse(line) as Record<string, unknown>;
    events.push(e);
    for (const w of [...waiters]) if (w.match(e)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Each event is handed out once, whether it arrived before or after the test asked for it.
  const taken = new Set<Record<string, unknown>>();
  const next = (event: string, timeoutMs = 10_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const early = events.find((e) => e.event === event && !taken.has(e));
      if (early) {
        taken.add(early);
        return resolve(early);
      }
      const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        match: (e) => e.event === event && !taken.has(e),
        resolve: (e) => {
          clearTimeout(t);
          taken.add(e);
          resolve(e);
        },
      });
    });
  const send = (cmd: unknown) => child.stdin.write(`${typeof cmd === 'string' ? cmd : JSON.stringify(cmd)}\n`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, next, send, events, exited, stderr: () => stderr };
}

describe('STC Pay simulator CLI', () => {
  it('ready line configures a till; script / record / clear / quit over stdin; ledger file', async () => {
    const recordFile = path.join(tmp.dir, 'stcpay-ledger.json');
    const cli = startCli(['--port', '0', '--client-code', '61299999999', '--timeout-otp-delay', '5000', '--record', recordFile]);
    const ready = await cli.next('ready');
    expect(ready).toMatchObject({ transport: 'https', host: '127.0.0.1', clientCode: '61299999999', baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/B2B\.DirectPayment\.WebApi\/DirectPayment\/V4\/$/) });
    for (const f of ['caFile', 'clientCaFile', 'clientP12File', 'foreignP12File']) expect(fs.existsSync(ready[f] as string), f).toBe(true);
    expect(ready.passphrase).toEqual(expect.any(String));

    const client = createStcPayClient({
      baseUrl: ready.baseUrl as string,
      clientCode: ready.clientCode as string,
      merchant: MERCHANT,
      tls: {
        clientPkcs12: fs.readFileSync(ready.clientP12File as string),
        passphrase: ready.passphrase as string,
        ca: fs.readFileSync(ready.caFile as string, 'utf8'),
        pins: [ready.serverPin as string],
      },
      timeouts: { authorizeMs: 2000, confirmMs: 2000, inquiryMs: 2000 },
    });
    const reference = nextRef();
    const a = await client.authorize({ reference, amountHalalas: 1500, mobile: MOBILE, billNumber: 'B' });
    expect(a.kind).toBe('authorized');
    if (a.kind !== 'authorized') return;
    expect(await cli.next('request')).toMatchObject({ call: 'DirectPaymentAuthorize', refNum: reference });

    cli.send({ cmd: 'script', behaviours: [{ call: 'DirectPaymentConfirm', action: 'status', status: 502, process: true }] });
    expect(await cli.next('scripted')).toEqual({ event: 'scripted', pending: 1 });
    expect(await client.confirm({ reference, stcPayPmtReference: a.stcPayPmtReference, otpReference: a.otpReference, otp: '123456' })).toMatchObject({ kind: 'unknown', reason: 'server_error' });
    expect(await client.inquire(reference)).toMatchObject({ kind: 'found', status: 'paid' });

    cli.send({ cmd: 'record' });
    const record = (await cli.next('record')).record as { payments: Array<{ refNum: string; status: number }>; authorizeRequests: Record<string, number> };
    expect(record.payments).toMatchObject([{ refNum: reference, status: 2 }]);
    expect(record.authorizeRequests).toEqual({ [reference]: 1 });
    expect(JSON.parse(fs.readFileSync(recordFile, 'utf8'))).toMatchObject({ payments: [{ refNum: reference, status: 2 }] });

    cli.send('{not json');
    expect(await cli.next('error')).toMatchObject({ detail: expect.any(String) });
    cli.send({ cmd: 'script', behaviours: [{ action: 'explode' }] });
    expect(await cli.next('error')).toMatchObject({ detail: expect.stringMatching(/unknown behaviour/) });
    cli.send({ cmd: 'script', behaviours: [{ action: 'hang' }] });
    await cli.next('scripted');
    cli.send({ cmd: 'clear' });
    await cli.next('cleared');
    expect(await client.health()).toMatchObject({
      state: 'connected',
      connection: { serverDate: expect.any(String), ownCertificateValidTo: expect.any(String), serverCertificateValidTo: expect.any(String) },
    });

    cli.send({ cmd: 'quit' });
    await cli.next('bye');
    expect(await cli.exited).toBe(0);
    // The simulator's own temp folder (certificates, key, PKCS#12) is gone with it.
    expect(fs.existsSync(ready.caFile as string)).toBe(false);
  });

  it('end of stdin shuts it down; bad arguments exit 2', async () => {
    const cli = startCli([]);
    await cli.next('ready');
    cli.child.stdin.end();
    expect(await cli.exited).toBe(0);
    const bad = startCli(['--tls-max', '1.1']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toMatch(/usage: stcpay-simulator/);
  });
});
