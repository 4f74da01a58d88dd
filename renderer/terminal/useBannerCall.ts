// One call to main at a time for a manager's panel, answers and refusals through the banner. Each panel (the
// terminal's buttons, the refund section) keeps its own, so a refund being sent does not grey out Check or
// Settle, and the other way round.
import { useState } from 'react';
import type { Result } from '../../preload/contract/api';
import type { BannerControls } from '../shell/useBanner';

export interface BannerCall {
  /** True while a call runs; a second call meanwhile is dropped (a double press sends nothing twice). */
  busy: boolean;
  /** The value, or undefined when main refused (the banner says why) or another call was running. */
  call<T>(run: () => Promise<Result<T>>): Promise<T | undefined>;
}

export function useBannerCall(banner: BannerControls): BannerCall {
  const [busy, setBusy] = useState(false);
  const call = async <T>(run: () => Promise<Result<T>>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    try {
      const r = await run();
      if (!r.ok) {
        banner.error(r.error);
        return undefined;
      }
      banner.clear();
      return r.value;
    } finally {
      setBusy(false);
    }
  };
  return { busy, call };
}
