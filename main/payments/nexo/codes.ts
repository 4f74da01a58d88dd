// What a nexo Result / ErrorCondition means for money, and the bilingual reasons the cashier sees.
//
// A LIVE answer to our own request (the response to the Payment or Reversal we just sent):
//   Success, Partial                          → approved (Partial: the lower AuthorizedAmount is recorded, as the
//                                               ECR connector does with 002 — calling a taken payment declined
//                                               would lose money)
//   Failure + a condition that is a verdict on THIS transaction (DECLINING below: the issuer refused, wrong PIN,
//     the customer or we cancelled, the request was malformed or not allowed) → declined
//   Failure + a condition about the link or the device (Busy, InProgress, DeviceOut, UnavailableDevice,
//     UnreachableHost, NotFound, none or unheard of) → unknown: the till asks TransactionStatus, which either
//     repeats the final answer or says NotFound.
// A REPEATED answer (inside TransactionStatus) is the POI's stored final result, so any Failure there is declined.
import type { ErrorCondition } from './types';

export interface Reason {
  en: string;
  ar: string;
}

/** Same synthetic code as the ECR connector: provably nothing reached the provider. */
export const NOT_SENT_CODE = 'NOT_SENT';
/** Synthetic: reversal refused before sending, because the original is not an approval the terminal knows. */
export const NOT_REVERSIBLE_CODE = 'NOT_REVERSIBLE';

export const DECLINING: ReadonlySet<string> = new Set<ErrorCondition>([
  'Refusal',
  'WrongPIN',
  'InvalidCard',
  'Cancel',
  'Aborted',
  'PaymentRestriction',
  'NotAllowed',
  'MessageFormat',
  'InsertedCard',
  'LoggedOut',
  'UnavailableService',
]);

const REASONS: Readonly<Record<ErrorCondition, Reason>> = {
  Aborted: { en: 'Cancelled from the till', ar: 'أُلغيت من نقطة البيع' },
  Busy: { en: 'The terminal is busy with another transaction', ar: 'جهاز الدفع مشغول بعملية أخرى' },
  Cancel: { en: 'Cancelled on the terminal', ar: 'إلغاء' },
  DeviceOut: { en: 'The terminal is out of order', ar: 'جهاز الدفع معطل' },
  InProgress: { en: 'Still in progress on the terminal', ar: 'العملية ما زالت جارية على الجهاز' },
  InsertedCard: { en: 'Card problem: remove and try again', ar: 'مشكلة في البطاقة: أخرجها وحاول مرة أخرى' },
  InvalidCard: { en: 'Invalid card', ar: 'بطاقة غير صالحة' },
  LoggedOut: { en: 'The terminal is logged out', ar: 'جهاز الدفع غير مسجل الدخول' },
  MessageFormat: { en: 'The terminal rejected the request format', ar: 'رفض الجهاز صيغة الطلب' },
  NotAllowed: { en: 'Transaction not allowed', ar: 'العملية غير مسموحة' },
  NotFound: { en: 'Transaction not found', ar: 'العملية غير موجودة' },
  PaymentRestriction: { en: 'This card or payment method is not accepted', ar: 'هذه البطاقة أو وسيلة الدفع غير مقبولة' },
  Refusal: { en: 'Declined by the card issuer', ar: 'مرفوضة من البنك' },
  UnavailableDevice: { en: 'A terminal device is unavailable', ar: 'أحد أجزاء جهاز الدفع غير متاح' },
  UnavailableService: { en: 'Service not available on this terminal', ar: 'الخدمة غير متاحة على هذا الجهاز' },
  UnreachableHost: { en: 'The terminal cannot reach the bank', ar: 'تعذر على الجهاز الوصول إلى البنك' },
  WrongPIN: { en: 'Wrong PIN', ar: 'الرقم السري غير صحيح' },
};

const GENERIC: Reason = { en: 'Declined', ar: 'مرفوضة' };

export function isErrorCondition(value: string): value is ErrorCondition {
  return Object.prototype.hasOwnProperty.call(REASONS, value);
}

/** The cashier's reason for a Failure; the provider's own text (refusalReason / message) is appended in English. */
export function failureReason(condition: string, providerText = ''): Reason {
  const base = isErrorCondition(condition) ? REASONS[condition] : { en: `${GENERIC.en} (${condition || '?'})`, ar: `${GENERIC.ar} (${condition || '?'})` };
  const text = providerText.trim();
  return text ? { en: `${base.en}: ${text}`, ar: base.ar } : { ...base };
}

/** Why nothing was sent: each ends in a defined state with its own message (the request never left the till). */
export type NotSentCause = 'dns' | 'refused' | 'tls' | 'connect-timeout' | 'network' | 'auth' | 'cancelled' | 'closed';

const NOT_SENT: Readonly<Record<NotSentCause, Reason>> = {
  dns: { en: 'Payment provider address not found (DNS): nothing was sent or charged', ar: 'تعذر العثور على عنوان مزود الدفع (DNS): لم يُرسل الطلب ولم يتم الخصم' },
  refused: { en: 'The payment provider refused the connection: nothing was sent or charged', ar: 'رفض مزود الدفع الاتصال: لم يُرسل الطلب ولم يتم الخصم' },
  tls: {
    en: 'The payment provider’s certificate is not trusted: nothing was sent or charged',
    ar: 'شهادة مزود الدفع غير موثوقة: لم يُرسل الطلب ولم يتم الخصم',
  },
  'connect-timeout': { en: 'No connection to the payment provider in time: nothing was sent or charged', ar: 'انتهت مهلة الاتصال بمزود الدفع: لم يُرسل الطلب ولم يتم الخصم' },
  network: { en: 'Network error before sending: nothing was sent or charged', ar: 'خطأ في الشبكة قبل الإرسال: لم يُرسل الطلب ولم يتم الخصم' },
  auth: { en: 'The payment provider rejected the till’s API key: nothing was charged', ar: 'رفض مزود الدفع مفتاح الربط: لم يتم الخصم' },
  cancelled: { en: 'Cancelled before sending: nothing was charged', ar: 'أُلغيت قبل الإرسال: لم يتم الخصم' },
  closed: { en: 'The payment connection is closed: nothing was sent', ar: 'اتصال الدفع مغلق: لم يُرسل الطلب' },
};

export function notSentReason(cause: NotSentCause, detail = ''): Reason {
  const base = NOT_SENT[cause];
  return detail ? { en: `${base.en} (${detail})`, ar: base.ar } : { ...base };
}

export const NOT_REVERSIBLE_REASON: Reason = {
  en: 'Not reversed: the terminal does not show this payment as approved',
  ar: 'لم يتم الإلغاء: لا يظهر الجهاز هذه العملية كعملية مقبولة',
};
