import { useEffect } from 'react';
import { useLatest } from '../shell/useLatest';
import { hotkeyFor, isReservedKey, type HotkeyAction, type HotkeyContext } from './hotkeys';

/** Till-wide keys, on window so they work wherever focus is. Fields that handle a key stop it first. */
export function useHotkeys(context: HotkeyContext, onAction: (action: HotkeyAction) => void): void {
  const latest = useLatest({ context, onAction });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const action = hotkeyFor(e, latest.current.context);
      if (!action) {
        if (isReservedKey(e)) e.preventDefault();
        return;
      }
      e.preventDefault(); // Also keeps + and - out of the scan field, and F10 / F12 from the browser.
      latest.current.onAction(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [latest]);
}
