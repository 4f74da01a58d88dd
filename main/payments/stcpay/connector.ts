// STC Pay behind the protocol-neutral PaymentConnector, as far as it fits.
//
//   purchase  STC Pay is two-step (Authorize → customer's OTP → Confirm). With `interaction` (the cashier's
//             screen for the mobile number and the OTP) purchase() runs the whole flow (flow.ts). Without it,
//             purchase() declines with NOT_SENT and sends nothing: the caller drives client.authorize() and
//             client.confirm() itself — the intent must still be committed with its reference first, and an
//             `unknown` from either step goes to inquire() like any other.
//   refund    RefundPayment against the original STCPayRefNum (the record's `rrn`).
//   reverse   STC Pay has no reversal: declined (NOT_SUPPORTED), nothing sent. Refund instead.
//   inquire   PaymentInquiry by RefNum — see the rule below.
//   settle    STC Pay has no terminal-style settlement: `unknown` with an explanation.
//   health    client.health() (a PaymentInquiry for a reference that never exists).
//
// inquire(reference) — the exact rule:
//   * `describeReference(reference)` (from the intent store) must say what the reference is. Only purchases
//     can be looked up: RefundPayment carries no RefNum of ours, so a refund's reference means nothing to
//     STC Pay, and "no transaction with that RefNum" would be a false "not found". Refunds (and references
//     the store does not know) answer `unreachable`: they stay unknown for a person to check.
//   * A purchase is asked for on the day it was created (PaymentsDate, Saudi date) and, if that was not today,
//     on the next day as well (a payment started just before midnight).
//       Paid on any day                → found / approved (record with the amount STC Pay took)
//       Cancelled or Expired           → found / declined
//       Pending                        → unreachable (the customer may still confirm; ask again later)
//       every day asked says "none"    → not_found (the only way a payment is released)
//       anything else                  → unreachable
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
import type { StcPayClient } from './client';
import { runStcPayPurchase, type StcPayInteraction } from './flow';
import { REASONS } from './reasons';
import { failureOutcome, NOT_SENT_CODE, paymentRecord, refundRecord } from './record';
import type { InquiryResult } from './types';
import { ksaDate } from './wire';

export interface ReferenceInfo {
  kind: 'purchase' | 'refund' | 'reversal';
  createdAt: Date;
}

export interface StcPayConnectorOptions {
  client: StcPayClient;
  clientCode: string;
  /** What an intent reference is and when it was made (the intent store knows). */
  describeReference(reference: string): ReferenceInfo | undefined;
  /** The cashier's prompts; without them purchase() sends nothing (see above). */
  interaction?: StcPayInteraction;
  maxOtpAttempts?: number;
  now?: () => Date;
}

const DAY_MS = 24 * 3600_000;

export function createStcPayConnector(options: StcPayConnectorOptions): PaymentConnector {
  const { client } = options;
  const now = options.now ?? (() => new Date());

  const inquirePurchase = async (reference: string, createdAt: Date, call: CallOptions | undefined): Promise<InquiryOutcome> => {
    // The day it was made, and the next one when that is not today (a payment started just before midnight).
    const days = ksaDate(createdAt) === ksaDate(now()) ? [createdAt] : [createdAt, new Date(createdAt.getTime() + DAY_MS)];
    const answers: InquiryResult[] = [];
    for (const day of days) {
      const answer = await client.inquire(reference, day, { signal: call?.signal });
      if (answer.kind === 'found') {
        const p = answer.payment;
        if (p.status === 'paid') return { kind: 'found', outcome: { kind: 'approved', record: paymentRecord(p, { clientCode: options.clientCode, now: now() }) } };
        if (p.status === 'pending') return { kind: 'unreachable', detail: `STC Pay: ${REASONS.pending.en}`, pending: true };
        return {
          kind: 'found',
          outcome: { kind: 'declined', record: paymentRecord(p, { clientCode: options.clientCode, now: now() }), responseCode: String(p.statusCode), reason: REASONS[p.status] },
        };
      }
      answers.push(answer);
    }
    const doubt = answers.find((a) => a.kind === 'unreachable');
    if (doubt && doubt.kind === 'unreachable') return { kind: 'unreachable', detail: `${doubt.reason}: ${doubt.detail}` };
    return { kind: 'not_found' };
  };

  return {
    protocol: 'stcpay',

    async purchase(request: PurchaseRequest, call?: CallOptions): Promise<TerminalOutcome> {
      if (!options.interaction) {
        return {
          kind: 'declined',
          record: null,
          responseCode: NOT_SENT_CODE,
          reason: {
            en: 'STC Pay is taken in two steps (mobile number, then the customer’s code); nothing was sent.',
            ar: 'يتم الدفع عبر STC Pay على خطوتين (رقم الجوال ثم رمز العميل)؛ لم يُرسل شيء.',
          },
        };
      }
      return runStcPayPurchase(client, request, options.interaction, {
        ...call,
        clientCode: options.clientCode,
        maxOtpAttempts: options.maxOtpAttempts,
        now,
      });
    },

    async refund(request: RefundRequest, call?: CallOptions): Promise<TerminalOutcome> {
      call?.onStage?.('connecting');
      const result = await client.refund({ stcPayRefNum: request.originalRrn, amountHalalas: request.amountHalalas, reference: request.reference }, { signal: call?.signal });
      if (result.kind !== 'refunded') return failureOutcome(result);
      return {
        kind: 'approved',
        record: refundRecord({ reference: request.reference, newStcPayRefNum: result.newStcPayRefNum, amountHalalas: result.amountHalalas, clientCode: options.clientCode, now: now() }),
      };
    },

    async reverse(_request: ReversalRequest): Promise<TerminalOutcome> {
      return { kind: 'declined', record: null, responseCode: 'NOT_SUPPORTED', reason: REASONS.not_supported };
    },

    async inquire(reference: string, call?: CallOptions): Promise<InquiryOutcome> {
      const info = options.describeReference(reference);
      if (!info) return { kind: 'unreachable', detail: `reference ${reference} is not one of this till's STC Pay intents` };
      if (info.kind !== 'purchase') {
        return { kind: 'unreachable', detail: `STC Pay cannot look up a ${info.kind} by our reference; check it in the STC Pay merchant portal` };
      }
      call?.onStage?.('recovering');
      return inquirePurchase(reference, info.createdAt, call);
    },

    async settle(): Promise<SettlementResult> {
      return { kind: 'unknown', detail: 'STC Pay has no settlement call; reconcile with the STC Pay merchant statement' };
    },

    async health(): Promise<TerminalHealth> {
      const h = await client.health();
      return h.state === 'connected' ? { state: 'connected', connection: h.connection } : { state: 'disconnected', detail: `${h.reason}: ${h.detail}` };
    },

    async close(): Promise<void> {
      // One TLS connection per call: nothing stays open.
    },
  };
}
