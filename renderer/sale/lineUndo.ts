// Undoing the removal of a line: what was removed, whether it can still be brought back, and how. The undo is an
// ordinary change through the contract — the product added again (journaled `line.added`, or a rescan on a line
// of the same product), then its quantity set (journaled `line.quantity_changed`) — so the ledger shows the removal
// and the return, never a rewritten past. The line comes back at the end of the sale, at today's catalog price. Pure.
import type { Sale } from '../../preload/contract/schemas';
import { MAX_QUANTITY } from '../format/money';

/** How long the undo is offered after a removal, in ms (Ctrl+Z and the toast's button). */
export const UNDO_MS = 8000;

export interface RemovedLine {
  saleId: string;
  lineId: string;
  productId: number;
  quantity: number;
  nameAr: string;
  nameEn: string;
  /** Delete (or the line's button), or − at quantity 1. */
  reason: 'delete' | 'minus';
  /** When it was removed (ms, the clock `undoable` is asked with). */
  at: number;
}

export function removedLineOf(sale: Sale | null, lineId: string, reason: RemovedLine['reason'], at: number): RemovedLine | null {
  const line = sale?.lines.find((l) => l.lineId === lineId);
  if (!sale || !line) return null;
  const { productId, quantity, nameAr, nameEn } = line;
  return { saleId: sale.saleId, lineId, productId, quantity, nameAr, nameEn, reason, at };
}

/** The removal can still be undone: on the same sale, within UNDO_MS. */
export function undoable(removed: RemovedLine | null, sale: Sale | null, now: number): removed is RemovedLine {
  return removed !== null && sale?.saleId === removed.saleId && sale.status === 'open' && now - removed.at < UNDO_MS;
}

/**
 * After the product was added again (`before` → `after`): the line that holds it now and the quantity that brings
 * back what was removed, or null when the add alone already did (a quantity of 1 on a new line).
 */
export function restoreTarget(before: Sale, after: Sale, removed: RemovedLine): { lineId: string; quantity: number } | null {
  const had = new Map(before.lines.map((l) => [l.lineId, l.quantity]));
  const holder =
    after.lines.find((l) => l.productId === removed.productId && !had.has(l.lineId)) ??
    after.lines.find((l) => l.productId === removed.productId && l.quantity === (had.get(l.lineId) ?? 0) + 1);
  if (!holder) return null;
  // A new line holds what the add put there (1); a line of the same product held its own count before it.
  const own = had.get(holder.lineId) ?? 0;
  const quantity = Math.min(MAX_QUANTITY, own + removed.quantity);
  return quantity === holder.quantity ? null : { lineId: holder.lineId, quantity };
}
