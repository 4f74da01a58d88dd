// The keydown handler of a dialog (or of a form inside one): Enter, Esc, the dialog's closing key and a step Esc
// closes first, as dialogKeys.ts decides, then the dialog's own keys. Every dialog's keys go through here, so
// scanner-safe confirmations (an Enter that ends a scanner's burst never confirms a destructive prompt) are added
// in one place; a hook so that it can then keep what it needs to know about the keys before an Enter.
import type { KeyboardEvent } from 'react';
import { handleDialogKey, type DialogKeyOptions } from './dialogKeys';

export function useDialogKeys(options: DialogKeyOptions): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => handleDialogKey(e, options);
}
