// Long-lived listeners (window keydown, socket events) read the newest callback through a ref instead of
// being re-registered on every render.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
