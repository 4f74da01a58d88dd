// What the screen offers the signed-in user: a button or key for a method the contract's table lets their role call
// (preload/contract/permissions.ts, the same table main's gate enforces — main still refuses, this only hides).
// An approval-gated method stays shown to a role that may ask (a cashier: the dialog asks an approver's PIN); a
// trainee, who may only sell, sees no drawer, shift, admin, reversal, settlement, resolution or return. While the
// till has no users, or before main has said who is signed in, everything shows, as before users.
import { createContext, useContext } from 'react';
import type { MethodName } from '../../preload/contract/methods';
import { needsSignIn, permissionOf, roleMayCall } from '../../preload/contract/permissions';
import type { TillSession } from '../../preload/contract/people';

export function mayShow(session: TillSession | null, method: MethodName): boolean {
  if (session === null || !session.required) return true;
  const permission = permissionOf(method);
  if (session.user === null) return !needsSignIn(permission);
  return roleMayCall(session.user.role, permission);
}

/**
 * Each screen's buttons (and their keys) and the method each leads to: shown only when that method may be called.
 * `top`: the screen's ways in (the top bar, the totals' reversal, the hotkeys). A button that only opens a dialog
 * names the method the dialog exists to call (the history's Return opens the return dialog: `returnSale`).
 */
export const SCREEN_METHODS = {
  top: { admin: 'getSettings', drawer: 'openDrawer', shift: 'openShift', reverse: 'reverseCardPayment', resolve: 'resolvePayment' },
  terminal: { check: 'checkTerminal', repeatLast: 'repeatLastTransaction', settle: 'settleTerminal', recover: 'recoverPayment', resolve: 'resolvePayment' },
  history: { reprint: 'reprintReceipt', return: 'returnSale', reprintRefund: 'reprintReturn' },
  returnsDesk: { return: 'returnSale', settle: 'settleReturnRequest', payOut: 'payReturnCash', lookupCredit: 'getStoreCredit', voidCredit: 'voidStoreCredit' },
  shift: { open: 'openShift', movement: 'cashMovement', count: 'closeShift', approve: 'approveShiftClose' },
} as const satisfies Record<string, Record<string, MethodName>>;
export type Screen = keyof typeof SCREEN_METHODS;
export type Shown<S extends Screen> = Readonly<Record<keyof (typeof SCREEN_METHODS)[S], boolean>>;

/** Which of a screen's buttons to show to this session. */
export function shownOn<S extends Screen>(session: TillSession | null, screen: S): Shown<S> {
  const methods: Record<string, MethodName> = SCREEN_METHODS[screen];
  return Object.fromEntries(Object.entries(methods).map(([button, method]) => [button, mayShow(session, method)])) as Shown<S>;
}

/** The screen's ways in (the top bar's buttons, the totals' reversal, their keys). */
export const shownEntries = (session: TillSession | null): Shown<'top'> => shownOn(session, 'top');

/** Who is signed in, for the panels deep in the dialogs (App provides it; without it everything shows). */
export const SessionContext = createContext<TillSession | null>(null);
/** Takes a session main answered outside sign-in and lock (the first admin, signed in as they were added). */
export const AdoptSessionContext = createContext<(session: TillSession) => void>(() => undefined);
/** Which of a screen's buttons the signed-in role may use. */
export const useShown = <S extends Screen>(screen: S): Shown<S> => shownOn(useContext(SessionContext), screen);
