// When a verified update may be applied: one pure function of the settings, the clock and the till's state,
// so the admin screen, the shell and the tests all get the same answer. The till's state is handed in as plain
// data by whoever knows it (the composition root); this domain asks no other.
import type { ErrorData } from '../../preload/contract';
import { updateErrorCatalog, waitReasonCatalog } from './errors';
import { isOpenAt, localMinutes } from './hours';
import { compareVersions, isSemver } from './semver';

export type UpdatePolicy = 'off' | 'manual' | 'automatic';

/** What the running till is doing, as far as an update cares. */
export interface TillState {
  /** A sale with lines or tenders is open. */
  saleInProgress: boolean;
  /** A payment's outcome is unknown (terminal or provider not yet answered, or awaiting a manager). */
  paymentInDoubt: boolean;
  /** Invoices issued but not yet reported to ZATCA (phase 2; 0 until the till reports invoices). */
  unreportedInvoices: number;
}

export interface PolicyInput {
  policy: UpdatePolicy;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  now: Date;
  till: TillState;
  update: {
    version: string;
    currentVersion: string;
    /** The trusted key that signed the release, or null when no trusted key did. */
    signedBy: string | null;
  };
  /**
   * The admin has said "apply now" at the till: manual applies, automatic skips the opening hours. The till's
   * state is checked all the same.
   */
  adminConfirmed?: boolean;
}

export type Decision =
  | 'apply-now'
  | 'ask-admin'
  | 'never'
  /** Not now: `wait` is the first reason, `reasons` all of them (for the admin screen). */
  | { wait: ErrorData; reasons: ErrorData[] }
  /** Never this update (downgrade, not signed by a trusted key). */
  | { refuse: ErrorData };

function tillReasons(till: TillState): ErrorData[] {
  const reasons: ErrorData[] = [];
  if (till.saleInProgress) reasons.push(waitReasonCatalog.data('UPDATE_WAIT_SALE'));
  if (till.paymentInDoubt) reasons.push(waitReasonCatalog.data('UPDATE_WAIT_PAYMENT'));
  // Anything but a plain 0 waits: a count the caller could not read (NaN) must not let an update through.
  if (!(till.unreportedInvoices === 0)) reasons.push(waitReasonCatalog.data('UPDATE_WAIT_INVOICES'));
  return reasons;
}

function refusal(input: PolicyInput): ErrorData | null {
  const { version, currentVersion, signedBy } = input.update;
  if (signedBy === null) return updateErrorCatalog.data('UPDATE_SIGNATURE_INVALID');
  if (!isSemver(version) || !isSemver(currentVersion)) return updateErrorCatalog.data('UPDATE_MANIFEST_INVALID');
  if (compareVersions(version, currentVersion) <= 0) return updateErrorCatalog.data('UPDATE_NOT_NEWER');
  return null;
}

export function whenToApply(input: PolicyInput): Decision {
  if (input.policy === 'off') return 'never';
  const refused = refusal(input);
  if (refused) return { refuse: refused };
  const reasons = tillReasons(input.till);
  if (input.policy === 'automatic' && !input.adminConfirmed) {
    if (input.opensAt === input.closesAt) reasons.push(waitReasonCatalog.data('UPDATE_WAIT_ALWAYS_OPEN'));
    else if (isOpenAt(localMinutes(input.now, input.timeZone), input.opensAt, input.closesAt)) reasons.push(waitReasonCatalog.data('UPDATE_WAIT_OPEN'));
  }
  const [first] = reasons;
  if (first) return { wait: first, reasons };
  if (input.policy === 'manual') return input.adminConfirmed ? 'apply-now' : 'ask-admin';
  return 'apply-now';
}
