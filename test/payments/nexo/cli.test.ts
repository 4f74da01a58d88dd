// The provider simulator as its own process (cli.ts): JSON lines on stdout, control commands on stdin (the ECR
// simulator's protocol), a ledger that outlives the till's connector and is kept in a file.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimLedger } from '../../../main/sim/nexo';
import { createNexoConnector, createNotificationListener } from '../../../main/payments/nexo';
import { tempDir } from '../../support/tmp';
import { guardUnhandled, nextRef } from '../../support/payment-harness';
import { API_KEY, FAST, SALE_ID } from '../../support/nexo-rig';

guardUnhandled();

const tmp = tempDir('nuqta-nexo-cli-');
const bundle = path.join(tmp.dir, 'nexo-provider-sim.cjs');
const recordFile = path.join(tmp.dir, 'provider-ledger.json');
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(__dirname, '../../../main/sim/nexo/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  tmp.cleanup();
});

describe('nexo provider simulator as its own process', () => {
  it('ready line, scripted decline over stdin, the ledger on request and in its file, notifications, quit', async () => {
    child = spawn(process.execPath, [bundle, '--api-key', API_KEY, '--record', recordFile, '--poi-id', 'CLI-POI-1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const events: Array<Record<string, unknown>> = [];
    const waiters: Array<{ event: string; resolve: (e: Record<string, unknown>) => void }> = [];
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const e = JSON.parse(line) as Record<string, unknown>;
      events.push(e);
      const i = waiters.findIndex((w) => w.event === e.event);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(e);
    });
    const next = (event: string) => new Promise<Record<string, unknown>>((resolve) => waiters.push({ event, resolve }));
    const send = (cmd: unknown) => child!.stdin.write(`${JSON.stringify(cmd)}\n`);

    const ready = await next('ready');
    expect(ready).toMatchObject({ baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), poiId: 'CLI-POI-1' });
    const ca = fs.readFileSync(String(ready.caFile));
    const listener = await createNotificationListener();
    const till = createNexoConnector({ mode: 'cloud-async', baseUrl: String(ready.baseUrl), apiKey: API_KEY, ca, poiId: 'CLI-POI-1', saleId: SALE_ID, timeouts: FAST, notificationListener: listener });

    const scripted = next('scripted');
    send({ cmd: 'script', behaviours: [{ outcome: 'decline', errorCondition: 'Refusal' }] });
    expect(await scripted).toMatchObject({ pending: 1 });
    const targeted = next('notify-target');
    send({ cmd: 'notify-to', url: listener.url, ...listener.credentials });
    await targeted;

    const declined = nextRef();
    expect(await till.purchase({ reference: declined, amountHalalas: 300 })).toMatchObject({ kind: 'declined', responseCode: 'Refusal' });
    const approved = nextRef();
    expect(await till.purchase({ reference: approved, amountHalalas: 450 })).toMatchObject({ kind: 'approved' });
    expect(listener.stats().accepted).toBe(2);

    const recorded = next('record');
    send({ cmd: 'record' });
    const ledger = (await recorded).record as SimLedger;
    expect(ledger.transactions.map((t) => [t.transactionId, t.status])).toEqual([
      [declined, 'declined'],
      [approved, 'approved'],
    ]);
    expect(ledger.paymentRequests).toEqual({ [declined]: 1, [approved]: 1 });
    expect(events.filter((e) => e.event === 'notification').map((e) => e.status)).toEqual([200, 200]);

    send({ nonsense: true });
    expect(await next('error')).toMatchObject({ detail: expect.stringContaining('unknown cmd') });

    const bye = next('bye');
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    send({ cmd: 'quit' });
    await bye;
    expect(await exited).toBe(0);
    const onDisk = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as SimLedger;
    expect(onDisk.transactions.map((t) => t.status)).toEqual(['declined', 'approved']);
    await till.close();
    await listener.close();
  });
});
