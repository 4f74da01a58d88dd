// The till's clock against a provider's (the HTTP Date header of its last good answer): receipts, invoices
// (ZATCA's IssueTime) and payment records all carry the till's time, so more than 2 minutes apart is a warning.
import { check, text, type HealthCheck } from './types';

export const MAX_SKEW_MS = 2 * 60_000;

/** `observedAt`: when the answer carrying `serverDate` arrived, by the till's clock. */
export function clockCheck(serverDate: string | null, observedAt: string | null): HealthCheck {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  const local = observedAt ? Date.parse(observedAt) : Number.NaN;
  if (Number.isNaN(server) || Number.isNaN(local)) {
    return check('clock', 'off', text('No provider clock to compare with yet', 'لا توجد ساعة مزوّد للمقارنة بعد'));
  }
  // The Date header has whole seconds: a second of difference is the header's, not the clock's.
  const skewMs = local - server;
  const facts = { skewSeconds: Math.round(skewMs / 1000), comparedAt: observedAt };
  if (Math.abs(skewMs) > MAX_SKEW_MS) {
    const minutes = Math.round(Math.abs(skewMs) / 60_000);
    return check(
      'clock',
      'warning',
      text(`The till's clock is ${minutes} minutes ${skewMs > 0 ? 'ahead' : 'behind'}`, `ساعة النقطة ${skewMs > 0 ? 'متقدمة' : 'متأخرة'} ${minutes} دقيقة`),
      text('Set the system clock to synchronise automatically (NTP): receipts and invoices carry its time.', 'اضبط ساعة النظام على المزامنة التلقائية (NTP): الإيصالات والفواتير تحمل وقتها.'),
      facts,
    );
  }
  return check('clock', 'ok', text('Clock agrees with the provider', 'الساعة متوافقة مع المزوّد'), null, facts);
}
