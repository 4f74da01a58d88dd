// Fields that take a scan (or anything typed fast enough to look like one) as their own input rather than as
// an item for the sale: the manager's fields (PIN, RRN, approval code, receipt number). The wedge listener
// asks here first; a field that is not registered keeps the till's rule (a scan adds an item).
import { useEffect, type RefObject } from 'react';
import { useLatest } from '../shell/useLatest';

/** `text` is what the burst meant (decoded from the physical keys); `typed` is what it put in the field. */
export type ScanTake = (text: string, typed: string) => void;

const targets = new WeakMap<EventTarget, ScanTake>();

export function scanTargetFor(target: EventTarget | null): ScanTake | undefined {
  return target ? targets.get(target) : undefined;
}

export function useScanTarget(ref: RefObject<HTMLElement | null>, take: ScanTake): void {
  const latest = useLatest(take);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    targets.set(el, (text, typed) => latest.current(text, typed));
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
