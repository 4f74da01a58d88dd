// The browser host's door, tried with raw HTTP upgrade requests over a real socket to a real host: every header
// is exactly what the test writes (a client library would add an Origin or a Host of its own). Each case names
// the guard of main/host/server.ts it stands for; a test here fails when that guard is weakened (issue 9: "a
// missing Origin header accepted", "a secret compared by prefix").
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host';
import { startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill;
let host: RunningHost;
let web: ReturnType<typeof tempDir>;
let customerSecret: string;

beforeAll(async () => {
  t = await startTestTill();
  web = tempDir('nuqta-web-');
  fs.writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><title>till</title>');
  host = await startHost({ till: t.till, rendererDir: web.dir });
  customerSecret = /secret=([0-9a-f]+)/.exec(host.customerDisplayUrl)![1]!;
});
afterAll(async () => {
  await host.close();
  await t.close();
  web.cleanup();
});

interface Upgrade {
  path?: string;
  /** null: no Host header at all. */
  host?: string | null;
  /** null: no Origin header at all. */
  origin?: string | null;
  /** The Sec-WebSocket-Protocol header as sent; null: none. */
  protocols?: string | null;
  version?: 'HTTP/1.1' | 'HTTP/1.0';
}

/** Sends one upgrade request exactly as given and returns the status line's code and the response's headers. */
function upgrade(u: Upgrade = {}): Promise<{ status: number; head: string }> {
  const lines = [`GET ${u.path ?? '/rpc'} ${u.version ?? 'HTTP/1.1'}`];
  const hostHeader = u.host === undefined ? `127.0.0.1:${host.port}` : u.host;
  if (hostHeader !== null) lines.push(`Host: ${hostHeader}`);
  const origin = u.origin === undefined ? host.origin : u.origin;
  if (origin !== null) lines.push(`Origin: ${origin}`);
  lines.push('Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13');
  const protocols = u.protocols === undefined ? `nuqta.${host.secret}` : u.protocols;
  if (protocols !== null) lines.push(`Sec-WebSocket-Protocol: ${protocols}`);
  return rawRequest(`${lines.join('\r\n')}\r\n\r\n`);
}

function rawRequest(text: string): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let received = '';
    const done = () => {
      const head = received.split('\r\n\r\n')[0] ?? '';
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      socket.destroy();
      resolve({ status, head });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n\r\n')) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
    socket.setTimeout(5000, () => reject(new Error('no answer from the host')));
    socket.write(text);
  });
}

describe('who may open the contract socket', () => {
  it('the page the host served, with its secret, is let in (101) with its own secret as the protocol', async () => {
    const res = await upgrade();
    expect(res.status).toBe(101);
    expect(res.head).toMatch(new RegExp(`^Sec-WebSocket-Protocol: nuqta\\.${host.secret}$`, 'im'));
  });

  it('both of its own names are let in: 127.0.0.1 and localhost', async () => {
    expect((await upgrade({ host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` })).status).toBe(101);
    expect((await upgrade({ host: `127.0.0.1:${host.port}`, origin: `http://localhost:${host.port}` })).status).toBe(101);
    expect((await upgrade({ host: `localhost:${host.port}`, origin: host.origin })).status).toBe(101);
  });

  it('a request without an Origin header is refused (any local program or a page that strips it)', async () => {
    expect((await upgrade({ origin: null })).status).toBe(403);
  });

  it('an Origin that is not exactly the host page is refused', async () => {
    for (const origin of [
      'null', // sandboxed frames and file:// pages
      '',
      'https://evil.example',
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port + 1}`,
      `http://127.0.0.1:${host.port}/`,
      `http://127.0.0.1`,
      `http://localhost`,
      `${host.origin}.evil.example`,
    ]) {
      expect({ origin, status: (await upgrade({ origin })).status }).toEqual({ origin, status: 403 });
    }
  });

  it('a missing or foreign Host is refused even with the right Origin and secret (DNS rebinding)', async () => {
    expect((await upgrade({ host: null, version: 'HTTP/1.0' })).status).toBe(403);
    for (const name of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', 'localhost', '']) {
      expect({ name, status: (await upgrade({ host: name })).status }).toEqual({ name, status: 403 });
    }
  });

  it('only the socket path is a socket', async () => {
    for (const p of ['/', '/rpc/', '/rpcx', '/RPC', '/x/rpc', '//rpc']) {
      expect({ p, status: (await upgrade({ path: p })).status }).toEqual({ p, status: 403 });
    }
    expect((await upgrade({ path: '/rpc?view=customer' })).status).toBe(101);
  });

  it('an unparsable request target is refused and the host keeps serving', async () => {
    expect((await upgrade({ path: 'http://[bad' })).status).toBe(403);
    expect((await upgrade()).status).toBe(101);
  });
});

describe('the secret is compared whole', () => {
  it('no secret, an empty one, or a prefix of it is refused (a prefix match would let `nuqta.` in)', async () => {
    const s = host.secret;
    for (const offered of [null, 'nuqta.', `nuqta.${s.slice(0, 1)}`, `nuqta.${s.slice(0, 8)}`, `nuqta.${s.slice(0, -1)}`]) {
      expect({ offered, status: (await upgrade({ protocols: offered })).status }).toEqual({ offered, status: 403 });
    }
  });

  it('a longer value, a changed last character, another case or a missing prefix is refused', async () => {
    const s = host.secret;
    const last = s.at(-1) === '0' ? '1' : '0';
    for (const offered of [`nuqta.${s}0`, `nuqta.${s.slice(0, -1)}${last}`, `nuqta.${s.toUpperCase()}`, `NUQTA.${s}`, s, `x-nuqta.${s}`, `nuqta.${s.slice(8)}`]) {
      expect({ offered, status: (await upgrade({ protocols: offered })).status }).toEqual({ offered, status: 403 });
    }
  });

  it("the customer display's secret is compared whole too", async () => {
    for (const offered of ['nuqta.', `nuqta.${customerSecret.slice(0, 8)}`, `nuqta.${customerSecret.slice(0, -1)}`, `nuqta.${customerSecret}0`]) {
      expect({ offered, status: (await upgrade({ protocols: offered })).status }).toEqual({ offered, status: 403 });
    }
    expect((await upgrade({ protocols: `nuqta.${customerSecret}` })).status).toBe(101);
  });

  it('the secret among other offered protocols is found, and only it is echoed', async () => {
    const res = await upgrade({ protocols: `chat, nuqta.${host.secret.slice(0, 8)}, nuqta.${host.secret}` });
    expect(res.status).toBe(101);
    expect(res.head).toMatch(new RegExp(`^Sec-WebSocket-Protocol: nuqta\\.${host.secret}$`, 'im'));
  });

  it('a host started with a chosen secret checks that one, whole', async () => {
    const chosen = 'a'.repeat(64);
    const other = await startHost({ till: t.till, rendererDir: web.dir, secret: chosen });
    try {
      const at = (protocols: string) =>
        new Promise<number>((resolve, reject) => {
          const socket = net.connect(other.port, '127.0.0.1');
          let received = '';
          socket.setEncoding('latin1');
          socket.on('data', (c: string) => {
            received += c;
            if (received.includes('\r\n')) {
              socket.destroy();
              resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
            }
          });
          socket.on('error', reject);
          socket.write(
            [
              'GET /rpc HTTP/1.1',
              `Host: 127.0.0.1:${other.port}`,
              `Origin: ${other.origin}`,
              'Upgrade: websocket',
              'Connection: Upgrade',
              `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
              'Sec-WebSocket-Version: 13',
              `Sec-WebSocket-Protocol: ${protocols}`,
              '',
              '',
            ].join('\r\n'),
          );
        });
      expect(await at(`nuqta.${chosen}`)).toBe(101);
      expect(await at(`nuqta.${'a'.repeat(63)}`)).toBe(403);
      expect(await at('nuqta.')).toBe(403);
      expect(await at(`nuqta.${host.secret}`)).toBe(403); // another host's secret
    } finally {
      await other.close();
    }
  });
});

describe('the page itself', () => {
  it('is served only to its own host names; a request with no Host is refused', async () => {
    const get = (hostHeader: string | null) =>
      rawRequest(`GET / HTTP/1.0\r\n${hostHeader === null ? '' : `Host: ${hostHeader}\r\n`}\r\n`).then((r) => r.status);
    expect(await get(`127.0.0.1:${host.port}`)).toBe(200);
    expect(await get(`localhost:${host.port}`)).toBe(200);
    expect(await get(null)).toBe(421);
    expect(await get(`evil.example:${host.port}`)).toBe(421);
  });
});
