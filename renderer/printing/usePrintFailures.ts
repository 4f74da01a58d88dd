// Which print failures the cashier must hear about: those of the sale this view just completed. Each failed
// attempt beeps once (the cashier may be looking at the customer); dismissing hides it until it fails again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PrintJob } from '../../preload/contract/schemas';
import { beep } from '../feedback/beep';
import { failureKey, failuresOf, unannounced } from './printQueue';

export interface PrintFailures {
  /** The receipt being watched (the last sale completed on this screen). */
  receiptNo: string | null;
  failures: PrintJob[];
  watch(receiptNo: string): void;
  dismiss(): void;
}

export function usePrintFailures(jobs: PrintJob[] | null): PrintFailures {
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const announced = useRef(new Set<string>());

  const failures = useMemo(() => failuresOf(jobs, receiptNo, dismissed), [jobs, receiptNo, dismissed]);

  useEffect(() => {
    const fresh = unannounced(failures, announced.current);
    if (fresh.length === 0) return;
    for (const job of fresh) announced.current.add(failureKey(job));
    beep(330, 320);
  }, [failures]);

  const watch = useCallback((no: string) => setReceiptNo(no), []);
  const dismiss = useCallback(() => {
    setDismissed((before) => new Set([...before, ...failures.map(failureKey)]));
  }, [failures]);

  return useMemo(() => ({ receiptNo, failures, watch, dismiss }), [receiptNo, failures, watch, dismiss]);
}
