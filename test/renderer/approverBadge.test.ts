import { describe, expect, it } from 'vitest';
import type { ErrorData } from '../../preload/contract';
import { approverBadge, badgeClaim, type ApproverBadge } from '../../renderer/people/approverBadge';

describe('an approver\'s badge scanned into a PIN field', () => {
  it('names its holder in the till\'s language, sent to main as scanned', async () => {
    const sent: string[] = [];
    const api = {
      dropApproverBadge: async () => ({ ok: true as const, value: { dropped: true as const } }),
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
    const api = {
      dropApproverBadge: async () => ({ ok: true as const, value: { dropped: true as const } }),
      presentApproverBadge: async () => ({ ok: false as const, error: { code: 'BADGE_UNKNOWN', message_ar: 'x', message_en: 'x' } satisfies ErrorData }),
    };
    const errors: ErrorData[] = [];
    expect(await approverBadge(api, 'en', (e) => errors.push(e)).present('6281000000014')).toBeNull();
    expect(errors.map((e) => e.code)).toEqual(['SCAN_NOT_A_PIN']);
  });

  it('tells main to drop a badge whose field goes away before a PIN (the dialog cancelled), and only then', async () => {
    const dropped: string[] = [];
    const badges: ApproverBadge = { present: async () => 'Muna', drop: () => dropped.push('drop') };

    const cancelled = badgeClaim(badges);
    expect(await cancelled.present('STAFF-0077')).toBe('Muna');
    cancelled.release();
    expect(dropped).toEqual(['drop']);

    // A PIN typed after the badge used it up in main: nothing to drop when the field goes.
    const used = badgeClaim(badges);
    await used.present('STAFF-0077');
    used.submitted();
    used.release();
    // No badge scanned: nothing to drop.
    badgeClaim(badges).release();
    expect(dropped).toEqual(['drop']);
  });

  it('sends the drop to main', async () => {
    const calls: string[] = [];
    const api = {
      presentApproverBadge: async () => ({ ok: true as const, value: { nameAr: 'منى', nameEn: 'Muna' } }),
      dropApproverBadge: async (input: Record<string, never>) => {
        calls.push(JSON.stringify(input));
        return { ok: true as const, value: { dropped: true as const } };
      },
    };
    approverBadge(api, 'en', () => undefined).drop();
    expect(calls).toEqual(['{}']);
  });
});
