// Two-factor enrolment (docs/people.md): the signed-in manager or admin enrols themselves. The gate lets any
// signed-in staff but a trainee in ('till'); main/people refuses the other roles, and a till with no users (nobody
// signed in, the shared PIN) has no one to enrol.
import type { Handlers } from '../ipc';
import { TillError } from '../errors';
import type { TillSessionDesk, TwoFactor } from '../people';

export type TotpHandlers = Pick<Handlers, 'startTotpEnrolment' | 'confirmTotpEnrolment'>;

export function createTotpHandlers(session: TillSessionDesk, twoFactor: TwoFactor): TotpHandlers {
  const who = () => {
    const user = session.signedIn();
    if (!user) throw new TillError('TOTP_NOT_FOR_ROLE', 'nobody is signed in');
    return user;
  };
  return {
    startTotpEnrolment: () => twoFactor.start(who()),
    confirmTotpEnrolment: ({ code }) => {
      twoFactor.confirm(who(), code);
      return { enrolled: true as const };
    },
  };
}
