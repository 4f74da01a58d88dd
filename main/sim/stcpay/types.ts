// The STC Pay simulator's script and record types. See README.md for the OTP table and the behaviours.

export type SimCall = 'DirectPaymentAuthorize' | 'DirectPaymentConfirm' | 'PaymentInquiry' | 'RefundPayment';

/**
 * One scripted behaviour, used by the next request it matches (`call`, default any), then discarded.
 *   slow      wait delayMs, then process and answer (an inquiry meanwhile sees nothing new)
 *   late      process at once, answer after delayMs ("answers after the till gave up")
 *   hang      never answer, never process (the request is lost inside the provider)
 *   reset     process (default) or not, then drop the connection without an answer
 *   duplicate refuse as a duplicate RefNum (code 1004) without processing
 *   status    answer HTTP `status` (default 503) with `body` (default a non-JSON page); `process` decides
 *             whether the request took effect first (default false)
 *   malformed process (default) or not, then answer 200 with broken JSON
 *   error     answer STC Pay's error object {Code, Text, Type} with `code`/`text`/`httpStatus` (default 400)
 */
export type SimBehaviour =
  | { call?: SimCall; action: 'slow'; delayMs: number }
  | { call?: SimCall; action: 'late'; delayMs: number }
  | { call?: SimCall; action: 'hang' }
  | { call?: SimCall; action: 'reset'; process?: boolean }
  | { call?: SimCall; action: 'duplicate' }
  | { call?: SimCall; action: 'status'; status?: number; body?: string; process?: boolean }
  | { call?: SimCall; action: 'malformed'; process?: boolean }
  | { call?: SimCall; action: 'error'; code: string; text: string; httpStatus?: number };

/** PaymentStatus: 1 Pending, 2 Paid, 4 Cancelled, 5 Expired. */
export type SimStatus = 1 | 2 | 4 | 5;

export interface SimPayment {
  refNum: string;
  billNumber: string;
  mobile: string;
  amountHalalas: number;
  status: SimStatus;
  /** Why it ended where it did: paid, insufficient_balance, otp_expired, expired, customer_cancelled, too_many_wrong_otps. */
  outcome: string | null;
  stcPayPmtReference: string;
  otpReference: string;
  stcPayRefNum: string | null;
  createdAt: string;
  expiresAt: string;
  paymentDate: string | null;
  wrongOtps: number;
  confirmRequests: number;
  amountReversedHalalas: number;
  refunds: Array<{ newStcPayRefNum: string; amountHalalas: number; at: string }>;
}

export interface SimLedger {
  payments: SimPayment[];
  /** Authorize requests that ARRIVED per RefNum (duplicates and refusals included): must stay ≤ 1 per intent. */
  authorizeRequests: Record<string, number>;
}

export type SimEvent =
  | { event: 'request'; call: SimCall | 'unknown'; refNum: string | null; behaviour: SimBehaviour['action'] | null }
  | { event: 'transaction'; payment: SimPayment };
