// Listens to every keydown before anything else sees it (window, capture phase), so a scan is caught
// whichever field has focus, even a dialog's, and its Enter never reaches that field's own handler.
import { useEffect } from 'react';
import { useLatest } from '../shell/useLatest';
import { createWedgeDetector, keystrokeOf } from './wedge';

export type ScanHandler = (barcode: string, typed: string, target: EventTarget | null) => void;

export function useWedge(onScan: ScanHandler): void {
  const handler = useLatest(onScan);
  useEffect(() => {
    const detector = createWedgeDetector();
    const listener = (e: KeyboardEvent): void => {
      const verdict = detector.feed(keystrokeOf(e));
      if (verdict?.kind !== 'scan') return;
      e.preventDefault();
      e.stopPropagation();
      handler.current(verdict.barcode, verdict.typed, e.target);
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [handler]);
}
