// DirectPayment V4 messages on the wire (payments.md §4; field names as in the public clients it cites).
// Requests are wrapped in `<Call>V4RequestMessage` (RefundPayment: `RefundPaymentRequestMessage`), answers in
// the matching `…ResponseMessage`; an error is `{Code, Text, Type}` at the top level, on its own or (seen in
// one public client's model) next to an empty response message.
//
// Money never passes through a float: before JSON.parse, numeric `Amount` / `AmountReversed` values are turned
// into strings in the raw text, and amount.ts reads those with integer arithmetic. Outgoing amounts are decimal
// strings ("12.34"); `amountEncoding: 'number'` writes the same digits as a bare JSON number instead, for a
// host that insists (which one STC Pay's test host wants is not public).
import { z } from 'zod';
import { sarToHalalas } from './amount';
import type { ProviderError } from './reasons';

export type CallName = 'DirectPaymentAuthorize' | 'DirectPaymentConfirm' | 'PaymentInquiry' | 'RefundPayment';

const REQUEST_WRAPPER: Record<CallName, string> = {
  DirectPaymentAuthorize: 'DirectPaymentAuthorizeV4RequestMessage',
  DirectPaymentConfirm: 'DirectPaymentConfirmV4RequestMessage',
  PaymentInquiry: 'PaymentInquiryV4RequestMessage',
  RefundPayment: 'RefundPaymentRequestMessage',
};

/** Accepted answer wrappers per call (TBS-01 reads the Confirm answer as DirectPaymentV4ResponseMessage). */
const RESPONSE_WRAPPERS: Record<CallName, readonly string[]> = {
  DirectPaymentAuthorize: ['DirectPaymentAuthorizeV4ResponseMessage'],
  DirectPaymentConfirm: ['DirectPaymentConfirmV4ResponseMessage', 'DirectPaymentV4ResponseMessage'],
  PaymentInquiry: ['PaymentInquiryV4ResponseMessage'],
  RefundPayment: ['RefundPaymentResponseMessage'],
};

export const requestWrapper = (call: CallName): string => REQUEST_WRAPPER[call];
export const responseWrappers = (call: CallName): readonly string[] => RESPONSE_WRAPPERS[call];

export type AmountEncoding = 'string' | 'number';

export function encodeRequest(call: CallName, fields: Record<string, string>, amountEncoding: AmountEncoding): string {
  const json = JSON.stringify({ [REQUEST_WRAPPER[call]]: fields });
  return amountEncoding === 'number' ? json.replace(/"Amount":"(\d+\.\d{2})"/, '"Amount":$1') : json;
}

/** Raw JSON text with numeric amount values quoted, so JSON.parse never makes them floats. */
export function quoteAmounts(raw: string): string {
  return raw.replace(/"(Amount|AmountReversed)"(\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?=\s*[,}\]])/g, '"$1"$2"$3"');
}

// ---- answers ---------------------------------------------------------------------------------------------

const idLike = z.union([z.string(), z.number().int()]).transform((v) => String(v));
const amountLike = z.string().transform((v, ctx) => {
  const h = sarToHalalas(v);
  if (h === undefined) {
    ctx.addIssue({ code: 'custom', message: `not an amount: ${v}` });
    return z.NEVER;
  }
  return h;
});
const statusLike = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => Number(v));

const errorShape = z.object({
  Code: z.union([z.string(), z.number()]).transform((v) => String(v)),
  Text: z.string().optional().default(''),
  Type: z.union([z.string(), z.number()]).optional().transform((v) => (v === undefined ? '' : String(v))),
});

export const authorizeAnswer = z.object({
  OtpReference: idLike,
  STCPayPmtReference: idLike,
  ExpiryDuration: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform((v) => Number(v)),
});

export const paymentRecord = z.object({
  MerchantID: idLike.optional(),
  BranchID: idLike.optional(),
  TellerID: idLike.optional(),
  DeviceID: idLike.optional(),
  RefNum: idLike,
  STCPayRefNum: idLike,
  Amount: amountLike,
  AmountReversed: amountLike.optional(),
  PaymentDate: z.string().optional().default(''),
  PaymentStatus: statusLike,
  PaymentStatusDesc: z.string().optional().default(''),
});

export const inquiryAnswer = z.object({
  TransactionList: z.array(paymentRecord).nullable().optional().transform((v) => v ?? []),
});

export const refundAnswer = z.object({ NewSTCPayRefNum: idLike });

export type AuthorizeAnswer = z.infer<typeof authorizeAnswer>;
export type PaymentRecord = z.infer<typeof paymentRecord>;
export type InquiryAnswer = z.infer<typeof inquiryAnswer>;
export type RefundAnswer = z.infer<typeof refundAnswer>;

export type Decoded<T> =
  | { kind: 'message'; message: T }
  | { kind: 'error'; error: ProviderError }
  | { kind: 'malformed'; detail: string };

/** Reads one answer body: the call's response message, or STC Pay's error object, or "could not read it". */
export function decodeAnswer<T>(call: CallName, raw: string, schema: z.ZodType<T>): Decoded<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(quoteAmounts(raw));
  } catch {
    return { kind: 'malformed', detail: `not JSON (${raw.length} bytes)` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'malformed', detail: 'not a JSON object' };
  const obj = parsed as Record<string, unknown>;
  const wrapper = RESPONSE_WRAPPERS[call].find((w) => obj[w] !== undefined && obj[w] !== null);
  const error = errorShape.safeParse(obj);
  // An error object wins when its code is set: a message next to it would be a leftover, not an answer.
  if (error.success && error.data.Code !== '' && error.data.Code !== '0') {
    return { kind: 'error', error: { code: error.data.Code, text: error.data.Text, type: error.data.Type } };
  }
  if (!wrapper) return { kind: 'malformed', detail: `no ${RESPONSE_WRAPPERS[call].join(' / ')}` };
  const message = schema.safeParse(obj[wrapper]);
  if (!message.success) return { kind: 'malformed', detail: `${wrapper}: ${message.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  return { kind: 'message', message: message.data };
}

/** The calendar date in Saudi Arabia (UTC+3 all year, no daylight saving) as YYYY-MM-DD. [inferred] format */
export function ksaDate(at: Date): string {
  return new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}
