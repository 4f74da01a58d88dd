// The people methods (sign-in, lock, who is signed in) mapped to main/people. Which methods need someone signed
// in, and which role, is the contract's table (preload/contract/permissions.ts), enforced by the dispatcher's
// gate (main/ipc/permission-gate.ts) before any handler runs.
import type { Handlers } from '../ipc';
import type { TillSessionDesk } from '../people';

export type PeopleHandlers = Pick<Handlers, 'currentUser' | 'signIn' | 'signOut'>;

export function createPeopleHandlers(session: TillSessionDesk): PeopleHandlers {
  return {
    currentUser: () => session.current(),
    signIn: (input) => session.signIn(input),
    signOut: () => session.signOut('lock'),
  };
}
