// Live search as the cashier types. Matching happens in main; the view only ever holds one page of hits.
// Each keystroke supersedes the previous one: a reply that is not for the latest query is dropped, so a slow
// answer for "mil" can never overwrite the one for "milk".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ProductHit } from '../../preload/contract/schemas';
import type { ScanText } from './scanText';
import { searchTextOf } from './searchQuery';

export const SEARCH_DEBOUNCE_MS = 60;
export const SEARCH_LIMIT = 8;

export interface SearchState {
  query: string;
  hits: ProductHit[];
  active: number;
}

export interface CatalogSearch {
  results: SearchState | null;
  /**
   * Searches for `text` right away (no debounce). Resolves to its results, or null if the text is not a
   * search or more typing superseded it. Enter uses this when the list on screen is not yet for what was typed.
   */
  searchNow(text: string): Promise<SearchState | null>;
  move(delta: number): void;
  clear(): void;
}

export function useCatalogSearch(api: NuqtaApi, text: ScanText): CatalogSearch {
  const [results, setResults] = useState<SearchState | null>(null);
  const ticket = useRef(0);

  // Follows the field's text as it changes, without the till drawing itself again for each key.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (): void => {
      clearTimeout(timer);
      const mine = ++ticket.current;
      const query = searchTextOf(text.get());
      if (query === null) {
        setResults(null);
        return;
      }
      timer = setTimeout(() => {
        void api.searchCatalog({ query, limit: SEARCH_LIMIT }).then((r) => {
          if (mine !== ticket.current) return;
          setResults(r.ok ? { query, hits: r.value, active: 0 } : null);
        });
      }, SEARCH_DEBOUNCE_MS);
    };
    follow();
    const unsubscribe = text.subscribe(follow);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [api, text]);

  const searchNow = useCallback(
    async (text: string): Promise<SearchState | null> => {
      const query = searchTextOf(text);
      if (query === null) return null;
      const mine = ++ticket.current;
      const r = await api.searchCatalog({ query, limit: SEARCH_LIMIT });
      if (mine !== ticket.current) return null;
      const state = r.ok ? { query, hits: r.value, active: 0 } : null;
      setResults(state);
      return state;
    },
    [api],
  );

  const move = useCallback((delta: number) => {
    setResults((r) => {
      if (!r || r.hits.length === 0) return r;
      const active = (r.active + delta + r.hits.length) % r.hits.length;
      return { ...r, active };
    });
  }, []);

  const clear = useCallback(() => {
    ticket.current += 1;
    setResults(null);
  }, []);

  return { results, searchNow, move, clear };
}
