// The print queue as the view shows it: which jobs come first, what each one is, and which failures of the
// sale that just completed the cashier still has to hear about. Main owns the queue; this only reads it. Pure.
import type { PrinterStatus, PrintJob } from '../../preload/contract/schemas';

/** What a job prints, as the cashier names it. */
export type JobKind = 'receipt' | 'slip_customer' | 'slip_merchant' | 'slip';

export function jobKindOf(job: Pick<PrintJob, 'kind' | 'copy'>): JobKind {
  if (job.kind === 'receipt') return 'receipt';
  if (job.copy === 'customer') return 'slip_customer';
  if (job.copy === 'merchant') return 'slip_merchant';
  return 'slip';
}

/** The job prints "نسخة / COPY": a reprint, or a retry of a receipt that may already be partly on paper. */
export const isCopy = (job: Pick<PrintJob, 'copy'>): boolean => job.copy === 'copy';

const KIND_ORDER: Record<JobKind, number> = { receipt: 0, slip_customer: 1, slip_merchant: 2, slip: 3 };

/** Failed jobs first (they wait for someone), then the rest in the order main gave (newest first). Stable. */
export function orderJobs(jobs: readonly PrintJob[]): PrintJob[] {
  return [...jobs.filter((j) => j.state === 'failed'), ...jobs.filter((j) => j.state !== 'failed')];
}

export function failedCount(jobs: readonly PrintJob[] | null): number {
  return jobs ? jobs.filter((j) => j.state === 'failed').length : 0;
}

/** Adds a job main answered with, unless the list (from main's events) already has it: events are newer. */
export function addIfAbsent(jobs: readonly PrintJob[] | null, job: PrintJob): PrintJob[] {
  const list = jobs ?? [];
  return list.some((j) => j.jobId === job.jobId) ? [...list] : [job, ...list];
}

export function jobById(jobs: readonly PrintJob[] | null, jobId: string | null): PrintJob | null {
  if (!jobs || jobId === null) return null;
  return jobs.find((j) => j.jobId === jobId) ?? null;
}

/**
 * One failure of one attempt. A job that is retried and fails again is a new failure (attempts went up), so
 * the cashier hears about it again even after dismissing the first.
 */
export const failureKey = (job: Pick<PrintJob, 'jobId' | 'attempts'>): string => `${job.jobId}#${job.attempts}`;

/** The failed jobs of one receipt the cashier has not dismissed: the receipt first, then its card slips. */
export function failuresOf(jobs: readonly PrintJob[] | null, receiptNo: string | null, dismissed: ReadonlySet<string>): PrintJob[] {
  if (!jobs || receiptNo === null) return [];
  return jobs
    .filter((j) => j.receiptNo === receiptNo && j.state === 'failed' && !dismissed.has(failureKey(j)))
    .sort((a, b) => KIND_ORDER[jobKindOf(a)] - KIND_ORDER[jobKindOf(b)]);
}

/** Failures not announced yet (each one beeps once). */
export function unannounced(failures: readonly PrintJob[], announced: ReadonlySet<string>): PrintJob[] {
  return failures.filter((j) => !announced.has(failureKey(j)));
}

/** How one receipt's printing stands, for the completed-sale screen. */
export type ReceiptPrintState = 'unknown' | 'pending' | 'printed' | 'failed' | 'cancelled';

export function receiptPrintState(jobs: readonly PrintJob[] | null, receiptNo: string): ReceiptPrintState {
  const mine = (jobs ?? []).filter((j) => j.receiptNo === receiptNo && j.kind === 'receipt');
  if (mine.length === 0) return 'unknown';
  if (mine.some((j) => j.state === 'failed')) return 'failed';
  if (mine.some((j) => j.state === 'queued' || j.state === 'printing')) return 'pending';
  if (mine.some((j) => j.state === 'printed')) return 'printed';
  return 'cancelled';
}

/** How the top bar colours the printer. */
export type PrinterTone = 'ok' | 'warn' | 'bad' | 'idle';

export function printerTone(status: PrinterStatus | null): PrinterTone {
  if (!status || !status.configured) return 'idle';
  switch (status.state) {
    case 'ready':
      return 'ok';
    case 'paper_near_end':
      return 'warn';
    case 'paper_out':
    case 'cover_open':
    case 'offline':
    case 'disconnected':
      return 'bad';
    case 'unknown':
    case 'not_checked':
      return 'idle';
  }
}

/** The printer cannot print right now: receipts will wait in the queue (said before the cashier takes payment). */
export function printerBlocked(status: PrinterStatus | null): boolean {
  return printerTone(status) === 'bad';
}
