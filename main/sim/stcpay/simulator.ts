// A simulated STC Pay DirectPayment V4 service over real mutual TLS on 127.0.0.1, for tests, training and
// development. Its own CA and certificates (pki.ts); it asks every client for a certificate and accepts only
// ones from its client CA (requestCert + rejectUnauthorized), checks X-ClientCode, and keeps its own ledger
// (ledger.ts) so tests can check that the till and "STC Pay" agree — including how many Authorize requests
// arrived per RefNum. Scripted behaviours (types.ts) make the next matching request slow, late, lost, etc.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { quoteAmounts } from '../../payments/stcpay';
import { createLedgerLogic, emptyLedger, ERROR, type Answer } from './ledger';
import { generateSimulatorPki, type SimulatorPki } from './pki';
import type { SimBehaviour, SimCall, SimEvent, SimLedger, SimPayment } from './types';
import { errorBody } from './wire-out';

export const SIM_BASE_PATH = '/B2B.DirectPayment.WebApi/DirectPayment/V4/';
export const DEFAULT_CLIENT_CODE = '61200000001';

const CALLS: Record<SimCall, string> = {
  DirectPaymentAuthorize: 'DirectPaymentAuthorizeV4RequestMessage',
  DirectPaymentConfirm: 'DirectPaymentConfirmV4RequestMessage',
  PaymentInquiry: 'PaymentInquiryV4RequestMessage',
  RefundPayment: 'RefundPaymentRequestMessage',
};

export interface StcPaySimulatorOptions {
  /** Certificates to use; default: a fresh set in a temp folder (removed on close). */
  pki?: SimulatorPki;
  clientCode?: string;
  /** ExpiryDuration sent with every authorization, and when pending payments expire. Default 300. */
  otpExpirySeconds?: number;
  /** How long OTP 333333's (paid) answer is held back. Default 120 000 ms. */
  timeoutOtpDelayMs?: number;
  /** Highest TLS version offered (tests of TLS 1.2 behaviour). Default TLS 1.3. */
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Write the ledger as JSON here after every change. */
  recordFile?: string;
  now?: () => Date;
}

export interface StcPaySimulator {
  readonly pki: SimulatorPki;
  readonly clientCode: string;
  listen(port?: number, host?: string): Promise<{ host: string; port: number; baseUrl: string }>;
  script(...behaviours: SimBehaviour[]): void;
  clearScript(): void;
  pendingScript(): readonly SimBehaviour[];
  /** A copy of the ledger. */
  ledger(): SimLedger;
  payment(refNum: string): SimPayment | undefined;
  authorizeRequests(refNum: string): number;
  subscribe(listener: (event: SimEvent) => void): () => void;
  close(): Promise<void>;
}

const ACTIONS = new Set(['slow', 'late', 'hang', 'reset', 'duplicate', 'status', 'malformed', 'error']);

/** Scripts also arrive as JSON from the CLI: refuse a behaviour that would silently do nothing. */
function checkBehaviour(b: SimBehaviour): void {
  if (!b || typeof b !== 'object' || !ACTIONS.has(b.action)) throw new Error(`unknown behaviour ${JSON.stringify(b)}`);
  if (b.call !== undefined && !(b.call in CALLS)) throw new Error(`unknown call ${String(b.call)}`);
  if ((b.action === 'slow' || b.action === 'late') && !(Number.isInteger(b.delayMs) && b.delayMs >= 0)) throw new Error(`${b.action} needs delayMs`);
  if (b.action === 'error' && (typeof b.code !== 'string' || typeof b.text !== 'string')) throw new Error('error needs code and text');
}

export async function createStcPaySimulator(options: StcPaySimulatorOptions = {}): Promise<StcPaySimulator> {
  const pki = options.pki ?? (await generateSimulatorPki());
  const ownPki = !options.pki;
  const clientCode = options.clientCode ?? DEFAULT_CLIENT_CODE;
  const now = options.now ?? (() => new Date());
  const ledger = emptyLedger();
  const listeners = new Set<(event: SimEvent) => void>();
  const emit = (event: SimEvent) => {
    for (const l of listeners) l(event);
  };
  const save = () => {
    if (!options.recordFile) return;
    const tmp = `${options.recordFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(ledger, null, 1));
    fs.renameSync(tmp, options.recordFile);
  };
  const logic = createLedgerLogic(ledger, {
    otpExpirySeconds: options.otpExpirySeconds ?? 300,
    timeoutOtpDelayMs: options.timeoutOtpDelayMs ?? 120_000,
    now,
    onChange: (payment) => {
      save();
      emit({ event: 'transaction', payment: structuredClone(payment) });
    },
  });
  const queue: SimBehaviour[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const apply = (call: SimCall, fields: Record<string, unknown>): Answer => {
    switch (call) {
      case 'DirectPaymentAuthorize':
        return logic.authorize(fields);
      case 'DirectPaymentConfirm':
        return logic.confirm(fields);
      case 'PaymentInquiry':
        return logic.inquire(fields);
      case 'RefundPayment':
        return logic.refund(fields);
    }
  };

  const send = (res: ServerResponse, answer: Answer, contentType = 'application/json; charset=utf-8') => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(answer.status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  };

  const handle = (call: SimCall, fields: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => {
    if (call === 'DirectPaymentAuthorize') logic.countAuthorize(fields);
    const i = queue.findIndex((b) => !b.call || b.call === call);
    const behaviour = i >= 0 ? queue.splice(i, 1)[0]! : null;
    const refNum = typeof fields.RefNum === 'string' ? fields.RefNum : null;
    emit({ event: 'request', call, refNum, behaviour: behaviour?.action ?? null });
    const normal = () => {
      const answer = apply(call, fields);
      if (answer.delayMs) later(answer.delayMs, () => send(res, answer));
      else send(res, answer);
    };
    if (!behaviour) return normal();
    switch (behaviour.action) {
      case 'slow':
        return later(behaviour.delayMs, normal);
      case 'late': {
        const answer = apply(call, fields);
        return later(behaviour.delayMs, () => send(res, answer));
      }
      case 'hang':
        return; // the socket stays open until the till gives up or the simulator closes
      case 'reset':
        if (behaviour.process !== false) apply(call, fields);
        req.socket.destroy();
        return;
      case 'duplicate':
        return send(res, { status: 400, body: errorBody(...ERROR.duplicate) });
      case 'status':
        if (behaviour.process) apply(call, fields);
        return send(res, { status: behaviour.status ?? 503, body: behaviour.body ?? '<html><body>503 Service Unavailable</body></html>' }, behaviour.body ? 'application/json' : 'text/html');
      case 'malformed': {
        if (behaviour.process !== false) apply(call, fields);
        return send(res, { status: 200, body: '{"DirectPaymentConfirmV4ResponseMessage":{"RefNum":"' });
      }
      case 'error':
        return send(res, { status: behaviour.httpStatus ?? 400, body: errorBody(behaviour.code, behaviour.text) });
    }
  };

  const server = https.createServer(
    {
      key: fs.readFileSync(pki.serverKeyFile),
      cert: fs.readFileSync(pki.serverCertFile),
      ca: fs.readFileSync(pki.clientCaFile),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      maxVersion: options.tlsMaxVersion ?? 'TLSv1.3',
    },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'https://sim');
      const call = url.pathname.startsWith(SIM_BASE_PATH) ? (url.pathname.slice(SIM_BASE_PATH.length) as SimCall) : undefined;
      if (!call || !(call in CALLS)) {
        emit({ event: 'request', call: 'unknown', refNum: null, behaviour: null });
        return send(res, { status: 404, body: errorBody(ERROR.invalidRequest[0], `Unknown call ${url.pathname}`) });
      }
      if (req.method !== 'POST') return send(res, { status: 405, body: errorBody(ERROR.invalidRequest[0], 'POST only') });
      if (req.headers['x-clientcode'] !== clientCode) return send(res, { status: 401, body: errorBody(...ERROR.clientCode) });
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 64 * 1024) req.socket.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let fields: Record<string, unknown> | undefined;
        try {
          const body = JSON.parse(quoteAmounts(Buffer.concat(chunks).toString('utf8'))) as Record<string, unknown>;
          const inner = body?.[CALLS[call]];
          if (inner && typeof inner === 'object' && !Array.isArray(inner)) fields = inner as Record<string, unknown>;
        } catch {
          fields = undefined;
        }
        if (!fields) return send(res, { status: 400, body: errorBody(ERROR.invalidRequest[0], `expected {"${CALLS[call]}": {…}}`) });
        handle(call, fields, req, res);
      });
    },
  );
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A handshake the simulator refuses (wrong client certificate) is the point of some tests, not an error.
  server.on('tlsClientError', () => {});

  return {
    pki,
    clientCode,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const p = typeof address === 'object' && address ? address.port : port;
          resolve({ host, port: p, baseUrl: `https://${host}:${p}${SIM_BASE_PATH}` });
        });
      }),
    script: (...behaviours) => {
      for (const b of behaviours) checkBehaviour(b);
      queue.push(...behaviours);
    },
    clearScript: () => {
      queue.length = 0;
    },
    pendingScript: () => [...queue],
    ledger: () => structuredClone(ledger),
    payment: (refNum) => {
      const p = ledger.payments.find((x) => x.refNum === refNum);
      return p ? structuredClone(p) : undefined;
    },
    authorizeRequests: (refNum) => ledger.authorizeRequests[refNum] ?? 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownPki) pki.remove();
    },
  };
}
