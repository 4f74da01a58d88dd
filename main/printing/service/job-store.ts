// The print_jobs table (migration 0050). Plain reads and writes only: every write runs inside the service's
// transaction together with the journal entry that causes it, whose seq it records.
import { ErrorData, type PrintJob } from '../../../preload/contract';
import { parseJsonColumnOrNull, type Db } from '../../db';

export type JobKind = PrintJob['kind'];
export type JobCopy = PrintJob['copy'];
export type JobState = PrintJob['state'];

export interface JobRow {
  id: string;
  kind: JobKind;
  receipt_no: string;
  copy: JobCopy;
  intent_id: string | null;
  state: JobState;
  attempts: number;
  bytes_sent: 0 | 1;
  error: string | null;
  created_at: string;
  printed_at: string | null;
  created_seq: number;
  updated_seq: number;
}

export interface NewJob {
  id: string;
  kind: JobKind;
  receiptNo: string;
  copy: JobCopy;
  intentId: string | null;
}

/** The visible queue: failed jobs first (they need someone), then newest. */
export const LIST_LIMIT = 50;

export function toPrintJob(row: JobRow): PrintJob {
  return {
    jobId: row.id,
    kind: row.kind,
    receiptNo: row.receipt_no,
    copy: row.copy,
    state: row.state,
    attempts: row.attempts,
    error: parseJsonColumnOrNull(ErrorData, row.error, `print_jobs.error of ${row.id}`),
    createdAt: row.created_at,
    printedAt: row.printed_at,
    mayHavePrinted: row.bytes_sent === 1,
  };
}

export function createJobStore(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO print_jobs (id, kind, receipt_no, copy, intent_id, state, created_at, created_seq, updated_seq)
       VALUES (@id, @kind, @receiptNo, @copy, @intentId, 'queued', @createdAt, @seq, @seq)`,
    ),
    get: db.prepare<[string], JobRow>('SELECT * FROM print_jobs WHERE id = ?'),
    // In the order they were queued (a retried job queues again); jobs of one sale in insertion order.
    nextQueued: db.prepare<[], JobRow>(`SELECT * FROM print_jobs WHERE state = 'queued' ORDER BY updated_seq, rowid LIMIT 1`),
    printing: db.prepare(`UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, updated_seq = @seq WHERE id = @id AND state = 'queued'`),
    printed: db.prepare(
      `UPDATE print_jobs SET state = 'printed', printed_at = @at, error = NULL, bytes_sent = 1, updated_seq = @seq WHERE id = @id`,
    ),
    failed: db.prepare(
      `UPDATE print_jobs SET state = 'failed', error = @error, bytes_sent = MAX(bytes_sent, @bytesSent), updated_seq = @seq WHERE id = @id`,
    ),
    requeue: db.prepare(`UPDATE print_jobs SET state = 'queued', copy = @copy, error = NULL, updated_seq = @seq WHERE id = @id`),
    cancel: db.prepare(`UPDATE print_jobs SET state = 'cancelled', updated_seq = @seq WHERE id = @id`),
    recent: db.prepare<[number], JobRow>(
      `SELECT * FROM print_jobs ORDER BY (state = 'failed') DESC, created_seq DESC, rowid DESC LIMIT ?`,
    ),
    unfinished: db.prepare<[number], JobRow>(
      `SELECT * FROM print_jobs WHERE state IN ('queued', 'printing') AND created_seq <= ? ORDER BY rowid`,
    ),
  };

  return {
    insert(job: NewJob, createdAt: string, seq: number): void {
      q.insert.run({ ...job, createdAt, seq });
    },
    get: (id: string): JobRow | undefined => q.get.get(id),
    nextQueued: (): JobRow | undefined => q.nextQueued.get(),
    /** False if the job is no longer queued (cancelled in the meantime). */
    markPrinting: (id: string, seq: number): boolean => q.printing.run({ id, seq }).changes === 1,
    markPrinted(id: string, at: string, seq: number): void {
      q.printed.run({ id, at, seq });
    },
    markFailed(id: string, error: ErrorData, bytesSent: boolean, seq: number): void {
      q.failed.run({ id, error: JSON.stringify(error), bytesSent: bytesSent ? 1 : 0, seq });
    },
    requeue(id: string, copy: JobCopy, seq: number): void {
      q.requeue.run({ id, copy, seq });
    },
    cancel(id: string, seq: number): void {
      q.cancel.run({ id, seq });
    },
    recent: (limit = LIST_LIMIT): JobRow[] => q.recent.all(limit),
    /** Jobs a previous run left queued or printing (created at or before `seq`). */
    unfinishedUpTo: (seq: number): JobRow[] => q.unfinished.all(seq),
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
