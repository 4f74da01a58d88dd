// What the screen shows of the sale, and the rules for accepting a new copy of it from main. Main owns the
// sale; copies arrive from call results and from "sale changed" events, possibly out of order. Pure.
import equal from 'fast-deep-equal';
import type { Sale } from '../../preload/contract/schemas';

export interface SaleView {
  sale: Sale | null;
  selectedLineId: string | null;
  /** Sales the till has moved on from (completed, voided, replaced); late copies of them are ignored. */
  retired: ReadonlySet<string>;
}

export const emptyView: SaleView = { sale: null, selectedLineId: null, retired: new Set() };

export interface Accepted {
  view: SaleView;
  /** The shown sale was closed elsewhere; the caller should ask main for the current one. */
  refetch: boolean;
}

/**
 * Folds an incoming copy of a sale into the view.
 * - `authoritative` copies (getSale on start and after a reconnect) always win.
 * - A copy of the shown sale older than the shown revision is dropped.
 * - A copy of a retired sale is dropped; a sale that is no longer open retires itself.
 */
export function acceptSale(view: SaleView, incoming: Sale, authoritative = false): Accepted {
  const shown = view.sale;
  const sameSale = shown !== null && shown.saleId === incoming.saleId;

  if (incoming.status !== 'open' && !authoritative) {
    return { view: retireSale(view, incoming.saleId), refetch: sameSale };
  }
  if (!authoritative) {
    if (view.retired.has(incoming.saleId)) return { view, refetch: false };
    if (sameSale && incoming.revision < shown.revision) return { view, refetch: false };
  }

  // A copy the view already shows (the reply to a scan, after the saleChanged it raised) changes nothing: the
  // same view, so React renders nothing again. A changed copy keeps the shown line objects that did not change,
  // so only the rows that did are drawn again (SaleLineRow is memoized on its line).
  if (!authoritative && sameSale && equal(incoming, shown)) return { view, refetch: false };
  if (sameSale) incoming = withUnchangedLines(shown, incoming);

  const retired = new Set(view.retired);
  if (shown && !sameSale) retired.add(shown.saleId);
  if (authoritative) retired.delete(incoming.saleId);
  const selectedLineId = nextSelection(shown, incoming, view.selectedLineId);
  return { view: { sale: incoming, selectedLineId, retired: trimmed(retired) }, refetch: false };
}

function withUnchangedLines(shown: Sale, incoming: Sale): Sale {
  const before = new Map(shown.lines.map((l) => [l.lineId, l]));
  let reused = 0;
  const lines = incoming.lines.map((line) => {
    const old = before.get(line.lineId);
    if (old === undefined || !equal(old, line)) return line;
    reused += 1;
    return old;
  });
  return reused === 0 ? incoming : { ...incoming, lines };
}

/** Marks a sale as finished (e.g. the one a tender just completed). */
export function retireSale(view: SaleView, saleId: string): SaleView {
  if (view.retired.has(saleId)) return view;
  return { ...view, retired: trimmed(new Set(view.retired).add(saleId)) };
}

/** Late copies only trail by a moment, so the most recent few hundred retired ids are plenty for a day. */
const RETIRED_KEEP = 256;

function trimmed(retired: Set<string>): Set<string> {
  if (retired.size <= RETIRED_KEEP) return retired;
  return new Set([...retired].slice(-RETIRED_KEEP)); // Sets keep insertion order: drop the oldest.
}

/**
 * Which line to highlight after a change: the newest added line, else the line whose quantity just changed
 * (a repeat scan), else the same line as before, else its neighbour if it was removed.
 */
export function nextSelection(previous: Sale | null, next: Sale, selected: string | null): string | null {
  const lines = next.lines;
  const last = lines[lines.length - 1]?.lineId ?? null;
  if (!previous || previous.saleId !== next.saleId) return last;

  const before = new Map(previous.lines.map((l) => [l.lineId, l.quantity]));
  const added = lines.filter((l) => !before.has(l.lineId));
  const addedLast = added[added.length - 1];
  if (addedLast) return addedLast.lineId;
  const changed = lines.filter((l) => before.get(l.lineId) !== l.quantity);
  const changedLast = changed[changed.length - 1];
  if (changedLast) return changedLast.lineId;

  if (selected !== null && lines.some((l) => l.lineId === selected)) return selected;
  const oldIndex = previous.lines.findIndex((l) => l.lineId === selected);
  if (oldIndex < 0) return last;
  return lines[Math.min(oldIndex, lines.length - 1)]?.lineId ?? null;
}

/** Moves the highlight up (-1) or down (+1), stopping at the ends. */
export function moveSelection(view: SaleView, delta: number): SaleView {
  const lines = view.sale?.lines ?? [];
  if (lines.length === 0) return view;
  const index = lines.findIndex((l) => l.lineId === view.selectedLineId);
  const from = index < 0 ? lines.length - 1 : index;
  const to = Math.min(lines.length - 1, Math.max(0, from + delta));
  return { ...view, selectedLineId: lines[to]?.lineId ?? null };
}

export function selectLine(view: SaleView, lineId: string): SaleView {
  const exists = view.sale?.lines.some((l) => l.lineId === lineId) ?? false;
  return exists ? { ...view, selectedLineId: lineId } : view;
}
