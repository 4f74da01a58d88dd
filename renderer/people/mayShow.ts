// What the screen offers the signed-in user: a button or key for a method the contract's table lets their role call
// (preload/contract/permissions.ts, the same table main's gate enforces — main still refuses, this only hides).
// An approval-gated method stays shown to a role that may ask (a cashier: the dialog asks an approver's PIN); a
// trainee, who may only sell, sees no drawer, shift, admin or reversal. While the till has no users, or before
// main has said who is signed in, everything shows, as before users.
import type { MethodName } from '../../preload/contract/methods';
import { needsSignIn, permissionOf, roleMayCall } from '../../preload/contract/permissions';
import type { TillSession } from '../../preload/contract/people';

export function mayShow(session: TillSession | null, method: MethodName): boolean {
  if (session === null || !session.required) return true;
  const permission = permissionOf(method);
  if (session.user === null) return !needsSignIn(permission);
  return roleMayCall(session.user.role, permission);
}

/** The screen's ways in and the method each leads to: shown only when that method may be called. */
export const ENTRY_METHODS = {
  admin: 'getSettings',
  drawer: 'openDrawer',
  shift: 'openShift',
  reverse: 'reverseCardPayment',
} as const satisfies Record<string, MethodName>;
export type Entry = keyof typeof ENTRY_METHODS;

/** Which of the screen's ways in to show to this session. */
export const shownEntries = (session: TillSession | null): Readonly<Record<Entry, boolean>> => ({
  admin: mayShow(session, ENTRY_METHODS.admin),
  drawer: mayShow(session, ENTRY_METHODS.drawer),
  shift: mayShow(session, ENTRY_METHODS.shift),
  reverse: mayShow(session, ENTRY_METHODS.reverse),
});
