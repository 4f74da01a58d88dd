// One HTTPS exchange with FATOORA, bounded in time and size, that never throws: an answer (any status, the body
// as text) or the reason there was none. A fresh connection per call (agent: false), as the STC Pay client does:
// a queue run sends a few dozen documents at most, and no pooled socket can go stale between runs. Redirects are
// not followed — clearance answers 303 when it is switched off, and that is an answer to classify.
import https from 'node:https';
import { redact } from '../../secrets';

export interface PlatformRequest {
  method: 'POST' | 'PATCH';
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export type TransportFailure =
  /** No complete answer within the time allowed (the request may have arrived: resend the identical payload). */
  | 'timeout'
  /** Refused, host or network unreachable: nothing was sent. */
  | 'unreachable'
  | 'dns'
  /** The server's certificate is not trusted (or not for this host). */
  | 'tls'
  /** The connection dropped before a complete answer. */
  | 'reset'
  /** The answer was larger than allowed. */
  | 'too_large';

export type RawAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string | undefined>; body: string }
  | { kind: 'failed'; reason: TransportFailure; detail: string };

export interface TransportLimits {
  timeoutMs: number;
  maxBodyBytes: number;
}

/** How requests travel: HTTPS by default; tests or another host may hand in their own. Must not throw. */
export type PlatformTransport = (request: PlatformRequest, limits: TransportLimits) => Promise<RawAnswer>;

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
/** OpenSSL's verification results and Node's host-name check. */
const TLS = /^(?:UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH|HOSTNAME_MISMATCH|ERR_TLS_CERT|ERR_SSL_)/;

/** Exported for tests: a socket error as a failure reason. */
export function classifyNetworkError(err: unknown): { reason: TransportFailure; detail: string } {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : '';
  const detail = redact(`${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(err)}`);
  if (DNS.has(code)) return { reason: 'dns', detail };
  if (UNREACHABLE.has(code)) return { reason: 'unreachable', detail };
  if (TLS.test(code)) return { reason: 'tls', detail };
  if (RESET.has(code) || /socket hang up/i.test(detail)) return { reason: 'reset', detail };
  return { reason: 'unreachable', detail };
}

export interface HttpsTransportOptions {
  /** Trust anchors (PEM) that REPLACE the public roots: the simulator's CA. Absent: Node's public roots. */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
}

export function httpsTransport(options: HttpsTransportOptions = {}): PlatformTransport {
  const ca = options.ca === undefined ? undefined : (Array.isArray(options.ca) ? options.ca : [options.ca]).map((c) => Buffer.from(c));
  return (request, limits) =>
    new Promise<RawAnswer>((resolve) => {
      let settled = false;
      let req: ReturnType<typeof https.request> | undefined;
      const finish = (answer: RawAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req?.destroy();
        resolve(answer);
      };
      const timer = setTimeout(() => finish({ kind: 'failed', reason: 'timeout', detail: `no complete answer within ${limits.timeoutMs} ms` }), limits.timeoutMs);
      const { url } = request;
      try {
        req = https.request({
          protocol: 'https:',
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port ? Number(url.port) : 443,
          path: `${url.pathname}${url.search}`,
          method: request.method,
          agent: false,
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
          ...(ca ? { ca } : {}),
          headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
        });
      } catch (err) {
        // A header Node refuses (never one this client builds): nothing was sent.
        finish({ kind: 'failed', reason: 'unreachable', detail: `not sent: ${classifyNetworkError(err).detail}` });
        return;
      }
      req.on('error', (err) => finish({ kind: 'failed', ...classifyNetworkError(err) }));
      req.on('response', (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
          finish({ kind: 'failed', reason: 'too_large', detail: `HTTP ${res.statusCode}: an answer of ${declared} bytes (at most ${limits.maxBodyBytes} read)` });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBodyBytes) finish({ kind: 'failed', reason: 'too_large', detail: `HTTP ${res.statusCode}: the answer passed ${limits.maxBodyBytes} bytes` });
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const headers: Record<string, string | undefined> = {};
          for (const [name, value] of Object.entries(res.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          finish({ kind: 'answer', status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('aborted', () => finish({ kind: 'failed', reason: 'reset', detail: `HTTP ${res.statusCode}: the answer was cut off` }));
        res.on('error', (err) => finish({ kind: 'failed', ...classifyNetworkError(err) }));
      });
      req.end(request.body);
    });
}
