// The first admin of a live till (docs/people.md, first admin): the admin screen of a till with no active user
// asks for one before anything else, since a live till takes no shared default PIN (main/auth refuses the
// demo's with FIRST_ADMIN_NEEDED). A shop that set a shared PIN of its own gives it too; the demo's PIN guards
// nothing, so it is not asked. The new admin is signed in at once with the PIN just typed (journaled as any
// sign-in), and from then on the till is run by its users: this method refuses FIRST_ADMIN_EXISTS.
import type { FirstAdminInput, TillSession } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { TillError } from '../errors';
import type { Handlers } from '../ipc';
import type { TillSessionDesk, Users } from '../people';

export interface FirstAdminDeps {
  users: Users;
  session: TillSessionDesk;
  manager: ManagerAuth;
  /** Whether the till's shared PIN is still the demo's (main/auth createDemoPinCheck). */
  sharedPinIsDemo: () => boolean;
}

/** TillSession.firstAdmin: what the admin screen shows before its PIN. */
export function firstAdminState({ users, sharedPinIsDemo }: Pick<FirstAdminDeps, 'users' | 'sharedPinIsDemo'>): TillSession['firstAdmin'] {
  if (users.hasActive()) return 'not_needed';
  return sharedPinIsDemo() ? 'needed' : 'needed_with_till_pin';
}

export function createFirstAdminHandler(deps: FirstAdminDeps): Pick<Handlers, 'addFirstAdmin'> {
  const { users, session, manager, sharedPinIsDemo } = deps;
  return {
    addFirstAdmin: ({ tillPin, badge, ...names }: FirstAdminInput) => {
      if (users.hasActive()) throw new TillError('FIRST_ADMIN_EXISTS');
      // The shop's own shared PIN, counted in its back-off like any approval; MANAGER_PIN_WRONG when missing.
      if (!sharedPinIsDemo()) manager.check(tillPin ?? '');
      users.add({ ...names, role: 'admin', ...(badge !== undefined ? { badge } : {}) }, 'first-admin');
      return session.signIn({ pin: names.pin });
    },
  };
}
