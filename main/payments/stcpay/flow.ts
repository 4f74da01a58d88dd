// The whole STC Pay purchase as one call, for callers that speak PaymentConnector.purchase(): mobile number →
// Authorize → the customer's OTP → Confirm (again after a wrong OTP, up to `maxOtpAttempts`). The cashier's
// screen supplies the mobile number and the OTP through `StcPayInteraction`.
//
// Why stopping before Confirm is `declined`, not `unknown`: in DirectPayment the money moves only when the
// merchant sends DirectPaymentConfirm with the customer's OTP [inferred from the API's shape: the OTP
// reference and payment reference exist only in our Authorize answer]. If the cashier stops — or the OTP
// expires — before a Confirm was sent, nothing can have been charged; the authorization lapses at STC Pay.
// Once any Confirm may have been received without a readable answer, the outcome is `unknown`.
import type { CallOptions, TerminalOutcome } from '../connector';
import type { StcPayClient } from './client';
import { REASONS, type Bilingual, type StcPayReason } from './reasons';
import { failureOutcome, NOT_SENT_CODE, paymentRecord } from './record';
import type { Authorization } from './types';

export interface StcPayInteraction {
  /** The customer's mobile number (05…, +9665…, 9665…) and bill number; null when the cashier gives up. */
  customer(request: { reference: string; amountHalalas: number }, signal?: AbortSignal): Promise<{ mobile: string; billNumber?: string } | null>;
  /** The OTP the customer reads out; null to stop. Asked again after a wrong OTP with `lastError` set. */
  otp(prompt: { reference: string; attempt: number; expiresAt: Date; lastError: Bilingual | null }, signal?: AbortSignal): Promise<string | null>;
}

export interface PurchaseFlowOptions extends CallOptions {
  maxOtpAttempts?: number;
  clientCode: string;
  now?: () => Date;
}

const RETRYABLE_NOT_SENT: ReadonlySet<StcPayReason> = new Set(['otp_format', 'unreachable', 'dns']);

// Declined without a Confirm having been sent: nothing can have been charged (see the header).
const declinedBeforeSend = (reason: Bilingual, code = NOT_SENT_CODE): TerminalOutcome => ({ kind: 'declined', record: null, responseCode: code, reason });

export async function runStcPayPurchase(
  client: StcPayClient,
  request: { reference: string; amountHalalas: number },
  interaction: StcPayInteraction,
  options: PurchaseFlowOptions,
): Promise<TerminalOutcome> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxOtpAttempts ?? 3;
  const signal = options.signal;

  const customer = await interaction.customer(request, signal);
  if (!customer || signal?.aborted) return declinedBeforeSend(REASONS.cancelled_by_cashier);

  options.onStage?.('connecting');
  const auth = await client.authorize(
    { reference: request.reference, amountHalalas: request.amountHalalas, mobile: customer.mobile, billNumber: customer.billNumber ?? request.reference },
    { signal },
  );
  if (auth.kind !== 'authorized') return failureOutcome(auth);
  // The customer now has an SMS: from here the cashier follows the customer, as with a card on a terminal.
  options.onStage?.('sent');
  return confirmLoop(client, auth, interaction, { ...options, maxOtpAttempts: maxAttempts, now });
}

async function confirmLoop(
  client: StcPayClient,
  auth: Authorization,
  interaction: StcPayInteraction,
  options: PurchaseFlowOptions & { maxOtpAttempts: number; now: () => Date },
): Promise<TerminalOutcome> {
  let lastError: Bilingual | null = null;
  for (let attempt = 1; attempt <= options.maxOtpAttempts; attempt += 1) {
    if (options.now() >= auth.expiresAt) return declinedBeforeSend(REASONS.expired_otp, 'OTP_EXPIRED');
    const otp = await interaction.otp({ reference: auth.reference, attempt, expiresAt: auth.expiresAt, lastError }, options.signal);
    if (otp === null || options.signal?.aborted) return declinedBeforeSend(REASONS.cancelled_by_cashier, 'CASHIER_CANCELLED');
    options.onStage?.('awaiting_result');
    const result = await client.confirm(
      { reference: auth.reference, stcPayPmtReference: auth.stcPayPmtReference, otpReference: auth.otpReference, otp },
      { signal: options.signal },
    );
    if (result.kind === 'paid') {
      return { kind: 'approved', record: paymentRecord(result.payment, { msisdn: auth.msisdn, clientCode: options.clientCode, stcPayPmtReference: auth.stcPayPmtReference, now: options.now() }) };
    }
    // A wrong code, or a Confirm that provably never left (line down, code not digits): the authorization
    // still stands, so the customer may give the code again. A configuration fault will not heal by asking.
    if ((result.kind === 'refused' && result.otpRetry) || (result.kind === 'not_sent' && RETRYABLE_NOT_SENT.has(result.reason))) {
      lastError = result.message;
      continue;
    }
    return failureOutcome(result);
  }
  return declinedBeforeSend(lastError ?? REASONS.wrong_otp, 'OTP_ATTEMPTS');
}
