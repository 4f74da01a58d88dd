import { describe, expect, it } from 'vitest';
import type { SignedInUser, TillSession, UserRole } from '../../preload/contract';
import { mayShow, shownEntries } from '../../renderer/people/mayShow';

const as = (role: UserRole | null, required = true): TillSession => ({
  user: role === null ? null : ({ id: role, nameAr: role, nameEn: role, role } satisfies SignedInUser),
  required,
  lockAfterMs: 0,
  firstAdmin: 'not_needed',
});

describe('the screen shows what the signed-in role may call', () => {
  it('hides from a trainee the drawer, the shift, the admin area, a reversal and a resolution, but lets them sell', () => {
    expect(shownEntries(as('trainee'))).toEqual({ admin: false, drawer: false, shift: false, reverse: false, resolve: false });
    expect(mayShow(as('trainee'), 'tenderCash')).toBe(true);
    expect(mayShow(as('trainee'), 'returnSale')).toBe(false);
  });

  it('keeps an approval-gated button for a cashier (the dialog asks an approver\'s PIN)', () => {
    expect(shownEntries(as('cashier'))).toEqual({ admin: true, drawer: true, shift: true, reverse: true, resolve: true });
    expect(mayShow(as('cashier'), 'returnSale')).toBe(true);
    for (const role of ['supervisor', 'manager', 'admin'] as const) expect(Object.values(shownEntries(as(role)))).not.toContain(false);
  });

  it('shows only open methods while locked, and everything on a till without users or before main answered', () => {
    expect(mayShow(as(null), 'getSale')).toBe(true);
    expect(mayShow(as(null), 'tenderCash')).toBe(false);
    expect(shownEntries(as(null)).drawer).toBe(false);
    expect(shownEntries(as(null, false))).toEqual({ admin: true, drawer: true, shift: true, reverse: true, resolve: true });
    expect(shownEntries(null).admin).toBe(true);
  });
});
