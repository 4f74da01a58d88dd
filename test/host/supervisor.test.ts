// `npm run till`'s supervisor (scripts/lib/supervisor.mjs) with real processes: the built host is killed with
// SIGKILL and must come back on the same port with the same secret and the open sale, the renderer's own client
// reconnecting by itself; a host that keeps dying is given up on and the till's port then says why; a till
// error (exit 3) or a usage error (exit 2) is shown, never restarted.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostClient, type SocketFactory } from '../../renderer/api/hostClient';
import { superviseHost, type ReadyLine, type Supervisor, type SupervisorEvent, type SuperviseOptions } from '../../scripts/lib/supervisor.mjs';
import { startHostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { connectHost } from '../support/host-client';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';

beforeAll(() => ensureMainBuilt());

const cleanups: Array<() => unknown> = [];
// Every step runs even when one fails: a step left out would leave a host or a Chromium running.
afterEach(async () => {
  const failures: unknown[] = [];
  while (cleanups.length) await Promise.resolve().then(cleanups.pop()!).catch((e: unknown) => failures.push(e));
  if (failures.length) throw failures[0];
});

interface Watched {
  supervisor: Supervisor;
  events: SupervisorEvent[];
  stderr: () => string;
  /** Resolves with the ready line of restart `n` (0 is the first start). */
  readyNumber(n: number, timeoutMs?: number): Promise<{ ready: ReadyLine; pid: number; at: number }>;
  dir: string;
}

function supervise(options: SuperviseOptions & { dir?: string } = {}): Watched {
  const tmp = options.dir ? { dir: options.dir, cleanup: () => {} } : tempDir('nuqta-supervisor-');
  const events: SupervisorEvent[] = [];
  const readyAt = new Map<number, { ready: ReadyLine; pid: number; at: number }>();
  const waiters: Array<() => void> = [];
  let stderr = '';
  const supervisor = superviseHost({
    hostArgs: ['--data-dir', tmp.dir],
    stderr: new Writable({
      write(chunk, _enc, done) {
        stderr += String(chunk);
        done();
      },
    }),
    ...options,
    onEvent: (event) => {
      events.push(event);
      if (event.type === 'ready') readyAt.set(event.restart, { ready: event.ready, pid: event.pid, at: performance.now() });
      for (const wake of waiters.splice(0)) wake();
    },
  });
  cleanups.push(() => tmp.cleanup(), () => supervisor.stop());
  return {
    supervisor,
    events,
    dir: tmp.dir,
    stderr: () => stderr,
    async readyNumber(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!readyAt.has(n)) {
        if (Date.now() > deadline) throw new Error(`no ready line for restart ${n}; events: ${JSON.stringify(events)}\n${stderr}`);
        await new Promise<void>((wake) => {
          waiters.push(wake);
          setTimeout(wake, 200);
        });
      }
      return readyAt.get(n)!;
    },
  };
}

const secretOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('secret')!;
const proc = (pid: number, file: string) => fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');

/** The renderer's own client (renderer/api/hostClient.ts) over Node's ws, speaking as the page's origin. */
const nodeSocket =
  (origin: string): SocketFactory =>
  (url, protocols, handlers) => {
    const ws = new WebSocket(url, protocols, { origin });
    ws.on('open', () => handlers.onOpen());
    ws.on('message', (data) => handlers.onMessage(String(data)));
    ws.on('close', () => handlers.onClose());
    ws.on('error', () => {}); // a refused reconnect also closes; that is what the client retries on
    return { send: (data) => ws.send(data), close: () => ws.close() };
  };

const get = (port: number, host = `127.0.0.1:${port}`) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

const kill9 = (pid: number) => process.kill(pid, 'SIGKILL');

describe('a host killed with SIGKILL', () => {
  it('is back within seconds on the same port with the same secret and the open sale; the page reconnects by itself', async () => {
    const w = supervise();
    const ready = await w.supervisor.begin();
    const first = await w.readyNumber(0);
    const port = Number(new URL(ready.origin).port);
    expect(port).toBe(w.supervisor.port);
    expect(secretOf(ready.url)).toBe(w.supervisor.secret);
    // The secret is on no command line and in no environment of the host: it came on stdin.
    expect(proc(first.pid, 'cmdline').split('\0')).toEqual(expect.arrayContaining(['--secret-stdin', '--port', String(port)]));
    expect(proc(first.pid, 'cmdline')).not.toContain(w.supervisor.secret);
    expect(proc(first.pid, 'environ')).not.toContain(w.supervisor.secret);

    // The renderer's client, as the open page has it.
    const page = createHostClient({ url: `ws://127.0.0.1:${port}/rpc`, secret: w.supervisor.secret, createSocket: nodeSocket(ready.origin) });
    cleanups.push(() => page.dispose());
    await expect.poll(() => page.connection.getState()).toBe('connected');
    const till = await connectHost(ready.url);
    const rung = await till.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(rung).toMatchObject({ ok: true });
    const saleId = rung.ok ? rung.value.saleId : '';

    const killedAt = performance.now();
    kill9(first.pid);
    await till.closed;
    const again = await w.readyNumber(1);
    const downMs = again.at - killedAt;
    expect(downMs).toBeLessThan(5_000);
    expect(again.pid).not.toBe(first.pid);
    expect(again.ready.url).toBe(ready.url); // same port, same secret
    expect(w.events.find((e) => e.type === 'exit')).toMatchObject({ signal: 'SIGKILL', restartInMs: 500 });

    // The page's client found the host again by itself and sees the sale as it was.
    await expect.poll(() => page.connection.getState(), { timeout: 10_000 }).toBe('connected');
    const sale = await page.api.getSale({});
    expect(sale).toMatchObject({ ok: true, value: { saleId, lines: [{ barcode: DEMO.milk.barcode, quantity: 1 }] } });
    const fresh = await connectHost(ready.url);
    expect(await fresh.call('getSale', {})).toMatchObject({ ok: true, value: { saleId } });
    fresh.close();
    console.log(`supervisor: host killed with SIGKILL, back and ready on the same port in ${Math.round(downMs)} ms`);
  });
});

describe('a host that keeps dying', () => {
  it(`is given up on after the limit, and the till's port then says why in Arabic and English`, async () => {
    const w = supervise({ loopCount: 3, loopWindowMs: 60_000 });
    const ready = await w.supervisor.begin();
    const port = w.supervisor.port;
    for (let n = 0; n < 3; n++) kill9((await w.readyNumber(n)).pid);
    const outcome = await w.supervisor.outcome;
    expect(outcome).toMatchObject({ reason: 'crash-loop', code: 1, message: { code: 'HOST_CRASH_LOOP' } });
    expect(outcome.exits.map((e) => e.signal)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL']);
    // Not restarted a fourth time.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(w.events.filter((e) => e.type === 'ready')).toHaveLength(3);
    expect(w.supervisor.pid).toBeNull();

    // The page's address now shows what happened and where to look, and nothing secret.
    expect(w.supervisor.noticeServing).toBe(true);
    const notice = await get(port);
    expect(notice.status).toBe(503);
    expect(notice.body).toContain('توقفت نقطة البيع بعد أعطال متكررة');
    expect(notice.body).toContain('The till stopped after repeated failures');
    expect(notice.body).toContain('HOST_CRASH_LOOP');
    expect(notice.body.match(/signal SIGKILL/g)).toHaveLength(3);
    expect(notice.body).toContain(path.join(w.dir, 'crash.log'));
    expect(notice.body).not.toContain(w.supervisor.secret);
    expect((await get(port, 'evil.example')).status).toBe(421);
    // The open page's reconnects are refused: nothing on that port looks like a till that answers.
    await expect(connectHost(ready.url)).rejects.toThrow(/503/);
    // Each crash is in the crash log, private like the rest of the data folder.
    const log = path.join(w.dir, 'crash.log');
    expect(fs.statSync(log).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(log, 'utf8').match(/signal SIGKILL/g)).toHaveLength(3);
  });
});

describe('an exit that is not a crash', () => {
  it('a till error at start (exit 3: the ledger is locked by another till) is shown, not restarted', async () => {
    const tmp = tempDir('nuqta-supervisor-locked-');
    cleanups.push(() => tmp.cleanup());
    const other = await startHostProcess(tmp.dir);
    cleanups.push(() => other.stop());
    const w = supervise({ dir: tmp.dir });
    await expect(w.supervisor.begin()).rejects.toThrow(/cannot run until/);
    const outcome = await w.supervisor.outcome;
    expect(outcome).toMatchObject({ reason: 'till-error', code: 3, message: { code: 'HOST_TILL_ERROR' } });
    expect(outcome.message?.hostMessage).toContain('LEDGER_LOCKED');
    expect(outcome.exits).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(w.events.filter((e) => e.type === 'exit' || e.type === 'ready')).toHaveLength(0);
    expect(other.alive()).toBe(true);
  });

  it('a till error on a restart, after the page was open, is shown on the page and not restarted', async () => {
    const w = supervise({ restartDelayMs: 5_000 });
    await w.supervisor.begin();
    const port = w.supervisor.port;
    kill9((await w.readyNumber(0)).pid);
    // Another till takes the folder while this one waits to restart: the restart meets LEDGER_LOCKED.
    const other = await startHostProcess(w.dir);
    cleanups.push(() => other.stop());
    const outcome = await w.supervisor.outcome;
    expect(outcome).toMatchObject({ reason: 'till-error', code: 3 });
    expect(outcome.exits.map((e) => e.signal ?? e.code)).toEqual(['SIGKILL', 3]);
    const notice = await get(port);
    expect(notice.body).toContain('LEDGER_LOCKED');
    expect(notice.body).toContain('لا يمكن أن تعمل نقطة البيع حتى يُصلح ما يلي');
    expect(other.alive()).toBe(true);
  });

  it('a usage error (exit 2) is not restarted', async () => {
    const w = supervise({ hostArgs: ['--no-such-option'] });
    await expect(w.supervisor.begin()).rejects.toThrow();
    expect(await w.supervisor.outcome).toMatchObject({ reason: 'usage', code: 2, exits: [{ code: 2 }] });
    expect(w.stderr()).toContain('no-such-option');
  });
});
