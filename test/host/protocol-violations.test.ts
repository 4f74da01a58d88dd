// The host must never die from one client: each WebSocket protocol violation, written as raw bytes on a TCP
// socket after a real handshake, closes that socket and nothing else. The host runs as its own process
// (dist/main/host.cjs): a violation that kills it shows as a dead process here, not as an exception in the test.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, MAX_UNREAD_BYTES } from '../../main/host';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { connectHost } from '../support/host-client';
import { tempDir } from '../support/tmp';
import { closeFrame, encodeFrame, OPCODE, rawHandshake, textFrame } from './support/raw-socket';

let tmp: ReturnType<typeof tempDir> | undefined;
let host: HostProcess | undefined;

const secretOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('secret')!;

async function freshHost(): Promise<HostProcess> {
  tmp = tempDir('nuqta-violations-');
  host = await startHostProcess(tmp.dir);
  return host;
}

beforeAll(async () => {
  ensureMainBuilt();
  await freshHost();
});

// On a host that died in the previous test, every later test would fail for the same reason: start another,
// so each violation is judged on its own.
beforeEach(async () => {
  if (host && !host.alive()) {
    tmp?.cleanup();
    await freshHost();
  }
});

afterAll(async () => {
  await host?.stop();
  tmp?.cleanup();
});

const validCall = JSON.stringify({ kind: 'call', id: 1, method: 'getSale', input: {} });

interface Violation {
  name: string;
  bytes: () => Buffer;
  /** The close code RFC 6455 §7.4.1 gives this violation. */
  code: number;
}

const violations: Violation[] = [
  {
    name: 'a text frame one byte over the payload limit (16-bit length)',
    bytes: () => textFrame(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20)),
    code: 1009,
  },
  {
    name: 'a header declaring 4 GiB (64-bit length) whose payload never comes',
    bytes: () => textFrame(Buffer.alloc(0), { lengthForm: '64', declaredLength: 2 ** 32 }),
    code: 1009,
  },
  {
    name: 'a message fragmented past the limit (each fragment under it)',
    bytes: () => {
      const half = Buffer.alloc(MAX_FRAME_BYTES / 2 + 1, 0x20);
      return Buffer.concat([textFrame(half, { fin: false }), encodeFrame({ opcode: OPCODE.continuation, payload: half })]);
    },
    code: 1009,
  },
  {
    name: 'invalid UTF-8 in a text frame',
    bytes: () => textFrame(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])),
    code: 1007,
  },
  { name: 'an unmasked client frame', bytes: () => textFrame(validCall, { mask: false }), code: 1002 },
  { name: 'RSV1 set without negotiated compression', bytes: () => textFrame(validCall, { rsv1: true }), code: 1002 },
  { name: 'an invalid close code (1005, which must never be sent)', bytes: () => closeFrame(1005), code: 1002 },
  { name: 'an invalid close code (999)', bytes: () => closeFrame(999), code: 1002 },
];

describe.each([
  ['the till secret', (h: HostProcess) => secretOf(h.url)],
  ['the read-only customer-display secret', (h: HostProcess) => secretOf(h.customerDisplayUrl)],
])('a protocol violation on a socket opened with %s', (_role, secretFor) => {
  it.each(violations)('$name: that socket closes ($code), the host lives and answers others', async ({ bytes, code }) => {
    const h = host!;
    const bystander = await connectHost(h.url);
    const raw = await rawHandshake(Number(new URL(h.origin).port), secretFor(h));
    raw.write(bytes());

    const closedWith = await raw.closeCode().catch((e: Error) => `no close frame (${e.message})`);
    // The server ends the connection itself, even for a client that never answers the close frame.
    const ended = await Promise.race([raw.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    raw.destroy();
    await new Promise((r) => setTimeout(r, 100)); // a dying process needs a moment to be seen as dead

    expect(h.alive(), `the host died:\n${h.stderr()}`).toBe(true);
    expect(closedWith).toBe(code);
    expect(ended).toBe(true);
    // Nothing else closed: the socket that was already open still answers, and so does a new one.
    expect(await bystander.call('getSale', {})).toMatchObject({ ok: true });
    const second = await connectHost(h.url);
    expect(await second.call('getSale', {})).toMatchObject({ ok: true });
    second.close();
    bystander.close();
  });
});

describe('the payload limit', () => {
  it('is where it is documented: a call frame of exactly MAX_FRAME_BYTES is answered', async () => {
    const h = host!;
    const raw = await rawHandshake(Number(new URL(h.origin).port), secretOf(h.url));
    const padded = validCall.slice(0, -1) + ' '.repeat(MAX_FRAME_BYTES - validCall.length) + '}';
    expect(Buffer.byteLength(padded)).toBe(MAX_FRAME_BYTES);
    raw.write(textFrame(padded));
    expect(await raw.nextReply()).toMatchObject({ kind: 'reply', id: 1, result: { ok: true } });
    raw.destroy();
  });
});

describe('a client that goes away mid-handshake', () => {
  it('a refused upgrade whose client resets at once does not take the host down', async () => {
    const h = host!;
    const port = Number(new URL(h.origin).port);
    for (let i = 0; i < 20; i++) {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        `GET /rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.alloc(16, i).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: nuqta.${'0'.repeat(64)}\r\n\r\n`,
      );
      socket.resetAndDestroy();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(h.alive(), h.stderr()).toBe(true);
    const client = await connectHost(h.url);
    expect(await client.call('getSale', {})).toMatchObject({ ok: true });
    client.close();
  });
});

describe('a client that does not read its replies', () => {
  it('is cut off once MAX_UNREAD_BYTES wait for it, and the host lives on', { timeout: 60_000 }, async () => {
    const h = host!;
    const probe = await connectHost(h.url);
    const search = { query: 'Almarai', limit: 50 };
    const hits = await probe.call('searchCatalog', search);
    expect(hits.ok && hits.value.length).toBeGreaterThan(5);
    const replyBytes = JSON.stringify({ kind: 'reply', id: 1, result: hits }).length;
    // Enough replies to fill the kernel's buffers on both ends and then the limit, twice over.
    const calls = Math.ceil((2 * MAX_UNREAD_BYTES + 16 * 1024 * 1024) / replyBytes);
    const raw = await rawHandshake(Number(new URL(h.origin).port), secretOf(h.url));
    raw.socket.pause();
    for (let id = 1; id <= calls; id++) raw.write(textFrame(JSON.stringify({ kind: 'call', id, method: 'searchCatalog', input: search })));
    // The host has read every call once another socket's call, sent after them, is answered.
    await new Promise((r) => setTimeout(r, 500));
    expect(await probe.call('getSale', {})).toMatchObject({ ok: true });
    raw.socket.resume();
    const ended = await Promise.race([raw.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
    const replies = raw.frames.filter((f) => f.opcode === 0x1).length;
    raw.destroy();
    expect(h.alive(), h.stderr()).toBe(true);
    expect({ ended, cutShort: replies < calls }).toEqual({ ended: true, cutShort: true });
    expect(await probe.call('getSale', {})).toMatchObject({ ok: true });
    probe.close();
  });
});
