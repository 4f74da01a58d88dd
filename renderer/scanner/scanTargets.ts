// Fields that take a scan (or anything typed fast enough to look like one) as their own input rather than as
// an item for the sale: the manager's fields (RRN, approval code, receipt number). The wedge listener asks here
// first; a field that is not registered keeps the till's rule (a scan adds an item). A field can also refuse
// scans outright (the manager PIN: nobody scans a PIN, and a barcode must not count as a wrong PIN).
import { useEffect, type RefObject } from 'react';
import { useLatest } from '../shell/useLatest';

/** `text` is what the burst meant (decoded from the physical keys); `typed` is what it put in the field. */
export type ScanTake = (text: string, typed: string) => void;

/** What a registered field does with a scan: keeps it, or refuses it (`clear` empties the field). */
export type ScanTarget = { kind: 'take'; take: ScanTake } | { kind: 'refuse'; clear(): void };

const targets = new WeakMap<EventTarget, ScanTarget>();
let taking = false;

export function scanTargetFor(target: EventTarget | null): ScanTarget | undefined {
  return target ? targets.get(target) : undefined;
}

/** Hands a scan to the field that keeps it. While it runs, `takingScan()` is true (see there). */
export function takeScan(take: ScanTake, text: string, typed: string): void {
  taking = true;
  try {
    take(text, typed);
  } finally {
    taking = false;
  }
}

/**
 * True while a field is being handed a scan. A scan ends like Enter in the field that keeps it; a form whose Enter
 * settles money (resolve a payment) asks this first, so a scanned code fills its field but never sends the form.
 */
export function takingScan(): boolean {
  return taking;
}

export function useScanTarget(ref: RefObject<HTMLElement | null>, take: ScanTake): void {
  const latest = useLatest(take);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    targets.set(el, { kind: 'take', take: (text, typed) => latest.current(text, typed) });
    return () => {
      targets.delete(el);
    };
  }, [ref, latest]);
}

/** The field refuses scans: the wedge listener empties it (through `clear`) and says why. */
export function useScanRefusal(ref: RefObject<HTMLElement | null>, clear: () => void): void {
  const latest = useLatest(clear);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    targets.set(el, { kind: 'refuse', clear: () => latest.current() });
    return () => {
      targets.delete(el);
    };
  }, [ref, latest]);
}

/** The field's new value after a burst: what was there before the burst, then the decoded text. */
export function replaceBurst(value: string, text: string, typed: string): string {
  const before = typed !== '' && value.endsWith(typed) ? value.slice(0, value.length - typed.length) : value;
  return before + text;
}

/**
 * A field that takes a scan only while `take` is given, and refuses it otherwise (a PIN field: an approver's
 * badge when the till reads badges for approvals, else no scan at all).
 */
export function useScanTakeOrRefuse(ref: RefObject<HTMLElement | null>, clear: () => void, take: ScanTake | null): void {
  const latestClear = useLatest(clear);
  const latestTake = useLatest(take);
  const taking = take !== null;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    targets.set(
      el,
      taking ? { kind: 'take', take: (text, typed) => latestTake.current?.(text, typed) } : { kind: 'refuse', clear: () => latestClear.current() },
    );
    return () => {
      targets.delete(el);
    };
  }, [ref, latestClear, latestTake, taking]);
}
