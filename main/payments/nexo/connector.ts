// The nexo / Terminal API connector behind the protocol-neutral PaymentConnector, for three ways of reaching the
// terminal: cloud-sync (POST /sync waits for the result), cloud-async (POST /async, result by event notification,
// TransactionStatus polling as the fallback) and local (HTTPS to the terminal on the LAN, secured messages).
//
// Money rules it enforces (payments.md §6), the same contract as the mada ECR connector:
// - A financial request (Payment; Reversal for reversals and referenced refunds) is sent ONCE per call, under a
//   ServiceID derived from the intent reference (service-id.ts). No answer, a 5xx, a timeout, malformed JSON, a
//   connection lost after the request was written, an answer that is not ours, a provider "Reject" event, a
//   cancel → `unknown`, never a retry. The caller recovers with inquire().
// - `declined` with responseCode NOT_SENT (record null) means provably nothing left the till: DNS failure,
//   connection refused, no verified TLS connection (untrusted or wrong certificate: we never write to it),
//   connect timeout, the provider refusing our API key (401/403), cancel before connecting. Each has its own
//   bilingual reason (codes.ts).
// - Cancel (CallOptions.signal) while waiting: stop waiting, send an Abort naming the payment (best effort), and
//   return `unknown` / cancelled: the payment may still complete, and inquire() finds out which.
// - One financial request (or reconciliation) at a time; TransactionStatus, Abort and the health probe go
//   alongside (asking about a payment in progress is exactly what TransactionStatus is for).
//
// inquire(reference) — the exact rule:
//   TransactionStatus with MessageReference {SaleID, ServiceID derived from the reference, POIID} under a new
//   ServiceID, first for category Payment, then (on NotFound) Reversal — refunds and reversals are Reversal
//   requests, and a till that crashed does not know which kind the reference was.
//   - Success with the repeated response of exactly that request (category, ServiceID, SaleID, and for Payment our
//     reference as SaleTransactionID) → `found`, approved or declined as the stored final result says.
//   - InProgress → `unreachable` (still unknown; onStage 'awaiting_result'): the caller asks again with backoff.
//   - NotFound for both categories → `not_found`: the provider has no such request, a new one may be tried with a
//     NEW reference. [Adyen keeps transaction status for a limited time; inquire promptly.]
//   - anything else (no connection, Busy, garbled, a repeated response that is not ours) → `unreachable`.
import { createCallQueue, reportStage, signalWith } from '../connector-kit';
import type {
  CallOptions,
  InquiryOutcome,
  PaymentConnector,
  PurchaseRequest,
  RefundRequest,
  ReversalRequest,
  SettlementTotals,
  TerminalHealth,
  TerminalOutcome,
} from '../connector';
import { cloudChannel, localChannel, type ChannelResult, type NexoChannel } from './channel';
import { NOT_REVERSIBLE_CODE, NOT_REVERSIBLE_REASON, NOT_SENT_CODE, notSentReason, type NotSentCause, type Reason } from './codes';
import { path, str } from './json';
import type { NotificationListener } from './notifications';
import { financialOutcome, healthOf, settlementOf, statusResult, type StatusResult } from './outcome';
import { buildAbort, buildDiagnosis, buildPayment, buildReconciliation, buildReversal, buildTransactionStatus, headerOf, type Parties } from './request';
import type { Answer } from './response';
import { isValidReference } from './service-id';
import type { FinancialCategory, ReversalReason, TerminalApiRequest } from './types';

export interface NexoTimeouts {
  /** TCP + verified TLS handshake. */
  connectMs: number;
  /** Waiting for a Payment result. Adyen: requests expire after 120 s; query if nothing by 150 s. */
  purchaseMs: number;
  refundMs: number;
  reversalMs: number;
  /** One TransactionStatus (also the /async submission itself). */
  statusMs: number;
  abortMs: number;
  settlementMs: number;
  healthMs: number;
  /** cloud-async: how long to wait for the notification before polling TransactionStatus. */
  asyncNotificationMs: number;
  /** cloud-async: pause between TransactionStatus polls. */
  asyncPollMs: number;
}

export const DEFAULT_NEXO_TIMEOUTS: NexoTimeouts = {
  connectMs: 10_000,
  purchaseMs: 150_000,
  refundMs: 150_000,
  reversalMs: 60_000,
  statusMs: 15_000,
  abortMs: 5_000,
  settlementMs: 120_000,
  healthMs: 10_000,
  asyncNotificationMs: 10_000,
  asyncPollMs: 3_000,
};

export type NexoMode = 'cloud-sync' | 'cloud-async' | 'local';

export interface NexoConnectorOptions {
  mode: NexoMode;
  /** cloud: https://provider[/prefix] (/sync and /async are appended); local: https://<terminal-ip>:8443[/nexo/]. */
  baseUrl: string;
  /** X-API-Key (cloud; sent in local mode too when given). */
  apiKey?: string;
  /** Trust exactly this CA (PEM) instead of the system roots. */
  ca?: Buffer;
  poiId: string;
  /** The till id. */
  saleId: string;
  /** local mode: the terminal's shared key (all three required). */
  keyIdentifier?: string;
  keyVersion?: number;
  passphrase?: string;
  timeouts?: Partial<NexoTimeouts>;
  /** cloud-async: where results are POSTed; without one, results are found by polling only. */
  notificationListener?: NotificationListener;
  /** Certificate name to verify instead of the URL host (a LAN terminal's certificate is issued to its name). */
  serverName?: string;
  /** ReversalReason of reverse() (orphans are "unable to complete", payments.md §6.6). Default Unable2Compl. */
  reversalReason?: ReversalReason;
  now?: () => Date;
}

export interface NexoConnector extends PaymentConnector {
  readonly protocol: 'nexo';
  readonly mode: NexoMode;
  readonly description: string;
  /** Abort a payment still in progress (what a cancel sends). Says only whether the Abort went out. */
  abort(reference: string): Promise<'sent' | 'not-sent'>;
}

const notSent = (cause: NotSentCause, detail: string): TerminalOutcome => ({ kind: 'declined', record: null, responseCode: NOT_SENT_CODE, reason: notSentReason(cause, detail) });
const refused = (code: string, reason: Reason, detail: string): TerminalOutcome => ({
  kind: 'declined',
  record: null,
  responseCode: code,
  reason: { en: `${reason.en} (${detail})`, ar: reason.ar },
});

function describeChannelFailure(result: Exclude<ChannelResult, { kind: 'answer' }>): string {
  return result.kind === 'not-sent' ? notSentReason(result.cause, result.detail).en : result.detail;
}

function validAmount(halalas: number): boolean {
  return Number.isSafeInteger(halalas) && halalas > 0;
}

export function createNexoConnector(options: NexoConnectorOptions): NexoConnector {
  const timeouts: NexoTimeouts = { ...DEFAULT_NEXO_TIMEOUTS, ...options.timeouts };
  const now = options.now ?? (() => new Date());
  const parties: Parties = { saleId: options.saleId, poiId: options.poiId };
  if (!parties.saleId || !parties.poiId) throw new RangeError('nexo connector needs saleId and poiId');
  const reversalReason = options.reversalReason ?? 'Unable2Compl';

  let channel: NexoChannel;
  if (options.mode === 'local') {
    if (!options.keyIdentifier || options.keyVersion === undefined || !options.passphrase) {
      throw new RangeError('local nexo needs keyIdentifier, keyVersion and passphrase');
    }
    channel = localChannel({
      baseUrl: options.baseUrl,
      key: { keyIdentifier: options.keyIdentifier, keyVersion: options.keyVersion, passphrase: options.passphrase },
      apiKey: options.apiKey,
      ca: options.ca,
      serverName: options.serverName,
    });
  } else {
    channel = cloudChannel({ baseUrl: options.baseUrl, apiKey: options.apiKey, ca: options.ca, serverName: options.serverName });
  }
  const listener = options.mode === 'cloud-async' ? options.notificationListener : undefined;

  const closing = new AbortController();
  const calls = createCallQueue();
  /** Which category each reference was sent as, in this process: asked first by inquire(). */
  const sentAs = new Map<string, FinancialCategory>();
  const stage = reportStage;
  const signalFor = (call?: CallOptions) => signalWith(closing.signal, call);
  const exchange = (request: TerminalApiRequest, timeoutMs: number, signal: AbortSignal, onWritten?: () => void) =>
    channel.exchange(request, { timeoutMs, connectTimeoutMs: timeouts.connectMs, signal, onWritten });

  // ---- control requests ----------------------------------------------------------------------------------

  async function statusOnce(reference: string, category: FinancialCategory, call?: CallOptions): Promise<StatusResult> {
    const request = buildTransactionStatus(parties, { reference, category });
    const result = await exchange(request, timeouts.statusMs, signalFor(call));
    if (result.kind !== 'answer') return { kind: 'unreachable', detail: `TransactionStatus: ${describeChannelFailure(result)}` };
    return statusResult(result.answer, headerOf(request), { reference, category }, { poiId: parties.poiId, now });
  }

  async function sendAbort(reference: string): Promise<'sent' | 'not-sent'> {
    const result = await exchange(buildAbort(parties, { reference }), timeouts.abortMs, AbortSignal.timeout(timeouts.abortMs + timeouts.connectMs));
    return result.kind === 'not-sent' ? 'not-sent' : 'sent';
  }

  // ---- financial requests --------------------------------------------------------------------------------

  interface Financial {
    request: TerminalApiRequest;
    reference: string;
    category: FinancialCategory;
    requestedHalalas: number;
    timeoutMs: number;
  }

  const outcomeOf = (answer: Answer, f: Financial) =>
    financialOutcome(answer, headerOf(f.request), { reference: f.reference, requestedHalalas: f.requestedHalalas, poiId: parties.poiId, now });

  /** After the request was written and we stopped waiting: Abort a cancelled payment, then say unknown. */
  async function lost(f: Financial, why: 'timeout' | 'disconnected' | 'cancelled' | 'corrupt', detail: string, written: boolean, call?: CallOptions): Promise<TerminalOutcome> {
    if (why === 'cancelled' && written && f.category === 'Payment' && call?.signal?.aborted) await sendAbort(f.reference).catch(() => 'not-sent');
    return { kind: 'unknown', why, detail };
  }

  async function sendSync(f: Financial, call?: CallOptions): Promise<TerminalOutcome> {
    let written = false;
    const result = await exchange(f.request, f.timeoutMs, signalFor(call), () => {
      written = true;
      stage(call, 'sent');
      stage(call, 'awaiting_result');
    });
    if (result.kind === 'not-sent') return notSent(result.cause, result.detail);
    if (result.kind === 'lost') return lost(f, result.why, result.detail, written, call);
    return outcomeOf(result.answer, f);
  }

  /** cloud-async: submit, then the notification or (after asyncNotificationMs) TransactionStatus polls. */
  async function sendAsync(f: Financial, call?: CallOptions): Promise<TerminalOutcome> {
    const sent = headerOf(f.request);
    const waiter = listener?.expect(sent.SaleID, sent.ServiceID);
    const signal = signalFor(call);
    try {
      let written = false;
      const deadline = Date.now() + f.timeoutMs;
      const submitted = await channel.submit!(f.request, {
        timeoutMs: timeouts.statusMs,
        connectTimeoutMs: timeouts.connectMs,
        signal,
        onWritten: () => {
          written = true;
          stage(call, 'sent');
        },
      });
      if (submitted.kind === 'not-sent') return notSent(submitted.cause, submitted.detail);
      if (submitted.kind === 'lost') return lost(f, submitted.why, submitted.detail, written, call);
      if (submitted.kind === 'answer') return outcomeOf(submitted.answer, f);
      stage(call, 'awaiting_result');
      let nextPoll = Date.now() + (waiter ? timeouts.asyncNotificationMs : timeouts.asyncPollMs);
      for (;;) {
        const wakeAt = Math.min(nextPoll, deadline);
        const woke = await new Promise<{ answer: Answer } | 'tick' | 'aborted'>((resolve) => {
          const timer = setTimeout(() => done('tick'), Math.max(0, wakeAt - Date.now()));
          const onAbort = () => done('aborted');
          function done(value: { answer: Answer } | 'tick' | 'aborted') {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          }
          if (signal.aborted) return done('aborted');
          signal.addEventListener('abort', onAbort, { once: true });
          void waiter?.answer.then((answer) => done({ answer }));
        });
        if (woke === 'aborted') return lost(f, 'cancelled', 'stopped waiting for the result (cancelled)', true, call);
        if (woke !== 'tick') return outcomeOf(woke.answer, f);
        if (Date.now() >= deadline) return { kind: 'unknown', why: 'timeout', detail: `no result within ${f.timeoutMs} ms (notification nor TransactionStatus)` };
        const status = await statusOnce(f.reference, f.category, call);
        if (status.kind === 'found') return status.outcome;
        // InProgress, NotFound (the provider may not have registered it yet) or no answer: keep waiting.
        stage(call, 'awaiting_result');
        nextPoll = Date.now() + timeouts.asyncPollMs;
      }
    } finally {
      waiter?.cancel();
    }
  }

  function financial(f: Financial, call?: CallOptions): Promise<TerminalOutcome> {
    return calls.run(async () => {
      stage(call, 'connecting');
      if (closing.signal.aborted) return notSent('closed', 'connector closed');
      if (call?.signal?.aborted) return notSent('cancelled', 'cancelled before sending');
      sentAs.set(f.reference, f.category);
      return options.mode === 'cloud-async' ? sendAsync(f, call) : sendSync(f, call);
    });
  }

  const invalidReference = (reference: string) => new RangeError(`invalid reference ${JSON.stringify(reference)}`);

  const connector: NexoConnector = {
    protocol: 'nexo',
    mode: options.mode,
    description: `nexo ${channel.description} (POI ${parties.poiId})`,

    purchase(request: PurchaseRequest, call?: CallOptions) {
      if (!isValidReference(request.reference)) return Promise.reject(invalidReference(request.reference));
      if (!validAmount(request.amountHalalas)) return Promise.reject(new RangeError(`invalid amount ${request.amountHalalas}`));
      const built = buildPayment(parties, { reference: request.reference, amountHalalas: request.amountHalalas, at: now() });
      return financial({ request: built, reference: request.reference, category: 'Payment', requestedHalalas: request.amountHalalas, timeoutMs: timeouts.purchaseMs }, call);
    },

    refund(request: RefundRequest, call?: CallOptions) {
      if (!isValidReference(request.reference)) return Promise.reject(invalidReference(request.reference));
      if (!validAmount(request.amountHalalas)) return Promise.reject(new RangeError(`invalid amount ${request.amountHalalas}`));
      if (!request.originalRrn.trim()) return Promise.reject(new RangeError('refund needs the original POI transaction id (originalRrn)'));
      if (Number.isNaN(Date.parse(request.originalAt))) return Promise.reject(new RangeError(`invalid originalAt ${JSON.stringify(request.originalAt)}`));
      const built = buildReversal(parties, {
        reference: request.reference,
        original: { TransactionID: request.originalRrn, TimeStamp: request.originalAt },
        reason: 'MerchantCancel',
        amountHalalas: request.amountHalalas,
        at: now(),
      });
      return financial({ request: built, reference: request.reference, category: 'Reversal', requestedHalalas: request.amountHalalas, timeoutMs: timeouts.refundMs }, call);
    },

    reverse(request: ReversalRequest, call?: CallOptions) {
      if (!isValidReference(request.reference)) return Promise.reject(invalidReference(request.reference));
      if (!isValidReference(request.originalReference)) return Promise.reject(invalidReference(request.originalReference));
      return calls.run(async (): Promise<TerminalOutcome> => {
        stage(call, 'connecting');
        if (closing.signal.aborted) return notSent('closed', 'connector closed');
        // A Reversal must name the original's POITransactionID, which only the terminal knows for sure: ask it
        // (this also refuses to "reverse" something the terminal does not hold as approved).
        const original = await statusOnce(request.originalReference, 'Payment', call);
        if (original.kind === 'in-progress' || original.kind === 'unreachable') {
          return refused(NOT_SENT_CODE, notSentReason('network'), `could not confirm the original with the terminal: ${original.detail}`);
        }
        if (original.kind === 'not-found') return refused(NOT_REVERSIBLE_CODE, NOT_REVERSIBLE_REASON, 'the terminal has no such payment');
        if (original.outcome.kind !== 'approved') return refused(NOT_REVERSIBLE_CODE, NOT_REVERSIBLE_REASON, 'the original was declined');
        const poiTx = path(original.body, 'POIData', 'POITransactionID');
        const id = str(poiTx?.TransactionID);
        const at = str(poiTx?.TimeStamp);
        if (!id || !at) return refused(NOT_REVERSIBLE_CODE, NOT_REVERSIBLE_REASON, 'the original carries no POITransactionID');
        const built = buildReversal(parties, { reference: request.reference, original: { TransactionID: id, TimeStamp: at }, reason: reversalReason, at: now() });
        sentAs.set(request.reference, 'Reversal');
        const f: Financial = { request: built, reference: request.reference, category: 'Reversal', requestedHalalas: original.outcome.record.amountHalalas, timeoutMs: timeouts.reversalMs };
        return options.mode === 'cloud-async' ? sendAsync(f, call) : sendSync(f, call);
      });
    },

    async inquire(reference: string, call?: CallOptions): Promise<InquiryOutcome> {
      if (!isValidReference(reference)) throw invalidReference(reference);
      stage(call, 'recovering');
      const order: FinancialCategory[] = sentAs.get(reference) === 'Reversal' ? ['Reversal', 'Payment'] : ['Payment', 'Reversal'];
      for (const category of order) {
        const status = await statusOnce(reference, category, call);
        if (status.kind === 'found') return { kind: 'found', outcome: status.outcome };
        if (status.kind === 'in-progress') {
          stage(call, 'awaiting_result');
          return { kind: 'unreachable', detail: `still in progress on the terminal: ${status.detail}`, pending: true };
        }
        if (status.kind === 'unreachable') return { kind: 'unreachable', detail: status.detail };
      }
      return { kind: 'not_found' };
    },

    settle(call?: CallOptions) {
      return calls.run(async (): Promise<SettlementTotals | { kind: 'unknown'; detail: string }> => {
        stage(call, 'connecting');
        const request = buildReconciliation(parties);
        const result = await exchange(request, timeouts.settlementMs, signalFor(call), () => stage(call, 'awaiting_result'));
        if (result.kind !== 'answer') return { kind: 'unknown', detail: `reconciliation: ${describeChannelFailure(result)}` };
        return settlementOf(result.answer, headerOf(request), now);
      });
    },

    async health(): Promise<TerminalHealth> {
      if (closing.signal.aborted) return { state: 'disconnected', detail: 'connector closed' };
      if (calls.busy()) return { state: 'busy' };
      const request = buildDiagnosis(parties);
      const result = await exchange(request, timeouts.healthMs, closing.signal);
      if (result.kind !== 'answer') return { state: 'disconnected', detail: describeChannelFailure(result) };
      return healthOf(result.answer, headerOf(request));
    },

    abort(reference: string) {
      if (!isValidReference(reference)) return Promise.reject(invalidReference(reference));
      return sendAbort(reference);
    },

    async close() {
      closing.abort();
      await calls.drained();
    },
  };
  return connector;
}
