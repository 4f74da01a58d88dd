// What the e-invoicing section decides before it shows or sends anything. Pure, so it is tested without a page.
import type { EinvoiceItem, EinvoicingStatus, EinvoiceState, OnboardStep } from '../../../preload/contract/einvoicing';
import { toLatinDigits } from '../../format/digits';

/** The OTP as the FATOORA portal shows it: six digits, typed in any script (the Arabic layout types ٠-٩). */
export function checkOtp(text: string): { ok: true; value: string } | { ok: false } {
  const otp = toLatinDigits(text.replace(/\s+/g, ''));
  return /^\d{6}$/.test(otp) ? { ok: true, value: otp } : { ok: false };
}

/** An age in whole minutes as days, hours and minutes (the largest two that matter). */
export function ageParts(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.floor(minutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

export type Tone = 'ok' | 'warning' | 'problem';

/** The certificate's days left as the health page grades them: a warning at 30, a problem at 7 and after expiry. */
export function expiryTone(days: number | null): Tone {
  if (days === null) return 'ok';
  if (days <= 7) return 'problem';
  return days <= 30 ? 'warning' : 'ok';
}

export const urgencyTone = (urgency: EinvoicingStatus['urgency']): Tone => (urgency === 'overdue' ? 'problem' : urgency === 'late' ? 'warning' : 'ok');

/** Pages for `total` documents, at least one (an empty list is still page 1 of 1). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** The documents a filter would show: all of them, or those of one state. */
export function totalFor(counts: EinvoicingStatus['counts'], state: EinvoiceState | null): number {
  return state ? counts[state] : counts.waiting + counts.reported + counts.warned + counts.rejected;
}

export const ONBOARD_STEPS: readonly OnboardStep[] = ['csr', 'compliance-csid', 'compliance-checks', 'production-csid'];

export type StepState = 'pending' | 'running' | 'ok' | 'failed';

/**
 * Each onboarding step's state for the progress list. While the call runs every step is `running` (main answers
 * once, at the end); a failure marks the steps before it done and the one it stopped at failed; a refusal before
 * anything was sent (`step` null) leaves them all pending.
 */
export function stepStates(progress: { kind: 'idle' } | { kind: 'running' } | { kind: 'done' } | { kind: 'failed'; step: OnboardStep | null }): Record<OnboardStep, StepState> {
  const states = {} as Record<OnboardStep, StepState>;
  const failedAt = progress.kind === 'failed' && progress.step ? ONBOARD_STEPS.indexOf(progress.step) : -1;
  ONBOARD_STEPS.forEach((step, i) => {
    if (progress.kind === 'running') states[step] = 'running';
    else if (progress.kind === 'done') states[step] = 'ok';
    else if (failedAt < 0) states[step] = 'pending';
    else states[step] = i < failedAt ? 'ok' : i === failedAt ? 'failed' : 'pending';
  });
  return states;
}

/** The environment the form starts on: the one the settings name, when the screen may onboard there. */
export function initialEnvironment(status: EinvoicingStatus): EinvoicingStatus['environments'][number] | null {
  if (status.environment && status.environments.includes(status.environment)) return status.environment;
  return status.environments[0] ?? null;
}

/** Only a rejected invoice not answered yet can be answered by a credit note and a new invoice (main refuses the rest). */
export const mayReissue = (doc: Pick<EinvoiceItem, 'state' | 'kind' | 'reissuedIcv'>): boolean => doc.state === 'rejected' && doc.kind === 'invoice' && doc.reissuedIcv === null;

/** A business (standard) invoice not cleared — refused, or ZATCA not reached — may be replaced by a simplified one. */
export const mayIssueSimplifiedInstead = (doc: Pick<EinvoiceItem, 'kind' | 'clearance'>): boolean =>
  doc.kind === 'invoice' && (doc.clearance === 'waiting' || doc.clearance === 'rejected');
