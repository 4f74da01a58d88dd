// The keyboard stays in an open dialog: when the control that had it goes away (a nested form closed, a row
// re-rendered, a button disabled), the dialog takes it back in the same commit, before the browser can hand the
// next key press to the page's body. (A passive effect runs a task later, and the browser runs input first.)
// For the same reason a dialog that moves the keyboard when something other than a key or click changed it (a
// prompt main's answer opened, the PIN field after a refusal, a result to close with Enter) does it in a layout
// effect: test/e2e/weighed.e2e.ts reads where the keyboard is when the weight prompt first enters the page. (Effects
// of a key press or a click React runs before the next input anyway, so a dialog opened by one may focus in either.)
import { useLayoutEffect, type RefObject } from 'react';

export function useKeepFocus(dialog: RefObject<HTMLElement | null>, when = true): void {
  useLayoutEffect(() => {
    const el = dialog.current;
    if (when && el && !el.contains(document.activeElement)) el.focus();
  });
}
