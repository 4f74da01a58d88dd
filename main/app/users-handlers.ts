// The admin screen's Users tab mapped to main/people: the same users functions as `nuqta user`, each change
// journaled there with the approver as `by`. The approver's PIN is checked first (approve:manager: a manager or
// an admin, journaled as manager.override by main/auth); the list never carries a hash.
import type { UsersList } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { TillError } from '../errors';
import type { Handlers } from '../ipc';
import { TILL_SUBJECT, userSubject, type ApproverBadgeDesk, type SignInGuard, type Users } from '../people';

export type UsersHandlers = Pick<Handlers, 'listUsers' | 'addUser' | 'changeUser' | 'presentApproverBadge' | 'dropApproverBadge'>;

export interface UsersDeps {
  users: Users;
  guard: SignInGuard;
  manager: ManagerAuth;
  /** An approver's badge scanned in an approval dialog, held for the next approval PIN (main/people). */
  badges: ApproverBadgeDesk;
}

export function createUsersHandlers({ users, guard, manager, badges }: UsersDeps): UsersHandlers {
  /** Who made the change, for the journal: the approver, or 'manager' for the shared PIN of a till without users. */
  const approver = (managerPin: string): string => manager.check(managerPin)?.id ?? 'manager';
  const listed = (): UsersList => ({
    users: users.list().map((u) => ({ ...u, pausedUntil: guard.pausedUntil(userSubject(u.id)) })),
    tillPausedUntil: guard.pausedUntil(TILL_SUBJECT),
  });
  return {
    presentApproverBadge: ({ badge }) => {
      const { nameAr, nameEn } = badges.present(badge);
      return { nameAr, nameEn };
    },
    dropApproverBadge: () => {
      badges.drop();
      return { dropped: true };
    },
    listUsers: ({ managerPin }) => {
      manager.check(managerPin);
      return listed();
    },
    addUser: ({ managerPin, badge, ...user }) => {
      const by = approver(managerPin);
      users.add({ ...user, ...(badge !== undefined ? { badge } : {}) }, by);
      return listed();
    },
    changeUser: ({ managerPin, userId, change }) => {
      const by = approver(managerPin);
      if (change.kind === 'unlock') {
        // The till's own subject (PIN alone) or a user's (badge then PIN); an unknown user is refused either way.
        if (userId !== TILL_SUBJECT && !users.byId(userId)) throw new TillError('USER_UNKNOWN', userId);
        guard.unlock(userId === TILL_SUBJECT ? TILL_SUBJECT : userSubject(userId), by);
      } else if (change.kind === 'pin') users.setPin(userId, change.pin, by);
      else if (change.kind === 'badge') users.setBadge(userId, change.badge, by);
      else if (change.kind === 'deactivate') {
        // The screen cannot lock its own door: the last active manager or admin stays (the CLI still can, from
        // the admin's shell, where `nuqta user add` brings a new one).
        const target = users.byId(userId);
        const approvers = users.list().filter((u) => u.active && (u.role === 'manager' || u.role === 'admin'));
        if (target?.active && approvers.length === 1 && approvers[0]!.id === userId) throw new TillError('USER_LAST_MANAGER');
        users.deactivate(userId, by);
      }
      else users.reactivate(userId, change.pin, by);
      return listed();
    },
  };
}
