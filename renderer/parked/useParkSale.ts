// Parking the open sale (Ctrl+H or the button): main sets it aside and starts an empty sale, which reaches the
// view as any sale change does. A refusal (empty sale, money on it) is said in the banner with main's reason.
import { useCallback, useRef } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { BannerControls } from '../shell/useBanner';

export function useParkSale(api: NuqtaApi, banner: BannerControls): () => Promise<boolean> {
  const busy = useRef(false);
  return useCallback(async () => {
    if (busy.current) return false; // A held key or a double tap parks once.
    busy.current = true;
    try {
      const r = await api.parkSale({});
      if (!r.ok) {
        banner.error(r.error);
        return false;
      }
      banner.clear();
      return true;
    } finally {
      busy.current = false;
    }
  }, [api, banner]);
}
