// The simulator's STC Pay: one payment per RefNum, with the OTP table deciding how Confirm ends. Pure logic
// over a ledger object (no sockets), so the HTTP layer can process a request now and answer later, or never.
//
// OTP table (Confirm's OtpValue):
//   123456  paid
//   111111  insufficient balance      → error 1003, payment Cancelled (4)
//   222222  OTP expired               → error 1002, payment Expired (5)
//   333333  paid, but the answer comes only after `timeoutOtpDelayMs` (the till times out: unknown → inquiry)
//   444444  customer cancelled        → answer with PaymentStatus 4
//   other   wrong OTP                 → error 1001; the third wrong code cancels the payment (error 1009)
// A Confirm after ExpiryDuration → error 1002 and the payment Expired; an inquiry after it shows Expired.
import { randomInt } from 'node:crypto';
import { sarToHalalas } from '../../payments/stcpay';
import type { SimLedger, SimPayment } from './types';
import { decimal, encode, errorBody } from './wire-out';

export const OTP = { paid: '123456', insufficientBalance: '111111', expired: '222222', timesOut: '333333', cancelled: '444444' } as const;

/** Mobile numbers with no STC Pay wallet: Authorize refuses them (1005). */
export const NO_WALLET_MOBILE = '966599999999';

export const ERROR = {
  wrongOtp: ['1001', 'Invalid OTP value'],
  otpExpired: ['1002', 'OTP has expired'],
  insufficientBalance: ['1003', 'Insufficient balance in customer wallet'],
  duplicate: ['1004', 'Duplicate RefNum'],
  invalidMobile: ['1005', 'Invalid mobile number or customer has no wallet'],
  notFound: ['1006', 'Payment not found'],
  refundRefused: ['1007', 'Refund not allowed'],
  invalidRequest: ['1008', 'Invalid request'],
  tooManyWrongOtps: ['1009', 'Too many invalid OTP attempts; payment cancelled'],
  clientCode: ['1010', 'Invalid X-ClientCode'],
} as const satisfies Record<string, readonly [string, string]>;

export interface Answer {
  status: number;
  body: string;
  /** Answer only after this many ms (the payment has already taken effect). */
  delayMs?: number;
}

export interface LedgerOptions {
  otpExpirySeconds: number;
  timeoutOtpDelayMs: number;
  now: () => Date;
  onChange: (payment: SimPayment) => void;
}

const digits = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');
const fail = ([code, text]: readonly [string, string], status = 400, detail?: string): Answer => ({ status, body: errorBody(code, detail ? `${text}: ${detail}` : text) });
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);

/** A ISO-8601 time with the Saudi offset, as a .NET service in Riyadh would write it. */
const ksaTime = (at: Date) => `${new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 19)}+03:00`;

export function emptyLedger(): SimLedger {
  return { payments: [], authorizeRequests: {} };
}

export function createLedgerLogic(ledger: SimLedger, options: LedgerOptions) {
  const byRef = (refNum: string) => ledger.payments.find((p) => p.refNum === refNum);
  const changed = (p: SimPayment) => options.onChange(p);

  /** Pending past its expiry becomes Expired, whoever looks first. */
  const age = (p: SimPayment) => {
    if (p.status === 1 && options.now().getTime() > Date.parse(p.expiresAt)) {
      p.status = 5;
      p.outcome = 'expired';
      changed(p);
    }
  };

  const record = (p: SimPayment) => ({
    MerchantID: 'SIM-MERCHANT',
    BranchID: 'SIM',
    TellerID: 'SIM',
    DeviceID: 'SIM',
    RefNum: p.refNum,
    STCPayRefNum: p.stcPayRefNum ?? '',
    Amount: decimal(p.amountHalalas),
    AmountReversed: decimal(p.amountReversedHalalas),
    PaymentDate: p.paymentDate ?? p.createdAt,
    PaymentStatus: p.status,
    PaymentStatusDesc: { 1: 'Pending', 2: 'Paid', 4: 'Cancelled', 5: 'Expired' }[p.status],
  });

  return {
    /** Counts the arrival; call for every Authorize, whatever happens to it next. */
    countAuthorize(fields: Record<string, unknown>) {
      const refNum = str(fields.RefNum) ?? '';
      ledger.authorizeRequests[refNum] = (ledger.authorizeRequests[refNum] ?? 0) + 1;
    },

    authorize(fields: Record<string, unknown>): Answer {
      const refNum = str(fields.RefNum);
      const mobile = str(fields.MobileNo);
      const amountText = str(fields.Amount) ?? '';
      const amount = sarToHalalas(amountText);
      if (!refNum) return fail(ERROR.invalidRequest, 400, 'RefNum missing');
      if (amount === undefined || amount <= 0) return fail(ERROR.invalidRequest, 400, `Amount ${amountText}`);
      if (!mobile || !/^9665\d{8}$/.test(mobile)) return fail(ERROR.invalidMobile);
      if (byRef(refNum)) return fail(ERROR.duplicate);
      if (mobile === NO_WALLET_MOBILE) return fail(ERROR.invalidMobile);
      const now = options.now();
      const p: SimPayment = {
        refNum,
        billNumber: str(fields.BillNumber) ?? '',
        mobile,
        amountHalalas: amount,
        status: 1,
        outcome: null,
        stcPayPmtReference: digits(10),
        otpReference: digits(10),
        stcPayRefNum: null,
        createdAt: ksaTime(now),
        expiresAt: new Date(now.getTime() + options.otpExpirySeconds * 1000).toISOString(),
        paymentDate: null,
        wrongOtps: 0,
        confirmRequests: 0,
        amountReversedHalalas: 0,
        refunds: [],
      };
      ledger.payments.push(p);
      changed(p);
      return {
        status: 200,
        body: encode({
          DirectPaymentAuthorizeV4ResponseMessage: { OtpReference: p.otpReference, STCPayPmtReference: p.stcPayPmtReference, ExpiryDuration: options.otpExpirySeconds },
        }),
      };
    },

    confirm(fields: Record<string, unknown>): Answer {
      const pmt = str(fields.STCPayPmtReference);
      const otpRef = str(fields.OtpReference);
      const otp = str(fields.OtpValue) ?? '';
      const p = ledger.payments.find((x) => x.stcPayPmtReference === pmt && x.otpReference === otpRef);
      if (!p) return fail(ERROR.notFound);
      p.confirmRequests += 1;
      age(p);
      if (p.status === 5) return fail(ERROR.otpExpired);
      if (p.status !== 1) return fail(ERROR.invalidRequest, 400, `payment is no longer pending (status ${p.status})`);
      const end = (status: 2 | 4 | 5, outcome: string) => {
        p.status = status;
        p.outcome = outcome;
        if (status === 2) {
          p.stcPayRefNum = digits(12);
          p.paymentDate = ksaTime(options.now());
        }
        changed(p);
      };
      const answer = (): Answer => ({ status: 200, body: encode({ DirectPaymentConfirmV4ResponseMessage: { ...record(p), TokenId: '' } }) });
      switch (otp) {
        case OTP.paid:
          end(2, 'paid');
          return answer();
        case OTP.timesOut:
          end(2, 'paid');
          return { ...answer(), delayMs: options.timeoutOtpDelayMs };
        case OTP.insufficientBalance:
          end(4, 'insufficient_balance');
          return fail(ERROR.insufficientBalance);
        case OTP.expired:
          end(5, 'otp_expired');
          return fail(ERROR.otpExpired);
        case OTP.cancelled:
          end(4, 'customer_cancelled');
          return answer();
        default:
          p.wrongOtps += 1;
          if (p.wrongOtps >= 3) {
            end(4, 'too_many_wrong_otps');
            return fail(ERROR.tooManyWrongOtps);
          }
          changed(p);
          return fail(ERROR.wrongOtp);
      }
    },

    inquire(fields: Record<string, unknown>): Answer {
      const refNum = str(fields.RefNum);
      if (!refNum) return fail(ERROR.invalidRequest, 400, 'RefNum missing');
      const date = str(fields.PaymentsDate);
      const p = byRef(refNum);
      if (p) age(p);
      // PaymentsDate, when sent, must be the payment's day in Saudi time (the simulator's reading of it).
      const match = p && (!date || date.slice(0, 10) === p.createdAt.slice(0, 10));
      return { status: 200, body: encode({ PaymentInquiryV4ResponseMessage: { TransactionList: match ? [record(p)] : [] } }) };
    },

    refund(fields: Record<string, unknown>): Answer {
      const ref = str(fields.STCPayRefNum);
      const amountText = str(fields.Amount) ?? '';
      const amount = sarToHalalas(amountText);
      const p = ledger.payments.find((x) => x.stcPayRefNum !== null && x.stcPayRefNum === ref);
      if (!p) return fail(ERROR.notFound);
      if (amount === undefined || amount <= 0) return fail(ERROR.invalidRequest, 400, `Amount ${amountText}`);
      if (p.status !== 2) return fail(ERROR.refundRefused, 400, 'payment is not paid');
      if (amount > p.amountHalalas - p.amountReversedHalalas) return fail(ERROR.refundRefused, 400, 'more than what is left of the payment');
      const newStcPayRefNum = digits(12);
      p.amountReversedHalalas += amount;
      p.refunds.push({ newStcPayRefNum, amountHalalas: amount, at: ksaTime(options.now()) });
      changed(p);
      return { status: 200, body: encode({ RefundPaymentResponseMessage: { NewSTCPayRefNum: newStcPayRefNum } }) };
    },
  };
}
