// What the host does when answering a call fails, and how it reports clients it cut off. In-process, with a till
// whose answer cannot be written as JSON: without the host's guard that is an unhandled rejection (which ends a
// Node 20 process, and fails this run).
import fs from 'node:fs';
import path from 'node:path';
import { fakeUpdates } from '../shell/fake-till';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningTill } from '../../main/app';
import { REPEAT_WINDOW_MS, startHost, throttledLog, type RunningHost } from '../../main/host';
import { connectHost } from '../support/host-client';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function hostWith(dispatch: RunningTill['dispatch']): Promise<{ host: RunningHost; warnings: string[] }> {
  const web = tempDir('nuqta-web-');
  fs.writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html>');
  const warnings: string[] = [];
  const till: RunningTill = { dispatch, subscribe: () => () => {}, dataDir: web.dir, shell: () => ({ kiosk: false, customerScreen: 'auto' }), updates: fakeUpdates(), close: async () => {} };
  const host = await startHost({ till, rendererDir: web.dir, log: { warn: (m) => warnings.push(m) } });
  cleanups.push(() => web.cleanup(), () => host.close());
  return { host, warnings };
}

describe('a reply that cannot be sent', () => {
  it('closes that socket with 1011 and the host keeps answering', async () => {
    const { host, warnings } = await hostWith(async (method) => (method === 'getTill' ? { ok: true, value: 10n } : { ok: true, value: 'fine' }));
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, [`nuqta.${host.secret}`], { origin: host.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'getTill', input: {} }));
    expect(await closed).toBe(1011);
    expect(warnings.join('\n')).toMatch(/reply could not be sent: .*BigInt/);
    const other = await connectHost(host.url);
    expect(await other.call('getSale', {})).toEqual({ ok: true, value: 'fine' });
    other.close();
  });
});

describe("the host's log of clients it cut off", () => {
  it('writes a repeated complaint once, then once a window with how many it left out', () => {
    let now = 0;
    const lines: string[] = [];
    const log = throttledLog((line) => lines.push(line), () => now);
    for (let i = 0; i < 1000; i++) log.warn('closed a till socket that broke the WebSocket protocol: RSV1 must be clear');
    log.warn('another complaint');
    expect(lines).toEqual(['closed a till socket that broke the WebSocket protocol: RSV1 must be clear', 'another complaint']);
    now = REPEAT_WINDOW_MS;
    log.warn('closed a till socket that broke the WebSocket protocol: RSV1 must be clear');
    expect(lines[2]).toBe('closed a till socket that broke the WebSocket protocol: RSV1 must be clear (999 more since the last such line)');
  });
});
