// What the STC Pay client answers. Three ways a call can fail, and the difference is what the caller may do:
//   refused  — STC Pay answered no. Final for this request (a wrong OTP may be re-entered: `otpRetry`).
//   not_sent — provably never reached STC Pay (checked locally, DNS, certificates, refused connection).
//   unknown  — may have been received and acted on. Never resend: inquire (PaymentInquiry) instead.
import type { ConnectionFacts } from './https-call';
import type { Bilingual, StcPayReason } from './reasons';

export type { Bilingual, StcPayReason };

export type Refused = {
  kind: 'refused';
  reason: StcPayReason;
  message: Bilingual;
  /** STC Pay's error code and text, verbatim, when it sent them. */
  code: string | null;
  providerText: string | null;
  /** Wrong OTP: the same authorization may be confirmed again with a new code. */
  otpRetry: boolean;
};
export type NotSent = { kind: 'not_sent'; reason: StcPayReason; message: Bilingual; detail: string };
export type Unknown = { kind: 'unknown'; reason: StcPayReason; message: Bilingual; detail: string };
export type Failure = Refused | NotSent | Unknown;

/** PaymentStatus as STC Pay reports it (payments.md §4: 1 Pending, 2 Paid, 4 Cancelled, 5 Expired). */
export type PaymentStatus = 'pending' | 'paid' | 'cancelled' | 'expired';
export const PAYMENT_STATUS: Readonly<Record<number, PaymentStatus>> = { 1: 'pending', 2: 'paid', 4: 'cancelled', 5: 'expired' };

export interface StcPayPayment {
  /** RefNum: our intent reference. */
  reference: string;
  stcPayRefNum: string;
  amountHalalas: number;
  amountReversedHalalas: number;
  status: PaymentStatus;
  statusCode: number;
  statusText: string;
  /** As STC Pay sent it. */
  paymentDate: string;
  merchantId: string | null;
  branchId: string | null;
  tellerId: string | null;
  deviceId: string | null;
}

export interface Authorization {
  kind: 'authorized';
  reference: string;
  otpReference: string;
  stcPayPmtReference: string;
  /** ExpiryDuration as sent ([inferred] seconds) and the moment that makes on our clock. */
  expirySeconds: number;
  expiresAt: Date;
  msisdn: string;
  amountHalalas: number;
}

export type AuthorizeResult = Authorization | Failure;
export type ConfirmResult = { kind: 'paid'; payment: StcPayPayment } | Failure;
export type RefundResult = { kind: 'refunded'; newStcPayRefNum: string; stcPayRefNum: string; amountHalalas: number } | Failure;

export type InquiryResult =
  | { kind: 'found'; status: PaymentStatus; payment: StcPayPayment; all: StcPayPayment[] }
  /** STC Pay answered, and has no payment with this RefNum (on that date). */
  | { kind: 'not_found' }
  /** No usable answer: still unknown. The caller may ask again later (with backoff). */
  | { kind: 'unreachable'; reason: StcPayReason; message: Bilingual; detail: string };

export type HealthResult = { state: 'connected'; connection: ConnectionFacts } | { state: 'disconnected'; reason: StcPayReason; message: Bilingual; detail: string };

export interface CallControl {
  signal?: AbortSignal;
}

export interface AuthorizeRequest {
  reference: string;
  amountHalalas: number;
  /** As typed: 05…, 9665…, +9665…; normalised (and refused if not a Saudi mobile) before sending. */
  mobile: string;
  billNumber: string;
  merchantNote?: string;
}

export interface ConfirmRequest {
  reference: string;
  stcPayPmtReference: string;
  otpReference: string;
  otp: string;
}

export interface RefundStcPayRequest {
  /** STCPayRefNum of the paid payment. */
  stcPayRefNum: string;
  amountHalalas: number;
  /** Our refund intent's reference: for our records only (RefundPayment carries no merchant reference). */
  reference: string;
}
