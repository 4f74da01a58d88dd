// print_jobs as the journal makes them, for `ledger verify` (main/ledger/replay.ts). The same state moves as
// job-store.ts makes them, from the print.* entries alone. A printed or cancelled job never changes again, so it
// is compared then and forgotten.
import type { Db } from '../../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection } from '../../ledger';
import type { JobRow as StoredJob } from './job-store';

/**
 * A job as the journal says it must be stored: the stored row's columns (declared once, in job-store.ts), with the
 * values taken from the journal unchecked, since a journal of an older version may hold what no schema knows.
 */
type JobRow = Record<keyof StoredJob, unknown> & { error: string | null; state: string; bytes_sent: number; attempts: number };

export function printJobsProjection(db: Db): Projection {
  const jobs = new Map<string, JobRow>();
  const legacy = new Set<string>();
  let made = 0;
  const readRow = db.prepare<[string], Record<string, unknown>>('SELECT * FROM print_jobs WHERE id = ?');

  const compare = (id: string, { error, ...row }: JobRow): Mismatch | undefined => {
    const actual = readRow.get(id);
    const m = compareRow('print_jobs', id, row, actual, row.updated_seq as number);
    if (m) return m;
    const stored = actual!.error;
    const canonical = stored === null ? null : safeCanonical(String(stored));
    return canonical === error ? undefined : { table: 'print_jobs', key: id, what: 'error differs from the journal', seq: row.updated_seq as number };
  };

  const jobIdsOf = (payload: Record<string, unknown>): string[] =>
    Array.isArray(payload.jobs) ? payload.jobs.map((j) => field.str(j as Record<string, unknown>, 'jobId')) : [field.str(payload, 'jobId')];

  return {
    name: 'print jobs',
    legacy(e) {
      if (e.type === 'print.queued') for (const id of jobIdsOf(e.payload)) legacy.add(id);
    },
    apply(e) {
      if (!e.type.startsWith('print.')) return undefined;
      const p = e.payload;
      if (e.type === 'print.queued') {
        for (const j of (p.jobs ?? []) as Array<Record<string, unknown>>) {
          made += 1;
          const id = field.str(j, 'jobId');
          jobs.set(id, {
            id,
            kind: j.kind ?? null,
            receipt_no: p.receiptNo ?? null,
            copy: j.copy ?? null,
            intent_id: j.intentId ?? null,
            state: 'queued',
            attempts: 0,
            bytes_sent: 0,
            error: null,
            created_at: e.at,
            printed_at: null,
            created_seq: e.seq,
            updated_seq: e.seq,
          });
        }
        return undefined;
      }
      const moves: Array<{ id: string; sent?: boolean }> =
        e.type === 'print.interrupted'
          ? ((p.jobs ?? []) as Array<Record<string, unknown>>).map((j) => ({ id: field.str(j, 'jobId'), sent: j.state === 'printing' }))
          : [{ id: field.str(p, 'jobId'), sent: p.bytesSent === true }];
      for (const { id, sent } of moves) {
        if (legacy.has(id)) continue;
        const job = jobs.get(id);
        if (!job) return { table: 'print_jobs', key: id, what: `${e.type} for a job the journal never queued, or one already printed or cancelled`, seq: e.seq };
        job.updated_seq = e.seq;
        switch (e.type) {
          case 'print.started':
            if (job.state === 'queued') {
              job.state = 'printing';
              job.attempts += 1;
            }
            break;
          case 'print.printed':
            Object.assign(job, { state: 'printed', printed_at: e.at, error: null, bytes_sent: 1 });
            break;
          case 'print.failed':
          case 'print.interrupted':
            Object.assign(job, { state: 'failed', error: canonicalJson(p.error ?? null), bytes_sent: Math.max(job.bytes_sent, sent ? 1 : 0) });
            break;
          case 'print.retried':
            Object.assign(job, { state: 'queued', copy: p.copy ?? null, error: null });
            break;
          case 'print.cancelled':
            job.state = 'cancelled';
            break;
          default:
            return { table: 'print_jobs', key: id, what: `unknown print entry ${e.type}`, seq: e.seq };
        }
        if (job.state === 'printed' || job.state === 'cancelled') {
          jobs.delete(id);
          const m = compare(id, job);
          if (m) return m;
        }
      }
      return undefined;
    },
    finish() {
      for (const [id, job] of jobs) {
        const m = compare(id, job);
        if (m) return m;
      }
      return countRows(db, 'print_jobs', made, 'id NOT IN (SELECT value FROM json_each(?))', [JSON.stringify([...legacy])]);
    },
  };
}

function safeCanonical(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return `unreadable:${text}`;
  }
}
