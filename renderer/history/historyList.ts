// Sale history as pages from main, newest first. Pure: merging pages, what "load more" asks for, and moving
// the highlight.
import type { ReceiptSummary } from '../../preload/contract/schemas';

export const HISTORY_PAGE = 30;

export interface HistoryList {
  items: ReceiptSummary[];
  /** The last page was full, so there may be older receipts. */
  hasMore: boolean;
}

export const emptyHistory: HistoryList = { items: [], hasMore: false };

/** Appends an older page; a receipt already listed (a page boundary seen twice) is not listed again. */
export function appendPage(list: HistoryList, page: readonly ReceiptSummary[], limit: number): HistoryList {
  const seen = new Set(list.items.map((r) => r.receiptNo));
  return { items: [...list.items, ...page.filter((r) => !seen.has(r.receiptNo))], hasMore: page.length >= limit };
}

/** What to ask main for next: receipts before the oldest one shown. */
export function nextPageInput(list: HistoryList, limit: number = HISTORY_PAGE): { limit: number; beforeReceiptNo?: string } {
  const last = list.items[list.items.length - 1];
  return last ? { limit, beforeReceiptNo: last.receiptNo } : { limit };
}

/** The highlight after ↑ / ↓, stopping at the ends; -1 (nothing) when the list is empty. */
export function moveIndex(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, index + delta));
}
