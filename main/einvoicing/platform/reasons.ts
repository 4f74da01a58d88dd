// What a person is told about a platform answer that is not a plain success: one code and a sentence in each
// language per reason. ZATCA's own validation messages (BR-KSA-…) are shown as ZATCA sent them, next to these.
import { defineErrors } from '../../errors';
import type { TransportFailure } from './http';

export const platformText = defineErrors({
  ZATCA_TIMEOUT: {
    ar: 'لم تردّ منصة فاتورة في الوقت المحدد. ستُرسل الفاتورة نفسها مرة أخرى تلقائيًا.',
    en: 'FATOORA did not answer in time. The same document will be sent again automatically.',
  },
  ZATCA_UNREACHABLE: {
    ar: 'تعذر الوصول إلى منصة فاتورة. تحقق من اتصال الإنترنت؛ ستُرسل الفواتير عند عودته.',
    en: 'FATOORA cannot be reached. Check the internet connection; documents will be sent when it is back.',
  },
  ZATCA_DNS: {
    ar: 'تعذر العثور على عنوان منصة فاتورة (DNS). تحقق من الشبكة.',
    en: "FATOORA's address could not be looked up (DNS). Check the network.",
  },
  ZATCA_TLS: {
    ar: 'شهادة الخادم غير موثوقة، فلم يُرسل شيء. تحقق من ساعة الجهاز ومن عنوان المنصة في الإعدادات.',
    en: "The server's certificate is not trusted, so nothing was sent. Check the till's clock and the platform address in the settings.",
  },
  ZATCA_RESET: {
    ar: 'انقطع الاتصال بمنصة فاتورة قبل اكتمال الرد. ستُرسل الفاتورة نفسها مرة أخرى.',
    en: 'The connection to FATOORA dropped before a full answer. The same document will be sent again.',
  },
  ZATCA_TOO_LARGE: {
    ar: 'ردّ المنصة أكبر من المسموح فلم يُقرأ. ستُعاد المحاولة لاحقًا.',
    en: "The platform's answer was larger than allowed and was not read. It will be tried again later.",
  },
  ZATCA_SERVER_ERROR: {
    ar: 'منصة فاتورة تواجه خللًا مؤقتًا. ستُعاد المحاولة لاحقًا.',
    en: 'FATOORA has a temporary fault. It will be tried again later.',
  },
  ZATCA_RATE_LIMITED: {
    ar: 'طلبت منصة فاتورة الإبطاء. ستُعاد المحاولة بعد قليل.',
    en: 'FATOORA asked the till to slow down. It will be tried again shortly.',
  },
  ZATCA_MALFORMED: {
    ar: 'ردّ منصة فاتورة غير مفهوم. ستُرسل الفاتورة نفسها مرة أخرى.',
    en: "FATOORA's answer could not be understood. The same document will be sent again.",
  },
  ZATCA_UNEXPECTED_STATUS: {
    ar: 'ردّت منصة فاتورة برمز غير متوقع. ستُعاد المحاولة؛ إن تكرر فاتصل بالدعم.',
    en: 'FATOORA answered with an unexpected status. It will be tried again; if it keeps happening, call support.',
  },
  ZATCA_UNAUTHORIZED: {
    ar: 'رفضت منصة فاتورة بيانات اعتماد نقطة البيع (CSID). يجب تجديد الربط.',
    en: "FATOORA refused the till's credentials (CSID). The till must be onboarded again or renewed.",
  },
  ZATCA_REJECTED: {
    ar: 'رفضت هيئة الزكاة المستند. لا يُعدَّل؛ يُصحَّح بإشعار دائن أو فاتورة جديدة.',
    en: 'ZATCA rejected the document. It is never edited; fix it with a credit note or a new invoice.',
  },
  ZATCA_CSID_REFUSED: {
    ar: 'لم تُصدر منصة فاتورة الشهادة. تحقق من رمز التحقق (OTP) وبيانات المنشأة.',
    en: 'FATOORA did not issue the certificate. Check the OTP and the taxpayer details.',
  },
  ZATCA_OTP_FORMAT: {
    ar: 'رمز التحقق (OTP) يجب أن يكون أرقامًا فقط كما يظهر في بوابة فاتورة.',
    en: 'The OTP must be digits only, as shown on the FATOORA portal.',
  },
  ZATCA_CLEARANCE_OFF: {
    ar: 'الاعتماد (Clearance) متوقف لدى المنصة: تُبلَّغ الفاتورة بدلًا من ذلك.',
    en: 'Clearance is switched off at the platform: report the document instead.',
  },
});
export type PlatformCode = keyof typeof platformText.text;

/** Why an answer should be tried again later (the identical payload). */
export type RetryReason = TransportFailure | 'server_error' | 'rate_limited' | 'malformed' | 'unexpected_status';

export const RETRY_CODE: Readonly<Record<RetryReason, PlatformCode>> = {
  timeout: 'ZATCA_TIMEOUT',
  unreachable: 'ZATCA_UNREACHABLE',
  dns: 'ZATCA_DNS',
  tls: 'ZATCA_TLS',
  reset: 'ZATCA_RESET',
  too_large: 'ZATCA_TOO_LARGE',
  server_error: 'ZATCA_SERVER_ERROR',
  rate_limited: 'ZATCA_RATE_LIMITED',
  malformed: 'ZATCA_MALFORMED',
  unexpected_status: 'ZATCA_UNEXPECTED_STATUS',
};
