// Sale history pages from main (newest first), one request at a time; "load more" asks for the receipts
// before the oldest one shown.
import { useCallback, useRef, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData } from '../../preload/contract/schemas';
import { appendPage, emptyHistory, HISTORY_PAGE, nextPageInput, type HistoryList } from './historyList';

export interface ReceiptHistory {
  list: HistoryList;
  loading: boolean;
  /** The first page has been answered (with receipts or an error). */
  loaded: boolean;
  error: ErrorData | null;
  loadMore(): Promise<void>;
  /** From the newest again (after a return changed what a row says). */
  reload(): Promise<void>;
}

export function useReceiptHistory(api: NuqtaApi): ReceiptHistory {
  const [list, setList] = useState<HistoryList>(emptyHistory);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const current = useRef(list);
  current.current = list;
  const inFlight = useRef(false);

  /** `from`: the list the page goes after — the one shown, or none (a reload from the newest). */
  const load = useCallback(async (from: 'shown' | 'newest') => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    try {
      // Read once, before the await: a render meanwhile puts the shown list back into `current`.
      const base = from === 'newest' ? emptyHistory : current.current;
      const input = nextPageInput(base, HISTORY_PAGE);
      const r = await api.listReceipts(input);
      if (r.ok) {
        const next = appendPage(base, r.value, input.limit);
        current.current = next;
        setList(next);
        setError(null);
      } else {
        setError(r.error);
      }
    } finally {
      inFlight.current = false;
      setLoading(false);
      setLoaded(true);
    }
  }, [api]);
  const loadMore = useCallback(() => load('shown'), [load]);
  const reload = useCallback(() => load('newest'), [load]);

  return { list, loading, loaded, error, loadMore, reload };
}
