// Every state an STC Pay call can end in, as data: a stable reason plus what the cashier sees in each language.
// And the mapping from STC Pay's error object {Code, Text, Type} to those reasons.
//
// STC Pay publishes no error-code table (payments.md §4), so the mapping is layered:
//   1. `errorCodes` — code → reason, from the merchant kit when STC Pay provides it. The default table is the
//      simulator's own convention (main/devices/provider-sim/stcpay/README.md), NOT STC Pay's.
//   2. Failing that, the error's Text is matched against a few words (OTP + invalid, expired, balance…).
//   3. Otherwise `rejected` (HTTP 4xx) or `server_error` (5xx).
// Only layer 1 may ever say "not found" for an inquiry: a text that merely mentions "not found" (say "merchant
// not found") must never release a payment that might have been taken.

export interface Bilingual {
  en: string;
  ar: string;
}

export type StcPayReason =
  // STC Pay said no (explicit answers)
  | 'wrong_otp'
  | 'expired_otp'
  | 'insufficient_balance'
  | 'cancelled'
  | 'expired'
  | 'duplicate_reference'
  | 'invalid_mobile'
  | 'not_found'
  | 'refund_refused'
  | 'client_code_rejected'
  | 'rejected'
  // checked here before anything was sent
  | 'otp_format'
  | 'invalid_request'
  | 'not_supported'
  | 'cancelled_by_cashier'
  | 'abandoned'
  // the line, the certificates, the server
  | 'timeout'
  | 'disconnected'
  | 'unreachable'
  | 'dns'
  | 'server_error'
  | 'malformed'
  | 'pending'
  | 'client_certificate_rejected'
  | 'client_certificate_invalid'
  | 'server_certificate_untrusted'
  | 'pin_mismatch';

export const REASONS: Readonly<Record<StcPayReason, Bilingual>> = {
  wrong_otp: { en: 'Wrong code. Ask the customer for the code in the STC Pay SMS and enter it again.', ar: 'الرمز غير صحيح. اطلب من العميل رمز STC Pay المرسل في الرسالة وأدخله مرة أخرى.' },
  expired_otp: { en: 'The code has expired. Start the STC Pay payment again.', ar: 'انتهت صلاحية الرمز. ابدأ الدفع عبر STC Pay من جديد.' },
  insufficient_balance: { en: 'Not enough balance in the customer’s STC Pay wallet.', ar: 'الرصيد في محفظة STC Pay للعميل غير كافٍ.' },
  cancelled: { en: 'The STC Pay payment was cancelled. Nothing was charged.', ar: 'أُلغيت عملية الدفع عبر STC Pay. لم يُخصم أي مبلغ.' },
  expired: { en: 'The STC Pay payment expired before it was confirmed. Nothing was charged.', ar: 'انتهت صلاحية عملية STC Pay قبل تأكيدها. لم يُخصم أي مبلغ.' },
  duplicate_reference: { en: 'STC Pay already has a payment with this reference, so this one was not started. Try again: the till uses a new reference.', ar: 'لدى STC Pay عملية بنفس المرجع، لذلك لم تبدأ هذه العملية. أعد المحاولة: تستخدم نقطة البيع مرجعًا جديدًا.' },
  invalid_mobile: { en: 'This number has no STC Pay wallet, or STC Pay refused it.', ar: 'لا توجد محفظة STC Pay لهذا الرقم، أو رفضته STC Pay.' },
  not_found: { en: 'STC Pay has no payment with this reference: nothing was charged.', ar: 'لا توجد لدى STC Pay عملية بهذا المرجع: لم يُخصم أي مبلغ.' },
  refund_refused: { en: 'STC Pay refused the refund.', ar: 'رفضت STC Pay الاسترداد.' },
  client_code_rejected: { en: 'STC Pay rejected the merchant code. Check the STC Pay settings.', ar: 'رفضت STC Pay رمز التاجر. راجع إعدادات STC Pay.' },
  rejected: { en: 'STC Pay refused the request.', ar: 'رفضت STC Pay الطلب.' },
  otp_format: { en: 'Enter the code from the customer’s STC Pay SMS (digits only).', ar: 'أدخل الرمز من رسالة STC Pay للعميل (أرقام فقط).' },
  invalid_request: { en: 'The payment details are not valid; nothing was sent to STC Pay.', ar: 'بيانات الدفع غير صالحة؛ لم يُرسل شيء إلى STC Pay.' },
  not_supported: { en: 'STC Pay cannot do this. Refund the payment instead.', ar: 'لا تدعم STC Pay هذه العملية. استخدم الاسترداد بدلاً منها.' },
  cancelled_by_cashier: { en: 'Stopped by the cashier before the payment was confirmed. Nothing was charged.', ar: 'أوقفها الكاشير قبل تأكيد الدفع. لم يُخصم أي مبلغ.' },
  abandoned: { en: 'The cashier stopped waiting after the request was sent. Do not charge again; the till is checking the payment.', ar: 'توقف الكاشير عن الانتظار بعد إرسال الطلب. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من العملية.' },
  timeout: { en: 'STC Pay did not answer in time. Do not charge again; the till is checking the payment.', ar: 'لم تردّ STC Pay في الوقت المحدد. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من العملية.' },
  disconnected: { en: 'The connection to STC Pay dropped. Do not charge again; the till is checking the payment.', ar: 'انقطع الاتصال بـ STC Pay. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من العملية.' },
  unreachable: { en: 'STC Pay cannot be reached. Check the internet connection. Nothing was sent.', ar: 'تعذر الوصول إلى STC Pay. تحقق من الاتصال بالإنترنت. لم يُرسل شيء.' },
  dns: { en: 'The STC Pay server name could not be found. Check the internet connection. Nothing was sent.', ar: 'تعذر العثور على خادم STC Pay. تحقق من الاتصال بالإنترنت. لم يُرسل شيء.' },
  server_error: { en: 'STC Pay had an error. Do not charge again; the till is checking the payment.', ar: 'حدث خطأ لدى STC Pay. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من العملية.' },
  malformed: { en: 'STC Pay’s answer could not be read. Do not charge again; the till is checking the payment.', ar: 'تعذرت قراءة رد STC Pay. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من العملية.' },
  pending: { en: 'The STC Pay payment is still waiting for the customer. Do not charge again.', ar: 'عملية STC Pay ما زالت بانتظار العميل. لا تُحصّل مرة أخرى.' },
  client_certificate_rejected: { en: 'STC Pay refused this till’s certificate. Nothing was sent. Check the STC Pay certificate in the settings.', ar: 'رفضت STC Pay شهادة نقطة البيع. لم يُرسل شيء. راجع شهادة STC Pay في الإعدادات.' },
  client_certificate_invalid: { en: 'The STC Pay certificate or its password is wrong. Nothing was sent.', ar: 'شهادة STC Pay أو كلمة مرورها غير صحيحة. لم يُرسل شيء.' },
  server_certificate_untrusted: { en: 'The STC Pay server’s certificate is not trusted; the till did not send anything.', ar: 'شهادة خادم STC Pay غير موثوقة؛ لم ترسل نقطة البيع أي شيء.' },
  pin_mismatch: { en: 'The STC Pay server’s key does not match the pinned key; the till did not send anything.', ar: 'مفتاح خادم STC Pay لا يطابق المفتاح المثبّت؛ لم ترسل نقطة البيع أي شيء.' },
};

/** The simulator's codes (see its README). Replace with STC Pay's table from the merchant kit. */
export const DEFAULT_ERROR_CODES: Readonly<Record<string, StcPayReason>> = {
  '1001': 'wrong_otp',
  '1002': 'expired_otp',
  '1003': 'insufficient_balance',
  '1004': 'duplicate_reference',
  '1005': 'invalid_mobile',
  '1006': 'not_found',
  '1007': 'refund_refused',
  '1008': 'rejected',
  '1009': 'cancelled',
  '1010': 'client_code_rejected',
};

export interface ProviderError {
  code: string;
  text: string;
  type: string;
}

export interface Classified {
  reason: StcPayReason;
  /** Where the reason came from; only 'code' is trusted to mean "not found". */
  source: 'code' | 'text' | 'status';
}

const TEXT_RULES: Array<[RegExp, StcPayReason]> = [
  [/(otp|one[- ]time|verification code|رمز).*(expir|انته)|(expir|انته).*(otp|one[- ]time|رمز)/i, 'expired_otp'],
  [/(otp|one[- ]time|verification code|رمز).*(invalid|wrong|incorrect|mismatch|خاطئ|غير صحيح)|(invalid|wrong|incorrect).*(otp|one[- ]time)/i, 'wrong_otp'],
  [/insufficient|not enough (balance|funds)|رصيد/i, 'insufficient_balance'],
  [/duplicate|already (exists|used)|مكرر/i, 'duplicate_reference'],
  [/cancel|ملغ|إلغاء/i, 'cancelled'],
  [/expir|انته/i, 'expired'],
  [/mobile|msisdn|wallet|جوال|محفظة/i, 'invalid_mobile'],
];

export function classifyProviderError(error: ProviderError, httpStatus: number, table: Readonly<Record<string, StcPayReason>>): Classified {
  const byCode = table[error.code];
  if (byCode) return { reason: byCode, source: 'code' };
  for (const [pattern, reason] of TEXT_RULES) if (pattern.test(error.text)) return { reason, source: 'text' };
  if (httpStatus === 401 || httpStatus === 403) return { reason: 'client_code_rejected', source: 'status' };
  return { reason: httpStatus >= 500 ? 'server_error' : 'rejected', source: 'status' };
}
