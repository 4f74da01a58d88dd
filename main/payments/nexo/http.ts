// One HTTPS POST, with a precise answer to "could the request have reached the other side?".
//
// The TLS connection is opened and VERIFIED first (tls.connect, 'secureConnect'), and only then is an HTTP
// request written on it. So every failure before that point — DNS, connection refused, connect timeout, an
// untrusted / expired / wrong-name certificate, cancel — provably sent nothing (`not-sent`), while every failure
// after it — timeout, reset, cancel while waiting, a body we cannot read — may have lost a request the other side
// took (`lost`). Certificates are always verified: against the configured CA only when one is given (the
// simulator's own CA, a terminal vendor's root), else the system roots. There is no switch to turn it off.
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { NotSentCause } from './codes';

export interface HttpsEndpoint {
  /** https://host[:port] — the path comes with each request. */
  origin: URL;
  ca?: Buffer;
  /** Certificate identity to check instead of the URL host (e.g. a LAN terminal's certificate name). */
  serverName?: string;
}

export interface PostOptions {
  path: string;
  body: string;
  headers?: Record<string, string>;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  signal?: AbortSignal;
  /** Called once the whole request has been written (flushed) to the verified connection. */
  onWritten?: () => void;
}

export type PostResult =
  | { kind: 'answer'; status: number; body: string }
  | { kind: 'not-sent'; cause: NotSentCause; detail: string }
  | { kind: 'lost'; why: 'timeout' | 'disconnected' | 'cancelled'; detail: string };

const MAX_BODY = 1024 * 1024;

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME|ALTNAME/i;

function classifyConnectError(err: NodeJS.ErrnoException): { cause: NotSentCause; detail: string } {
  const code = err.code ?? '';
  const detail = `${code ? `${code}: ` : ''}${err.message}`;
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'].includes(code)) return { cause: 'dns', detail };
  if (code === 'ECONNREFUSED') return { cause: 'refused', detail };
  if (TLS_CODES.test(code) || TLS_CODES.test(err.message)) return { cause: 'tls', detail };
  return { cause: 'network', detail };
}

/** A verified TLS connection, or why there is none (nothing was written on it). */
function connect(endpoint: HttpsEndpoint, timeoutMs: number, signal?: AbortSignal): Promise<{ socket: tls.TLSSocket } | { cause: NotSentCause; detail: string }> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ cause: 'cancelled', detail: 'cancelled before connecting' });
    const host = endpoint.origin.hostname.replace(/^\[|\]$/g, '');
    const port = Number(endpoint.origin.port || 443);
    const servername = endpoint.serverName ?? (net.isIP(host) ? undefined : host);
    let settled = false;
    const socket = tls.connect({
      host,
      port,
      servername,
      ca: endpoint.ca,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1'],
      // With a serverName the certificate must carry that name; else Node checks the URL host (name or IP SAN).
      ...(endpoint.serverName ? { checkServerIdentity: (_h: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(endpoint.serverName!, cert) } : {}),
    });
    const finish = (value: { socket: tls.TLSSocket } | { cause: NotSentCause; detail: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      if (!('socket' in value)) socket.destroy();
      resolve(value);
    };
    const onError = (err: NodeJS.ErrnoException) => finish(classifyConnectError(err));
    const onAbort = () => finish({ cause: 'cancelled', detail: 'cancelled while connecting' });
    const timer = setTimeout(() => finish({ cause: 'connect-timeout', detail: `no verified connection within ${timeoutMs} ms` }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      // rejectUnauthorized already refused an unverified peer; this is belt and braces.
      if (!socket.authorized) return finish({ cause: 'tls', detail: `certificate not trusted: ${String(socket.authorizationError)}` });
      finish({ socket });
    });
  });
}

export async function postJson(endpoint: HttpsEndpoint, options: PostOptions): Promise<PostResult> {
  const connected = await connect(endpoint, options.connectTimeoutMs, options.signal);
  if (!('socket' in connected)) return { kind: 'not-sent', ...connected };
  const socket = connected.socket;
  // The HTTP client reports socket errors on the request; this keeps a late one from being unhandled.
  socket.on('error', () => {});
  if (options.signal?.aborted) {
    socket.destroy();
    return { kind: 'not-sent', cause: 'cancelled', detail: 'cancelled before sending' };
  }
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const body = Buffer.from(options.body, 'utf8');
    const request = http.request({
      method: 'POST',
      host: endpoint.origin.hostname,
      path: options.path,
      headers: {
        host: endpoint.origin.host,
        'content-type': 'application/json',
        'content-length': String(body.length),
        connection: 'close',
        ...options.headers,
      },
      createConnection: () => socket,
    });
    const onAbort = () => finish({ kind: 'lost', why: 'cancelled', detail: 'stopped waiting for the answer (cancelled)' });
    const timer = setTimeout(() => finish({ kind: 'lost', why: 'timeout', detail: `no answer within ${options.responseTimeoutMs} ms` }), options.responseTimeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (err) => finish({ kind: 'lost', why: 'disconnected', detail: `connection lost: ${err.message}` }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) finish({ kind: 'lost', why: 'disconnected', detail: 'answer too large' });
        else chunks.push(chunk);
      });
      response.on('end', () => finish({ kind: 'answer', status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', (err) => finish({ kind: 'lost', why: 'disconnected', detail: `answer cut off: ${err.message}` }));
      response.on('aborted', () => finish({ kind: 'lost', why: 'disconnected', detail: 'answer cut off' }));
    });
    // Reported once the request has left the process (flushed to the socket), not when it was only queued.
    request.end(body, () => {
      try {
        options.onWritten?.();
      } catch {
        // progress display only
      }
    });
  });
}
