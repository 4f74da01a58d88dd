// The print_jobs table (migration 0050). Plain reads and writes only: every write runs inside the service's
// transaction together with the journal entry that causes it, whose seq it records.
import { z } from 'zod';
import { ErrorData, PrintJob } from '../../../preload/contract';
import { parseJsonColumnOrNull, tableRow, type Db, type RowOf } from '../../db';

export type JobKind = PrintJob['kind'];
export type JobCopy = PrintJob['copy'];
export type JobState = PrintJob['state'];

/** A row as read; `error` stays JSON text until a PrintJob is made of it (toPrintJob). */
export const JobRow = tableRow(
  'print_jobs',
  z.object({
    id: z.string(),
    kind: PrintJob.shape.kind,
    receipt_no: z.string(),
    copy: PrintJob.shape.copy,
    intent_id: z.string().nullable(),
    state: PrintJob.shape.state,
    attempts: z.number().int().nonnegative(),
    bytes_sent: z.union([z.literal(0), z.literal(1)]),
    error: z.string().nullable(),
    created_at: z.string(),
    printed_at: z.string().nullable(),
    created_seq: z.number().int(),
    updated_seq: z.number().int(),
  }),
);
export type JobRow = RowOf<typeof JobRow>;

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
    get: JobRow.select<[string]>(db, 'WHERE id = ?'),
    // In the order they were queued (a retried job queues again); jobs of one sale in insertion order.
    nextQueued: JobRow.select(db, `WHERE state = 'queued' ORDER BY updated_seq, rowid LIMIT 1`),
    printing: db.prepare(`UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, updated_seq = @seq WHERE id = @id AND state = 'queued'`),
    printed: db.prepare(
      `UPDATE print_jobs SET state = 'printed', printed_at = @at, error = NULL, bytes_sent = 1, updated_seq = @seq WHERE id = @id`,
    ),
    failed: db.prepare(
      `UPDATE print_jobs SET state = 'failed', error = @error, bytes_sent = MAX(bytes_sent, @bytesSent), updated_seq = @seq WHERE id = @id`,
    ),
    requeue: db.prepare(`UPDATE print_jobs SET state = 'queued', copy = @copy, error = NULL, updated_seq = @seq WHERE id = @id`),
    cancel: db.prepare(`UPDATE print_jobs SET state = 'cancelled', updated_seq = @seq WHERE id = @id`),
    recent: JobRow.select<[number]>(db, `ORDER BY (state = 'failed') DESC, created_seq DESC, rowid DESC LIMIT ?`),
    unfinished: JobRow.select<[number]>(db, `WHERE state IN ('queued', 'printing') AND created_seq <= ? ORDER BY rowid`),
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
