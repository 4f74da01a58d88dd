// The renderer carries its CSP twice: in index.html's <meta> (so the page is restricted however it is
// loaded) and in the header each shell serves it with (app:// in Electron, http://127.0.0.1 in the browser
// host). The browser enforces both, so a directive loosened in one place only looks loosened; one tightened
// in one place only breaks the other shell. They must agree directive by directive. The only differences
// allowed: the browser host's connect-src names its own WebSocket (ws://127.0.0.1:PORT), which the meta
// allows as ws://127.0.0.1:*; and frame-ancestors, which a <meta> policy cannot carry (the CSP spec ignores it
// there), is in the headers only.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../main/host/static';
import { createAppProtocolHandler } from '../../main/shell';
import { root } from '../support/build';

type Policy = Map<string, string[]>;

function parse(csp: string): Policy {
  const policy: Policy = new Map();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    // A repeated directive is ignored by browsers after its first occurrence: say so rather than guess.
    if (policy.has(key)) throw new Error(`directive ${key} appears twice in: ${csp}`);
    policy.set(key, sources);
  }
  return policy;
}

function metaPolicy(html: string): string {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv\s*=\s*"Content-Security-Policy"[^>]*>/gi)];
  if (metas.length !== 1) throw new Error(`expected one CSP <meta>, found ${metas.length}`);
  const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0]![0])?.[1];
  if (!content) throw new Error('the CSP <meta> has no content');
  return content;
}

/** Only frame-ancestors may be missing from the meta: it has no effect there. */
const HEADER_ONLY = ['frame-ancestors'];
const WS_ANY_LOCAL_PORT = 'ws://127.0.0.1:*';

const sourceHtml = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
let tmp: string;
let served: { app: string; host: string; hostOrigin: string; appBody: string; hostBody: string };

beforeAll(async () => {
  // Both shells serve the same file: the renderer's index.html, from a folder of its own.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-csp-'));
  fs.writeFileSync(path.join(tmp, 'index.html'), sourceHtml);

  const appResponse = await createAppProtocolHandler(tmp)({ method: 'GET', url: 'app://nuqta/index.html' });

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', (req, res) => serveStatic(tmp, hostOrigin, req, res));
  try {
    const hostResponse = await fetch(`${hostOrigin}/`);
    served = {
      app: appResponse.headers.get('content-security-policy') ?? '',
      host: hostResponse.headers.get('content-security-policy') ?? '',
      hostOrigin,
      appBody: await appResponse.text(),
      hostBody: await hostResponse.text(),
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the renderer CSP', () => {
  it('is served with the page by both shells, and the page carries its meta', () => {
    expect(served.app).not.toBe('');
    expect(served.host).not.toBe('');
    expect(served.appBody).toBe(sourceHtml);
    expect(served.hostBody).toBe(sourceHtml);
    expect(metaPolicy(sourceHtml)).not.toBe('');
  });

  it('app:// and the browser host serve the same policy, but for the host’s own WebSocket', () => {
    const app = parse(served.app);
    const host = parse(served.host);
    expect([...host.keys()]).toStrictEqual([...app.keys()]);
    for (const [name, sources] of app) {
      const expected = name === 'connect-src' ? [...sources, served.hostOrigin.replace(/^http:/, 'ws:')] : sources;
      expect(host.get(name), name).toStrictEqual(expected);
    }
  });

  it('the meta has every directive the served policies have (frame-ancestors aside), with the same sources', () => {
    const meta = parse(metaPolicy(sourceHtml));
    const app = parse(served.app);
    expect([...meta.keys()].sort()).toStrictEqual([...app.keys()].filter((k) => !HEADER_ONLY.includes(k)).sort());
    for (const [name, sources] of meta) {
      if (name === 'connect-src') continue;
      expect(sources, name).toStrictEqual(app.get(name));
    }
    for (const name of HEADER_ONLY) {
      expect(app.get(name), name).toStrictEqual(["'none'"]);
      expect(parse(served.host).get(name), name).toStrictEqual(["'none'"]);
    }
  });

  it('connect-src: the meta adds only the browser host’s WebSocket, and it covers the one the host serves', () => {
    const meta = parse(metaPolicy(sourceHtml)).get('connect-src') ?? [];
    const app = parse(served.app).get('connect-src') ?? [];
    const host = parse(served.host).get('connect-src') ?? [];
    expect(meta.filter((s) => !app.includes(s))).toStrictEqual([WS_ANY_LOCAL_PORT]);
    expect(app.every((s) => meta.includes(s))).toBe(true);
    const hostExtra = host.filter((s) => !app.includes(s));
    expect(hostExtra).toHaveLength(1);
    expect(hostExtra[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  });
});
