// The e-invoicing section's own decisions: what OTP it sends, how it grades a certificate's days and the queue's
// age, how the onboarding steps read after an answer, and the pager's arithmetic.
import { describe, expect, it } from 'vitest';
import type { EinvoicingStatus } from '../../preload/contract';
import { ageParts, checkOtp, expiryTone, initialEnvironment, mayIssueSimplifiedInstead, mayReissue, pageCount, stepStates, totalFor, urgencyTone } from '../../renderer/admin/einvoicing/einvoicingView';

const status = (over: Partial<EinvoicingStatus>): EinvoicingStatus => ({
  environment: 'simulator',
  ready: true,
  unit: null,
  counts: { waiting: 2, reported: 5, warned: 1, rejected: 3 },
  oldestWaitingAt: null,
  oldestWaitingMinutes: null,
  urgency: 'ok',
  lastProblem: null,
  environments: ['simulator', 'sandbox', 'simulation', 'production'],
  ...over,
});

describe('the OTP the form sends', () => {
  it('is six digits in Latin, whatever script they were typed in, spaces dropped', () => {
    expect(checkOtp('123345')).toEqual({ ok: true, value: '123345' });
    expect(checkOtp('١٢٣٣٤٥')).toEqual({ ok: true, value: '123345' });
    expect(checkOtp(' 123 345 ')).toEqual({ ok: true, value: '123345' });
  });

  it('refuses anything else', () => {
    for (const typed of ['', '12345', '1234567', '12334a', '12-345', '١٢٣٣٤']) expect(checkOtp(typed), typed).toEqual({ ok: false });
  });
});

describe('grading', () => {
  it("grades the certificate's days left as the health page does (30 / 7, expired a problem)", () => {
    expect([null, 365, 31, 30, 8, 7, 0, -3].map(expiryTone)).toEqual(['ok', 'ok', 'ok', 'warning', 'warning', 'problem', 'problem', 'problem']);
    expect([urgencyTone('ok'), urgencyTone('late'), urgencyTone('overdue')]).toEqual(['ok', 'warning', 'problem']);
  });

  it('splits an age in minutes into days, hours and minutes', () => {
    expect(ageParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(ageParts(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
    expect(ageParts(12 * 60 + 5)).toEqual({ days: 0, hours: 12, minutes: 5 });
    expect(ageParts(26 * 60 + 30)).toEqual({ days: 1, hours: 2, minutes: 30 });
  });
});

describe('the onboarding steps', () => {
  it('are all running while main works, all done after success', () => {
    expect(Object.values(stepStates({ kind: 'running' }))).toEqual(['running', 'running', 'running', 'running']);
    expect(Object.values(stepStates({ kind: 'done' }))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(Object.values(stepStates({ kind: 'idle' }))).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('mark the step a failure stopped at, the ones before it done, and none for a refusal before sending', () => {
    expect(stepStates({ kind: 'failed', step: 'compliance-csid' })).toEqual({ csr: 'ok', 'compliance-csid': 'failed', 'compliance-checks': 'pending', 'production-csid': 'pending' });
    expect(stepStates({ kind: 'failed', step: 'production-csid' })).toEqual({ csr: 'ok', 'compliance-csid': 'ok', 'compliance-checks': 'ok', 'production-csid': 'failed' });
    expect(Object.values(stepStates({ kind: 'failed', step: null }))).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('start the form on the environment the settings name, else the first one allowed', () => {
    expect(initialEnvironment(status({}))).toBe('simulator');
    expect(initialEnvironment(status({ environment: 'production', environments: ['production'] }))).toBe('production');
    expect(initialEnvironment(status({ environment: null, environments: [] }))).toBeNull();
  });
});

describe('the pager', () => {
  it('counts pages from the filter total, at least one', () => {
    const { counts } = status({});
    expect(totalFor(counts, null)).toBe(11);
    expect(totalFor(counts, 'rejected')).toBe(3);
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});

describe('answering a rejected invoice', () => {
  it('is offered for a rejected invoice not answered yet, and for nothing else', () => {
    expect(mayReissue({ state: 'rejected', kind: 'invoice', reissuedIcv: null })).toBe(true);
    expect(mayReissue({ state: 'rejected', kind: 'invoice', reissuedIcv: 7 })).toBe(false);
    expect(mayReissue({ state: 'rejected', kind: 'credit_note', reissuedIcv: null })).toBe(false);
    for (const state of ['waiting', 'reported', 'warned'] as const) expect(mayReissue({ state, kind: 'invoice', reissuedIcv: null })).toBe(false);
  });
});

describe('a business invoice not cleared, answered from the list', () => {
  it('offers the simplified invoice instead while it is waiting or refused, never once cleared, replaced or for a note', () => {
    expect(mayIssueSimplifiedInstead({ kind: 'invoice', clearance: 'waiting' })).toBe(true);
    expect(mayIssueSimplifiedInstead({ kind: 'invoice', clearance: 'rejected' })).toBe(true);
    for (const clearance of ['cleared', 'replaced', 'reported', null] as const) expect(mayIssueSimplifiedInstead({ kind: 'invoice', clearance })).toBe(false);
    expect(mayIssueSimplifiedInstead({ kind: 'credit_note', clearance: 'rejected' })).toBe(false);
  });
});
