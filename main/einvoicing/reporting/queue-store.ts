// The reporting queue's rows (einvoice_reports) joined to the documents they report. Outcomes are journaled in
// the same transaction that records them; attempts and back-off are bookkeeping and are not.
import { z } from 'zod';
import { tableRow, type Db, type RowOf } from '../../db';
import type { Journal } from '../../ledger';
import { ENTRY } from '../projection';
import { parseMessages, type PlatformMessage, type ReportPayload } from './answer';

export const ReportState = z.enum(['waiting', 'reported', 'warned', 'rejected']);
export type ReportState = z.infer<typeof ReportState>;

const queueRow = tableRow(
  'einvoice_reports r JOIN einvoice_documents d USING (egs_id, icv)',
  z.object({
    egs_id: z.string(),
    icv: z.number().int(),
    state: ReportState,
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_error: z.string().nullable(),
    messages: z.string().nullable(),
    reported_at: z.string().nullable(),
    reissued_icv: z.number().int().nullable(),
    number: z.string(),
    kind: z.string(),
    uuid: z.string(),
    hash: z.string(),
    issue_date: z.string(),
    issue_time: z.string(),
    issued_seq: z.number().int(),
  }),
);

export interface QueuedDocument {
  egsId: string;
  icv: number;
  number: string;
  kind: string;
  uuid: string;
  hash: string;
  state: ReportState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  messages: PlatformMessage[];
  reportedAt: string | null;
  /** A rejected invoice answered by a credit note and a new invoice: the new one's ICV. */
  reissuedIcv: number | null;
  /** Issue date and time as on the document (local shop time). */
  issuedAt: string;
  /** The instant it was issued (its journal entry's time, UTC): the 24-hour clock runs from here. */
  issuedSeq: number;
}

const toDocument = (r: RowOf<typeof queueRow>): QueuedDocument => ({
  egsId: r.egs_id,
  icv: r.icv,
  number: r.number,
  kind: r.kind,
  uuid: r.uuid,
  hash: r.hash,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  messages: parseMessages(r.messages),
  reportedAt: r.reported_at,
  reissuedIcv: r.reissued_icv,
  issuedAt: `${r.issue_date}T${r.issue_time}`,
  issuedSeq: r.issued_seq,
});

export function createQueueStore(db: Db, journal: Journal) {
  const q = {
    due: queueRow.select<[string, number]>(
      db,
      "WHERE r.state = 'waiting' AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= ?) ORDER BY d.issued_seq LIMIT ?",
    ),
    list: queueRow.select<[number, number]>(db, 'ORDER BY d.issued_seq DESC LIMIT ? OFFSET ?'),
    oldest: queueRow.select(db, "WHERE r.state = 'waiting' ORDER BY d.issued_seq LIMIT 1"),
    listState: queueRow.select<[string, number, number]>(db, 'WHERE r.state = ? ORDER BY d.issued_seq DESC LIMIT ? OFFSET ?'),
    payload: db.prepare<[string, number], { uuid: string; hash: string; xml: Buffer }>('SELECT uuid, hash, xml FROM einvoice_documents WHERE egs_id = ? AND icv = ?'),
    report: db.prepare<[string, number], { state: ReportState; messages: string | null; reissued_icv: number | null }>('SELECT state, messages, reissued_icv FROM einvoice_reports WHERE egs_id = ? AND icv = ?'),
    reissued: db.prepare("UPDATE einvoice_reports SET reissued_icv = @invoiceIcv, updated_seq = @seq WHERE egs_id = @egsId AND icv = @icv AND state = 'rejected' AND reissued_icv IS NULL"),
    counts: db.prepare<[], { state: ReportState; n: number }>('SELECT state, COUNT(*) AS n FROM einvoice_reports GROUP BY state'),
    oldestWaiting: db.prepare<[], { at: string }>(
      "SELECT j.at AS at FROM einvoice_reports r JOIN journal j ON j.seq = r.created_seq WHERE r.state = 'waiting' ORDER BY r.created_seq LIMIT 1",
    ),
    attempt: db.prepare('UPDATE einvoice_reports SET attempts = attempts + 1, last_attempt_at = @now, next_attempt_at = @next, last_error = @error WHERE egs_id = @egsId AND icv = @icv'),
    outcome: db.prepare(
      'UPDATE einvoice_reports SET state = @state, attempts = attempts + 1, last_attempt_at = @now, next_attempt_at = NULL, last_error = NULL, messages = @messages, reported_at = @reportedAt, updated_seq = @seq WHERE egs_id = @egsId AND icv = @icv',
    ),
  };

  return {
    /** Waiting documents whose next attempt is due, oldest first. */
    due: (now: string, limit: number): QueuedDocument[] => q.due.all(now, limit).map(toDocument),
    list: (limit: number, offset: number, state?: ReportState): QueuedDocument[] =>
      (state ? q.listState.all(state, limit, offset) : q.list.all(limit, offset)).map(toDocument),
    /** The identical payload every time: the stored bytes, never rebuilt. */
    payload(egsId: string, icv: number): ReportPayload {
      const row = q.payload.get(egsId, icv);
      if (!row) throw new Error(`no e-invoice ${egsId}#${icv}`);
      return { invoiceHash: row.hash, uuid: row.uuid, invoice: row.xml.toString('base64') };
    },
    counts(): Record<ReportState, number> {
      const counts: Record<ReportState, number> = { waiting: 0, reported: 0, warned: 0, rejected: 0 };
      for (const { state, n } of q.counts.all()) counts[state] = n;
      return counts;
    },
    /** The oldest document still to report, or undefined. */
    oldestWaiting: (): QueuedDocument | undefined => {
      const row = q.oldest.get();
      return row ? toDocument(row) : undefined;
    },
    /** When the oldest waiting document was issued (UTC), or null when none waits. */
    oldestWaitingAt: (): string | null => q.oldestWaiting.get()?.at ?? null,
    /** A try that did not settle the document: when to try again and why. */
    retryLater(doc: Pick<QueuedDocument, 'egsId' | 'icv'>, now: string, next: string, error: string): void {
      q.attempt.run({ egsId: doc.egsId, icv: doc.icv, now, next, error });
    },
    /** A document's report row: its state, ZATCA's messages, and the invoice that answered a rejection. */
    report(egsId: string, icv: number): { state: ReportState; messages: PlatformMessage[]; reissuedIcv: number | null } | undefined {
      const row = q.report.get(egsId, icv);
      return row && { state: row.state, messages: parseMessages(row.messages), reissuedIcv: row.reissued_icv };
    },
    /** In the transaction that issues the credit note and the new invoice answering a rejected document. */
    reissuedInTx(doc: Pick<QueuedDocument, 'egsId' | 'icv'>, creditIcv: number, invoiceIcv: number): void {
      const entry = journal.append(ENTRY.reissued, { egsId: doc.egsId, icv: doc.icv, creditIcv, invoiceIcv });
      if (q.reissued.run({ egsId: doc.egsId, icv: doc.icv, invoiceIcv, seq: entry.seq }).changes !== 1) throw new Error(`e-invoice ${doc.egsId}#${doc.icv} is not an unanswered rejection`);
    },
    /** A final answer, journaled with the row's change. */
    settle(doc: Pick<QueuedDocument, 'egsId' | 'icv'>, outcome: Exclude<ReportState, 'waiting'>, messages: PlatformMessage[], now: string): void {
      db.transaction(() => {
        const entry = journal.append(ENTRY.reported, { egsId: doc.egsId, icv: doc.icv, outcome, messages });
        q.outcome.run({
          egsId: doc.egsId,
          icv: doc.icv,
          state: outcome,
          now,
          messages: messages.length > 0 ? JSON.stringify(messages) : null,
          reportedAt: outcome === 'rejected' ? null : now,
          seq: entry.seq,
        });
      }).immediate();
    },
  };
}
export type QueueStore = ReturnType<typeof createQueueStore>;
