// Why a commissioning self-test did not pass, in the admin's two languages. A step's failure is a result the
// wizard shows beside the step (with a retry), not a thrown error: only a wrong PIN stops a call.
import { defineErrors } from '../../errors';

export const commissioningErrors = defineErrors({
  COMMISSIONING_DEMO_IDENTITY: {
    ar: 'ما زالت هوية المتجر هي هوية المتجر التجريبي (الرقم الضريبي 300000000000003). أدخل اسم المتجر ورقمه الضريبي في الإعدادات.',
    en: "The shop's identity is still the demo shop's (VAT number 300000000000003). Set the shop's name and VAT number in the settings.",
  },
  COMMISSIONING_NO_ADDRESS: {
    ar: 'العنوان الوطني للمتجر غير مُدخل. أدخله في الإعدادات (رقم المبنى، الشارع، الحي، المدينة، الرمز البريدي).',
    en: "The shop's national address is not set. Enter it in the settings (building number, street, district, city, postal code).",
  },
  COMMISSIONING_NO_CR: {
    ar: 'رقم السجل التجاري غير مُدخل. أدخله في الإعدادات.',
    en: 'The commercial registration (CR) number is not set. Enter it in the settings.',
  },
  COMMISSIONING_NO_SCAN: {
    ar: 'لم يُقرأ أي باركود. امسح أي باركود والمؤشر في حقل المسح.',
    en: 'No barcode was read. Scan any barcode with the cursor in the scan field.',
  },
  COMMISSIONING_SCAN_NOT_DIGITS: {
    ar: 'القراءة ليست أرقام باركود. تحقق من إعداد الماسح (لوحة المفاتيح US، وإنهاء القراءة بـ Enter).',
    en: "What was read is not barcode digits. Check the scanner's setup (US keyboard, Enter after each scan).",
  },
  COMMISSIONING_DISPLAY_NOT_SEEN: {
    ar: 'لم تظهر الرسالة على شاشة العميل. تحقق من توصيل الشاشة الثانية وإعداد شاشة العميل.',
    en: "The test did not show on the customer's screen. Check the second screen's cable and the customer screen setting.",
  },
  COMMISSIONING_TERMINAL_OFFLINE: {
    ar: 'جهاز الدفع لا يستجيب. تحقق من الكابل أو الشبكة وإعدادات الجهاز.',
    en: "The card terminal does not answer. Check its cable or network and the terminal's settings.",
  },
  COMMISSIONING_TEST_DECLINED: {
    ar: 'رفض جهاز الدفع عملية الاختبار (١٫٠٠ ريال). جرّب بطاقة أخرى أو راجع إعداد الجهاز مع البنك المحصّل.',
    en: 'The card terminal declined the 1.00 SAR test. Try another card, or check the terminal setup with the acquirer.',
  },
  COMMISSIONING_TEST_NOT_REVERSED: {
    ar: 'لم تُعكس عملية الاختبار (١٫٠٠ ريال) بعد. افتح لوحة الجهاز: هي في قائمة العمليات التي تحتاج إلى المدير، ولا تُحصّل مرة أخرى.',
    en: 'The 1.00 SAR test was not reversed yet. Open the terminal panel: it is listed under payments needing a manager. Do not charge again.',
  },
  COMMISSIONING_SETTLEMENT_REFUSED: {
    ar: 'رفض جهاز الدفع التسوية. راجع رمز الرد مع البنك المحصّل.',
    en: 'The card terminal refused the settlement. Check its response code with the acquirer.',
  },
  COMMISSIONING_PROVIDER_UNREACHABLE: {
    ar: 'تعذر الوصول إلى مزوّد الدفع. تحقق من الإنترنت والعنوان والشهادات.',
    en: 'The payment provider cannot be reached. Check the internet connection, its address and the certificates.',
  },
  COMMISSIONING_CERTIFICATE_EXPIRED: {
    ar: 'انتهت صلاحية شهادة في الاتصال بمزوّد الدفع (شهادة نقطة البيع أو شهادة المزوّد). ثبّت شهادة جديدة (nuqta secret set stcpay.clientCert --file …) أو راجع المزوّد.',
    en: "A certificate on the link to a payment provider has expired (the till's own or the provider's). Install a new one (nuqta secret set stcpay.clientCert --file …) or ask the provider.",
  },
  COMMISSIONING_NOTHING_TO_TEST: {
    ar: 'لا يوجد جهاز دفع ولا STC Pay مُعدّ لهذه النقطة.',
    en: 'Neither a card terminal nor STC Pay is set up for this till.',
  },
  COMMISSIONING_REPORT_NOT_SAVED: {
    ar: 'تعذر حفظ تقرير التشغيل في مجلد البيانات.',
    en: 'The commissioning report could not be saved in the data folder.',
  },
});

export type CommissioningErrorCode = keyof typeof commissioningErrors.text;
export const commissioningError = commissioningErrors.data;
