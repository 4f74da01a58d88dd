// SkyBand / mada response codes (payments.md §1) and the bilingual reasons the cashier sees on a decline.
// Approved: 000, 001, 003, 007 (DE39 handling of the Tarang mada app). 002 is ISO 8583:1993 "approved for partial
// amount": we treat it as approved too, because calling an approval a decline would lose money the customer has
// already paid; the record then carries the (lower) approved amount and the caller must check it.
// 400 = reversal accepted; 500/501 = reconciliation in / out of balance.

export const APPROVED_CODES: ReadonlySet<string> = new Set(['000', '001', '002', '003', '007']);
export const REVERSAL_ACCEPTED = '400';
export const SETTLEMENT_CODES: ReadonlySet<string> = new Set(['500', '501']);

/** Synthetic code (never sent by a terminal): the request provably did not reach the terminal. */
export const NOT_SENT_CODE = 'NOT_SENT';
/** Our alpha code for a cancellation (mada alpha response code UC, "CANCELLATION / إلغاء", payments.md §5). */
export const CANCELLED_CODE = 'UC';

export interface Reason {
  en: string;
  ar: string;
}

// ISO 8583:1993 action codes as mada uses them. 181 is listed as a timeout because that is how the product brief
// names it [confirm against the acquirer's code list]; 911 is the ISO issuer timeout.
const REASONS: Readonly<Record<string, Reason>> = {
  '100': { en: 'Do not honour', ar: 'مرفوضة من البنك' },
  '101': { en: 'Expired card', ar: 'البطاقة منتهية الصلاحية' },
  '102': { en: 'Suspected fraud', ar: 'اشتباه احتيال' },
  '104': { en: 'Restricted card', ar: 'بطاقة مقيدة' },
  '106': { en: 'PIN tries exceeded', ar: 'تجاوز عدد محاولات الرقم السري' },
  '107': { en: 'Refer to card issuer', ar: 'راجع البنك المصدر للبطاقة' },
  '110': { en: 'Invalid amount', ar: 'مبلغ غير صحيح' },
  '111': { en: 'Invalid card number', ar: 'رقم البطاقة غير صحيح' },
  '116': { en: 'Insufficient funds', ar: 'الرصيد غير كاف' },
  '117': { en: 'Wrong PIN', ar: 'الرقم السري غير صحيح' },
  '118': { en: 'No card record', ar: 'لا يوجد سجل للبطاقة' },
  '119': { en: 'Transaction not permitted to cardholder', ar: 'العملية غير مسموحة لحامل البطاقة' },
  '120': { en: 'Transaction not permitted to terminal', ar: 'العملية غير مسموحة على هذا الجهاز' },
  '121': { en: 'Exceeds amount limit', ar: 'تجاوز الحد المسموح للمبلغ' },
  '123': { en: 'Exceeds frequency limit', ar: 'تجاوز عدد العمليات المسموح' },
  '125': { en: 'Card not effective', ar: 'البطاقة غير مفعلة' },
  '181': { en: 'No answer from the card issuer (timeout)', ar: 'لا يوجد رد من البنك المصدر (انتهت المهلة)' },
  '902': { en: 'Invalid transaction', ar: 'عملية غير صحيحة' },
  '904': { en: 'Format error', ar: 'خطأ في صيغة الطلب' },
  '907': { en: 'Card issuer unavailable', ar: 'البنك المصدر غير متاح' },
  '909': { en: 'System malfunction', ar: 'عطل في النظام' },
  '911': { en: 'Card issuer timed out', ar: 'انتهت مهلة البنك المصدر' },
  [CANCELLED_CODE]: { en: 'Cancelled', ar: 'إلغاء' },
  [NOT_SENT_CODE]: { en: 'Terminal not reached: nothing was charged', ar: 'تعذر الوصول إلى جهاز الدفع: لم يتم الخصم' },
};

const GENERIC: Reason = { en: 'Declined', ar: 'مرفوضة' };

/** True when the terminal's message says the customer or cashier cancelled on the device. */
export function isCancellation(code: string, message: string): boolean {
  const m = message.trim().toUpperCase();
  return code === CANCELLED_CODE || m === 'CANCELLED' || m === 'CANCELED' || m === 'CANCELLATION';
}

export function declineReason(code: string, message = ''): Reason {
  if (isCancellation(code, message)) return REASONS[CANCELLED_CODE]!;
  const known = REASONS[code];
  if (known) return known;
  const text = message.trim();
  return text && !/^DECLINED?$/i.test(text) ? { en: `${GENERIC.en}: ${text}`, ar: `${GENERIC.ar}: ${text}` } : { ...GENERIC, en: `${GENERIC.en} (${code || '?'})`, ar: `${GENERIC.ar} (${code || '?'})` };
}
