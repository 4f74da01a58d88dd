// One POST to STC Pay over mutual TLS, with the one fact money safety needs: could the request have reached
// the server? A fresh connection per call (agent: false: no session reuse, so the pin is checked every time).
// The request (headers and body) is only written once the server has accepted this till, so:
//   - DNS failure, refused connection, untrusted server certificate, pin mismatch, connect timeout, a cancel
//     before the request was written → `not_sent` (provably never reached STC Pay's application).
//   - The server refusing OUR certificate: in TLS 1.2 it does so inside the handshake (an alert before
//     'secureConnect'). In TLS 1.3 our side finishes first and the server judges our certificate afterwards,
//     then either sends its session tickets (accepted) or an alert / a reset (refused; Node's own servers
//     reset without an alert). So in TLS 1.3 the request waits for the server's first session ticket — or
//     `acceptWaitMs` for servers that send none — and a refusal in that window is `not_sent` too.
//   - Anything after the request was written — a timeout, a reset, a cancel, a half answer → `lost` (may have
//     been received and acted on: the caller must inquire, never resend).
import https from 'node:https';
import type tls from 'node:tls';
import { redact } from '../../secrets';
import { PIN_MISMATCH_CODE } from './tls';

export type NotSentReason =
  | 'dns'
  | 'unreachable'
  | 'server_certificate_untrusted'
  | 'pin_mismatch'
  | 'client_certificate_rejected'
  | 'cancelled_by_cashier';

/** What the connection showed besides the answer: for the health page (certificate expiry, the clock's skew). */
export interface ConnectionFacts {
  /** This till's client certificate's notAfter, as OpenSSL prints it ("Dec  4 12:00:00 2027 GMT"). */
  ownCertificateValidTo: string | null;
  serverCertificateValidTo: string | null;
  /** The server's HTTP Date header. */
  serverDate: string | null;
}

export type CallResult =
  | { kind: 'answer'; status: number; body: string; truncated: boolean; connection: ConnectionFacts }
  | { kind: 'not_sent'; reason: NotSentReason; detail: string }
  | { kind: 'lost'; reason: 'timeout' | 'disconnected' | 'abandoned'; detail: string };

export interface PostOptions {
  url: URL;
  body: string;
  headers: Record<string, string>;
  secureContext: tls.SecureContext;
  checkServerIdentity: (host: string, cert: tls.PeerCertificate) => Error | undefined;
  /** Until the TLS handshake is done. */
  connectTimeoutMs: number;
  /** The whole call, handshake included. */
  timeoutMs: number;
  signal?: AbortSignal;
  maxBodyBytes?: number;
  /** TLS 1.3: how long to wait for the server's session ticket (its acceptance of our certificate). */
  acceptWaitMs?: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const CERT_ALERT = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_(?:BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_REVOKED|CERTIFICATE_EXPIRED|ACCESS_DENIED|DECRYPT_ERROR|HANDSHAKE_FAILURE)$/;
/** OpenSSL's X509 verification results and Node's own host-name error: the server's certificate is not trusted. */
const SERVER_CERT = /^(?:UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID|ERR_TLS_CERT|ERR_SSL_CERTIFICATE_VERIFY_FAILED)/;

function describe(err: unknown): { code: string; detail: string } {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : '';
  return { code, detail: redact(`${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(err)}`) };
}

/**
 * Exported for tests: which failures are provably `not_sent`. `written`: the request went out; `handshakeDone`:
 * our side finished the TLS handshake (a failure between the two is the server refusing our certificate).
 */
export function classify(err: unknown, handshakeDone: boolean, written = handshakeDone): CallResult {
  const { code, detail } = describe(err);
  if (CERT_ALERT.test(code)) return { kind: 'not_sent', reason: 'client_certificate_rejected', detail };
  if (handshakeDone && !written) return { kind: 'not_sent', reason: 'client_certificate_rejected', detail };
  if (handshakeDone) {
    // With TLS 1.3 our side finishes the handshake first; a server that then refuses our certificate without an
    // alert (Node's own servers do this) looks exactly like one that crashed on our request. Say both.
    const hint = code === 'ECONNRESET' ? ' (closed before any answer: STC Pay refused this till’s certificate, or failed on the request)' : '';
    return { kind: 'lost', reason: 'disconnected', detail: `${detail}${hint}` };
  }
  if (code === PIN_MISMATCH_CODE) return { kind: 'not_sent', reason: 'pin_mismatch', detail };
  if (DNS_CODES.has(code)) return { kind: 'not_sent', reason: 'dns', detail };
  if (SERVER_CERT.test(code)) return { kind: 'not_sent', reason: 'server_certificate_untrusted', detail };
  return { kind: 'not_sent', reason: 'unreachable', detail };
}

const validTo = (cert: tls.PeerCertificate | object | null | undefined): string | null =>
  cert && 'valid_to' in cert && typeof cert.valid_to === 'string' ? cert.valid_to : null;

export function postJson(options: PostOptions): Promise<CallResult> {
  const maxBody = options.maxBodyBytes ?? 1 << 20;
  return new Promise<CallResult>((resolve) => {
    let handshakeDone = false;
    let written = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (result: CallResult) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      options.signal?.removeEventListener('abort', onAbort);
      // `req` is made synchronously below, before any callback that calls finish() can run.
      req.destroy();
      resolve(result);
    };
    const onAbort = () =>
      finish(
        written
          ? { kind: 'lost', reason: 'abandoned', detail: 'cancelled after the request was sent' }
          : { kind: 'not_sent', reason: 'cancelled_by_cashier', detail: 'cancelled before the connection was made' },
      );
    if (options.signal?.aborted) {
      resolve({ kind: 'not_sent', reason: 'cancelled_by_cashier', detail: 'cancelled before the connection was made' });
      return;
    }

    const url = options.url;
    // https hands these options to tls.connect; its typings just do not list secureContext.
    const requestOptions: https.RequestOptions & Pick<tls.ConnectionOptions, 'secureContext'> = {
      protocol: 'https:',
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : 443,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      agent: false,
      secureContext: options.secureContext,
      checkServerIdentity: options.checkServerIdentity,
      rejectUnauthorized: true,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Accept: 'application/json',
        'Content-Length': String(Buffer.byteLength(options.body)),
        ...options.headers,
      },
    };
    const req = https.request(requestOptions);
    const write = () => {
      if (settled || written) return;
      written = true;
      req.end(options.body);
    };
    req.on('socket', (socket) => {
      let ticket = false;
      socket.once('session', () => {
        ticket = true;
        // Not from inside the TLS read that delivered the ticket: a write there is never flushed.
        if (handshakeDone) setImmediate(write);
      });
      socket.once('secureConnect', () => {
        handshakeDone = true;
        if (ticket || (socket as tls.TLSSocket).getProtocol() !== 'TLSv1.3') write();
        else timers.push(setTimeout(write, options.acceptWaitMs ?? 500));
      });
    });
    req.on('error', (err) => finish(classify(err, handshakeDone, written)));
    req.on('response', (res) => {
      const socket = res.socket as tls.TLSSocket;
      const connection: ConnectionFacts = {
        ownCertificateValidTo: validTo(socket.getCertificate?.()),
        serverCertificateValidTo: validTo(socket.getPeerCertificate?.()),
        serverDate: typeof res.headers.date === 'string' ? res.headers.date : null,
      };
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) truncated = true;
        else chunks.push(chunk);
      });
      res.on('end', () => finish({ kind: 'answer', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), truncated, connection }));
      res.on('aborted', () => finish({ kind: 'lost', reason: 'disconnected', detail: 'the answer was cut off' }));
      res.on('error', (err) => finish({ kind: 'lost', reason: 'disconnected', detail: describe(err).detail }));
    });

    timers.push(
      setTimeout(() => {
        if (!handshakeDone) finish({ kind: 'not_sent', reason: 'unreachable', detail: `no TLS connection within ${options.connectTimeoutMs} ms` });
      }, options.connectTimeoutMs),
      setTimeout(
        () =>
          finish(
            written
              ? { kind: 'lost', reason: 'timeout', detail: `no answer within ${options.timeoutMs} ms` }
              : { kind: 'not_sent', reason: 'unreachable', detail: `no TLS connection within ${options.timeoutMs} ms` },
          ),
        options.timeoutMs,
      ),
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
