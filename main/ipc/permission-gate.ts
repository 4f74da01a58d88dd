// The contract's permission table (preload/contract/permissions.ts) enforced in main, before a method's input
// is read: SIGNED_OUT while nobody is signed in, PERMISSION_DENIED for a role the table does not allow. The
// renderer hides what would be refused; this is what refuses it.
import { needsSignIn, permissionOf, roleMayCall, type MethodName, type SignedInUser } from '../../preload/contract';
import { TillError } from '../errors';
import type { CallContext } from './call-context';

export interface GateSession {
  /** The signed-in user (SIGNED_OUT while locked); null on a till with no users yet, where nothing is refused. */
  requireSignedIn(): SignedInUser | null;
}

export type PermissionGate = (method: MethodName) => CallContext;

export function createPermissionGate(session: GateSession): PermissionGate {
  return (method) => {
    const permission = permissionOf(method);
    // Open methods do not ask for the user: a read (the screen polling the sale) is not a person's action and
    // must not hold off the idle lock.
    if (!needsSignIn(permission)) return { method, user: null };
    const user = session.requireSignedIn();
    if (user && !roleMayCall(user.role, permission)) throw new TillError('PERMISSION_DENIED', `${user.role} may not call ${method}`);
    return { method, user };
  };
}
