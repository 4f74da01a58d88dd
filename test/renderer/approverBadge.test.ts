import { describe, expect, it } from 'vitest';
import type { ErrorData } from '../../preload/contract';
import { approverBadge } from '../../renderer/people/approverBadge';

describe('an approver\'s badge scanned into a PIN field', () => {
  it('names its holder in the till\'s language, sent to main as scanned', async () => {
    const sent: string[] = [];
    const api = {
      presentApproverBadge: async ({ badge }: { badge: string }) => {
        sent.push(badge);
        return { ok: true as const, value: { nameAr: 'منى', nameEn: 'Muna' } };
      },
    };
    const errors: ErrorData[] = [];
    expect(await approverBadge(api, 'ar', (e) => errors.push(e)).present('STAFF-0077')).toBe('منى');
    expect(await approverBadge(api, 'en', (e) => errors.push(e)).present('STAFF-0077')).toBe('Muna');
    expect(sent).toEqual(['STAFF-0077', 'STAFF-0077']);
    expect(errors).toEqual([]);
  });

  it('refuses a scan that is no badge as before: a scan is not a PIN', async () => {
    const api = { presentApproverBadge: async () => ({ ok: false as const, error: { code: 'BADGE_UNKNOWN', message_ar: 'x', message_en: 'x' } satisfies ErrorData }) };
    const errors: ErrorData[] = [];
    expect(await approverBadge(api, 'en', (e) => errors.push(e)).present('6281000000014')).toBeNull();
    expect(errors.map((e) => e.code)).toEqual(['SCAN_NOT_A_PIN']);
  });
});
