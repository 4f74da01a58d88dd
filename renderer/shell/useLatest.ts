// Long-lived listeners (window keydown, socket events) read the newest callback through a ref instead of
// being re-registered on every render.
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * A callback with a stable identity that always runs the latest `fn`, so memoised panels (lines, totals)
 * do not re-render on every keystroke in the scan field just because a handler was re-created.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useLatest(fn);
  return useCallback((...args: A) => ref.current(...args), [ref]);
}
