// E-invoicing's health: onboarded or not, the stamp certificate's days left (30 and 7 days, like the other
// certificates), and the reporting queue — how many documents wait and since when (ZATCA gives 24 hours; the
// warning comes at 12), any ZATCA rejected, whether the platform refused the till's credentials, and whether a
// till that issues standard (B2B) invoices has a unit onboarded for them (a 0100 unit's CSID covers simplified only).
import { check, text, type EinvoicingFacts, type HealthCheck } from './types';
import { WARN_DAYS } from './certificates';

/** A till set to issue standard invoices whose unit was onboarded for simplified ones only (CSR title 0100). */
export const standardNotCovered = (f: Pick<EinvoicingFacts, 'standardInvoices' | 'invoiceTypes'>): boolean => f.standardInvoices === true && f.invoiceTypes === '0100';

/** What the health page and `nuqta zatca status` say then: a renewal keeps the unit's types, so it onboards again. */
export const STANDARD_NOT_COVERED = {
  summary: text("This unit's certificate does not cover standard (B2B) invoices: onboard again", 'شهادة هذه الوحدة لا تشمل الفواتير الضريبية (بين المنشآت): أعد الربط'),
  action: text(
    'Onboard the till again with a new OTP from the FATOORA portal (nuqta zatca onboard): the new unit is onboarded for standard and simplified invoices (1100).',
    'أعد ربط نقطة البيع برمز OTP جديد من بوابة فاتورة (nuqta zatca onboard): تُربط الوحدة الجديدة للفواتير الضريبية والمبسطة (1100).',
  ),
};

export function einvoicingCheck(f: EinvoicingFacts | null): HealthCheck {
  if (!f || f.environment === null) {
    return check('einvoicing', 'off', text('E-invoicing (ZATCA phase 2) is not set up', 'الفوترة الإلكترونية (المرحلة الثانية) غير مفعلة'), text('Set einvoicing and onboard the till (nuqta zatca onboard).', 'فعّل einvoicing واربط نقطة البيع (nuqta zatca onboard).'));
  }
  const facts = {
    environment: f.environment,
    notAfter: f.unit?.notAfter ?? null,
    daysToExpiry: f.unit?.daysToExpiry ?? null,
    waiting: f.waiting,
    rejected: f.rejected,
    oldestWaitingMinutes: f.oldestWaitingMinutes,
    invoiceTypes: f.invoiceTypes ?? null,
  };
  if (!f.ready) {
    return check('einvoicing', 'problem', text(`Not onboarded with ZATCA (${f.environment}): sales cannot be completed`, `غير مربوط بمنصة فاتورة (${f.environment}): لا يمكن إتمام البيع`), text('Onboard the till with an OTP from the FATOORA portal (nuqta zatca onboard).', 'اربط نقطة البيع برمز OTP من بوابة فاتورة (nuqta zatca onboard).'), facts);
  }
  if (f.lastProblem?.kind === 'unauthorized') {
    return check('einvoicing', 'problem', text('ZATCA refused the till\'s credentials: invoices are not being reported', 'رفضت منصة فاتورة بيانات اعتماد نقطة البيع: لا تُرسل الفواتير'), text('Renew the certificate with a new OTP (nuqta zatca renew); if that is refused, onboard again (nuqta zatca onboard).', 'جدد الشهادة برمز OTP جديد (nuqta zatca renew)؛ وإن رُفض ذلك فأعد الربط (nuqta zatca onboard).'), facts);
  }
  const days = f.unit?.daysToExpiry ?? null;
  if (days !== null && days <= 0) {
    return check('einvoicing', 'problem', text('The e-invoicing certificate (CSID) has expired', 'انتهت صلاحية شهادة الفوترة (CSID)'), text('Onboard again with a new OTP.', 'أعد الربط برمز OTP جديد.'), facts);
  }
  if (f.urgency === 'overdue') {
    return check('einvoicing', 'problem', text(`${f.waiting} invoice(s) not reported for more than 24 hours`, `${f.waiting} فاتورة لم تُرسل منذ أكثر من ٢٤ ساعة`), text('Check the internet connection; the till sends them as soon as it can reach ZATCA.', 'تحقق من اتصال الإنترنت؛ تُرسل الفواتير فور الوصول إلى المنصة.'), facts);
  }
  if (standardNotCovered(f)) return check('einvoicing', 'warning', STANDARD_NOT_COVERED.summary, STANDARD_NOT_COVERED.action, facts);
  const refused = f.clearanceRefused ?? 0;
  const uncleared = f.clearanceWaiting ?? 0;
  if (refused > 0) {
    return check('einvoicing', 'warning', text(`${refused} business tax invoice(s) refused by ZATCA: the buyer has no invoice`, `${refused} فاتورة ضريبية لمنشأة رفضتها هيئة الزكاة: المشتري بلا فاتورة`), text('Admin → E-invoicing: issue a simplified invoice instead, and read ZATCA\'s messages.', 'الإعدادات ← الفوترة الإلكترونية: أصدر فاتورة مبسطة بدلًا منها، واقرأ رسائل الهيئة.'), { ...facts, clearanceRefused: refused });
  }
  if (f.rejected > 0) {
    return check('einvoicing', 'warning', text(`${f.rejected} document(s) rejected by ZATCA`, `${f.rejected} مستند رفضته هيئة الزكاة`), text('See them with nuqta zatca documents --state rejected; correct with a credit note or a new invoice.', 'راجعها عبر nuqta zatca documents --state rejected وصححها بإشعار دائن أو فاتورة جديدة.'), facts);
  }
  if (f.urgency === 'late') {
    return check('einvoicing', 'warning', text(`${f.waiting} invoice(s) waiting for more than 12 hours`, `${f.waiting} فاتورة تنتظر الإرسال منذ أكثر من ١٢ ساعة`), text('Check the internet connection: ZATCA must have them within 24 hours.', 'تحقق من اتصال الإنترنت: يجب أن تصل للهيئة خلال ٢٤ ساعة.'), facts);
  }
  if (uncleared > 0) {
    return check('einvoicing', 'warning', text(`${uncleared} business tax invoice(s) waiting for ZATCA's clearance`, `${uncleared} فاتورة ضريبية لمنشأة بانتظار اعتماد هيئة الزكاة`), text('The till sends them again by itself; if ZATCA stays unreachable, issue a simplified invoice instead (Admin → E-invoicing).', 'تعيد نقطة البيع إرسالها تلقائيًا؛ وإن تعذر الوصول إلى الهيئة فأصدر فاتورة مبسطة بدلًا منها (الإعدادات ← الفوترة الإلكترونية).'), { ...facts, clearanceWaiting: uncleared });
  }
  if (days !== null && days <= WARN_DAYS[0]) {
    return check('einvoicing', 'warning', text(`The e-invoicing certificate expires in ${days} days`, `تنتهي شهادة الفوترة خلال ${days} يومًا`), text('Renew it before then with a new OTP from the FATOORA portal (nuqta zatca renew).', 'جددها قبل ذلك برمز OTP جديد من بوابة فاتورة (nuqta zatca renew).'), facts);
  }
  return check('einvoicing', 'ok', text(`E-invoicing ready (${f.environment}); ${f.waiting} waiting to be reported`, `الفوترة الإلكترونية جاهزة (${f.environment})؛ ${f.waiting} بانتظار الإرسال`), null, facts);
}
