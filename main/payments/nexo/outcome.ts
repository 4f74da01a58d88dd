// What an answer means for money (rules in codes.ts): Payment/Reversal responses → TerminalOutcome,
// TransactionStatus → found / in progress / not found / unreachable, Reconciliation → SettlementTotals,
// Diagnosis → TerminalHealth. Every check that fails makes the answer `unknown` / `unreachable`, never declined.
import type { SettlementTotals, TerminalHealth, TerminalOutcome } from '../connector';
import { sanitizeText } from '../ecr/pan';
import { sarToHalalas } from './amount';
import { DECLINING, failureReason } from './codes';
import { arr, obj, path, str, type JsonObject } from './json';
import { toTerminalRecord } from './record';
import { additionalFields, bodyOf, headerMismatch, readHeader, type Answer } from './response';
import { serviceIdOf } from './service-id';
import type { FinancialCategory, MessageHeader } from './types';

type Final = Extract<TerminalOutcome, { kind: 'approved' | 'declined' }>;
type Unknown = Extract<TerminalOutcome, { kind: 'unknown' }>;

export interface OutcomeContext {
  reference: string;
  /** The amount we asked for (purchase, refund); null when unknown (an inquiry after a crash). */
  requestedHalalas: number | null;
  /** True for the POI's stored final answer repeated inside a TransactionStatus. */
  repeated: boolean;
  poiId: string;
  now: () => Date;
}

const APPROVED_TEXTS = { en: 'APPROVED', ar: 'مقبولة' };

const corrupt = (detail: string): Unknown => ({ kind: 'unknown', why: 'corrupt', detail });

interface ReadResponse {
  result: string;
  condition: string;
  providerText: string;
}

function readResponse(body: JsonObject): ReadResponse | null {
  const r = obj(body.Response);
  const result = str(r?.Result);
  if (!r || !result) return null;
  const extra = additionalFields(str(r.AdditionalResponse) ?? '');
  return {
    result,
    condition: str(r.ErrorCondition) ?? '',
    providerText: sanitizeText(extra.get('refusalReason') ?? extra.get('message') ?? ''),
  };
}

/** Why a live Failure that is not a verdict on the transaction leaves it unknown. */
function unknownWhy(condition: string): Unknown['why'] {
  if (condition === 'Busy' || condition === 'InProgress') return 'busy';
  if (condition === 'UnreachableHost' || condition === 'DeviceOut' || condition === 'UnavailableDevice') return 'disconnected';
  return 'corrupt';
}

function verdict(
  body: JsonObject,
  ctx: OutcomeContext,
  amountField: { value: unknown; present: boolean; what: string },
): TerminalOutcome {
  const r = readResponse(body);
  if (!r) return corrupt('answer without Response.Result');
  const fallbackAt = ctx.now().toISOString();
  if (r.result === 'Success' || r.result === 'Partial') {
    let amount: number | null;
    if (amountField.present) {
      amount = sarToHalalas(amountField.value);
      if (amount === null) return corrupt(`unreadable ${amountField.what} ${JSON.stringify(amountField.value)}`);
    } else {
      // A full approval of what we asked may omit the amount; a partial one, or one we cannot compare, may not.
      amount = r.result === 'Success' ? ctx.requestedHalalas : null;
      if (amount === null) return corrupt(`approval carries no ${amountField.what}`);
    }
    const record = toTerminalRecord(body, { reference: ctx.reference, amountHalalas: amount, approved: true, responseCode: r.result, poiId: ctx.poiId, fallbackAt, texts: APPROVED_TEXTS });
    return { kind: 'approved', record };
  }
  if (r.result !== 'Failure') return corrupt(`unknown Result ${JSON.stringify(r.result)}`);
  if (!ctx.repeated && !DECLINING.has(r.condition)) {
    return { kind: 'unknown', why: unknownWhy(r.condition), detail: `Failure ${r.condition || '(no ErrorCondition)'}${r.providerText ? `: ${r.providerText}` : ''}` };
  }
  const reason = failureReason(r.condition, r.providerText);
  const record = toTerminalRecord(body, {
    reference: ctx.reference,
    amountHalalas: ctx.requestedHalalas ?? 0,
    approved: false,
    responseCode: r.condition || 'Failure',
    poiId: ctx.poiId,
    fallbackAt,
    texts: reason,
  });
  return { kind: 'declined', record, responseCode: r.condition || 'Failure', reason };
}

/** A PaymentResponse to our Payment (live) or repeated by TransactionStatus. */
export function paymentOutcome(body: JsonObject, ctx: OutcomeContext): TerminalOutcome {
  const txId = str(path(body, 'SaleData', 'SaleTransactionID')?.TransactionID);
  if (txId !== null && txId !== ctx.reference) return corrupt(`answer names transaction ${txId}, not ${ctx.reference}`);
  const amounts = path(body, 'PaymentResult', 'AmountsResp');
  const currency = str(amounts?.Currency);
  if (currency !== null && currency !== 'SAR') return corrupt(`answer in ${currency}, not SAR`);
  return verdict(body, ctx, { value: amounts?.AuthorizedAmount, present: amounts?.AuthorizedAmount !== undefined, what: 'AuthorizedAmount' });
}

/** A ReversalResponse (reversal or referenced refund), live or repeated. */
export function reversalOutcome(body: JsonObject, ctx: OutcomeContext): TerminalOutcome {
  const present = body.ReversedAmount !== undefined;
  // A full reversal need not repeat the amount; the record then carries what we know (the journal only).
  const lenient = { ...ctx, requestedHalalas: ctx.requestedHalalas ?? 0 };
  return verdict(body, present ? ctx : lenient, { value: body.ReversedAmount, present, what: 'ReversedAmount' });
}

/** A live answer to a financial request we sent (header already known to be a SaleToPOIResponse). */
export function financialOutcome(answer: Answer, sent: MessageHeader, ctx: Omit<OutcomeContext, 'repeated'>): TerminalOutcome {
  if (answer.kind === 'empty') return corrupt('empty answer');
  if (answer.kind === 'corrupt') return corrupt(answer.detail);
  if (answer.kind === 'event') {
    // Adyen's "Did not receive a response from the POI", a rejected duplicate, a terminal shutting down: the
    // provider could not tell us the result, which is not the same as "nothing happened".
    return { kind: 'unknown', why: /respon|time/i.test(answer.details) ? 'timeout' : 'corrupt', detail: `provider event ${answer.event}: ${answer.details}` };
  }
  const mismatch = headerMismatch(answer.header, sent);
  if (mismatch) return corrupt(mismatch);
  const name = sent.MessageCategory === 'Payment' ? 'PaymentResponse' : 'ReversalResponse';
  const body = bodyOf(answer, name);
  if (!body) return corrupt(`answer without ${name}`);
  const full = { ...ctx, repeated: false };
  return name === 'PaymentResponse' ? paymentOutcome(body, full) : reversalOutcome(body, full);
}

export type StatusResult =
  | { kind: 'found'; outcome: Final; body: JsonObject }
  | { kind: 'in-progress'; detail: string }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; detail: string };

/**
 * The answer to TransactionStatus about `reference` in `category`. `found` only when the repeated message is
 * the original's own: same category, the ServiceID derived from `reference`, our SaleID, and (Payment) our
 * reference as SaleTransactionID — a reused ServiceID must never hand us someone else's approval.
 */
export function statusResult(
  answer: Answer,
  sent: MessageHeader,
  asked: { reference: string; category: FinancialCategory },
  ctx: Pick<OutcomeContext, 'poiId' | 'now'>,
): StatusResult {
  if (answer.kind === 'empty') return { kind: 'unreachable', detail: 'empty answer to TransactionStatus' };
  if (answer.kind === 'corrupt') return { kind: 'unreachable', detail: answer.detail };
  if (answer.kind === 'event') return { kind: 'unreachable', detail: `provider event ${answer.event}: ${answer.details}` };
  const mismatch = headerMismatch(answer.header, sent);
  if (mismatch) return { kind: 'unreachable', detail: mismatch };
  const body = bodyOf(answer, 'TransactionStatusResponse');
  const r = body ? readResponse(body) : null;
  if (!body || !r) return { kind: 'unreachable', detail: 'answer without TransactionStatusResponse.Response' };
  if (r.result === 'Failure') {
    if (r.condition === 'InProgress') return { kind: 'in-progress', detail: 'the terminal is still processing it' };
    if (r.condition === 'NotFound') return { kind: 'not-found' };
    return { kind: 'unreachable', detail: `status query failed: ${r.condition || '(no ErrorCondition)'}${r.providerText ? ` (${r.providerText})` : ''}` };
  }
  if (r.result !== 'Success') return { kind: 'unreachable', detail: `status query Result ${r.result}` };
  const repeated = obj(body.RepeatedMessageResponse);
  const original = readHeader(repeated?.MessageHeader);
  if (!repeated || !original) return { kind: 'unreachable', detail: 'status Success without a repeated response' };
  const serviceId = serviceIdOf(asked.reference);
  if (original.category !== asked.category || original.serviceId !== serviceId || original.saleId !== sent.SaleID) {
    return { kind: 'unreachable', detail: `repeated response is for ${original.category} ${original.serviceId}@${original.saleId}, not ${asked.category} ${serviceId}` };
  }
  const name = asked.category === 'Payment' ? 'PaymentResponse' : 'ReversalResponse';
  const inner = path(repeated, 'RepeatedResponseMessageBody', name);
  if (!inner) return { kind: 'unreachable', detail: `repeated response without ${name}` };
  const innerResponse = readResponse(inner);
  if (innerResponse?.result === 'Failure' && innerResponse.condition === 'InProgress') return { kind: 'in-progress', detail: 'the original is still in progress' };
  const full: OutcomeContext = { reference: asked.reference, requestedHalalas: null, repeated: true, poiId: original.poiId || ctx.poiId, now: ctx.now };
  const outcome = name === 'PaymentResponse' ? paymentOutcome(inner, full) : reversalOutcome(inner, full);
  if (outcome.kind === 'unknown') return { kind: 'unreachable', detail: outcome.detail };
  return { kind: 'found', outcome, body: inner };
}

/**
 * ReconciliationResponse → totals per card brand [inferred mapping]: purchases = Debit; refunds = Credit plus
 * ReverseDebit (money returned to the cardholder: reversals and referenced refunds, which nexo sends as
 * Reversal). nexo has no "out of balance" answer: inBalance = Result Success.
 */
export function settlementOf(answer: Answer, sent: MessageHeader, now: () => Date): SettlementTotals | { kind: 'unknown'; detail: string } {
  if (answer.kind !== 'response') return { kind: 'unknown', detail: answer.kind === 'event' ? `provider event ${answer.event}: ${answer.details}` : answer.kind === 'corrupt' ? answer.detail : 'empty answer' };
  const mismatch = headerMismatch(answer.header, sent);
  if (mismatch) return { kind: 'unknown', detail: mismatch };
  const body = bodyOf(answer, 'ReconciliationResponse');
  const r = body ? readResponse(body) : null;
  if (!body || !r) return { kind: 'unknown', detail: 'answer without ReconciliationResponse.Response' };
  if (r.result !== 'Success') return { kind: 'unknown', detail: `reconciliation ${r.result} ${r.condition}${r.providerText ? `: ${r.providerText}` : ''}` };
  const schemes = new Map<string, { scheme: string; purchaseCount: number; purchaseHalalas: number; refundCount: number; refundHalalas: number }>();
  for (const t of arr(body.TransactionTotals)) {
    const totals = obj(t);
    if (!totals) continue;
    const currency = str(totals.PaymentCurrency);
    if (currency !== null && currency !== 'SAR') return { kind: 'unknown', detail: `totals in ${currency}` };
    const scheme = sanitizeText(str(totals.CardBrand) ?? 'OTHER');
    const row = schemes.get(scheme) ?? { scheme, purchaseCount: 0, purchaseHalalas: 0, refundCount: 0, refundHalalas: 0 };
    for (const p of arr(totals.PaymentTotals)) {
      const pt = obj(p);
      const type = str(pt?.TransactionType);
      const count = pt?.TransactionCount;
      const amount = sarToHalalas(pt?.TransactionAmount);
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || amount === null) {
        return { kind: 'unknown', detail: `unreadable totals for ${scheme}` };
      }
      if (type === 'Debit') {
        row.purchaseCount += count;
        row.purchaseHalalas += amount;
      } else if (type === 'Credit' || type === 'ReverseDebit') {
        row.refundCount += count;
        row.refundHalalas += amount;
      }
    }
    schemes.set(scheme, row);
  }
  return { responseCode: r.result, inBalance: true, schemes: [...schemes.values()], at: now().toISOString() };
}

export function healthOf(answer: Answer, sent: MessageHeader): TerminalHealth {
  if (answer.kind !== 'response') {
    return { state: 'disconnected', detail: answer.kind === 'event' ? `provider event ${answer.event}: ${answer.details}` : answer.kind === 'corrupt' ? answer.detail : 'empty answer' };
  }
  const mismatch = headerMismatch(answer.header, sent);
  if (mismatch) return { state: 'disconnected', detail: mismatch };
  const body = bodyOf(answer, 'DiagnosisResponse');
  const r = body ? readResponse(body) : null;
  if (!body || !r) return { state: 'disconnected', detail: 'answer without DiagnosisResponse.Response' };
  const status = str(path(body, 'POIStatus')?.GlobalStatus);
  if (status === 'Busy' || r.condition === 'Busy' || r.condition === 'InProgress') return { state: 'busy' };
  if (r.result === 'Success' && (status === null || status === 'OK')) return { state: 'connected' };
  return { state: 'disconnected', detail: `terminal ${status ?? r.condition ?? r.result}` };
}
