// How a destructive prompt (void the sale) is confirmed from the keyboard: by a key no scanner sends — the prompt's
// own function key pressed again, or Ctrl+Enter —, never by Enter alone. A keyboard-wedge scanner ends every
// barcode with Enter; the wedge listener catches the scans it recognises, but one that arrives too slowly or too
// unevenly to be recognised must still not confirm anything. Enter alone gets a hint saying which key does. Pure.
import type { KeyPress } from './hotkeys';

export type ConfirmKeyAction = 'confirm' | 'hint';

/** `ownKey`: the prompt's own function key, or null where only Ctrl+Enter confirms (a prompt opened by a click). */
export function confirmKeyAction(k: KeyPress & { repeat?: boolean }, ownKey: string | null): ConfirmKeyAction | null {
  // A held key repeats: the F8 that opened the prompt must not confirm it.
  if (k.repeat || k.altKey || k.metaKey) return null;
  const enter = k.key === 'Enter' || k.code === 'Enter' || k.code === 'NumpadEnter';
  if (enter) return k.ctrlKey && !k.shiftKey ? 'confirm' : 'hint';
  if (ownKey !== null && k.key === ownKey && !k.ctrlKey && !k.shiftKey) return 'confirm';
  return null;
}

/**
 * A click on the confirm button counts only from a pointer (mouse, touch, pen). Enter or Space on a focused button
 * fires a click too, with no pointer behind it (`detail` 0), and that is the keyboard path this file closes.
 */
export function isPointerClick(e: { detail: number }): boolean {
  return e.detail > 0;
}
