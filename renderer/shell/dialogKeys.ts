// Enter and Esc in a dialog, decided in one place for every dialog: which of a dialog's own actions a key press
// means, and running it. No state and no React: useDialogKeys hands this to the dialog's onKeyDown.
import type { KeyboardEvent } from 'react';

export interface DialogKeyOptions {
  /** Enter: the dialog's one action (submit, confirm). Left out where the fields and buttons keep their own Enter. */
  onEnter?: () => void;
  /**
   * Where Enter counts: `anywhere` in the dialog (its amount field, its buttons: they all mean the one action), or
   * only on the `dialog` itself, when it holds the keyboard (a list panel, an outcome on screen) and a focused
   * button or field keeps its own Enter.
   */
  enterFrom?: 'anywhere' | 'dialog';
  /**
   * Enter confirms something that cannot be taken back (voiding the sale, settling a payment). Scanner-safe
   * prompts will refuse an Enter that ends a scanner's burst here, and only here; today it changes nothing.
   */
  destructive?: boolean;
  /** Esc and the `closeKeys`. Left out where Esc belongs to the dialog around this form. */
  onClose?: () => void;
  /** The key that opened the dialog closes it too (F1 drawer, F5 history, F6 print queue, F7 terminal). */
  closeKeys?: readonly string[];
  /** A step inside the dialog (a refund form, a manager's form) that Esc closes first; the close keys do not. */
  nested?: { open: boolean; close(): void };
  /** The dialog's other keys, asked after these: true when it took the key (which then goes no further). */
  onKey?: (e: KeyboardEvent<HTMLElement>) => boolean;
}

export type DialogKeyAction = 'enter' | 'back' | 'close';

export interface DialogKeyPress {
  key: string;
  /** A field or control inside already acted on the key. */
  defaultPrevented: boolean;
  /** The dialog itself has the keyboard, not a field or button inside it. */
  onDialog: boolean;
}

export function dialogKeyAction(press: DialogKeyPress, options: DialogKeyOptions): DialogKeyAction | null {
  if (press.defaultPrevented) return null; // Never twice: the field's own Enter has already run.
  if (press.key === 'Enter') {
    if (!options.onEnter) return null;
    return options.enterFrom === 'dialog' && !press.onDialog ? null : 'enter';
  }
  if (press.key === 'Escape' && options.nested?.open) return 'back';
  if (!options.onClose) return null;
  return press.key === 'Escape' || (options.closeKeys?.includes(press.key) ?? false) ? 'close' : null;
}

/** Runs what the key means; a key acted on goes no further (not to the dialog around, not to the till's keys). */
export function handleDialogKey(e: KeyboardEvent<HTMLElement>, options: DialogKeyOptions): void {
  const action = dialogKeyAction({ key: e.key, defaultPrevented: e.defaultPrevented, onDialog: e.target === e.currentTarget }, options);
  if (action === null) {
    if (options.onKey?.(e)) stop(e);
    return;
  }
  stop(e);
  if (action === 'enter') options.onEnter?.();
  else if (action === 'back') options.nested?.close();
  else options.onClose?.();
}

function stop(e: KeyboardEvent<HTMLElement>): void {
  e.preventDefault();
  e.stopPropagation();
}
