// The STC Pay DirectPayment V4 client: Authorize (customer gets an OTP) → Confirm (with the OTP) as two
// explicit steps, PaymentInquiry for recovery, RefundPayment, and a health check.
//
// Money rules (payments.md §6) this file enforces:
//   - Each call is sent at most once. Nothing here retries a request; after `unknown` the caller inquires.
//     (Confirming again after an explicit "wrong OTP" is a new attempt with a new code, not a resend.)
//   - `unknown` whenever the request may have been received and we lack a readable answer: timeout, drop,
//     HTTP 5xx without a recognised refusal, unreadable or contradictory JSON, Confirm's "Pending".
//   - Inquiry says `not_found` only on an explicit answer: an empty TransactionList, or an error whose CODE is
//     configured as "not found" (never a guess from its text). Everything else is `unreachable`.
import { toLatinDigits } from '../../../preload/contract';
import { halalasToSar, sarToHalalas } from './amount';
import { postJson, type CallResult } from './https-call';
import { normaliseSaudiMobile } from './mobile';
import { classifyProviderError, DEFAULT_ERROR_CODES, REASONS, type StcPayReason } from './reasons';
import { secureSetup, type StcPayTlsOptions } from './tls';
import type {
  AuthorizeRequest,
  AuthorizeResult,
  CallControl,
  ConfirmRequest,
  ConfirmResult,
  Failure,
  HealthResult,
  InquiryResult,
  NotSent,
  PaymentStatus,
  RefundResult,
  RefundStcPayRequest,
  StcPayPayment,
  Unknown,
} from './types';
import { PAYMENT_STATUS } from './types';
import {
  authorizeAnswer,
  decodeAnswer,
  encodeRequest,
  inquiryAnswer,
  ksaDate,
  paymentRecord,
  refundAnswer,
  type AmountEncoding,
  type CallName,
  type Decoded,
  type PaymentRecord,
} from './wire';

export const PRODUCTION_BASE_URL = 'https://b2b.stcpay.com.sa/B2B.DirectPayment.WebApi/DirectPayment/V4/';
export const TEST_BASE_URL = 'https://test.b2b.stcpay.com.sa/B2B.DirectPayment.WebApi/DirectPayment/V4/';

export interface StcPayTimeouts {
  /** Until the TLS handshake is done (nothing sent yet). */
  connectMs: number;
  authorizeMs: number;
  /** Confirm moves the money: give STC Pay time to answer rather than drop into `unknown`. */
  confirmMs: number;
  inquiryMs: number;
  refundMs: number;
}

export const DEFAULT_STCPAY_TIMEOUTS: StcPayTimeouts = {
  connectMs: 10_000,
  authorizeMs: 30_000,
  confirmMs: 60_000,
  inquiryMs: 15_000,
  refundMs: 60_000,
};

export interface StcPayClientOptions {
  /** DirectPayment V4 base URL (https only), e.g. PRODUCTION_BASE_URL or the simulator's. */
  baseUrl: string;
  /** Merchant id for the X-ClientCode header. */
  clientCode: string;
  tls: StcPayTlsOptions;
  /** BranchID / TellerID / DeviceID as registered with STC Pay for this till. */
  merchant: { branchId: string; tellerId: string; deviceId: string };
  timeouts?: Partial<StcPayTimeouts>;
  amountEncoding?: AmountEncoding;
  /** STC Pay error code → reason; defaults to the simulator's table (reasons.ts). */
  errorCodes?: Readonly<Record<string, StcPayReason>>;
  now?: () => Date;
}

export interface StcPayClient {
  authorize(request: AuthorizeRequest, control?: CallControl): Promise<AuthorizeResult>;
  confirm(request: ConfirmRequest, control?: CallControl): Promise<ConfirmResult>;
  /** PaymentInquiry for one RefNum; `date` (the payment's day) is sent as PaymentsDate when given. */
  inquire(reference: string, date?: Date, control?: CallControl): Promise<InquiryResult>;
  refund(request: RefundStcPayRequest, control?: CallControl): Promise<RefundResult>;
  /** A PaymentInquiry for a reference that never exists: proves DNS, TLS both ways and X-ClientCode. */
  health(control?: CallControl): Promise<HealthResult>;
  readonly description: string;
}

/** RefNum / bill number / references we send: printable, no surprises in JSON or logs. */
const REFERENCE = /^[A-Za-z0-9_-]{1,50}$/;
const HEALTH_REFERENCE = 'NUQTA-HEALTH-CHECK';

const notSent = (reason: StcPayReason, detail: string): NotSent => ({ kind: 'not_sent', reason, message: REASONS[reason], detail });
const unknown = (reason: StcPayReason, detail: string): Unknown => ({ kind: 'unknown', reason, message: REASONS[reason], detail });

export function toPayment(record: PaymentRecord): StcPayPayment | undefined {
  const status = PAYMENT_STATUS[record.PaymentStatus];
  if (!status) return undefined;
  return {
    reference: record.RefNum,
    stcPayRefNum: record.STCPayRefNum,
    amountHalalas: record.Amount,
    amountReversedHalalas: record.AmountReversed ?? 0,
    status,
    statusCode: record.PaymentStatus,
    statusText: record.PaymentStatusDesc,
    paymentDate: record.PaymentDate,
    merchantId: record.MerchantID ?? null,
    branchId: record.BranchID ?? null,
    tellerId: record.TellerID ?? null,
    deviceId: record.DeviceID ?? null,
  };
}

/** Of several records for one RefNum, the one that matters: money taken beats waiting beats a final "no". */
function decisive(payments: StcPayPayment[]): StcPayPayment {
  const rank: Record<PaymentStatus, number> = { paid: 3, pending: 2, cancelled: 1, expired: 1 };
  return payments.reduce((best, p) => (rank[p.status] > rank[best.status] ? p : best));
}

export function createStcPayClient(options: StcPayClientOptions): StcPayClient {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  if (base.protocol !== 'https:') throw new RangeError('STC Pay is spoken over https only');
  if (!options.clientCode) throw new RangeError('X-ClientCode (merchant id) is required');
  const timeouts: StcPayTimeouts = { ...DEFAULT_STCPAY_TIMEOUTS, ...options.timeouts };
  const codes = options.errorCodes ?? DEFAULT_ERROR_CODES;
  const amountEncoding = options.amountEncoding ?? 'string';
  const now = options.now ?? (() => new Date());
  const setup = secureSetup(options.tls);

  const send = async (call: CallName, fields: Record<string, string>, timeoutMs: number, control?: CallControl): Promise<CallResult | NotSent> => {
    if (!setup.ok) return notSent('client_certificate_invalid', setup.detail);
    return postJson({
      url: new URL(call, base),
      body: encodeRequest(call, fields, amountEncoding),
      headers: { 'X-ClientCode': options.clientCode },
      secureContext: setup.secureContext,
      checkServerIdentity: setup.checkServerIdentity,
      connectTimeoutMs: Math.min(timeouts.connectMs, timeoutMs),
      timeoutMs,
      signal: control?.signal,
    });
  };

  /**
   * The common reading of a money-moving call's result (Authorize, Confirm, Refund): an answer body to decode, a
   * refusal, or a failure that is `not_sent` or `unknown` depending on whether STC Pay may have it.
   */
  const settle = <T>(
    call: CallName,
    result: CallResult | NotSent,
    decode: (body: string) => Decoded<T>,
  ): { kind: 'message'; message: T } | Failure => {
    if (result.kind === 'not_sent') {
      if ('message' in result) return result;
      return notSent(result.reason, result.detail);
    }
    if (result.kind === 'lost') return unknown(result.reason, result.detail);
    if (result.truncated) return unknown('malformed', `${call}: answer larger than allowed`);
    const decoded: Decoded<T> = result.body.trim() === '' ? { kind: 'malformed', detail: 'empty body' } : decode(result.body);
    if (decoded.kind === 'error') {
      const c = classifyProviderError(decoded.error, result.status, codes);
      // A 5xx that carries no refusal we recognise may have been processed half-way: unknown, not "declined".
      if (c.source === 'status' && c.reason === 'server_error') return unknown('server_error', `HTTP ${result.status} ${decoded.error.code} ${decoded.error.text}`);
      return {
        kind: 'refused',
        reason: c.reason,
        message: REASONS[c.reason],
        code: decoded.error.code,
        providerText: decoded.error.text,
        otpRetry: c.reason === 'wrong_otp',
      };
    }
    if (result.status >= 500) return unknown('server_error', `HTTP ${result.status}`);
    if (decoded.kind === 'malformed') return unknown('malformed', `${call}: HTTP ${result.status}, ${decoded.detail}`);
    if (result.status < 200 || result.status > 299) {
      // A non-2xx status around what reads like an answer is contradictory: unknown, never success.
      return unknown('malformed', `${call}: HTTP ${result.status} without an error object`);
    }
    return decoded;
  };

  return {
    description: `STC Pay ${base.host}`,

    async authorize(request, control) {
      if (!REFERENCE.test(request.reference) || !REFERENCE.test(request.billNumber)) {
        return notSent('invalid_request', 'reference and bill number: 1-50 of A-Z a-z 0-9 _ -');
      }
      let amount: string;
      try {
        amount = halalasToSar(request.amountHalalas);
      } catch (err) {
        return notSent('invalid_request', (err as Error).message);
      }
      const mobile = normaliseSaudiMobile(request.mobile);
      if (!mobile.ok) return { kind: 'not_sent', reason: 'invalid_mobile', message: mobile.reason, detail: 'not a Saudi mobile number' };
      const fields = {
        BranchID: options.merchant.branchId,
        TellerID: options.merchant.tellerId,
        DeviceID: options.merchant.deviceId,
        RefNum: request.reference,
        BillNumber: request.billNumber,
        MobileNo: mobile.msisdn,
        Amount: amount,
        MerchantNote: (request.merchantNote ?? '').slice(0, 100),
      };
      const started = now();
      const raw = await send('DirectPaymentAuthorize', fields, timeouts.authorizeMs, control);
      const out = settle('DirectPaymentAuthorize', raw, (body) => decodeAnswer('DirectPaymentAuthorize', body, authorizeAnswer));
      if (out.kind !== 'message') return out;
      return {
        kind: 'authorized',
        reference: request.reference,
        otpReference: out.message.OtpReference,
        stcPayPmtReference: out.message.STCPayPmtReference,
        expirySeconds: out.message.ExpiryDuration,
        expiresAt: new Date(started.getTime() + out.message.ExpiryDuration * 1000),
        msisdn: mobile.msisdn,
        amountHalalas: request.amountHalalas,
      };
    },

    async confirm(request, control) {
      const otp = toLatinDigits(String(request.otp ?? '')).replace(/\s/g, '');
      if (!/^\d{4,8}$/.test(otp)) return notSent('otp_format', 'the code must be 4-8 digits');
      if (!REFERENCE.test(request.reference)) return notSent('invalid_request', 'reference: 1-50 of A-Z a-z 0-9 _ -');
      const fields = { STCPayPmtReference: request.stcPayPmtReference, OtpReference: request.otpReference, OtpValue: otp };
      const raw = await send('DirectPaymentConfirm', fields, timeouts.confirmMs, control);
      const out = settle('DirectPaymentConfirm', raw, (body) => decodeAnswer('DirectPaymentConfirm', body, paymentRecord));
      if (out.kind !== 'message') return out;
      const payment = toPayment(out.message);
      if (!payment) return unknown('malformed', `DirectPaymentConfirm: PaymentStatus ${out.message.PaymentStatus} is not one we know`);
      // An answer about some other payment is no answer about ours.
      if (payment.reference !== request.reference) return unknown('malformed', `DirectPaymentConfirm answered for RefNum ${payment.reference}`);
      if (payment.status === 'paid') return { kind: 'paid', payment };
      if (payment.status === 'pending') return unknown('pending', 'DirectPaymentConfirm answered Pending');
      return { kind: 'refused', reason: payment.status, message: REASONS[payment.status], code: String(payment.statusCode), providerText: payment.statusText, otpRetry: false };
    },

    async inquire(reference, date, control) {
      const fields: Record<string, string> = { RefNum: reference };
      if (date) fields.PaymentsDate = ksaDate(date);
      const raw = await send('PaymentInquiry', fields, timeouts.inquiryMs, control);
      if (raw.kind === 'not_sent') return { kind: 'unreachable', reason: raw.reason, message: REASONS[raw.reason], detail: raw.detail };
      if (raw.kind === 'lost') return { kind: 'unreachable', reason: raw.reason, message: REASONS[raw.reason], detail: raw.detail };
      const unreachable = (reason: StcPayReason, detail: string): InquiryResult => ({ kind: 'unreachable', reason, message: REASONS[reason], detail });
      if (raw.truncated) return unreachable('malformed', 'answer larger than allowed');
      const decoded = decodeAnswer('PaymentInquiry', raw.body, inquiryAnswer);
      if (decoded.kind === 'error') {
        const c = classifyProviderError(decoded.error, raw.status, codes);
        if (c.reason === 'not_found' && c.source === 'code') return { kind: 'not_found' };
        return unreachable(c.reason, `HTTP ${raw.status} ${decoded.error.code} ${decoded.error.text}`);
      }
      if (raw.status < 200 || raw.status > 299) return unreachable(raw.status >= 500 ? 'server_error' : 'malformed', `HTTP ${raw.status}`);
      if (decoded.kind === 'malformed') return unreachable('malformed', decoded.detail);
      const list = decoded.message.TransactionList;
      if (list.length === 0) return { kind: 'not_found' };
      const ours = list.filter((r) => r.RefNum === reference);
      // Transactions, but none of them ours: a contradictory answer, not a "no".
      if (ours.length === 0) return unreachable('malformed', `TransactionList has ${list.length} entries, none for RefNum ${reference}`);
      const payments: StcPayPayment[] = [];
      for (const r of ours) {
        const p = toPayment(r);
        if (!p) return unreachable('malformed', `PaymentStatus ${r.PaymentStatus} is not one we know`);
        payments.push(p);
      }
      const chosen = decisive(payments);
      return { kind: 'found', status: chosen.status, payment: chosen, all: payments };
    },

    async refund(request, control) {
      if (!REFERENCE.test(request.stcPayRefNum)) return notSent('invalid_request', 'STCPayRefNum: 1-50 of A-Z a-z 0-9 _ -');
      let amount: string;
      try {
        amount = halalasToSar(request.amountHalalas);
      } catch (err) {
        return notSent('invalid_request', (err as Error).message);
      }
      const raw = await send('RefundPayment', { STCPayRefNum: request.stcPayRefNum, Amount: amount }, timeouts.refundMs, control);
      const out = settle('RefundPayment', raw, (body) => decodeAnswer('RefundPayment', body, refundAnswer));
      if (out.kind !== 'message') {
        // "Not found" from RefundPayment is about the original payment: the refund itself is refused.
        return out.kind === 'refused' && out.reason !== 'refund_refused' && out.reason !== 'client_code_rejected'
          ? { ...out, reason: 'refund_refused', message: { en: `${REASONS.refund_refused.en} ${out.message.en}`, ar: `${REASONS.refund_refused.ar} ${out.message.ar}` } }
          : out;
      }
      return { kind: 'refunded', newStcPayRefNum: out.message.NewSTCPayRefNum, stcPayRefNum: request.stcPayRefNum, amountHalalas: request.amountHalalas };
    },

    async health(control) {
      const raw = await send('PaymentInquiry', { RefNum: HEALTH_REFERENCE }, timeouts.inquiryMs, control);
      const down = (reason: StcPayReason, detail: string): HealthResult => ({ state: 'disconnected', reason, message: REASONS[reason], detail });
      if (raw.kind === 'not_sent') return down(raw.reason, raw.detail);
      if (raw.kind === 'lost') return down(raw.reason, raw.detail);
      const decoded = decodeAnswer('PaymentInquiry', raw.body, inquiryAnswer);
      if (decoded.kind === 'malformed') return down(raw.status >= 500 ? 'server_error' : 'malformed', `HTTP ${raw.status}: ${decoded.detail}`);
      if (decoded.kind === 'error') {
        const c = classifyProviderError(decoded.error, raw.status, codes);
        if (c.reason === 'client_code_rejected' || raw.status >= 500) return down(c.reason === 'client_code_rejected' ? c.reason : 'server_error', `HTTP ${raw.status} ${decoded.error.code} ${decoded.error.text}`);
      }
      return { state: 'connected', connection: raw.connection };
    },
  };
}

/** sarToHalalas, re-exported for callers that show STC Pay's own amounts. */
export { sarToHalalas };
