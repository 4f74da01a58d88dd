// The in-process transport (demo default) and the simulator as its own process (CLI), with the till restarted
// while the terminal keeps its record.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcrSimulator, createSimulatedTerminal } from '../../../main/sim/ecr-terminal';
import { createSerialTransport } from '../../../main/payments/transport/serial';
import { createStreamTransport } from '../../../main/payments/transport/stream';
import { createTcpTransport } from '../../../main/payments/transport/tcp';
import { tempDir } from '../../support/tmp';
import { guardUnhandled, nextRef } from '../../support/payment-harness';
import { connectorFor } from '../../support/ecr-rig';

guardUnhandled();

describe('in-process stream transport (demo default)', () => {
  it('purchase, drop after approval → unknown → inquiry, settlement; the alias the till factory uses works', async () => {
    const sim = createEcrSimulator();
    const till = connectorFor(sim.transport(), { lrcMode: 'xor', ackNak: true });
    const ref = nextRef();
    expect(await till.purchase({ reference: ref, amountHalalas: 650 })).toMatchObject({ kind: 'approved' });
    const dropped = nextRef();
    sim.terminal.script({ drop: 'after-approve' });
    expect(await till.purchase({ reference: dropped, amountHalalas: 500 })).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    expect(await till.inquire(dropped)).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 500 } } });
    expect(await till.settle()).toMatchObject({ inBalance: true, schemes: [{ scheme: 'mada', purchaseCount: 2, purchaseHalalas: 1150 }] });
    await till.close();
    await sim.close();

    const demo = createSimulatedTerminal({ lrcMode: 'sdk-ascii-hex', ackNak: false });
    const demoTill = connectorFor(createStreamTransport((end) => demo.serve(end)), { lrcMode: 'sdk-ascii-hex', ackNak: false });
    expect(await demoTill.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'approved' });
    await demoTill.close();
    await demo.close();
  });
});

describe('simulator as its own process (CLI)', () => {
  const tmp = tempDir('nuqta-ecr-cli-');
  const bundle = path.join(tmp.dir, 'ecr-simulator.cjs');
  const recordFile = path.join(tmp.dir, 'terminal-record.json');
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    await build({
      entryPoints: [path.resolve(__dirname, '../../../main/sim/ecr-terminal/cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      external: ['serialport'],
      logLevel: 'silent',
      nodePaths: [path.resolve(__dirname, '../../../node_modules')],
    });
  });
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    tmp.cleanup();
  });

  /** Starts the CLI; returns its first line (ready) and a way to send commands and await events. */
  async function startCli(args: string[]) {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') } });
    children.push(child);
    const events: Array<Record<string, unknown>> = [];
    const waiters: Array<{ match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
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
    const next = (event: string, timeoutMs = 5000) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const found = events.find((e) => e.event === event);
        if (found) {
          events.splice(events.indexOf(found), 1);
          return resolve(found);
        }
        const timer = setTimeout(() => reject(new Error(`no ${event} event; stderr: ${stderr}`)), timeoutMs);
        waiters.push({
          match: (e) => e.event === event,
          resolve: (e) => {
            clearTimeout(timer);
            events.splice(events.indexOf(e), 1);
            resolve(e);
          },
        });
      });
    const send = (obj: unknown) => child.stdin.write(`${JSON.stringify(obj)}\n`);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const ready = await next('ready');
    return { child, ready, next, send, exited };
  }

  it('TCP: scripted drop → unknown; till restarted → inquiry finds it; simulator restarted → its record survives', async () => {
    const sim = await startCli(['--tcp', '0', '--record', recordFile, '--verify-signature']);
    expect(sim.ready).toMatchObject({ event: 'ready', transport: 'tcp', host: '127.0.0.1' });
    const port = sim.ready.port as number;
    const transport = () => createTcpTransport({ host: '127.0.0.1', port });

    sim.send({ cmd: 'script', behaviours: [{ drop: 'after-approve' }] });
    expect(await sim.next('scripted')).toEqual({ event: 'scripted', pending: 1 });
    const ref = nextRef();
    let till = connectorFor(transport(), { lrcMode: 'xor', ackNak: true });
    expect(await till.purchase({ reference: ref, amountHalalas: 3500 })).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    expect(await sim.next('transaction')).toMatchObject({ transaction: { ecrRef: ref, status: 'approved', amountHalalas: 3500 } });
    await till.close();

    till = connectorFor(transport(), { lrcMode: 'xor', ackNak: true }); // the till process restarted
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { reference: ref, amountHalalas: 3500 } } });
    await till.close();

    sim.send({ cmd: 'record' });
    const record = (await sim.next('record')).record as { transactions: unknown[]; purchaseFrames: Record<string, number> };
    expect(record.purchaseFrames[ref]).toBe(1);
    sim.send({ cmd: 'nonsense' });
    expect(await sim.next('error')).toMatchObject({ event: 'error' });
    sim.send({ cmd: 'quit' });
    expect(await sim.exited).toBe(0);

    const persisted = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { transactions: Array<{ ecrRef: string }> };
    expect(persisted.transactions.map((t) => t.ecrRef)).toContain(ref);

    const again = await startCli(['--tcp', '0', '--record', recordFile]);
    const till2 = connectorFor(createTcpTransport({ host: '127.0.0.1', port: again.ready.port as number }), { lrcMode: 'xor', ackNak: true });
    expect(await till2.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    await till2.close();
    // A purchase keyed on the terminal by hand: in its batch with no ECR reference, so the settlement holds
    // both (35.00 + 12.00) though the till sent one (and an inquiry now finds a last transaction that is nobody's:
    // in doubt, never a guess). A card it does not have, or an amount of nothing, is refused.
    again.send({ cmd: 'keyed', amountHalalas: 1200, card: 'diners' });
    expect(await again.next('error')).toMatchObject({ detail: expect.stringContaining('card must be one of') });
    again.send({ cmd: 'keyed', amountHalalas: 0 });
    expect(await again.next('error')).toMatchObject({ detail: expect.stringContaining('positive integer') });
    again.send({ cmd: 'keyed', amountHalalas: 1200, card: 'visa' });
    expect(await again.next('keyed')).toMatchObject({ transaction: { ecrRef: '', kind: 'purchase', status: 'approved', amountHalalas: 1200, card: 'visa' } });
    const till3 = connectorFor(createTcpTransport({ host: '127.0.0.1', port: again.ready.port as number }), { lrcMode: 'xor', ackNak: true });
    expect(await till3.inquire(ref)).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('no reference') });
    const settled = await till3.settle();
    await till3.close();
    expect('schemes' in settled && settled.schemes.map((x) => [x.purchaseCount, x.purchaseHalalas])).toEqual([[1, 3500], [1, 1200]]);
    again.child.stdin.end(); // end of stdin shuts it down too
    expect(await again.exited).toBe(0);
  });

  it('PTY: ready prints the path the till opens; purchase over it; quit removes socat', async () => {
    const sim = await startCli(['--pty', '--lrc', 'sdk-ascii-hex', '--no-ack-nak']);
    expect(sim.ready).toMatchObject({ event: 'ready', transport: 'pty' });
    const ptyPath = sim.ready.path as string;
    const till = connectorFor(createSerialTransport({ path: ptyPath, baudRate: 115_200 }), { lrcMode: 'sdk-ascii-hex', ackNak: false });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 250 })).toMatchObject({ kind: 'approved' });
    await till.close();
    sim.send({ cmd: 'quit' });
    expect(await sim.exited).toBe(0);
    expect(fs.existsSync(ptyPath)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    const child = spawn(process.execPath, [bundle, '--tcp', '1', '--pty'], { stdio: 'ignore', env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') } });
    expect(await new Promise((r) => child.once('exit', r))).toBe(2);
  });
});
