// The mada ECR connector: SkyBand frames over any Transport, behind the protocol-neutral PaymentConnector.
//
// Money rules it enforces (payments.md §6):
// - A financial frame (A1/A6/A5) is sent once per call; the only repetition is the link layer's retransmission of
//   the very same bytes after an explicit NAK. Timeout, disconnect, corrupt answer, cancel → `unknown`, never a
//   retry. The caller recovers with inquire().
// - `declined` with responseCode NOT_SENT (record null) means provably nothing reached the terminal: the transport
//   could not be opened, the call was cancelled before a byte was written, or every copy was NAKed.
// - Reversal (A5) carries no RRN and hits the terminal's LAST transaction, so before sending it we ask the terminal
//   (C2) what its last transaction is and refuse (NOT_LAST) unless it is the one to reverse.
// - Calls are serialised: one request on the wire at a time.
//
// inquire(reference) — the exact rule:
//   1. C2 (repeat last). Its answer carries our reference → `found` (approved/declined as the repeated response
//      says). It says NO DATA FOUND → C3 by our reference, and in any case `unreachable` (still in doubt): a
//      terminal restarted or settled since has nothing to repeat whether or not it took ours, so its empty memory
//      never releases a payment on its own — a manager settles it with the terminal's receipt.
//   2. C2 shows a different reference → C3 (check status, carrying our reference). C3 reports that same other
//      reference as the last transaction → `not_found`: two answers agree the terminal's last transaction is not
//      ours, and the till inquires before sending anything else, so had ours been processed it would be the last.
//   3. Anything else → `unreachable` (still unknown): no connection, timeout, BUSY (a terminal still working on our
//      request answers BUSY), garbled or contradictory answers, C3 naming our reference when C2 did not.
//   Residual risk (documented for the intent layer): a transaction keyed on the terminal itself between our
//   request and the inquiry would hide ours from rule 2; inquire immediately after the failed call.
import { createCallQueue, reportStage, signalWith } from '../connector-kit';
import type {
  CallOptions,
  InquiryOutcome,
  PaymentConnector,
  PurchaseRequest,
  RefundRequest,
  ReversalRequest,
  SettlementResult,
  TerminalHealth,
  TerminalOutcome,
} from '../connector';
import type { Duplex } from 'node:stream';
import type { Transport } from '../transport/transport';
import { declineReason, NOT_SENT_CODE, SETTLEMENT_CODES, type Reason } from './codes';
import { formatEcrDate, formatEcrDateTime } from './datetime';
import { splitFrame } from './frame';
import { exchange, type LinkResult } from './link';
import type { LrcMode } from './lrc';
import { codeContradictsMessage, isApprovalCode, toTerminalRecord } from './record';
import { buildRequestFrame, isValidEcrRef, previousEcrNumber, type EcrRequest } from './request';
import { parseResponse, type ParsedResponse, type TransactionResponse } from './response';
import type { SignatureProvider } from './signature';

export interface EcrTimeouts {
  /** Opening the transport (on top of the transport's own connect timeout, which should be shorter). */
  connectMs: number;
  /** Per copy, waiting for ACK/NAK (ACK/NAK kits). */
  ackMs: number;
  purchaseMs: number;
  refundMs: number;
  reversalMs: number;
  /** C2 / C3 (inquiry, reversal pre-check). */
  statusMs: number;
  settlementMs: number;
  registerMs: number;
}

export const DEFAULT_TIMEOUTS: EcrTimeouts = {
  connectMs: 10_000,
  ackMs: 2000,
  purchaseMs: 120_000,
  refundMs: 120_000,
  reversalMs: 60_000,
  statusMs: 15_000,
  settlementMs: 120_000,
  registerMs: 15_000,
};

export interface SkyBandConnectorOptions {
  transport: Transport;
  signature: SignatureProvider;
  /** LRC form we SEND (we accept either on receive). */
  lrcMode: LrcMode;
  /** Whether this kit's terminal ACKs/NAKs frames (see link.ts). */
  ackNak: boolean;
  timeouts?: Partial<EcrTimeouts>;
  /** 8 characters; needed only for register(). */
  cashRegisterNo?: string;
  /** The frame's timeout field (seconds, default 120 like the SDK). */
  terminalTimeoutS?: number;
  /** Print flag of A1/A6/A5/B1: let the terminal print its own (certified) receipt. Default true. */
  printOnTerminal?: boolean;
  /** Send the original date (DDMMYY) in refunds; the SDK's pack() does not. Default false. */
  refundOriginalDate?: boolean;
  /** Check with C2 that the terminal's last transaction is the one to reverse before sending A5. Default true. */
  verifyReversalTarget?: boolean;
  /** Reference for control frames (C2, C3, B1); default: 14 digits from the clock and a counter. */
  controlReference?: () => string;
  now?: () => Date;
}

export interface SkyBandConnector extends PaymentConnector {
  /** A0 register with `cashRegisterNo`; not financial. */
  register(options?: CallOptions): Promise<{ ok: boolean; responseCode: string; detail: string }>;
}

const NOT_LAST_CODE = 'NOT_LAST';
const NOT_LAST_REASON: Reason = {
  en: 'Not reversed: it is no longer the terminal’s last transaction — refund it instead',
  ar: 'لم يتم الإلغاء: لم تعد آخر عملية على الجهاز — استخدم الاسترجاع',
};

/**
 * Destroys a request's stream and waits (bounded) until it is really closed: a serial port stays locked until its
 * close completes, and the next request must be able to open it.
 */
function release(stream: Duplex): Promise<void> {
  return new Promise<void>((resolve) => {
    if (stream.closed) return resolve();
    const timer = setTimeout(resolve, 1000);
    stream.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.destroy();
  });
}

/** transport.open(), but never hanging: after `ms` it rejects, and a stream that turns up later is closed. */
function openWithin(transport: Transport, ms: number): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`no connection within ${ms} ms`));
    }, ms);
    transport.open().then(
      (stream) => {
        clearTimeout(timer);
        if (late) void release(stream);
        else resolve(stream);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function createSkyBandConnector(options: SkyBandConnectorOptions): SkyBandConnector {
  const timeouts: EcrTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const now = options.now ?? (() => new Date());
  const printFlag: '0' | '1' = options.printOnTerminal === false ? '0' : '1';
  let counter = 0;
  const controlReference =
    options.controlReference ??
    (() => {
      counter = (counter + 1) % 1000;
      return String(Date.now()).slice(-11) + String(counter).padStart(3, '0');
    });
  const closing = new AbortController();
  const calls = createCallQueue();
  const stage = reportStage;
  const signalFor = (call?: CallOptions) => signalWith(closing.signal, call);

  /** One request on a fresh stream. Never rejects. */
  async function send(
    request: EcrRequest,
    responseTimeoutMs: number,
    accept: (frame: Buffer) => boolean,
    call: CallOptions | undefined,
    sentStages: boolean,
  ): Promise<LinkResult> {
    let frame: Buffer;
    try {
      frame = buildRequestFrame(request, { lrcMode: options.lrcMode, signature: options.signature, terminalTimeoutS: options.terminalTimeoutS });
    } catch (err) {
      return { kind: 'not-sent', detail: `request not built: ${err instanceof Error ? err.message : String(err)}` };
    }
    const signal = signalFor(call);
    if (signal.aborted) return { kind: 'not-sent', detail: 'cancelled before sending' };
    let stream: Duplex;
    try {
      stream = await openWithin(options.transport, timeouts.connectMs);
    } catch (err) {
      return { kind: 'not-sent', detail: `cannot reach ${options.transport.describe()}: ${err instanceof Error ? err.message : String(err)}` };
    }
    try {
      return await exchange(stream, frame, {
        ackNak: options.ackNak,
        ackTimeoutMs: timeouts.ackMs,
        responseTimeoutMs,
        signal,
        accept,
        onSent: () => {
          if (!sentStages) return;
          stage(call, 'sent');
          stage(call, 'awaiting_result');
        },
      });
    } finally {
      await release(stream);
    }
  }

  /** Accepts our answer: same command, and our reference unless the terminal left it empty (or said BUSY). */
  const answerTo = (command: string, reference: string | null) => (frame: Buffer) => {
    const fields = splitFrame(frame);
    if ((fields[1] ?? '').trim() !== command) return false;
    if (reference === null) return true;
    const parsed = parseResponse(frame);
    if (parsed.kind !== 'transaction') return true;
    return parsed.ecrRef === '' || parsed.ecrRef === reference;
  };

  /**
   * The answer to C2. Whether a terminal echoes "C2" or the repeated transaction's own command in field 1 is not
   * documented, so both are taken [inferred]; either way it is a truthful copy of a transaction answer, and the
   * inquiry rule only trusts it for the reference it carries.
   */
  const repeatAnswer = (frame: Buffer) => ['C2', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6'].includes((splitFrame(frame)[1] ?? '').trim());

  const notSent = (detail: string): TerminalOutcome => ({
    kind: 'declined',
    record: null,
    responseCode: NOT_SENT_CODE,
    reason: { en: `${declineReason(NOT_SENT_CODE).en} (${detail})`, ar: declineReason(NOT_SENT_CODE).ar },
  });

  function toOutcome(result: LinkResult, reference: string, amountHalalas: number): TerminalOutcome {
    if (result.kind === 'not-sent') return notSent(result.detail);
    if (result.kind === 'unknown') return { kind: 'unknown', why: result.why, detail: result.detail };
    const parsed = parseResponse(result.frame);
    if (parsed.kind === 'busy') return { kind: 'unknown', why: 'busy', detail: `terminal busy: ${parsed.message}` };
    if (parsed.kind !== 'transaction') return { kind: 'unknown', why: 'corrupt', detail: `unexpected answer (${parsed.kind})` };
    return transactionOutcome(parsed, reference, amountHalalas);
  }

  function transactionOutcome(r: TransactionResponse, reference: string, amountHalalas: number): TerminalOutcome {
    if (codeContradictsMessage(r.responseCode, r.message)) {
      return { kind: 'unknown', why: 'corrupt', detail: `response code ${r.responseCode} contradicts message "${r.message}"` };
    }
    const record = toTerminalRecord(r, { reference, fallbackAmount: amountHalalas, fallbackAt: now().toISOString() });
    if (isApprovalCode(r.responseCode)) return { kind: 'approved', record };
    return { kind: 'declined', record, responseCode: r.responseCode, reason: declineReason(r.responseCode, r.message) };
  }

  /** Bad arguments (amount, reference, RRN, signature length) reject with RangeError before anything is queued. */
  function validate(request: EcrRequest): RangeError | null {
    try {
      buildRequestFrame(request, { lrcMode: options.lrcMode, signature: options.signature, terminalTimeoutS: options.terminalTimeoutS });
      return null;
    } catch (err) {
      return err instanceof RangeError ? err : new RangeError(String(err));
    }
  }

  function financial(request: EcrRequest & { ecrRef: string }, amountHalalas: number, timeoutMs: number, call?: CallOptions): Promise<TerminalOutcome> {
    const invalid = validate(request);
    if (invalid) return Promise.reject(invalid);
    return calls.run(async () => {
      stage(call, 'connecting');
      const result = await send(request, timeoutMs, answerTo(request.command, request.ecrRef), call, true);
      return toOutcome(result, request.ecrRef, amountHalalas);
    });
  }

  const datetime = () => formatEcrDateTime(now());

  /** C2 repeat-last, as a parsed answer or the reason there is none. */
  async function repeatLast(reference: string, call?: CallOptions): Promise<{ parsed: ParsedResponse } | { failed: string }> {
    const result = await send(
      { command: 'C2', datetime: datetime(), ecrRef: controlReference(), previousEcrNumber: previousEcrNumber(reference) },
      timeouts.statusMs,
      repeatAnswer,
      call,
      false,
    );
    if (result.kind !== 'response') return { failed: `repeat-last: ${result.detail}` };
    return { parsed: parseResponse(result.frame) };
  }

  /** C2 had nothing to repeat: ask C3 by our reference, for what the terminal can still say; never a release. */
  async function afterNoData(reference: string, call?: CallOptions): Promise<InquiryOutcome> {
    const c3 = await send({ command: 'C3', datetime: datetime(), ecrRef: reference }, timeouts.statusMs, answerTo('C3', null), call, false);
    const status = c3.kind === 'response' ? parseResponse(c3.frame) : null;
    if (status?.kind === 'status' && status.ecrRef === reference) {
      return { kind: 'unreachable', detail: 'the terminal names this payment as its last but cannot repeat it: resolve it with the terminal receipt' };
    }
    return {
      kind: 'unreachable',
      detail: "the terminal has nothing to repeat (restarted or settled since?): the payment stays in doubt; resolve it with the terminal receipt",
    };
  }

  async function inquireNow(reference: string, call?: CallOptions): Promise<InquiryOutcome> {
    stage(call, 'recovering');
    const c2 = await repeatLast(reference, call);
    if ('failed' in c2) return { kind: 'unreachable', detail: c2.failed };
    const last = c2.parsed;
    if (last.kind === 'no-data') return afterNoData(reference, call);
    if (last.kind === 'busy') return { kind: 'unreachable', detail: `terminal busy (it may still be processing): ${last.message}` };
    if (last.kind !== 'transaction') return { kind: 'unreachable', detail: `repeat-last answer unreadable (${last.kind})` };
    if (last.ecrRef === reference) {
      const outcome = transactionOutcome(last, reference, last.amountHalalas ?? 0);
      if (outcome.kind === 'unknown') return { kind: 'unreachable', detail: outcome.detail };
      if (outcome.kind === 'approved' && last.amountHalalas === null) return { kind: 'unreachable', detail: 'repeated approval carries no amount' };
      return { kind: 'found', outcome };
    }
    if (last.ecrRef === '') return { kind: 'unreachable', detail: 'repeat-last answer carries no reference' };
    const c3 = await send({ command: 'C3', datetime: datetime(), ecrRef: reference }, timeouts.statusMs, answerTo('C3', null), call, false);
    if (c3.kind !== 'response') return { kind: 'unreachable', detail: `check-status: ${c3.detail}` };
    const status = parseResponse(c3.frame);
    if (status.kind === 'busy') return { kind: 'unreachable', detail: `terminal busy (it may still be processing): ${status.message}` };
    if (status.kind !== 'status') return { kind: 'unreachable', detail: `check-status answer unreadable (${status.kind})` };
    if (status.ecrRef === reference) {
      return { kind: 'unreachable', detail: `check-status names ${reference} but repeat-last shows ${last.ecrRef}; resolve on the terminal` };
    }
    if (status.ecrRef === last.ecrRef) return { kind: 'not_found' };
    return { kind: 'unreachable', detail: `repeat-last (${last.ecrRef}) and check-status (${status.ecrRef}) disagree` };
  }

  const connector: SkyBandConnector = {
    protocol: 'mada-ecr',

    purchase(request: PurchaseRequest, call?: CallOptions) {
      return financial(
        { command: 'A1', datetime: datetime(), ecrRef: request.reference, amountHalalas: request.amountHalalas, printFlag },
        request.amountHalalas,
        timeouts.purchaseMs,
        call,
      );
    },

    refund(request: RefundRequest, call?: CallOptions) {
      const a6: EcrRequest = {
        command: 'A6',
        datetime: datetime(),
        ecrRef: request.reference,
        amountHalalas: request.amountHalalas,
        originalRrn: request.originalRrn,
        printFlag,
      };
      if (options.refundOriginalDate) {
        try {
          a6.originalDate = formatEcrDate(request.originalAt);
        } catch (err) {
          return Promise.reject(err);
        }
      }
      return financial(a6, request.amountHalalas, timeouts.refundMs, call);
    },

    reverse(request: ReversalRequest, call?: CallOptions) {
      const a5 = { command: 'A5' as const, datetime: datetime(), ecrRef: request.reference, printFlag };
      const invalid = validate(a5) ?? (isValidEcrRef(request.originalReference) ? null : new RangeError('invalid original reference'));
      if (invalid) return Promise.reject(invalid);
      return calls.run(async (): Promise<TerminalOutcome> => {
        stage(call, 'connecting');
        if (options.verifyReversalTarget !== false) {
          const c2 = await repeatLast(request.originalReference, call);
          if ('failed' in c2) return notSent(`could not confirm the terminal's last transaction: ${c2.failed}`);
          const last = c2.parsed;
          if (last.kind !== 'transaction' || last.ecrRef !== request.originalReference) {
            const shows = last.kind === 'transaction' ? `its last is ${last.ecrRef}` : last.kind;
            return { kind: 'declined', record: null, responseCode: NOT_LAST_CODE, reason: { en: `${NOT_LAST_REASON.en} (${shows})`, ar: NOT_LAST_REASON.ar } };
          }
        }
        const result = await send({ ...a5, datetime: datetime() }, timeouts.reversalMs, answerTo('A5', request.reference), call, true);
        return toOutcome(result, request.reference, 0);
      });
    },

    inquire(reference: string, call?: CallOptions) {
      if (!isValidEcrRef(reference)) return Promise.reject(new RangeError(`invalid reference ${JSON.stringify(reference)}`));
      return calls.run(() => inquireNow(reference, call));
    },

    settle(call?: CallOptions) {
      return calls.run(async (): Promise<SettlementResult> => {
        stage(call, 'connecting');
        const ref = controlReference();
        const result = await send({ command: 'B1', datetime: datetime(), ecrRef: ref, printFlag }, timeouts.settlementMs, answerTo('B1', null), call, true);
        if (result.kind !== 'response') return { kind: 'unknown', detail: `settlement: ${result.detail}` };
        const parsed = parseResponse(result.frame);
        // With 500/501 the answer carries the scheme totals; a short answer (code and message only) is the
        // terminal refusing to settle — an error with its own code, not a lost terminal (SDK, type 10).
        if (parsed.kind === 'settlement' && !SETTLEMENT_CODES.has(parsed.responseCode)) {
          return { kind: 'refused', responseCode: parsed.responseCode, message: parsed.message };
        }
        if (parsed.kind === 'busy') return { kind: 'refused', responseCode: 'BUSY', message: parsed.message };
        if (parsed.kind === 'malformed' && parsed.refusal) return { kind: 'refused', ...parsed.refusal };
        if (parsed.kind !== 'settlement') return { kind: 'unknown', detail: `settlement answer unreadable (${parsed.kind})` };
        return {
          responseCode: parsed.responseCode,
          inBalance: parsed.responseCode === '500',
          schemes: parsed.schemes,
          at: parsed.at ?? now().toISOString(),
        };
      });
    },

    register(call?: CallOptions) {
      const reg = options.cashRegisterNo;
      if (reg === undefined) return Promise.reject(new RangeError('cashRegisterNo is not configured'));
      return calls.run(async () => {
        stage(call, 'connecting');
        const result = await send({ command: 'A0', datetime: datetime(), cashRegisterNo: reg }, timeouts.registerMs, answerTo('A0', null), call, true);
        if (result.kind !== 'response') return { ok: false, responseCode: '', detail: result.detail };
        const parsed = parseResponse(result.frame);
        if (parsed.kind !== 'register') return { ok: false, responseCode: '', detail: `unexpected answer (${parsed.kind})` };
        return { ok: isApprovalCode(parsed.responseCode), responseCode: parsed.responseCode, detail: parsed.message };
      });
    },

    async health(): Promise<TerminalHealth> {
      if (calls.busy()) return { state: 'busy' };
      if (closing.signal.aborted) return { state: 'disconnected', detail: 'connector closed' };
      // Through the queue, so a request that starts meanwhile never finds the (serial) port still held by us.
      return calls.run(async (): Promise<TerminalHealth> => {
        try {
          await release(await openWithin(options.transport, timeouts.connectMs));
          return { state: 'connected' };
        } catch (err) {
          return { state: 'disconnected', detail: err instanceof Error ? err.message : String(err) };
        }
      });
    },

    async close() {
      closing.abort();
      await calls.drained();
    },
  };
  return connector;
}
