// The single message banner: errors (from main or from the view) and short notices. Errors also beep, so
// a failed scan is heard even when the cashier is looking at the customer.
import { useMemo, useRef, useState } from 'react';
import type { ErrorData } from '../../preload/contract/schemas';
import { beep } from '../feedback/beep';

export interface Banner {
  data: ErrorData;
  tone: 'error' | 'info';
  /** Changes on every message, so a repeated error re-runs the red flash. */
  id: number;
}

export interface BannerControls {
  error(data: ErrorData): void;
  info(data: ErrorData): void;
  clear(): void;
}

/** The controls object is stable for the life of the component, so it can sit in dependency lists. */
export function useBanner(): { banner: Banner | null; controls: BannerControls } {
  const [banner, setBanner] = useState<Banner | null>(null);
  const nextId = useRef(1);
  const controls = useMemo<BannerControls>(
    () => ({
      error(data: ErrorData) {
        beep();
        setBanner({ data, tone: 'error', id: nextId.current++ });
      },
      info(data: ErrorData) {
        setBanner({ data, tone: 'info', id: nextId.current++ });
      },
      clear() {
        setBanner(null);
      },
    }),
    [],
  );
  return { banner, controls };
}
