// When an update may be applied: every reason to wait, hours across midnight, the shop's zone against the
// machine's clock, the manual and off policies, and the updates never taken (downgrade, no trusted signature).
import { describe, expect, it } from 'vitest';
import { compareVersions, isOpenAt, localMinutes, whenToApply, type Decision, type PolicyInput } from '../../main/updates';

const IDLE = { saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 };
const UPDATE = { version: '1.3.0', currentVersion: '1.2.9', signedBy: 'vendor-2026' };
/** 00:30 in Riyadh (UTC+3) is 21:30 UTC the day before. */
const RIYADH_0030 = new Date('2026-03-01T21:30:00Z');

const input = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  policy: 'automatic',
  opensAt: '08:00',
  closesAt: '23:00',
  timeZone: 'Asia/Riyadh',
  now: RIYADH_0030,
  till: IDLE,
  update: UPDATE,
  ...over,
});

const codes = (d: Decision): string[] => (typeof d === 'object' && 'wait' in d ? d.reasons.map((r) => r.code) : []);
/** A UTC instant for local time hh:mm in Riyadh on 2 March 2026. */
const riyadh = (hhmm: string): Date => new Date(`2026-03-02T${hhmm}:00+03:00`);

describe('whenToApply: automatic', () => {
  it('applies when the shop is closed and the till idle', () => {
    expect(whenToApply(input())).toBe('apply-now');
  });

  it.each([
    ['a sale in progress', { ...IDLE, saleInProgress: true }, 'UPDATE_WAIT_SALE'],
    ['a payment in doubt', { ...IDLE, paymentInDoubt: true }, 'UPDATE_WAIT_PAYMENT'],
    ['one unreported invoice', { ...IDLE, unreportedInvoices: 1 }, 'UPDATE_WAIT_INVOICES'],
    ['an unreadable invoice count', { ...IDLE, unreportedInvoices: Number.NaN }, 'UPDATE_WAIT_INVOICES'],
  ])('waits with %s, even when closed', (_name, till, code) => {
    const d = whenToApply(input({ till }));
    expect(d).toMatchObject({ wait: { code } });
    expect(codes(d)).toEqual([code]);
    if (typeof d === 'object' && 'wait' in d) {
      expect(d.wait.message_en.length).toBeGreaterThan(10);
      expect(d.wait.message_ar).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('lists every reason, the till first and the hours last', () => {
    const d = whenToApply(input({ now: riyadh('12:00'), till: { saleInProgress: true, paymentInDoubt: true, unreportedInvoices: 3 } }));
    expect(codes(d)).toEqual(['UPDATE_WAIT_SALE', 'UPDATE_WAIT_PAYMENT', 'UPDATE_WAIT_INVOICES', 'UPDATE_WAIT_OPEN']);
    expect(d).toMatchObject({ wait: { code: 'UPDATE_WAIT_SALE' } });
  });

  it.each([
    // opens 08:00, closes 23:00 (same day)
    ['08:00', '23:00', '07:59', 'apply-now'],
    ['08:00', '23:00', '08:00', 'UPDATE_WAIT_OPEN'],
    ['08:00', '23:00', '22:59', 'UPDATE_WAIT_OPEN'],
    ['08:00', '23:00', '23:00', 'apply-now'],
    // opens 08:00, closes 02:00 the next day (crosses midnight)
    ['08:00', '02:00', '07:59', 'apply-now'],
    ['08:00', '02:00', '08:00', 'UPDATE_WAIT_OPEN'],
    ['08:00', '02:00', '23:59', 'UPDATE_WAIT_OPEN'],
    ['08:00', '02:00', '00:00', 'UPDATE_WAIT_OPEN'],
    ['08:00', '02:00', '01:59', 'UPDATE_WAIT_OPEN'],
    ['08:00', '02:00', '02:00', 'apply-now'],
    ['08:00', '02:00', '05:00', 'apply-now'],
    // equal times: open around the clock, never automatic
    ['00:00', '00:00', '03:00', 'UPDATE_WAIT_ALWAYS_OPEN'],
  ])('opens %s closes %s, at %s local: %s', (opensAt, closesAt, at, expected) => {
    const d = whenToApply(input({ opensAt, closesAt, now: riyadh(at) }));
    if (expected === 'apply-now') expect(d).toBe('apply-now');
    else expect(codes(d)).toEqual([expected]);
  });

  it('reads the hours in the shop\'s zone, not the machine\'s clock: 21:30 UTC is 00:30 in Riyadh', () => {
    // Same instant, two zones: in Riyadh the shop closed at 23:00; read as UTC it would still be open.
    expect(whenToApply(input({ timeZone: 'Asia/Riyadh', now: RIYADH_0030 }))).toBe('apply-now');
    expect(codes(whenToApply(input({ timeZone: 'UTC', now: RIYADH_0030 })))).toEqual(['UPDATE_WAIT_OPEN']);
    // 06:00 UTC is 09:00 in Riyadh: open there, closed by a UTC reading.
    const morning = new Date('2026-03-02T06:00:00Z');
    expect(codes(whenToApply(input({ timeZone: 'Asia/Riyadh', now: morning })))).toEqual(['UPDATE_WAIT_OPEN']);
    expect(whenToApply(input({ timeZone: 'UTC', now: morning }))).toBe('apply-now');
  });

  it('an admin who says "now" skips the hours but not the till\'s state', () => {
    expect(whenToApply(input({ now: riyadh('12:00'), adminConfirmed: true }))).toBe('apply-now');
    expect(codes(whenToApply(input({ now: riyadh('12:00'), adminConfirmed: true, till: { ...IDLE, paymentInDoubt: true } })))).toEqual(['UPDATE_WAIT_PAYMENT']);
  });
});

describe('whenToApply: manual and off', () => {
  it('manual asks the admin whatever the hours, and applies once confirmed', () => {
    expect(whenToApply(input({ policy: 'manual', now: riyadh('12:00') }))).toBe('ask-admin');
    expect(whenToApply(input({ policy: 'manual', now: riyadh('12:00'), adminConfirmed: true }))).toBe('apply-now');
  });

  it.each([
    [{ ...IDLE, saleInProgress: true }, 'UPDATE_WAIT_SALE'],
    [{ ...IDLE, paymentInDoubt: true }, 'UPDATE_WAIT_PAYMENT'],
    [{ ...IDLE, unreportedInvoices: 2 }, 'UPDATE_WAIT_INVOICES'],
  ])('manual still waits, confirmed or not (%o)', (till, code) => {
    expect(codes(whenToApply(input({ policy: 'manual', till })))).toEqual([code]);
    expect(codes(whenToApply(input({ policy: 'manual', till, adminConfirmed: true })))).toEqual([code]);
  });

  it('off is never, even for an idle till at night or an admin who confirms', () => {
    expect(whenToApply(input({ policy: 'off' }))).toBe('never');
    expect(whenToApply(input({ policy: 'off', adminConfirmed: true }))).toBe('never');
  });
});

describe('whenToApply: updates never taken', () => {
  it.each([
    ['the same version', '1.2.9'],
    ['an older version', '1.2.8'],
    ['a pre-release of the running version', '1.2.9-rc.1'],
    ['an older major', '0.9.99'],
  ])('refuses %s (no downgrade)', (_name, version) => {
    expect(whenToApply(input({ update: { ...UPDATE, version } }))).toEqual({ refuse: expect.objectContaining({ code: 'UPDATE_NOT_NEWER' }) });
    expect(whenToApply(input({ policy: 'manual', adminConfirmed: true, update: { ...UPDATE, version } }))).toMatchObject({ refuse: { code: 'UPDATE_NOT_NEWER' } });
  });

  it('refuses an update no trusted key signed', () => {
    expect(whenToApply(input({ update: { ...UPDATE, signedBy: null } }))).toMatchObject({ refuse: { code: 'UPDATE_SIGNATURE_INVALID' } });
  });

  it('refuses a version that is not semver', () => {
    expect(whenToApply(input({ update: { ...UPDATE, version: '1.3' } }))).toMatchObject({ refuse: { code: 'UPDATE_MANIFEST_INVALID' } });
  });
});

describe('versions and hours', () => {
  it.each([
    ['1.2.10', '1.2.9', 1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['1.0.0-alpha', '1.0.0-1', 1],
    ['1.0.0-alpha.1', '1.0.0-alpha', 1],
    ['1.0.0+build.5', '1.0.0', 0],
  ])('%s against %s: %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it('reads local minutes in a zone', () => {
    expect(localMinutes(RIYADH_0030, 'Asia/Riyadh')).toBe(30);
    expect(localMinutes(RIYADH_0030, 'UTC')).toBe(21 * 60 + 30);
    expect(localMinutes(new Date('2026-03-01T21:00:00Z'), 'Asia/Riyadh')).toBe(0);
  });

  it('opening hours are [opens, closes)', () => {
    expect(isOpenAt(8 * 60, '08:00', '23:00')).toBe(true);
    expect(isOpenAt(23 * 60, '08:00', '23:00')).toBe(false);
    expect(isOpenAt(60, '22:00', '02:00')).toBe(true);
    expect(isOpenAt(12 * 60, '22:00', '02:00')).toBe(false);
  });
});
