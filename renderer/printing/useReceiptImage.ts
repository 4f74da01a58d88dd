// The receipt exactly as the printer prints it (a 1-bit PNG from main), for the completed-sale screen and the
// sale history. Only the answer for the receipt still asked about is kept; a late one for another is dropped.
import { useEffect, useRef, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData } from '../../preload/contract/schemas';

export interface ReceiptImage {
  png: string;
  widthDots: number;
  heightDots: number;
}

export type ReceiptImageState =
  | { phase: 'none' }
  | { phase: 'loading'; receiptNo: string }
  | { phase: 'ready'; receiptNo: string; image: ReceiptImage }
  | { phase: 'failed'; receiptNo: string; error: ErrorData };

const CACHE_MAX = 24;

/**
 * `delayMs` lets a list wait until the highlight rests (holding ↓ must not render every receipt on the way).
 * Images are kept for the life of the component that asks: a receipt never changes, its rendering only with
 * the printer settings.
 */
export function useReceiptImage(api: NuqtaApi, receiptNo: string | null, delayMs = 0): ReceiptImageState {
  const cache = useRef(new Map<string, ReceiptImage>());
  const [state, setState] = useState<ReceiptImageState>({ phase: 'none' });

  useEffect(() => {
    if (receiptNo === null) {
      setState({ phase: 'none' });
      return;
    }
    const cached = cache.current.get(receiptNo);
    if (cached) {
      setState({ phase: 'ready', receiptNo, image: cached });
      return;
    }
    setState({ phase: 'loading', receiptNo });
    let live = true;
    const timer = setTimeout(() => {
      void api.getReceiptImage({ receiptNo }).then((r) => {
        if (!live) return;
        if (!r.ok) {
          setState({ phase: 'failed', receiptNo, error: r.error });
          return;
        }
        const images = cache.current;
        images.set(receiptNo, r.value);
        if (images.size > CACHE_MAX) images.delete(images.keys().next().value as string);
        setState({ phase: 'ready', receiptNo, image: r.value });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, receiptNo, delayMs]);

  return state;
}
