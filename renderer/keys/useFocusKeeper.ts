// The scan field owns the keyboard: a scanner can fire at any moment and its keystrokes must land there.
// Clicks on anything but a text field do not take focus, and if the field loses focus anyway while no
// dialog is open, it gets it back.
import { useEffect, type RefObject } from 'react';
import { useLatest } from '../shell/useLatest';

const isTextField = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

export function useFocusKeeper(scanRef: RefObject<HTMLInputElement | null>, dialogOpen: boolean): void {
  const open = useLatest(dialogOpen);

  useEffect(() => {
    const refocus = (): void => {
      if (open.current) return;
      const field = scanRef.current;
      if (field && document.activeElement !== field) field.focus();
    };
    const onMouseDown = (e: MouseEvent): void => {
      if (!(e.target instanceof Element) || !isTextField(e.target)) e.preventDefault();
    };
    // After the event that moved focus has finished (a click's own handler may open a dialog).
    const onFocusOut = (): void => {
      setTimeout(refocus, 0);
    };
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', refocus);
    refocus();
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', refocus);
    };
  }, [scanRef, open]);

  // A dialog just closed: straight back to scanning.
  useEffect(() => {
    if (!dialogOpen) scanRef.current?.focus();
  }, [dialogOpen, scanRef]);
}
