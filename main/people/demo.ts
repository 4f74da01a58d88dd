// The demo till's staff, so the demo (and every test till on simulators) sells out of the box: a cashier it
// starts signed in as and a manager, with the PINs docs/people.md and the README give. A live till never gets
// them: its first admin comes from `nuqta user add` (and, later, provisioning or the commissioning wizard).
import type { SignedInUser } from '../../preload/contract';
import type { Users } from './users';

export const DEMO_CASHIER = { id: 'demo-cashier', nameAr: 'أمل (تجريبي)', nameEn: 'Amal (demo)', role: 'cashier', pin: '1111' } as const;
export const DEMO_MANAGER = { id: 'demo-manager', nameAr: 'خالد (تجريبي)', nameEn: 'Khalid (demo)', role: 'manager', pin: '1234' } as const;

/**
 * A till that went live keeps no demo staff: their PINs are in the README, so they are deactivated (journaled)
 * the first time it starts live. Until the shop adds its own users it sells unattributed, with a health warning.
 */
export function retireDemoUsers(users: Users): void {
  for (const { id } of [DEMO_CASHIER, DEMO_MANAGER]) if (users.byId(id)?.active) users.deactivate(id, 'went-live');
}

/** Adds the demo staff to a till that has no users yet; returns the demo cashier to sign in (null if inactive). */
export function seedDemoUsers(users: Users): SignedInUser | null {
  if (users.count() === 0) {
    for (const { pin, ...user } of [DEMO_CASHIER, DEMO_MANAGER]) users.add({ ...user, pin }, 'demo');
  }
  const cashier = users.byId(DEMO_CASHIER.id);
  return cashier?.active ? { id: cashier.id, nameAr: cashier.nameAr, nameEn: cashier.nameEn, role: cashier.role } : null;
}

/**
 * Whether the till has an active user of its own: the demo staff are not, a till going live retires them. What a
 * provisioning file's first admin is weighed against (a demo till given its live settings by the same file).
 */
export function hasOwnActiveUser(users: Pick<Users, 'list'>): boolean {
  const demo = new Set<string>([DEMO_CASHIER.id, DEMO_MANAGER.id]);
  return users.list().some((u) => u.active && !demo.has(u.id));
}
