// Which lines of a receipt the manager is returning, and how many of each: pure, so the rules the dialog
// shows are the ones tested. Amounts are never computed here: main prices the return (VAT per document, the
// receipt's own VAT mode) and the dialog shows its answer.
import { MAX_RETURN_LINES, type ReturnableLine, type ReturnableReceipt, type ReturnInput, type ReturnReason } from '../../preload/contract/returns';

/** Quantity to return per line id; a line not in it is not returned. */
export type Selection = ReadonlyMap<string, number>;

export const noSelection: Selection = new Map();

export function quantityOf(selection: Selection, lineId: string): number {
  return selection.get(lineId) ?? 0;
}

/** Sets a line's quantity, kept within 0 and what may still come back; 0 leaves the line out. */
export function withQuantity(selection: Selection, line: ReturnableLine, quantity: number): Selection {
  const kept = Math.max(0, Math.min(line.returnableQuantity, Math.trunc(quantity)));
  const next = new Map(selection);
  if (kept === 0) next.delete(line.line.lineId);
  else next.set(line.line.lineId, kept);
  return next;
}

/** One step of the stepper (+1 / −1). */
export function stepQuantity(selection: Selection, line: ReturnableLine, delta: number): Selection {
  return withQuantity(selection, line, quantityOf(selection, line.line.lineId) + delta);
}

/** Nothing is left to return on the receipt: every line came back already. */
export const nothingLeft = (offer: ReturnableReceipt): boolean => offer.lines.every((l) => l.returnableQuantity === 0);

/** Why the return cannot be confirmed yet (what the dialog says next to the disabled button). */
export type ReturnBlock = 'nothing_left' | 'none_selected' | 'too_many' | 'no_reason';

/** The lines to send, in the receipt's order, each within what may still come back. */
function chosenLines(offer: ReturnableReceipt, selection: Selection): ReturnInput['lines'] {
  return offer.lines.flatMap((l) => {
    const quantity = Math.min(quantityOf(selection, l.line.lineId), l.returnableQuantity);
    return quantity > 0 ? [{ lineId: l.line.lineId, quantity }] : [];
  });
}

/** How many different items are selected (the contract takes at most MAX_RETURN_LINES). */
export const selectedLineCount = (offer: ReturnableReceipt, selection: Selection): number => chosenLines(offer, selection).length;

export type ReturnRequest = { ok: true; value: ReturnInput } | { ok: false; block: ReturnBlock };

/** The selection as the contract's input (without the PIN, which the dialog adds and never keeps), or why not. */
export function returnRequest(offer: ReturnableReceipt, selection: Selection, reason: ReturnReason | null): ReturnRequest {
  if (nothingLeft(offer)) return { ok: false, block: 'nothing_left' };
  const lines = chosenLines(offer, selection);
  if (lines.length === 0) return { ok: false, block: 'none_selected' };
  if (lines.length > MAX_RETURN_LINES) return { ok: false, block: 'too_many' };
  if (reason === null) return { ok: false, block: 'no_reason' };
  return { ok: true, value: { receiptNo: offer.receiptNo, lines, reason } };
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * Ctrl+Enter confirms the return; a plain Enter never does. A scanner's burst ends in a plain Enter (and the wedge
 * takes it before the dialog anyway), so a scan in the dialog cannot refund anything.
 */
export const isConfirmKey = (k: KeyPress): boolean => k.key === 'Enter' && k.ctrlKey && !k.altKey && !k.metaKey;

/** The stepper's keys on a line: + and − (main keyboard or keypad). */
export function stepFor(k: KeyPress): 1 | -1 | null {
  if (k.ctrlKey || k.altKey || k.metaKey) return null;
  if (k.key === '+') return 1;
  if (k.key === '-') return -1;
  return null;
}

/**
 * The form's capture-phase key handler: Ctrl+Enter confirms from any field, the PIN included (its own Enter handler
 * would otherwise take it first).
 */
export const confirmOnCtrlEnter =
  (confirm: () => void) =>
  (e: KeyPress & { preventDefault(): void; stopPropagation(): void }): void => {
    if (!isConfirmKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    confirm();
  };
