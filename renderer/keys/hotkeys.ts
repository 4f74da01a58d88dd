// The till's keyboard map, as a pure function from a key press to an action. The scan field handles its own
// Enter / Esc / arrows (search and submit); everything else is decided here.

export type HotkeyAction =
  | 'toggleLocale'
  | 'toggleDigits'
  | 'payCash'
  | 'payCard'
  | 'payStcPay'
  | 'terminalPanel'
  | 'historyPanel'
  | 'printQueue'
  | 'openDrawer'
  | 'adminPanel'
  | 'recoverPayment'
  | 'resolvePayment'
  | 'voidSale'
  | 'quantityPrompt'
  | 'removeLine'
  | 'selectPrevLine'
  | 'selectNextLine'
  | 'quantityUp'
  | 'quantityDown'
  | 'undoRemove'
  | 'searchByName'
  | 'buyerDialog'
  | 'lockTill'
  | 'parkSale'
  | 'parkedSales'
  | 'lineDiscount'
  | 'saleDiscount'
  | 'priceOverride';

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Only Shift+F11 (STC Pay) looks at it; optional so a plain key press needs no flag. */
  shiftKey?: boolean;
}

export interface HotkeyContext {
  /** A dialog (tender, quantity, void) has the keyboard. */
  dialogOpen: boolean;
  /** The scan field is empty, so + - and Delete are free to act on the selected line. */
  scanFieldEmpty: boolean;
  /** The sale's card or STC Pay payment has an unknown outcome: F2 asks the terminal again, F3 opens the manager's form. */
  paymentUnknown?: boolean;
}

export function hotkeyFor(k: KeyPress, ctx: HotkeyContext): HotkeyAction | null {
  if (k.altKey || k.metaKey) return null;
  // Language and digits may change at any moment, even mid-payment.
  if (k.key === 'F9') return 'toggleLocale';
  if (k.key === 'F10') return 'toggleDigits';
  if (ctx.dialogOpen) return null;

  switch (k.key) {
    case 'F12':
      return 'payCash';
    case 'F11':
      // STC Pay sits next to the card on the same key: both are "pay electronically", Shift picks the wallet.
      return k.shiftKey ? 'payStcPay' : 'payCard';
    case 'F7':
      return 'terminalPanel';
    case 'F5':
      return 'historyPanel';
    case 'F6':
      return 'printQueue';
    case 'F1':
      return 'openDrawer';
    case 'F8':
      return 'voidSale';
    case 'F4':
      return 'quantityPrompt';
  }
  if (ctx.paymentUnknown && !k.ctrlKey) {
    if (k.key === 'F2') return 'recoverPayment';
    if (k.key === 'F3') return 'resolvePayment';
  }
  if (k.ctrlKey) {
    // Ctrl+, is "settings" in most desktop programs; by physical key, so it works under the Arabic layout too.
    if (k.code === 'Comma') return 'adminPanel';
    // Ctrl+F: find an item by name (the scan field, cleared, waiting for a name), instead of the browser's find bar.
    if (k.code === 'KeyF' && !k.shiftKey) return 'searchByName';
    // Ctrl+B: the business buyer of a standard tax invoice (B2B), by physical key like Ctrl+F.
    if (k.code === 'KeyB' && !k.shiftKey) return 'buyerDialog';
    // Ctrl+L locks the till (people): by physical key, like Ctrl+F and Ctrl+B.
    if (k.code === 'KeyL' && !k.shiftKey) return 'lockTill';
    // Ctrl+H holds (parks) the sale; Ctrl+Shift+H lists the parked sales to recall one. By physical key too.
    if (k.code === 'KeyH') return k.shiftKey ? 'parkedSales' : 'parkSale';
    // Ctrl+D a discount on the highlighted line, Ctrl+Shift+D on the whole sale; Ctrl+E edits the line's price.
    if (k.code === 'KeyD') return k.shiftKey ? 'saleDiscount' : 'lineDiscount';
    if (k.code === 'KeyE' && !k.shiftKey) return 'priceOverride';
    // Ctrl+Z brings back the line just removed; with text in the scan field it is the field's own undo.
    if (k.code === 'KeyZ' && !k.shiftKey) return ctx.scanFieldEmpty ? 'undoRemove' : null;
    if (k.key === 'ArrowUp') return 'selectPrevLine';
    if (k.key === 'ArrowDown') return 'selectNextLine';
    return null;
  }
  if (!ctx.scanFieldEmpty) return null;
  if (k.key === 'Delete') return 'removeLine';
  if (k.key === '+' || k.code === 'NumpadAdd') return 'quantityUp';
  if (k.key === '-' || k.code === 'NumpadSubtract') return 'quantityDown';
  return null;
}

/**
 * Keys the browser would act on itself (F5 and Ctrl+R reload, F1 opens help, F6 moves focus to the address
 * bar, Ctrl+P opens the print dialog) are the till's even where they mean nothing at the moment, e.g. inside the cash panel.
 */
export function isReservedKey(k: Pick<KeyPress, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  if (k.altKey || k.metaKey) return false;
  if (k.ctrlKey && k.code === 'KeyP') return true; // Ctrl+P under any layout: a reprint is in the sale history.
  if (k.ctrlKey && k.code === 'KeyR') return true; // Ctrl+R likewise: a refund, in the sale history (not a reload).
  return k.key === 'F1' || k.key === 'F5' || k.key === 'F6';
}
