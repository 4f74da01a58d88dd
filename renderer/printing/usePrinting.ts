// The printer and its queue as main reports them: read when the link (re)connects and whenever the queue is
// opened, then kept live by printerStatusChanged and printJobsChanged. A till whose main cannot answer yet
// (no printer service) simply shows "not checked" and an empty queue: printing never blocks a sale.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PrinterStatus, PrintJob } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';
import { addIfAbsent } from './printQueue';

export interface Printing {
  status: PrinterStatus | null;
  /** null until main has answered once. */
  jobs: PrintJob[] | null;
  /** Asks the printer now and re-reads the queue. */
  refresh(): Promise<void>;
  /** A job main just answered with (a reprint), until its event arrives. */
  remember(job: PrintJob): void;
}

export function usePrinting(carrier: Carrier): Printing {
  const { api, connection } = carrier;
  const [status, setStatus] = useState<PrinterStatus | null>(null);
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);

  useEffect(() => api.onPrinterStatusChanged(setStatus), [api]);
  useEffect(() => api.onPrintJobsChanged(setJobs), [api]);

  const refresh = useCallback(async () => {
    // One socket, in order: each answer is as new as every event received before it.
    const [s, j] = await Promise.all([api.getPrinterStatus({}), api.listPrintJobs({})]);
    if (s.ok) setStatus(s.value);
    if (j.ok) setJobs(j.value);
  }, [api]);

  useEffect(() => connection.onConnected(() => void refresh()), [connection, refresh]);

  const remember = useCallback((job: PrintJob) => setJobs((list) => addIfAbsent(list, job)), []);

  return useMemo(() => ({ status, jobs, refresh, remember }), [status, jobs, refresh, remember]);
}
