// The browser host: the same RunningTill the Electron shell uses, carried over a loopback WebSocket
// instead of Electron IPC. It listens on 127.0.0.1 only; the socket accepts a client only when it offers the
// per-launch secret as its subprotocol, comes from this server's own origin, and addresses it by its own
// host name (which stops DNS-rebinding pages). Calls still go through the same dispatcher and schemas.
//
// One client must never take the host down, whatever it sends: a WebSocket protocol violation (an oversized,
// unmasked or non-UTF-8 frame, reserved bits, a bad close code), a frame that is not a call, a client that
// resets mid-handshake or stops reading its replies: each closes that client's socket and nothing else.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CallFrame, SALE_REPLY_METHODS, SECRET_PROTOCOL_PREFIX, WS_PATH, type MethodName, type ServerFrame } from '../../preload/contract';
import type { RunningTill } from '../app';
import { errorData } from '../errors';
import { customerDisplayMayCall, customerDisplayMayHear } from '../ipc';
import { throttledLog, type HostLog } from './client-log';
import { serveStatic } from './static';

export type ClientRole = 'till' | 'customer';

export interface HostOptions {
  till: RunningTill;
  rendererDir: string;
  port?: number;
  secret?: string;
  /** Where clients that were cut off are reported; default: stderr, each kind once a minute at most. */
  log?: HostLog;
  /** Told each time a socket is accepted (the launcher removes its launch page once the till's page is in). */
  onClient?: (role: ClientRole) => void;
}

export interface RunningHost {
  url: string;
  /** The customer-facing display's address: its own secret, which opens only read-only methods. */
  customerDisplayUrl: string;
  origin: string;
  secret: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The largest WebSocket message the host reads; a longer one closes its socket with 1009. The largest
 * legitimate call frame is importUpdateFolder with a 260-character folder path made of characters JSON writes as
 * \uXXXX (6 bytes each), a 16-digit id and an 8-digit PIN: 1,673 bytes (test/host/frame-limit.test.ts builds the
 * largest frame of every method and holds it to a quarter of this). 8 KiB leaves the contract room to grow
 * while keeping what one client can make the host buffer and parse per message small.
 */
export const MAX_FRAME_BYTES = 8 * 1024;
/** How long a client that broke the protocol has to read our close frame before its connection is cut. */
export const CLOSE_GRACE_MS = 1_000;
/** A client that stops reading its replies is cut off once this much waits for it, before it costs memory. */
export const MAX_UNREAD_BYTES = 16 * 1024 * 1024;

export async function startHost({
  till,
  rendererDir,
  port = 0,
  secret = randomBytes(32).toString('hex'),
  log = throttledLog((line) => process.stderr.write(`[host] ${line}\n`)),
  onClient,
}: HostOptions): Promise<RunningHost> {
  // A second secret for the customer display: a page on the customer's screen must not be able to sell.
  const customerSecret = randomBytes(32).toString('hex');
  const roleOf = (offered: readonly string[]): ClientRole | null => {
    for (const p of offered) {
      if (!p.startsWith(SECRET_PROTOCOL_PREFIX)) continue;
      const value = p.slice(SECRET_PROTOCOL_PREFIX.length);
      if (sameSecret(value, secret)) return 'till';
      if (sameSecret(value, customerSecret)) return 'customer';
    }
    return null;
  };
  const server = http.createServer();
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => {
      for (const p of offered) if (roleOf([p])) return p;
      return false;
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, an 'error' can only be about accepting one connection: the server goes on listening,
  // where with no listener Node would end the process.
  server.on('error', (e) => log.warn(`the server could not take a connection: ${e.message}`));
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;
  const allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  const allowedOrigins = new Set([origin, `http://localhost:${actualPort}`]);

  server.on('request', (req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    serveStatic(rendererDir, origin, req, res);
  });

  server.on('upgrade', (req, socket, head) => {
    // Node hands the raw socket over without an error listener: a client that resets now (before or while we
    // refuse it) would otherwise raise an uncaught ECONNRESET. ws adds its own once it takes the socket.
    socket.on('error', () => socket.destroy());
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim());
    let pathname = '';
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      // An unparsable request line is simply not our socket.
    }
    const authorised =
      allowedHosts.has(req.headers.host ?? '') &&
      allowedOrigins.has(req.headers.origin ?? '') &&
      pathname === WS_PATH;
    const role = authorised ? roleOf(offered) : null;
    if (!role) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      serveClient(ws, till, role, log);
      onClient?.(role);
    });
  });

  return {
    url: `${origin}/#secret=${secret}`,
    customerDisplayUrl: `${origin}/#secret=${customerSecret}&view=customer`,
    origin,
    secret,
    port: actualPort,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameSecret(offered: string, secret: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Closes with `code` (our close frame goes out), then cuts the connection if the client does not finish the close. */
function dropClient(ws: WebSocket, code?: number, reason?: string): void {
  if (code !== undefined) ws.close(code, reason);
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
}

function serveClient(ws: WebSocket, till: RunningTill, role: ClientRole, log: HostLog): void {
  // ws reports a protocol violation here, after it has sent the close frame with its code (1002, 1007, 1009).
  // Without this listener the error would be an uncaught exception that ends the host for every client.
  ws.on('error', (e) => {
    log.warn(`closed a ${role} socket that broke the WebSocket protocol: ${e.message}`);
    dropClient(ws);
  });
  const send = (frame: ServerFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_UNREAD_BYTES) {
      log.warn(`cut off a ${role} socket that does not read what it is sent`);
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(frame));
  };
  // Events wait for the reply of the call that raised them (a turn of the event loop), so a scan's answer is
  // the first thing its page reads. A saleChanged whose sale went out as a reply to this client is not sent
  // again: the client raises it from the reply (preload/contract/sale-replies.ts).
  const queued: ServerFrame[] = [];
  const repliedSales = new WeakSet<object>();
  const flushEvents = () => {
    for (const frame of queued.splice(0)) {
      if (frame.kind === 'event' && frame.event === 'saleChanged' && isObject(frame.payload) && repliedSales.has(frame.payload)) continue;
      send(frame);
    }
  };
  const unsubscribe = till.subscribe((event, payload) => {
    if (role === 'customer' && !customerDisplayMayHear(event)) return;
    if (queued.push({ kind: 'event', event, payload }) === 1) setImmediate(flushEvents);
  });
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    // Nothing a call does may escape as an unhandled rejection: that too would end the process.
    answer(data, isBinary).catch((e: unknown) => {
      log.warn(`closed a ${role} socket whose reply could not be sent: ${e instanceof Error ? e.message : String(e)}`);
      dropClient(ws, 1011, 'internal error');
    });
  });

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    let frame: CallFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = CallFrame.parse(JSON.parse(String(data)));
    } catch {
      // A frame we cannot even read has no id to answer to; close rather than guess.
      log.warn(`closed a ${role} socket that sent a frame that is not a call`);
      dropClient(ws, 1003, 'malformed frame');
      return;
    }
    const result =
      role === 'customer' && !customerDisplayMayCall(frame.method)
        ? { ok: false as const, error: errorData('FORBIDDEN_SENDER') }
        : await till.dispatch(frame.method, frame.input).catch(() => ({ ok: false as const, error: errorData('INTERNAL') }));
    if (result.ok && SALE_REPLY_METHODS.has(frame.method as MethodName) && isObject(result.value)) repliedSales.add(result.value);
    send({ kind: 'reply', id: frame.id, result });
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
