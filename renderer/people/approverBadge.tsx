// Approval by a badge scan (docs/people.md): in any approval PIN field, a scan is the approver's staff badge. It
// goes to main (presentApproverBadge), which holds it for the next approval PIN and answers whose it is; the field
// then says whose PIN it asks for. A scan that is no active user's badge is refused as before (SCAN_NOT_A_PIN):
// nobody scans a PIN. Without the provider (a panel shown alone, a test), the PIN field refuses every scan.
// A field that goes away with a badge read and no PIN typed (the dialog cancelled) tells main to drop the badge:
// main would otherwise check the next approval PIN, in whatever dialog, against that holder alone for a minute.
import { createContext, useContext } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData } from '../../preload/contract/schemas';
import type { Locale } from '../../preload/contract/schemas';
import { safetyError } from '../scanner/safetyMessages';

export interface ApproverBadge {
  /** The holder's name in the till's language, or null when the scan is no badge (the banner says so). */
  present(badge: string): Promise<string | null>;
  /** Main lets go of the badge it holds (its dialog closed before a PIN). */
  drop(): void;
}

export const ApproverBadgeContext = createContext<ApproverBadge | null>(null);
export const useApproverBadge = (): ApproverBadge | null => useContext(ApproverBadgeContext);

export function approverBadge(api: Pick<NuqtaApi, 'presentApproverBadge' | 'dropApproverBadge'>, locale: Locale, error: (e: ErrorData) => void): ApproverBadge {
  return {
    async present(badge) {
      const read = await api.presentApproverBadge({ badge });
      if (!read.ok) {
        error(safetyError('SCAN_NOT_A_PIN'));
        return null;
      }
      return locale === 'ar' ? read.value.nameAr : read.value.nameEn;
    },
    drop() {
      // Nothing to tell the cashier either way: main forgets the badge within the minute regardless.
      void api.dropApproverBadge({});
    },
  };
}

/** One PIN field's badge: presented by a scan, used up by the PIN typed after it, or dropped when the field goes. */
export interface BadgeClaim {
  present(badge: string): Promise<string | null>;
  /** A PIN went to main: it used the badge up (right or wrong), so there is nothing to drop. */
  submitted(): void;
  /** The field is going away: a badge still held for it is dropped. */
  release(): void;
}

export function badgeClaim(badges: ApproverBadge): BadgeClaim {
  let held = false;
  return {
    async present(badge) {
      held = true; // main may hold it even if the answer comes after the field is gone
      return badges.present(badge);
    },
    submitted() {
      held = false;
    },
    release() {
      if (held) badges.drop();
      held = false;
    },
  };
}
