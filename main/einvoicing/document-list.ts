// Every document the till issued, as the manager's list shows it: simplified ones with their reporting state, and
// standard (B2B) ones with their clearance — read as the same four states (waiting for ZATCA, accepted, accepted
// with warnings, refused) plus what clearance adds (cleared, replaced by a simplified invoice). Newest first.
import { z } from 'zod';
import { Clearance } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { QueuedDocument, ReportState } from './reporting/queue-store';
import { parseMessages } from './reporting/answer';

/**
 * A standard document's clearance as one of the list's states: not answered yet → waiting; refused → rejected
 * (also a replaced one ZATCA refused: its messages are errors); cleared → reported, or warned with warnings.
 * One cleared after clearance was switched off is in the reporting queue, and has that state.
 */
const STATE_SQL = `CASE
    WHEN r.egs_id IS NOT NULL THEN r.state
    WHEN c.settled = 0 THEN 'waiting'
    WHEN c.state = 'rejected' THEN 'rejected'
    WHEN c.messages IS NOT NULL AND json_extract(c.messages, '$[0].status') = 'ERROR' THEN 'rejected'
    WHEN c.messages IS NOT NULL THEN 'warned'
    ELSE 'reported' END`;

const ListRow = z.object({
  egs_id: z.string(),
  icv: z.number().int(),
  number: z.string(),
  kind: z.string(),
  uuid: z.string(),
  hash: z.string(),
  profile: z.enum(['simplified', 'standard']),
  issue_date: z.string(),
  issue_time: z.string(),
  issued_seq: z.number().int(),
  list_state: z.enum(['waiting', 'reported', 'warned', 'rejected']),
  attempts: z.number().int().nullable(),
  next_attempt_at: z.string().nullable(),
  last_error: z.string().nullable(),
  messages: z.string().nullable(),
  reported_at: z.string().nullable(),
  reissued_icv: z.number().int().nullable(),
  clearance: Clearance.nullable(),
});
type ListRow = z.infer<typeof ListRow>;

const FROM = 'einvoice_documents d LEFT JOIN einvoice_reports r USING (egs_id, icv) LEFT JOIN einvoice_clearances c USING (egs_id, icv)';
const SELECT = `SELECT d.egs_id, d.icv, d.number, d.kind, d.uuid, d.hash, d.profile, d.issue_date, d.issue_time, d.issued_seq,
  ${STATE_SQL} AS list_state, COALESCE(r.attempts, c.attempts) AS attempts, COALESCE(r.next_attempt_at, c.next_attempt_at) AS next_attempt_at,
  COALESCE(r.last_error, c.last_error) AS last_error, COALESCE(r.messages, c.messages) AS messages, r.reported_at, r.reissued_icv, c.state AS clearance
  FROM ${FROM}`;

const parseRow = (raw: unknown): ListRow => {
  const parsed = ListRow.safeParse(raw);
  if (!parsed.success) throw new TillError('LEDGER_DAMAGED', `einvoice_documents: ${parsed.error.issues[0]?.message ?? 'invalid row'}`);
  return parsed.data;
};

export interface ListedDocument extends QueuedDocument {
  profile: 'simplified' | 'standard';
  /** A standard document's clearance; null for a simplified one. */
  clearance: Clearance | null;
}

const toListed = (r: ListRow): ListedDocument => ({
  egsId: r.egs_id,
  icv: r.icv,
  number: r.number,
  kind: r.kind,
  uuid: r.uuid,
  hash: r.hash,
  state: r.list_state,
  attempts: r.attempts ?? 0,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  messages: parseMessages(r.messages),
  reportedAt: r.reported_at,
  reissuedIcv: r.reissued_icv,
  issuedAt: `${r.issue_date}T${r.issue_time}`,
  issuedSeq: r.issued_seq,
  profile: r.profile,
  clearance: r.clearance,
});

/** Documents that ZATCA hears of: reported ones and standard ones (a compliance sample is neither). */
const LISTED = '(r.egs_id IS NOT NULL OR c.egs_id IS NOT NULL)';

export function createDocumentList(db: Db) {
  const q = {
    all: db.prepare<[number, number], unknown>(`${SELECT} WHERE ${LISTED} ORDER BY d.issued_seq DESC LIMIT ? OFFSET ?`),
    inState: db.prepare<[string, number, number], unknown>(`${SELECT} WHERE ${LISTED} AND (${STATE_SQL}) = ? ORDER BY d.issued_seq DESC LIMIT ? OFFSET ?`),
    counts: db.prepare<[], { state: ReportState; n: number }>(`SELECT ${STATE_SQL} AS state, COUNT(*) AS n FROM ${FROM} WHERE ${LISTED} GROUP BY 1`),
  };
  return {
    list: (limit: number, offset: number, state?: ReportState): ListedDocument[] =>
      (state ? q.inState.all(state, limit, offset) : q.all.all(limit, offset)).map((raw) => toListed(parseRow(raw))),
    /** How many documents the list holds in each state. */
    counts(): Record<ReportState, number> {
      const counts: Record<ReportState, number> = { waiting: 0, reported: 0, warned: 0, rejected: 0 };
      for (const { state, n } of q.counts.all()) counts[state] = n;
      return counts;
    },
  };
}
