// A nexo / Terminal API provider on 127.0.0.1 over real HTTPS with its own CA (certs.ts): the cloud endpoints
// /sync and /async (+ event notifications POSTed to the till's listener) and a LAN terminal's /nexo/ endpoint
// carrying SaleToPOISecuredMessages. It processes Payment, Reversal (reversal and referenced refund),
// TransactionStatus, Abort, Reconciliation and Diagnosis, follows scripted behaviours (types.ts) for the next
// requests, and keeps its own ledger for agreement checks (ledger.ts).
//
// Conventions where the real provider's behaviour is not public [simulator conventions]:
// - a reused SaleID/ServiceID pair on a financial request is rejected with EventNotification "Reject",
//   "message=Duplicate ServiceID" and changes nothing;
// - an unknown POIID or an unreadable request is rejected the same way; a request without a valid X-API-Key
//   (when one is configured) gets HTTP 401;
// - a Reversal naming no approved original answers Failure / NotAllowed;
// - Abort answers 200 with an empty body (as Adyen does) and ends a payment in progress as Failure / Aborted;
// - on /nexo/, a message not secured with the simulator's key gets an unsecured Reject.
import { randomInt } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { halalasToSar, sarToHalalas } from '../../payments/nexo';
import { decryptMessage, encryptMessage, type NexoSecurityKey } from '../../payments/nexo';
import { obj, parseJson, path as at, str, type JsonObject } from '../../payments/nexo';
import type { MessageHeader, PaymentResponse, ReversalResponse, TerminalApiResponse, TransactionTotals } from '../../payments/nexo';
import { generateCertificates, type CertificateOptions } from './certs';
import { byPoiTransactionId, byServiceId, byTransactionId, loadLedger, saveLedger, summary } from './ledger';
import { diagnosisResponse, paymentResponse, reconciliationResponse, rejectEvent, responseHeader, reversalResponse, statusFailure, statusFound, wrap } from './responses';
import type { NexoBehaviour, SimCategory, SimEvent, SimLedger, SimTransaction } from './types';

export interface NotificationTarget {
  url: string;
  username: string;
  password: string;
}

export interface NexoSimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  poiId?: string;
  /** When set, /sync and /async require this X-API-Key. */
  apiKey?: string;
  /** The terminal's shared key for /nexo/ (default: KeyIdentifier "NUQTA-SIM", version 1, passphrase "nuqta-sim-passphrase"). */
  key?: NexoSecurityKey;
  certificates?: CertificateOptions;
  recordFile?: string;
  notificationTarget?: NotificationTarget | null;
  now?: () => Date;
}

export interface NexoSimulator {
  readonly port: number;
  /** Cloud base URL (append nothing: the till adds /sync and /async). */
  readonly baseUrl: string;
  /** The LAN terminal endpoint. */
  readonly localUrl: string;
  readonly caPem: Buffer;
  readonly caFile: string;
  readonly poiId: string;
  readonly key: NexoSecurityKey;
  script(...behaviours: NexoBehaviour[]): void;
  pendingScript(): NexoBehaviour[];
  clearScript(): void;
  readonly ledger: SimLedger;
  /** The latest transaction the till referenced with this SaleTransactionID. */
  find(transactionId: string): SimTransaction | undefined;
  /** How many Payment requests arrived for this SaleTransactionID. */
  paymentRequests(transactionId: string): number;
  setNotificationTarget(target: NotificationTarget | null): void;
  subscribe(listener: (event: SimEvent) => void): () => void;
  close(): Promise<void>;
}

export const DEFAULT_SIM_KEY: NexoSecurityKey = { keyIdentifier: 'NUQTA-SIM', keyVersion: 1, passphrase: 'nuqta-sim-passphrase' };

type Reply =
  | { kind: 'json'; body: TerminalApiResponse }
  | { kind: 'raw'; status: number; text: string }
  | { kind: 'never' };

const FINANCIAL: SimCategory[] = ['Payment', 'Reversal'];
const NEVER: Promise<never> = new Promise<never>(() => {});
const MAX_BODY = 1024 * 1024;

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

export async function startNexoSimulator(options: NexoSimulatorOptions = {}): Promise<NexoSimulator> {
  const now = options.now ?? (() => new Date());
  const poiId = options.poiId ?? 'NUQTA-SIM-POI-1';
  const key = options.key ?? DEFAULT_SIM_KEY;
  const ledger = loadLedger(options.recordFile);
  const scripted: NexoBehaviour[] = [];
  const listeners = new Set<(event: SimEvent) => void>();
  let target: NotificationTarget | null = options.notificationTarget ?? null;
  /** Payments in progress that an Abort may end: SaleID/ServiceID → finish now as aborted. */
  const abortable = new Map<string, () => void>();
  const timers = new Set<NodeJS.Timeout>();
  const certs = generateCertificates(options.certificates);

  const emit = (event: SimEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch {
        // a listener's problem is not the provider's
      }
    }
  };
  const persist = () => saveLedger(options.recordFile, ledger);
  const record = (tx: SimTransaction) => {
    persist();
    emit({ event: 'transaction', transaction: summary(tx) });
  };

  function take(category: SimCategory): NexoBehaviour {
    const i = scripted.findIndex((b) => (b.categories ?? FINANCIAL).includes(category));
    return i >= 0 ? scripted.splice(i, 1)[0]! : {};
  }

  function later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  }

  /** The answer as the behaviour says: the normal one, none, an HTTP error, broken JSON or an empty body. */
  function deliver(normal: Reply, behaviour: NexoBehaviour): Reply {
    switch (behaviour.answer ?? 'normal') {
      case 'never':
        return { kind: 'never' };
      case 'http-error':
        return { kind: 'raw', status: behaviour.httpStatus ?? 500, text: 'simulated provider error' };
      case 'malformed':
        return { kind: 'raw', status: 200, text: '{"SaleToPOIResponse": {"MessageHeader": {"MessageCategory": "Pay' };
      case 'empty':
        return { kind: 'raw', status: 200, text: '' };
      default:
        return normal;
    }
  }
  const json = (body: TerminalApiResponse): Reply => ({ kind: 'json', body });

  // ---- financial requests ----------------------------------------------------------------------------------

  interface Started {
    /** Answer at once (rejections, Busy), without waiting for processing. */
    immediate?: Reply;
    /** The processed result (never settles for a dropped request). */
    done: Promise<TerminalApiResponse>;
    behaviour: NexoBehaviour;
  }

  function makeTransaction(header: MessageHeader, category: 'Payment' | 'Reversal', kind: SimTransaction['kind'], transactionId: string, amountHalalas: number, brand: string): SimTransaction {
    ledger.counter += 1;
    const stamp = now().toISOString();
    return {
      transactionId,
      saleId: header.SaleID,
      serviceId: header.ServiceID,
      category,
      kind,
      amountHalalas,
      status: 'in_progress',
      // Shaped like Adyen's "tenderReference.pspReference": the 16-digit part passes Luhn one time in ten, which
      // is exactly what the till's full-PAN defence must not mangle.
      poiTransactionId: `T${ledger.counter.toString(36).toUpperCase()}${digits(4)}.${digits(16)}`,
      poiTimeStamp: stamp,
      brand,
      approvalCode: digits(6),
      acquirerTransactionId: digits(12),
      refundedHalalas: 0,
      settled: false,
      inProgressPolls: 0,
    };
  }

  /** Applies a processed Reversal to its original; false when it may not be applied. */
  function applyReversal(tx: SimTransaction, original: SimTransaction | undefined): boolean {
    if (!original || original.status !== 'approved' || original.kind !== 'purchase') return false;
    if (tx.kind === 'reversal') {
      original.status = 'reversed';
      return true;
    }
    const left = original.amountHalalas - original.refundedHalalas;
    if (tx.amountHalalas <= 0 || tx.amountHalalas > left) return false;
    original.refundedHalalas += tx.amountHalalas;
    return true;
  }

  function startFinancial(header: MessageHeader, category: 'Payment' | 'Reversal', body: JsonObject): Started {
    const behaviour = take(category);
    const transactionId = str(at(body, 'SaleData', 'SaleTransactionID')?.TransactionID) ?? '';
    if (category === 'Payment') ledger.paymentRequests[transactionId] = (ledger.paymentRequests[transactionId] ?? 0) + 1;
    const pair = `${header.SaleID}/${header.ServiceID}`;
    const reject = (message: string): Started => ({ immediate: json(rejectEvent(header, message, now())), done: NEVER, behaviour });
    if (ledger.serviceIds.includes(pair)) {
      persist();
      return reject('Duplicate ServiceID');
    }
    ledger.serviceIds.push(pair);
    persist();
    if (behaviour.outcome === 'duplicate-service-id') return reject('Duplicate ServiceID');
    if (behaviour.outcome === 'drop') return { done: NEVER, behaviour };

    const respond = (message: PaymentResponse | ReversalResponse): TerminalApiResponse =>
      wrap(
        category === 'Payment'
          ? { MessageHeader: responseHeader(header, 'Payment'), PaymentResponse: message as PaymentResponse }
          : { MessageHeader: responseHeader(header, 'Reversal'), ReversalResponse: message as ReversalResponse },
      );

    // What was asked: the amount (null when unreadable: answered Failure / MessageFormat) and, for a Reversal,
    // the original it names.
    let requested: number | null;
    let original: SimTransaction | undefined;
    if (category === 'Payment') {
      const amounts = at(body, 'PaymentTransaction', 'AmountsReq');
      requested = str(amounts?.Currency) === 'SAR' ? sarToHalalas(amounts?.RequestedAmount) : null;
    } else {
      original = byPoiTransactionId(ledger, str(at(body, 'OriginalPOITransaction', 'POITransactionID')?.TransactionID) ?? '');
      requested = body.ReversedAmount === undefined ? (original?.amountHalalas ?? 0) : sarToHalalas(body.ReversedAmount);
    }
    if (requested !== null && requested <= 0 && category === 'Payment') requested = null;
    const kind: SimTransaction['kind'] = category === 'Payment' ? 'purchase' : body.ReversedAmount === undefined ? 'reversal' : 'refund';
    const tx = makeTransaction(header, category, kind, transactionId, requested ?? 0, behaviour.brand ?? original?.brand ?? 'mada');
    if (original) tx.original = original.poiTransactionId;

    if (behaviour.outcome === 'busy') {
      // A busy terminal never started the transaction: nothing is recorded, TransactionStatus will not find it.
      const busy: SimTransaction = { ...tx, status: 'declined', errorCondition: 'Busy' };
      return { immediate: json(respond(category === 'Payment' ? paymentResponse(busy, behaviour, 0) : reversalResponse(busy, original))), done: NEVER, behaviour };
    }
    ledger.transactions.push(tx);
    record(tx);

    const finish = (aborted: boolean): TerminalApiResponse => {
      let authorised = tx.amountHalalas;
      if (aborted) tx.status = 'aborted';
      else if (requested === null) {
        tx.status = 'declined';
        tx.errorCondition = 'MessageFormat';
      } else if (behaviour.outcome === 'decline') {
        tx.status = 'declined';
        tx.errorCondition = behaviour.errorCondition ?? 'Refusal';
      } else if (category === 'Reversal' && !applyReversal(tx, original)) {
        tx.status = 'declined';
        tx.errorCondition = 'NotAllowed';
      } else {
        tx.status = 'approved';
        if (behaviour.outcome === 'partial') authorised = behaviour.partialHalalas ?? Math.floor(tx.amountHalalas / 2);
      }
      let message: PaymentResponse | ReversalResponse;
      if (category === 'Payment') {
        const payment = paymentResponse(tx, behaviour, authorised);
        tx.response = { PaymentResponse: payment };
        message = payment;
        if (tx.status === 'approved') tx.amountHalalas = authorised; // the ledger keeps what was charged
      } else {
        const reversal = reversalResponse(tx, original);
        tx.response = { ReversalResponse: reversal };
        message = reversal;
      }
      tx.inProgressPolls = behaviour.inProgressPolls ?? 0;
      record(tx);
      return respond(message);
    };

    const done = new Promise<TerminalApiResponse>((resolve) => {
      const timer = later(behaviour.delayMs ?? 0, () => {
        abortable.delete(pair);
        resolve(finish(false));
      });
      if (category === 'Payment') {
        abortable.set(pair, () => {
          clearTimeout(timer);
          timers.delete(timer);
          abortable.delete(pair);
          resolve(finish(true));
        });
      }
    });
    return { done, behaviour };
  }

  // ---- control requests ------------------------------------------------------------------------------------

  function transactionStatus(header: MessageHeader, body: JsonObject): Reply {
    const behaviour = take('TransactionStatus');
    const ref = obj(body.MessageReference);
    const category = str(ref?.MessageCategory) === 'Reversal' ? 'Reversal' : 'Payment';
    const reference = { SaleID: str(ref?.SaleID) ?? header.SaleID, ServiceID: str(ref?.ServiceID) ?? '', POIID: str(ref?.POIID) ?? poiId, MessageCategory: category } as const;
    const reply = (status: ReturnType<typeof statusFound>): Reply => deliver(json(wrap({ MessageHeader: responseHeader(header, 'TransactionStatus'), TransactionStatusResponse: status })), behaviour);
    if (behaviour.outcome === 'busy') return reply(statusFailure('Busy', reference));
    if (behaviour.outcome === 'drop') return { kind: 'never' };
    const tx = byServiceId(ledger, reference.SaleID, reference.ServiceID, category);
    if (!tx) return reply(statusFailure('NotFound', reference));
    if (tx.status === 'in_progress') return reply(statusFailure('InProgress', reference));
    if (tx.inProgressPolls > 0) {
      tx.inProgressPolls -= 1;
      persist();
      return reply(statusFailure('InProgress', reference));
    }
    return reply(statusFound(tx, poiId));
  }

  function abort(body: JsonObject): Reply {
    take('Abort');
    const ref = obj(body.MessageReference);
    abortable.get(`${str(ref?.SaleID) ?? ''}/${str(ref?.ServiceID) ?? ''}`)?.();
    return { kind: 'raw', status: 200, text: '' };
  }

  function reconciliation(header: MessageHeader): Reply {
    const behaviour = take('Reconciliation');
    const groups = new Map<string, { debit: [number, number]; reverse: [number, number] }>();
    const add = (brand: string, which: 'debit' | 'reverse', amount: number) => {
      const g = groups.get(brand) ?? { debit: [0, 0], reverse: [0, 0] };
      g[which][0] += 1;
      g[which][1] += amount;
      groups.set(brand, g);
    };
    for (const tx of ledger.transactions) {
      if (tx.settled || tx.saleId !== header.SaleID) continue;
      if (tx.category === 'Payment' && (tx.status === 'approved' || tx.status === 'reversed')) add(tx.brand, 'debit', tx.amountHalalas);
      else if (tx.category === 'Reversal' && tx.status === 'approved') add(tx.brand, 'reverse', tx.amountHalalas);
      else continue;
      tx.settled = true;
    }
    persist();
        const totals: TransactionTotals[] = [...groups].map(([brand, g]) => ({
      PaymentInstrumentType: 'Card',
      CardBrand: brand,
      PaymentCurrency: 'SAR',
      PaymentTotals: [
        { TransactionType: 'Debit', TransactionCount: g.debit[0], TransactionAmount: halalasToSar(g.debit[1]) },
        { TransactionType: 'ReverseDebit', TransactionCount: g.reverse[0], TransactionAmount: halalasToSar(g.reverse[1]) },
      ],
    }));
    return deliver(json(wrap({ MessageHeader: responseHeader(header, 'Reconciliation'), ReconciliationResponse: reconciliationResponse(totals) })), behaviour);
  }

  function diagnosis(header: MessageHeader): Reply {
    const behaviour = take('Diagnosis');
    const busy = ledger.transactions.some((t) => t.status === 'in_progress');
    return deliver(json(wrap({ MessageHeader: responseHeader(header, 'Diagnosis'), DiagnosisResponse: diagnosisResponse(busy) })), behaviour);
  }

  // ---- notifications (cloud async) -------------------------------------------------------------------------

  async function notify(body: TerminalApiResponse, serviceId: string) {
    const to = target;
    if (!to) return emit({ event: 'notification', serviceId, status: 'no target' });
    try {
      const response = await fetch(to.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${to.username}:${to.password}`).toString('base64')}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      await response.text();
      emit({ event: 'notification', serviceId, status: response.status });
    } catch (err) {
      emit({ event: 'notification', serviceId, status: `error: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  // ---- the request pipeline --------------------------------------------------------------------------------

  const BODIES: Record<string, SimCategory> = {
    PaymentRequest: 'Payment',
    ReversalRequest: 'Reversal',
    TransactionStatusRequest: 'TransactionStatus',
    AbortRequest: 'Abort',
    ReconciliationRequest: 'Reconciliation',
    DiagnosisRequest: 'Diagnosis',
  };

  function readRequest(value: unknown): { header: MessageHeader; category: SimCategory; body: JsonObject } | { invalid: string; header: Partial<MessageHeader> } {
    const request = obj(obj(value)?.SaleToPOIRequest);
    const h = obj(request?.MessageHeader);
    const partial = { SaleID: str(h?.SaleID) ?? '', ServiceID: str(h?.ServiceID) ?? '', POIID: str(h?.POIID) ?? '' };
    if (!request || !h) return { invalid: 'no SaleToPOIRequest.MessageHeader', header: partial };
    const name = Object.keys(BODIES).find((k) => obj(request[k]));
    const category = name ? BODIES[name]! : null;
    if (!name || !category) return { invalid: 'no request body the simulator knows', header: partial };
    if (h.ProtocolVersion !== '3.0' || h.MessageClass !== 'Service' || h.MessageType !== 'Request' || h.MessageCategory !== category) {
      return { invalid: `bad MessageHeader for ${name}`, header: partial };
    }
    if (!partial.ServiceID || partial.ServiceID.length > 10 || !partial.SaleID) return { invalid: 'ServiceID must be 1–10 characters, SaleID required', header: partial };
    if (partial.POIID !== poiId) return { invalid: `unknown POIID ${partial.POIID}`, header: partial };
    return { header: { ProtocolVersion: '3.0', MessageClass: 'Service', MessageCategory: category, MessageType: 'Request', ...partial }, category, body: obj(request[name])! };
  }

  async function handle(value: unknown, endpoint: 'sync' | 'async' | 'local'): Promise<Reply> {
    const read = readRequest(value);
    if ('invalid' in read) {
      ledger.requests.invalid = (ledger.requests.invalid ?? 0) + 1;
      return { kind: 'json', body: rejectEvent({ SaleID: read.header.SaleID ?? '', ServiceID: read.header.ServiceID ?? '', POIID: read.header.POIID ?? '' }, read.invalid, now()) };
    }
    const { header, category, body } = read;
    ledger.requests[category] = (ledger.requests[category] ?? 0) + 1;
    const transactionId = str(at(body, 'SaleData', 'SaleTransactionID')?.TransactionID) ?? undefined;
    emit({ event: 'request', endpoint, category, serviceId: header.ServiceID, saleId: header.SaleID, ...(transactionId ? { transactionId } : {}) });
    switch (category) {
      case 'Payment':
      case 'Reversal': {
        const started = startFinancial(header, category, body);
        if (endpoint === 'async') {
          if (started.immediate) return started.immediate;
          void started.done.then((result) => (started.behaviour.notify === false ? undefined : notify(result, header.ServiceID)));
          return deliver({ kind: 'raw', status: 200, text: 'ok' }, started.behaviour);
        }
        if (started.immediate) return started.immediate;
        return deliver(json(await started.done), started.behaviour);
      }
      case 'TransactionStatus':
        return transactionStatus(header, body);
      case 'Abort':
        return abort(body);
      case 'Reconciliation':
        return reconciliation(header);
      case 'Diagnosis':
        return diagnosis(header);
    }
  }

  const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const send = (reply: Reply, secure: boolean) => {
      if (closed || reply.kind === 'never') return;
      if (reply.kind === 'raw') {
        res.writeHead(reply.status, { 'content-type': reply.status === 200 && reply.text === 'ok' ? 'text/plain' : 'application/json' });
        res.end(reply.text);
        return;
      }
      let body: unknown = reply.body;
      if (secure) {
        const [rootName, message] = 'SaleToPOIResponse' in reply.body ? ['SaleToPOIResponse', reply.body.SaleToPOIResponse] : ['SaleToPOIRequest', reply.body.SaleToPOIRequest];
        body = { [rootName]: encryptMessage(message.MessageHeader, JSON.stringify(reply.body), key) };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const route = (req.url ?? '').split('?')[0] ?? '';
      const text = Buffer.concat(chunks).toString('utf8');
      const parsed = parseJson(text);
      const endpoint = route.endsWith('/sync') ? 'sync' : route.endsWith('/async') ? 'async' : route === '/nexo/' || route === '/nexo' ? 'local' : null;
      if (req.method !== 'POST' || !endpoint) return send({ kind: 'raw', status: 404, text: '' }, false);
      if (endpoint !== 'local' && options.apiKey && req.headers['x-api-key'] !== options.apiKey) return send({ kind: 'raw', status: 401, text: '' }, false);
      if (!parsed.ok) return send({ kind: 'json', body: rejectEvent({ SaleID: '', ServiceID: '', POIID: poiId }, 'Invalid JSON', now()) }, false);
      let message: unknown = parsed.value;
      if (endpoint === 'local') {
        const secured = obj(obj(parsed.value)?.SaleToPOIRequest);
        const plain = decryptMessage(secured, key);
        if (!plain.ok) return send({ kind: 'json', body: rejectEvent({ SaleID: '', ServiceID: '', POIID: poiId }, `Crypto error: ${plain.detail}`, now()) }, false);
        const inner = parseJson(plain.json);
        if (!inner.ok) return send({ kind: 'json', body: rejectEvent({ SaleID: '', ServiceID: '', POIID: poiId }, 'Invalid JSON', now()) }, true);
        message = inner.value;
      }
      handle(message, endpoint).then(
        (reply) => send(reply, endpoint === 'local'),
        () => send({ kind: 'raw', status: 500, text: '' }, false),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    baseUrl: `https://127.0.0.1:${port}`,
    localUrl: `https://127.0.0.1:${port}/nexo/`,
    caPem: certs.caPem,
    caFile: path.join(certs.dir, 'ca.pem'),
    poiId,
    key,
    script: (...behaviours) => void scripted.push(...behaviours),
    pendingScript: () => [...scripted],
    clearScript: () => void scripted.splice(0),
    get ledger() {
      return ledger;
    },
    find: (transactionId) => byTransactionId(ledger, transactionId),
    paymentRequests: (transactionId) => ledger.paymentRequests[transactionId] ?? 0,
    setNotificationTarget: (t) => {
      target = t;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        listeners.clear();
        server.closeAllConnections();
        server.close(() => {
          certs.cleanup();
          resolve();
        });
      }),
  };
}
