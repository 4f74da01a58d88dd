// Approval by a badge scan (docs/people.md): in any approval PIN field, a scan is the approver's staff badge. It
// goes to main (presentApproverBadge), which holds it for the next approval PIN and answers whose it is; the field
// then says whose PIN it asks for. A scan that is no active user's badge is refused as before (SCAN_NOT_A_PIN):
// nobody scans a PIN. Without the provider (a panel shown alone, a test), the PIN field refuses every scan.
import { createContext, useContext } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData } from '../../preload/contract/schemas';
import type { Locale } from '../../preload/contract/schemas';
import { safetyError } from '../scanner/safetyMessages';

export interface ApproverBadge {
  /** The holder's name in the till's language, or null when the scan is no badge (the banner says so). */
  present(badge: string): Promise<string | null>;
}

export const ApproverBadgeContext = createContext<ApproverBadge | null>(null);
export const useApproverBadge = (): ApproverBadge | null => useContext(ApproverBadgeContext);

export function approverBadge(api: Pick<NuqtaApi, 'presentApproverBadge'>, locale: Locale, error: (e: ErrorData) => void): ApproverBadge {
  return {
    async present(badge) {
      const read = await api.presentApproverBadge({ badge });
      if (!read.ok) {
        error(safetyError('SCAN_NOT_A_PIN'));
        return null;
      }
      return locale === 'ar' ? read.value.nameAr : read.value.nameEn;
    },
  };
}
