// Approval by a badge scan (issue 14): the approver scans their staff badge in the approval dialog, then types
// their PIN. The badge names them, so the PIN is compared with that one user's hash only, and the approval is
// theirs or nobody's. Main holds the badge for one PIN, briefly: the next approval PIN within a minute is checked
// against its holder alone (right: that user approves; wrong: no user, which main/auth counts as a wrong PIN), and
// the badge is gone either way. Cancelling the dialog drops it too (`drop`): otherwise a PIN typed in the next
// dialog within the minute would be checked against a holder who may have walked away. Nothing is stored: a
// restart forgets it.
import type { SignedInUser } from '../../preload/contract';
import { TillError } from '../errors';
import { matches } from './hash';
import type { Users } from './users';

export const BADGE_HOLD_MS = 60_000;

export interface ApproverBadgeDesk {
  /** The badge's holder, held for the next approval PIN; BADGE_UNKNOWN for a badge no active user has. */
  present(badge: string): SignedInUser;
  /**
   * The user an approval PIN names: the held badge's holder when the PIN is theirs (undefined when not), or, with
   * no badge held, the active user whose PIN it is.
   */
  byPin(pin: string): SignedInUser | undefined;
  /** The dialog the badge was scanned in closed without a PIN: the next approval PIN is checked as any PIN. */
  drop(): void;
}

export function createApproverBadgeDesk(users: Pick<Users, 'byBadge' | 'byPin'>, now: () => number = Date.now): ApproverBadgeDesk {
  let held: { holder: NonNullable<ReturnType<Users['byBadge']>>; until: number } | null = null;
  return {
    present(badge) {
      const holder = users.byBadge(badge);
      if (!holder) {
        held = null;
        throw new TillError('BADGE_UNKNOWN');
      }
      held = { holder, until: now() + BADGE_HOLD_MS };
      const { pin: _hash, ...who } = holder;
      return who;
    },
    byPin(pin) {
      const badge = held;
      held = null;
      if (!badge || badge.until < now()) return users.byPin(pin);
      const { pin: hash, ...who } = badge.holder;
      return matches(pin, hash) ? who : undefined;
    },
    drop() {
      held = null;
    },
  };
}
