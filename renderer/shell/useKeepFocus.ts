// The keyboard stays in an open dialog: when the control that had it goes away (a nested form closed, a row
// re-rendered, a button disabled), the dialog takes it back in the same commit, before the browser can hand the
// next key press to the page's body. (A passive effect runs a task later, and the browser runs input first.)
import { useLayoutEffect, type RefObject } from 'react';

export function useKeepFocus(dialog: RefObject<HTMLElement | null>, when = true): void {
  useLayoutEffect(() => {
    const el = dialog.current;
    if (when && el && !el.contains(document.activeElement)) el.focus();
  });
}
