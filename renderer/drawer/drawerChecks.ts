// Opening the cash drawer without a sale: the reason the manager gives, checked before it goes to main. Pure.
import type { Check } from '../payments/checks';

export const DRAWER_REASON_MAX = 200;

export function checkDrawerReason(text: string): Check<string, 'DRAWER_REASON_REQUIRED' | 'DRAWER_REASON_TOO_LONG'> {
  const reason = text.trim().replace(/\s+/g, ' ');
  if (reason === '') return { ok: false, code: 'DRAWER_REASON_REQUIRED' };
  if (reason.length > DRAWER_REASON_MAX) return { ok: false, code: 'DRAWER_REASON_TOO_LONG' };
  return { ok: true, value: reason };
}
