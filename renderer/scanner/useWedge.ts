// Listens to every keydown before anything else sees it (window, capture phase), so a scan is caught
// whichever field has focus, even a dialog's, and its Enter never reaches that field's own handler.
// Two rules, both pure (wedge.ts, strayKeys.ts): keys at a scanner's pace ending in Enter, and characters typed
// where nothing takes text ending in Enter. Either way the Enter is the scan's, never the focused prompt's.
import { useEffect } from 'react';
import { useLatest } from '../shell/useLatest';
import { createStrayKeys } from './strayKeys';
import { createWedgeDetector, DEFAULT_WEDGE_OPTIONS, keystrokeOf } from './wedge';

export interface WedgeScan {
  /** Decoded from the physical keys. */
  barcode: string;
  /** What the scan put into the focused field (to take back out of it); empty when no text field had focus. */
  typed: string;
  /** The focused field's value before the scan's first key, or null when no text field had focus. */
  valueBefore: string | null;
  target: EventTarget | null;
}

export type ScanHandler = (scan: WedgeScan) => void;

const TEXTLESS_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** The element the keys type into, when they type into anything. */
export function textFieldOf(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && !TEXTLESS_INPUTS.has(target.type)) return target;
  return null;
}

export function useWedge(onScan: ScanHandler): void {
  const handler = useLatest(onScan);
  useEffect(() => {
    const detector = createWedgeDetector();
    const strays = createStrayKeys(DEFAULT_WEDGE_OPTIONS.minLength);
    const listener = (e: KeyboardEvent): void => {
      const field = textFieldOf(e.target);
      const takesText = field !== null || (e.target instanceof HTMLElement && e.target.isContentEditable);
      const stroke = { ...keystrokeOf(e), ...(field ? { valueBefore: field.value } : {}) };
      const verdict = detector.feed(stroke);
      const stray = strays.feed(stroke, takesText);
      let scan: WedgeScan;
      if (verdict?.kind === 'scan') {
        const before = verdict.valueBefore ?? null;
        // What is in the field now, past what was there before the scan: that is what the scan typed, whatever
        // the layout made of its keys (two characters for one key, or none reported in `key`).
        const typed = field && before !== null ? (field.value.startsWith(before) ? field.value.slice(before.length) : field.value) : verdict.typed;
        scan = { barcode: verdict.barcode, typed, valueBefore: before, target: e.target };
      } else if (stray !== null) {
        scan = { barcode: stray, typed: '', valueBefore: null, target: e.target };
      } else {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      handler.current(scan);
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [handler]);
}
