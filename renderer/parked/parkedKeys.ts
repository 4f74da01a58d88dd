// The recall list's keys, pure. Enter recalls only a sale the cashier picked with the arrows since the list
// opened: a keyboard-wedge scanner ends every barcode with Enter, and a scan arriving as the list opens must not
// swap the sale on the counter for whichever parked sale happened to be highlighted.
import type { KeyPress } from '../keys/hotkeys';

export type ParkedKey = { kind: 'move'; delta: number } | { kind: 'recall' } | { kind: 'hint' } | { kind: 'void' } | null;

export function parkedKey(k: Pick<KeyPress, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'> & { repeat?: boolean }, picked: boolean): ParkedKey {
  if (k.altKey || k.metaKey || k.ctrlKey) return null;
  if (k.key === 'ArrowDown') return { kind: 'move', delta: 1 };
  if (k.key === 'ArrowUp') return { kind: 'move', delta: -1 };
  if (k.key === 'Enter') return picked && !k.repeat ? { kind: 'recall' } : { kind: 'hint' };
  if (k.key === 'F8' && !k.repeat) return { kind: 'void' };
  return null;
}

/** The highlight moved by `delta`, kept inside the list. */
export function moveHighlight(at: number, delta: number, length: number): number {
  if (length === 0) return 0;
  return Math.min(length - 1, Math.max(0, at + delta));
}
