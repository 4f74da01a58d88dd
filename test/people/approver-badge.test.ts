// The badge claim's edges (main/people/approver-badge.ts): held for one PIN, within a minute, and dropped when the
// dialog it was scanned in is cancelled, so a PIN typed later in another dialog is not checked against that holder.
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../preload/contract';
import { createApproverBadgeDesk, BADGE_HOLD_MS } from '../../main/people';
import { hashWithSalt } from '../../main/people/hash';

const muna: SignedInUser = { id: 'u-muna', nameAr: 'منى', nameEn: 'Muna', role: 'supervisor' };
const omar: SignedInUser = { id: 'u-omar', nameAr: 'عمر', nameEn: 'Omar', role: 'manager' };
// A cheap fixed salt: the desk only compares, the hash's cost is main/auth's concern.
const munaPin = { salt: 'aa', hash: hashWithSalt('5824', 'aa') };
const users = {
  byBadge: (badge: string) => (badge === 'STAFF-0077' ? { ...muna, pin: munaPin } : undefined),
  byPin: (pin: string) => (pin === '9753' ? omar : pin === '5824' ? muna : undefined),
};

describe('a badge held for the next approval PIN', () => {
  it('checks the next PIN against the holder alone, once', () => {
    const desk = createApproverBadgeDesk(users);
    desk.present('STAFF-0077');
    expect(desk.byPin('9753')).toBeUndefined();
    expect(desk.byPin('9753')).toEqual(omar);
  });

  it('forgets the badge after a minute', () => {
    let clock = 0;
    const desk = createApproverBadgeDesk(users, () => clock);
    desk.present('STAFF-0077');
    clock = BADGE_HOLD_MS + 1;
    expect(desk.byPin('9753')).toEqual(omar);
  });

  it('drops the badge when its dialog is cancelled: a later PIN elsewhere names whoever it belongs to', () => {
    const desk = createApproverBadgeDesk(users);
    desk.present('STAFF-0077');
    desk.drop();
    expect(desk.byPin('9753')).toEqual(omar);
    // Dropping with nothing held changes nothing; the holder's own PIN still approves as anyone's would.
    desk.drop();
    expect(desk.byPin('5824')).toEqual(muna);
  });
});
