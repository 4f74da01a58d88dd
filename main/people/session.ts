// Who is signed in at this till: main's state, never the renderer's. A sale method asks `requireSignedIn()`
// first and is refused with SIGNED_OUT while the till is locked; the renderer only shows the sign-in screen.
// Nothing here is kept across a restart: a live till starts locked, a demo till signed in as its demo cashier.
// The idle lock is checked when someone next acts (and the renderer locks on its own timer too): a till left
// alone longer than `lockAfterMs` answers SIGNED_OUT to its next sale method, whatever the screen shows.
import type { SignedInUser, SignInInput, TillSession } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { matches } from './hash';
import { TILL_SUBJECT, type SignInGuard } from './guard';
import type { Users } from './users';

export interface SessionDeps {
  db: Db;
  journal: Journal;
  users: Users;
  guard: SignInGuard;
  /** The idle time after which the till locks itself (settings: lockAfterMinutes); 0: never. */
  lockAfterMs: () => number;
  /** False while the till has no active user (upgraded from before users, or just gone live): nothing is refused then. */
  required: () => boolean;
  /** Whether the admin screen asks for the first admin (TillSession.firstAdmin); not_needed when not given. */
  firstAdmin?: () => TillSession['firstAdmin'];
  /** Who is signed in at start: the demo cashier on a demo till, nobody on a live one. */
  initial: SignedInUser | null;
  /** Told after every sign-in: the empty open sale becomes this cashier's, another cashier's sale is parked to its owner. */
  onSignedIn?: (user: SignedInUser) => void;
  /** Training mode (its own ledger, simulators only): the one place a trainee may sign in. */
  training?: boolean;
  now?: () => number;
}

export interface TillSessionDesk {
  current(): TillSession;
  signIn(input: SignInInput): TillSession;
  signOut(reason?: 'lock' | 'idle'): TillSession;
  /**
   * The signed-in user, for a sale method; SIGNED_OUT while locked. Counts as activity for the idle lock. Null
   * only on a till with no users yet, where nothing is refused.
   */
  requireSignedIn(): SignedInUser | null;
  /** The signed-in user without refusing (null while locked): what a sale opened now is attributed to. */
  signedIn(): SignedInUser | null;
}

export const userSubject = (userId: string): string => `user:${userId}`;

export function createSession({ db, journal, users, guard, lockAfterMs, required, firstAdmin = () => 'not_needed', initial, onSignedIn, training = false, now = Date.now }: SessionDeps): TillSessionDesk {
  let user: SignedInUser | null = initial;
  let lastActivity = now();
  const journaled = (type: string, payload: Record<string, unknown>) => db.transaction(() => journal.append(type, payload)).immediate();

  /** Locks a till left alone too long; true when it is (now) locked. */
  const idleLocked = (): boolean => {
    const limit = lockAfterMs();
    if (user && limit > 0 && now() - lastActivity >= limit) {
      journaled('people.signed_out', { userId: user.id, reason: 'idle' });
      user = null;
    }
    return user === null;
  };
  const session = (): TillSession => ({ user, required: required(), lockAfterMs: lockAfterMs(), firstAdmin: firstAdmin() });
  const begin = (who: SignedInUser, how: 'pin' | 'badge'): TillSession => {
    // Outside training (main/app/training) a trainee would ring real sales.
    if (who.role === 'trainee' && !training) throw new TillError('SIGN_IN_TRAINEE');
    journaled('people.signed_in', { userId: who.id, how });
    user = who;
    lastActivity = now();
    onSignedIn?.(who);
    return session();
  };

  return {
    current() {
      idleLocked();
      return session();
    },
    signIn(input) {
      if ('badge' in input) {
        const holder = users.byBadge(input.badge);
        if (!holder) throw new TillError('BADGE_UNKNOWN');
        const subject = userSubject(holder.id);
        guard.assertOpen(subject);
        if (!matches(input.pin, holder.pin)) guard.failed(subject);
        guard.cleared(subject);
        const { pin: _hash, ...who } = holder;
        return begin(who, 'badge');
      }
      guard.assertOpen(TILL_SUBJECT);
      const who = users.byPin(input.pin);
      if (!who) return guard.failed(TILL_SUBJECT);
      guard.cleared(TILL_SUBJECT);
      return begin(who, 'pin');
    },
    signOut(reason = 'lock') {
      if (user) journaled('people.signed_out', { userId: user.id, reason });
      user = null;
      return session();
    },
    requireSignedIn() {
      if (!required()) return null;
      if (idleLocked() || !user) throw new TillError('SIGNED_OUT');
      lastActivity = now();
      return user;
    },
    signedIn: () => (idleLocked() ? null : user),
  };
}
