// Who is signed in at this till, as main says (main holds it; this only mirrors it to decide what to show).
// Asked at every (re)connection; changed by the answers to signIn / signOut; asked again whenever main refuses
// something with SIGNED_OUT (main locked the till itself after its idle time). The view also locks on its own
// idle timer — a key or a tap resets it — so the sign-in screen shows when the time is up, not at the next scan.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignInInput, TillSession } from '../../preload/contract/people';
import type { ErrorData } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';

export interface PeopleSession {
  session: TillSession | null;
  /** The sign-in screen is what the till shows. */
  locked: boolean;
  /** Null when signed in; the error (SIGN_IN_WRONG, SIGN_IN_LOCKED, BADGE_UNKNOWN …) otherwise. */
  signIn(input: SignInInput): Promise<ErrorData | null>;
  lock(): void;
  /** A session main answered to another call (addFirstAdmin signs the new admin in). */
  adopt(session: TillSession): void;
  /** Main refused something: asks again who is signed in when it was SIGNED_OUT. */
  noticeError(error: ErrorData | null | undefined): void;
}

export function usePeopleSession(carrier: Carrier): PeopleSession {
  const { api, connection } = carrier;
  const [session, setSession] = useState<TillSession | null>(null);
  const refresh = useCallback(() => {
    void api.currentUser({}).then((r) => {
      if (r.ok) setSession(r.value);
    });
  }, [api]);
  useEffect(() => connection.onConnected(refresh), [connection, refresh]);

  const lock = useCallback(() => {
    void api.signOut({}).then((r) => {
      if (r.ok) setSession(r.value);
    });
  }, [api]);

  const signIn = useCallback(
    async (input: SignInInput): Promise<ErrorData | null> => {
      const r = await api.signIn(input);
      if (!r.ok) return r.error;
      setSession(r.value);
      return null;
    },
    [api],
  );

  const locked = session !== null && session.required && session.user === null;
  useIdleLock(session !== null && session.user !== null ? session.lockAfterMs : 0, lock);

  const noticeError = useCallback(
    (error: ErrorData | null | undefined) => {
      if (error?.code === 'SIGNED_OUT') refresh();
    },
    [refresh],
  );
  return { session, locked, signIn, lock, adopt: setSession, noticeError };
}

/** Calls `lock` after `ms` without a key press or a tap (0: never). */
function useIdleLock(ms: number, lock: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (ms <= 0) return;
    const restart = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(lock, ms);
    };
    restart();
    window.addEventListener('keydown', restart, true);
    window.addEventListener('pointerdown', restart, true);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener('keydown', restart, true);
      window.removeEventListener('pointerdown', restart, true);
    };
  }, [ms, lock]);
}
