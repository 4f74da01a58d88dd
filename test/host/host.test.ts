// The browser host over real loopback sockets: who may connect, what crosses, what the page is served with.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../main/host';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill;
let host: RunningHost;
let web: ReturnType<typeof tempDir>;

beforeAll(async () => {
  t = await startTestTill();
  web = tempDir('nuqta-web-');
  fs.writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><title>till</title>');
  fs.writeFileSync(path.join(web.dir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(web.dir, '..', 'outside-secret.txt'), 'nope');
  host = await startHost({ till: t.till, rendererDir: web.dir });
});
afterAll(async () => {
  await host.close();
  await t.close();
  fs.rmSync(path.join(web.dir, '..', 'outside-secret.txt'), { force: true });
  web.cleanup();
});

const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${host.origin}${urlPath}`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const connect = (options: { secret?: string; origin?: string; path?: string; host?: string } = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${options.path ?? '/rpc'}`, [`nuqta.${options.secret ?? host.secret}`], {
      origin: options.origin ?? host.origin,
      headers: options.host ? { host: options.host } : {},
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });

const call = (ws: WebSocket, id: number, method: string, input: unknown) =>
  new Promise<unknown>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'reply' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ kind: 'call', id, method, input }));
  });

describe('serving the renderer', () => {
  it('serves index.html at / with a strict CSP on 127.0.0.1', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>till</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]{64}$/);
  });

  it('does not let a path escape the renderer folder', async () => {
    expect((await get('/../outside-secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/outside-secret.txt')).status).toBe(404);
    expect((await get('/app.js')).status).toBe(200);
  });

  it('answers only GET/HEAD and only to its own host name', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', { host: 'attacker.example' })).status).toBe(421);
  });
});

describe('the contract socket', () => {
  it('carries calls and replies for a client with the secret', async () => {
    const ws = await connect();
    const sale = (await call(ws, 1, 'scanBarcode', { barcode: DEMO.milk.barcode })) as { ok: boolean; value: { lines: unknown[] } };
    expect(sale.ok).toBe(true);
    expect(sale.value.lines).toHaveLength(1);
    expect(await call(ws, 2, 'scanBarcode', { barcode: 'garbage-ض' })).toMatchObject({ ok: false, error: { code: 'BARCODE_MALFORMED' } });
    expect(await call(ws, 3, 'scanBarcode', { barcode: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ws.close();
  });

  it('pushes sale-changed events to every connected view', async () => {
    const a = await connect();
    const b = await connect();
    const seen = new Promise<unknown>((resolve) =>
      b.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.kind === 'event') resolve(frame);
      }),
    );
    await call(a, 1, 'scanBarcode', { barcode: DEMO.bread.barcode });
    expect(await seen).toMatchObject({ kind: 'event', event: 'saleChanged', payload: { status: 'open' } });
    a.close();
    b.close();
  });

  it("sends a scan's caller its sale once, as the reply, before any event; other views still hear saleChanged", async () => {
    const caller = await connect();
    const other = await connect();
    const callerFrames: Array<{ kind: string; event?: string; id?: number }> = [];
    caller.on('message', (data) => callerFrames.push(JSON.parse(String(data))));
    const otherHeard = new Promise<{ event: string; payload: { revision: number } }>((resolve) =>
      other.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.kind === 'event' && frame.event === 'saleChanged') resolve(frame);
      }),
    );
    const reply = (await call(caller, 1, 'scanBarcode', { barcode: DEMO.water.barcode })) as { ok: true; value: { revision: number } };
    expect((await otherHeard).payload.revision).toBe(reply.value.revision);
    // Whatever else the till says comes after a turn of the event loop; wait for it before counting.
    await call(caller, 2, 'getSale', {});
    expect(callerFrames[0]).toMatchObject({ kind: 'reply', id: 1 });
    expect(callerFrames.filter((f) => f.kind === 'event' && f.event === 'saleChanged')).toEqual([]);
    caller.close();
    other.close();
  });

  it('refuses a wrong secret, a foreign origin, a foreign host name and another path', async () => {
    await expect(connect({ secret: '0'.repeat(64) })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ host: 'evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ path: '/other' })).rejects.toThrow(/403/);
  });

  it('closes on a malformed frame without disturbing the till', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
    const again = await connect();
    expect(await call(again, 1, 'getSale', {})).toMatchObject({ ok: true });
    again.close();
  });
});

describe('the customer display secret', () => {
  it('opens only read-only methods', async () => {
    const secret = new URL(host.customerDisplayUrl).hash.match(/secret=([0-9a-f]+)/)![1]!;
    expect(host.customerDisplayUrl).toContain('view=customer');
    expect(secret).not.toBe(host.secret);
    const ws = await connect({ secret });
    expect(await call(ws, 1, 'getSale', {})).toMatchObject({ ok: true });
    expect(await call(ws, 2, 'scanBarcode', { barcode: DEMO.milk.barcode })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await call(ws, 3, 'tenderCash', { tenderedHalalas: 100 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    // It hears the sale, not the terminal panel.
    const heard: string[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'event') heard.push(frame.event);
    });
    const till = await connect();
    const tillHeard: string[] = [];
    till.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'event') tillHeard.push(frame.event);
    });
    await t.till.dispatch('checkTerminal', {});
    await call(till, 1, 'scanBarcode', { barcode: DEMO.water.barcode });
    await expect.poll(() => heard).toContain('saleChanged');
    await expect.poll(() => tillHeard).toContain('terminalStatusChanged'); // the till's own socket did hear it
    expect(heard).not.toContain('terminalStatusChanged');
    till.close();
    ws.close();
  });

  it('hears the till switch language, so it follows at once', async () => {
    const secret = new URL(host.customerDisplayUrl).hash.match(/secret=([0-9a-f]+)/)![1]!;
    const ws = await connect({ secret });
    const heard: unknown[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'event' && frame.event === 'preferencesChanged') heard.push(frame.payload);
    });
    const till = await connect();
    expect(await call(till, 1, 'setPreferences', { locale: 'en' })).toMatchObject({ ok: true });
    await expect.poll(() => heard).toStrictEqual([{ locale: 'en', digits: 'latin' }]);
    // It may still not change them itself.
    expect(await call(ws, 1, 'setPreferences', { locale: 'ar' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await call(till, 2, 'setPreferences', { locale: 'ar' })).toMatchObject({ ok: true });
    await expect.poll(() => heard).toHaveLength(2);
    till.close();
    ws.close();
  });
});

describe('hostile paths', () => {
  it('a NUL, a backslash or a broken escape in the path is a 404, and the host keeps serving', async () => {
    expect((await get('/%00')).status).toBe(404);
    expect((await get('/..%5c..%5cetc%5cpasswd')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('a symlink out of the renderer folder is not followed', async () => {
    fs.symlinkSync(path.join(web.dir, '..', 'outside-secret.txt'), path.join(web.dir, 'link.txt'));
    expect((await get('/link.txt')).status).toBe(404);
  });
});
