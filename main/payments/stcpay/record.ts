// STC Pay answers as the till's protocol-neutral TerminalRecord (connector.ts), so the intent and ledger
// machinery can store them like any other approval. There is no card: scheme STCPAY, label "STC Pay", wallet
// other_wallet, scheme STCPAY; the customer is identified by a masked mobile number in place of a PAN; STC Pay's payment
// reference (STCPayRefNum) is the RRN, because it is what RefundPayment needs later. Verification is left
// `unknown` rather than claiming a card-style CVM the receipt would then print.
import type { TerminalOutcome, TerminalRecord } from '../connector';
import { maskMobile } from './mobile';
import type { Failure, StcPayPayment } from './types';

/** responseCode for outcomes where nothing reached STC Pay (same meaning as the ECR connector's NOT_SENT). */
export const NOT_SENT_CODE = 'NOT_SENT';

function isoOr(date: string, fallback: Date): string {
  const t = Date.parse(date);
  return Number.isNaN(t) ? fallback.toISOString() : new Date(t).toISOString();
}

export function paymentRecord(payment: StcPayPayment, extra: { msisdn?: string; clientCode: string; stcPayPmtReference?: string; now: Date }): TerminalRecord {
  const paid = payment.status === 'paid';
  return {
    reference: payment.reference,
    responseCode: String(payment.statusCode),
    approved: paid,
    amountHalalas: payment.amountHalalas,
    scheme: 'STCPAY',
    schemeLabel: 'STC Pay',
    wallet: 'other_wallet',
    verification: 'unknown',
    entryMode: 'unknown',
    maskedPan: extra.msisdn ? maskMobile(extra.msisdn) : '',
    authCode: extra.stcPayPmtReference ?? '',
    rrn: payment.stcPayRefNum,
    stan: '',
    tid: payment.deviceId ?? '',
    mid: payment.merchantId ?? extra.clientCode,
    at: isoOr(payment.paymentDate, extra.now),
    texts: paid
      ? { en: `STC Pay — PAID ${payment.statusText}`.trim(), ar: 'STC Pay — مدفوعة' }
      : { en: `STC Pay — ${payment.status.toUpperCase()} ${payment.statusText}`.trim(), ar: payment.status === 'expired' ? 'STC Pay — منتهية' : 'STC Pay — ملغاة' },
  };
}

export function refundRecord(input: { reference: string; newStcPayRefNum: string; amountHalalas: number; clientCode: string; now: Date }): TerminalRecord {
  return {
    reference: input.reference,
    responseCode: 'REFUNDED',
    approved: true,
    amountHalalas: input.amountHalalas,
    scheme: 'STCPAY',
    schemeLabel: 'STC Pay',
    wallet: 'other_wallet',
    verification: 'unknown',
    entryMode: 'unknown',
    maskedPan: '',
    authCode: '',
    rrn: input.newStcPayRefNum,
    stan: '',
    tid: '',
    mid: input.clientCode,
    at: input.now.toISOString(),
    texts: { en: 'STC Pay — REFUNDED', ar: 'STC Pay — مستردة' },
  };
}

/** A failed STC Pay call as the connector vocabulary: refused/not_sent → declined, unknown → unknown. */
export function failureOutcome(failure: Failure): TerminalOutcome {
  if (failure.kind === 'unknown') {
    const why = failure.reason === 'timeout' ? 'timeout' : failure.reason === 'malformed' ? 'corrupt' : failure.reason === 'abandoned' ? 'cancelled' : 'disconnected';
    return { kind: 'unknown', why, detail: `${failure.reason}: ${failure.detail}` };
  }
  return {
    kind: 'declined',
    record: null,
    responseCode: failure.kind === 'not_sent' ? NOT_SENT_CODE : (failure.code ?? failure.reason),
    reason: failure.message,
  };
}
