import { useEffect } from 'react';
import { useLatest } from '../shell/useLatest';
import { hotkeyFor, isReservedKey, type HotkeyAction, type HotkeyContext } from './hotkeys';

/**
 * Till-wide keys, on window so they work wherever focus is. Fields that handle a key stop it first. The context
 * is read when a key comes (the scan field's text is not React state, ../scanner/scanText.ts).
 */
export function useHotkeys(context: () => HotkeyContext, onAction: (action: HotkeyAction) => void): void {
  const latest = useLatest({ context, onAction });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const action = hotkeyFor(e, latest.current.context());
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
