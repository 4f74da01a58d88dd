// The browser host: the same RunningTill the Electron shell uses, carried over a loopback WebSocket
// instead of Electron IPC. It listens on 127.0.0.1 only; the socket accepts a client only when it offers the
// per-launch secret as its subprotocol, comes from this server's own origin, and addresses it by its own
// host name (which stops DNS-rebinding pages). Calls still go through the same dispatcher and schemas.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CallFrame, SECRET_PROTOCOL_PREFIX, WS_PATH, type ServerFrame } from '../../preload/contract';
import type { RunningTill } from '../app';
import { errorData } from '../errors';
import { customerDisplayMayCall, customerDisplayMayHear } from '../ipc';
import { serveStatic } from './static';

export interface HostOptions {
  till: RunningTill;
  rendererDir: string;
  port?: number;
  secret?: string;
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

const MAX_FRAME_BYTES = 64 * 1024;

export async function startHost({ till, rendererDir, port = 0, secret = randomBytes(32).toString('hex') }: HostOptions): Promise<RunningHost> {
  // A second secret for the customer display: a page on the customer's screen must not be able to sell.
  const customerSecret = randomBytes(32).toString('hex');
  const roleOf = (offered: readonly string[]): 'till' | 'customer' | null => {
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
    server.listen(port, '127.0.0.1', () => resolve());
  });
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
    sockets.handleUpgrade(req, socket, head, (ws) => serveClient(ws, till, role));
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

function serveClient(ws: WebSocket, till: RunningTill, role: 'till' | 'customer'): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = till.subscribe((event, payload) => {
    if (role === 'customer' && !customerDisplayMayHear(event)) return;
    send({ kind: 'event', event, payload });
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data, isBinary) => {
    let frame: CallFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = CallFrame.parse(JSON.parse(String(data)));
    } catch {
      // A frame we cannot even read has no id to answer to; close rather than guess.
      ws.close(1003, 'malformed frame');
      return;
    }
    const result =
      role === 'customer' && !customerDisplayMayCall(frame.method)
        ? { ok: false as const, error: errorData('FORBIDDEN_SENDER') }
        : await till.dispatch(frame.method, frame.input).catch(() => ({ ok: false as const, error: errorData('INTERNAL') }));
    send({ kind: 'reply', id: frame.id, result });
  });
}
