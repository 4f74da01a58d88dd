// What the admin is told when onboarding from the admin screen did not finish. The platform's own texts are
// written for the reporting queue ("the same document will be sent again"); onboarding is one attempt the admin
// repeats by hand, so the answers that would mislead here get sentences of their own. Nothing was kept in any case.
import type { ErrorData, OnboardAnswer, RenewAnswer } from '../../../preload/contract';
import { defineErrors } from '../../errors';
import type { OnboardResult, RenewResult } from '../../einvoicing';
import { csrErrors } from '../../einvoicing/onboarding';
import { platformText, type PlatformCode } from '../../einvoicing/platform';

export const onboardErrors = defineErrors({
  EINVOICE_ONBOARD_OTP_REFUSED: {
    ar: 'رفضت منصة فاتورة رمز التحقق (OTP): الرمز خاطئ أو انتهت صلاحيته (ساعة واحدة). أنشئ رمزًا جديدًا من بوابة فاتورة وأعد المحاولة. لم يُحفظ شيء.',
    en: 'FATOORA refused the OTP: it is wrong or has expired (an OTP lasts one hour). Generate a new one on the FATOORA portal and try again. Nothing was kept.',
  },
  EINVOICE_ONBOARD_UNREACHABLE: {
    ar: 'تعذر الوصول إلى منصة فاتورة أو لم تردّ، فلم تُربط نقطة البيع ولم يُحفظ شيء. تحقق من اتصال الإنترنت وأعد المحاولة (برمز جديد إن انتهت صلاحية الرمز).',
    en: 'FATOORA could not be reached or did not answer, so the till was not onboarded and nothing was kept. Check the internet connection and try again (with a new OTP if this one has expired).',
  },
  EINVOICE_ONBOARD_CHECKS_FAILED: {
    ar: 'رفضت هيئة الزكاة مستندات الفحص التي أرسلتها نقطة البيع، فلم تُربط ولم يُحفظ شيء. رسائل الهيئة أدناه؛ أبلغ الدعم بها.',
    en: "ZATCA rejected the till's compliance sample documents, so the till was not onboarded and nothing was kept. ZATCA's messages are below; report them to support.",
  },
  EINVOICE_ONBOARD_INTERRUPTED: {
    ar: 'رفضت منصة فاتورة شهادة الامتثال أثناء الربط، فلم يكتمل ولم يُحفظ شيء. ابدأ من جديد برمز OTP جديد.',
    en: 'FATOORA refused the compliance certificate half-way, so onboarding did not finish and nothing was kept. Start again with a new OTP.',
  },
  EINVOICE_ONBOARD_SETUP_MISSING: {
    ar: 'أكمل العنوان الوطني للمتجر ورقم السجل التجاري في الإعدادات قبل الربط بمنصة فاتورة.',
    en: "Complete the shop's national address and CR number in the settings before onboarding with FATOORA.",
  },
  EINVOICE_ONBOARD_OFF: {
    ar: 'الفوترة الإلكترونية غير مفعلة على نقطة البيع هذه. فعّلها أولًا (nuqta config set einvoicing) ثم اربطها.',
    en: 'E-invoicing is not set up on this till. Set it up first (nuqta config set einvoicing), then onboard.',
  },
  EINVOICE_ONBOARD_ENVIRONMENT: {
    ar: 'لا يمكن ربط نقطة بيع معدّة لمنصة فاتورة بالمحاكي من هذه الشاشة. اختر بيئة البوابة أو البيئة التجريبية أو الإنتاج.',
    en: 'A till set up for FATOORA cannot be onboarded with the simulator from this screen. Choose sandbox, simulation or production.',
  },
  EINVOICE_ONBOARD_BUSY: {
    ar: 'الربط جارٍ بالفعل. انتظر نتيجته.',
    en: 'Onboarding is already running. Wait for its result.',
  },
  EINVOICE_ONBOARD_FAILED: {
    ar: 'لم يكتمل الربط بمنصة فاتورة ولم يُحفظ شيء. التفاصيل أدناه؛ أبلغ الدعم بها إن تكرر.',
    en: 'Onboarding with FATOORA did not finish and nothing was kept. The detail is below; report it to support if it happens again.',
  },
});
export type OnboardErrorCode = keyof typeof onboardErrors.text;

type Failed = Extract<OnboardAnswer, { outcome: 'failed' }>;

/** Platform texts that read right for onboarding as they are. */
const AS_THE_PLATFORM_SAYS = new Set<string>(['ZATCA_DNS', 'ZATCA_TLS', 'ZATCA_CSID_REFUSED', 'ZATCA_OTP_FORMAT']);
/** The platform did not answer usefully: onboarding is simply tried again later. */
const NO_ANSWER = new Set<string>([
  'ZATCA_TIMEOUT',
  'ZATCA_UNREACHABLE',
  'ZATCA_RESET',
  'ZATCA_TOO_LARGE',
  'ZATCA_SERVER_ERROR',
  'ZATCA_RATE_LIMITED',
  'ZATCA_MALFORMED',
  'ZATCA_UNEXPECTED_STATUS',
]);

const isCsrCode = (code: string): code is keyof typeof csrErrors.text => Object.prototype.hasOwnProperty.call(csrErrors.text, code);
const mentionsOtp = (m: { code: string; message: string }) => /otp/i.test(m.code) || /\bOTP\b/i.test(m.message);

function errorOf(result: Extract<OnboardResult, { ok: false }>): ErrorData {
  const { step, code, messages } = result;
  if (step === 'csr') {
    // The onboarding refuses to start without the national address or the e-invoicing settings.
    if (code === 'EINVOICE_NOT_ONBOARDED') return onboardErrors.data('EINVOICE_ONBOARD_SETUP_MISSING');
    return isCsrCode(code) ? csrErrors.data(code) : onboardErrors.data('EINVOICE_ONBOARD_FAILED');
  }
  if (step === 'compliance-csid' && code === 'ZATCA_CSID_REFUSED' && messages.some(mentionsOtp)) return onboardErrors.data('EINVOICE_ONBOARD_OTP_REFUSED');
  if (AS_THE_PLATFORM_SAYS.has(code)) return platformText.data(code as PlatformCode);
  if (NO_ANSWER.has(code)) return onboardErrors.data('EINVOICE_ONBOARD_UNREACHABLE');
  if (code === 'ZATCA_REJECTED') return onboardErrors.data('EINVOICE_ONBOARD_CHECKS_FAILED');
  if (code === 'ZATCA_UNAUTHORIZED') return onboardErrors.data('EINVOICE_ONBOARD_INTERRUPTED');
  return onboardErrors.data('EINVOICE_ONBOARD_FAILED');
}

const DETAIL_MAX = 500;

/** A failed onboarding as the screen shows it: where it stopped, why in both languages, ZATCA's own words. */
export function failedOnboarding(result: Extract<OnboardResult, { ok: false }>): Failed {
  return {
    outcome: 'failed',
    step: result.step,
    error: errorOf(result),
    messages: result.messages.map((m) => ({
      code: m.code,
      message: m.message,
      category: 'category' in m && typeof m.category === 'string' ? m.category : '',
      status: 'status' in m && typeof m.status === 'string' ? m.status : '',
    })),
    detail: `${result.code}${result.detail ? `: ${result.detail}` : ''}`.slice(0, DETAIL_MAX),
  };
}

/** Refused before anything was sent (busy, not set up, an environment this till may not use). */
export const refusedOnboarding = (code: OnboardErrorCode): Failed => ({ outcome: 'failed', step: null, error: onboardErrors.data(code), messages: [], detail: '' });

/** A renewal that stopped: where, why in both languages (renewal's own words), what ZATCA said. Nothing changed. */
export function failedRenewal(result: Extract<RenewResult, { ok: false }>): Extract<RenewAnswer, { outcome: 'failed' }> {
  return {
    outcome: 'failed',
    step: result.step,
    error: { code: result.code, message_ar: result.message.ar, message_en: result.message.en },
    messages: result.messages.map((m) => ({
      code: m.code,
      message: m.message,
      category: 'category' in m && typeof m.category === 'string' ? m.category : '',
      status: 'status' in m && typeof m.status === 'string' ? m.status : '',
    })),
    detail: result.detail.slice(0, DETAIL_MAX),
  };
}
