// The clearance rows of standard (B2B) documents (einvoice_clearances) joined to the documents they clear.
// Answers are journaled in the transaction that records them, with whatever must happen in that same
// transaction (the receipt queued for printing, the simplified invoice issued instead); attempts and back-off are
// bookkeeping and are not journaled.
import { z } from 'zod';
import { Clearance } from '../../../preload/contract';
import { tableRow, type Db, type RowOf } from '../../db';
import type { Journal } from '../../ledger';
import { sha256Hex } from '../documents';
import { ENTRY } from '../projection';
import { parseMessages, type PlatformMessage, type ReportPayload } from '../reporting/answer';

const clearanceRow = tableRow(
  'einvoice_clearances c JOIN einvoice_documents d USING (egs_id, icv)',
  z.object({
    egs_id: z.string(),
    icv: z.number().int(),
    state: Clearance,
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    messages: z.string().nullable(),
    cleared_qr: z.string().nullable(),
    replaced_by_icv: z.number().int().nullable(),
    cancelled_by_icv: z.number().int().nullable(),
    settled: z.number().int(),
    number: z.string(),
    kind: z.string(),
    sale_id: z.string().nullable(),
    qr: z.string(),
  }),
);

export interface ClearanceRecord {
  egsId: string;
  icv: number;
  /** The receipt (or credit note) number the document was issued under. */
  number: string;
  kind: string;
  saleId: string | null;
  state: Clearance;
  attempts: number;
  lastError: string | null;
  messages: PlatformMessage[];
  /** The QR to print: ZATCA's cleared copy's once cleared, the document's own before. */
  qr: string;
  replacedByIcv: number | null;
  cancelledByIcv: number | null;
  /** ZATCA has answered (cleared, rejected, or reported instead): nothing more is sent. */
  settled: boolean;
}

const toRecord = (r: RowOf<typeof clearanceRow>): ClearanceRecord => ({
  egsId: r.egs_id,
  icv: r.icv,
  number: r.number,
  kind: r.kind,
  saleId: r.sale_id,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  messages: parseMessages(r.messages),
  qr: r.cleared_qr ?? r.qr,
  replacedByIcv: r.replaced_by_icv,
  cancelledByIcv: r.cancelled_by_icv,
  settled: r.settled === 1,
});

/** What ZATCA's answer settles. `reported`: clearance was off, the document went to the reporting queue. */
export type ClearanceOutcome =
  | { outcome: 'cleared'; messages: PlatformMessage[]; clearedXml: Buffer | null; clearedQr: string | null }
  | { outcome: 'rejected'; messages: PlatformMessage[] }
  | { outcome: 'reported' };

export function createClearanceStore(db: Db, journal: Journal) {
  const q = {
    insert: db.prepare(`INSERT INTO einvoice_clearances (egs_id, icv, state, created_seq, updated_seq) VALUES (?, ?, 'waiting', ?, ?)`),
    byKey: clearanceRow.select<[string, number]>(db, 'WHERE c.egs_id = ? AND c.icv = ?'),
    byNumber: clearanceRow.select<[string]>(db, 'WHERE d.number = ? ORDER BY d.issued_seq DESC LIMIT 1'),
    oldest: clearanceRow.select(db, 'WHERE c.settled = 0 ORDER BY d.issued_seq LIMIT 1'),
    due: clearanceRow.select<[string, number]>(db, 'WHERE c.settled = 0 AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= ?) ORDER BY d.issued_seq LIMIT ?'),
    payload: db.prepare<[string, number], { uuid: string; hash: string; xml: Buffer }>('SELECT uuid, hash, xml FROM einvoice_documents WHERE egs_id = ? AND icv = ?'),
    attempt: db.prepare('UPDATE einvoice_clearances SET attempts = attempts + 1, last_attempt_at = @now, next_attempt_at = @next, last_error = @error WHERE egs_id = @egsId AND icv = @icv'),
    answer: db.prepare(
      `UPDATE einvoice_clearances SET state = CASE WHEN state = 'replaced' THEN state ELSE @state END, settled = 1,
              attempts = attempts + 1, last_attempt_at = @now, next_attempt_at = NULL, last_error = NULL, messages = @messages,
              cleared_xml = @clearedXml, cleared_qr = @clearedQr, updated_seq = @seq
       WHERE egs_id = @egsId AND icv = @icv AND settled = 0`,
    ),
    replace: db.prepare(`UPDATE einvoice_clearances SET state = 'replaced', replaced_by_icv = @by, updated_seq = @seq WHERE egs_id = @egsId AND icv = @icv AND state IN ('waiting', 'rejected')`),
    cancel: db.prepare('UPDATE einvoice_clearances SET cancelled_by_icv = @by, updated_seq = @seq WHERE egs_id = @egsId AND icv = @icv'),
    counts: db.prepare<[], { state: Clearance; n: number }>('SELECT state, COUNT(*) AS n FROM einvoice_clearances GROUP BY state'),
  };
  const key = (r: Pick<ClearanceRecord, 'egsId' | 'icv'>) => ({ egsId: r.egsId, icv: r.icv });

  return {
    /** In the issuing transaction: a standard document waits for clearance. */
    insertInTx(egsId: string, icv: number, seq: number): void {
      q.insert.run(egsId, icv, seq, seq);
    },
    byKey: (egsId: string, icv: number): ClearanceRecord | undefined => {
      const row = q.byKey.get(egsId, icv);
      return row && toRecord(row);
    },
    /** The standard document issued under a receipt number (the latest), or undefined. */
    byNumber: (number: string): ClearanceRecord | undefined => {
      const row = q.byNumber.get(number);
      return row && toRecord(row);
    },
    /** Documents ZATCA has not answered yet whose next try is due, oldest first. */
    due: (now: string, limit: number): ClearanceRecord[] => q.due.all(now, limit).map(toRecord),
    /** The oldest document ZATCA has not answered, whatever its back-off. */
    oldestUnsettled: (): ClearanceRecord | undefined => {
      const row = q.oldest.get();
      return row && toRecord(row);
    },
    /** The identical payload every time: the stored bytes, never rebuilt. */
    payload(egsId: string, icv: number): ReportPayload {
      const row = q.payload.get(egsId, icv);
      if (!row) throw new Error(`no e-invoice ${egsId}#${icv}`);
      return { invoiceHash: row.hash, uuid: row.uuid, invoice: row.xml.toString('base64') };
    },
    retryLater(r: Pick<ClearanceRecord, 'egsId' | 'icv'>, now: string, next: string, error: string): void {
      q.attempt.run({ ...key(r), now, next, error });
    },
    /**
     * ZATCA's final answer, journaled; `then` runs in the same transaction (print the receipt, queue the report,
     * cancel a replaced document that was cleared after all). False when another answer settled it first.
     */
    settle(r: Pick<ClearanceRecord, 'egsId' | 'icv'>, answer: ClearanceOutcome, now: string, then: (seq: number) => void): boolean {
      return db
        .transaction(() => {
          const current = q.byKey.get(r.egsId, r.icv);
          if (!current || current.settled === 1) return false;
          const messages = answer.outcome === 'reported' ? [] : answer.messages;
          const clearedXml = answer.outcome === 'cleared' ? answer.clearedXml : null;
          const clearedQr = answer.outcome === 'cleared' ? answer.clearedQr : null;
          const entry = journal.append(ENTRY.clearance, {
            ...key(r),
            outcome: answer.outcome,
            messages,
            clearedSha256: clearedXml ? sha256Hex(clearedXml) : null,
            clearedQr,
          });
          q.answer.run({ ...key(r), state: answer.outcome, now, messages: messages.length > 0 ? JSON.stringify(messages) : null, clearedXml, clearedQr, seq: entry.seq });
          then(entry.seq);
          return true;
        })
        .immediate();
    },
    /** Inside the transaction that issues the simplified invoice instead (its ICV). */
    replaceInTx(r: Pick<ClearanceRecord, 'egsId' | 'icv'>, byIcv: number): void {
      const entry = journal.append(ENTRY.replaced, { ...key(r), byIcv });
      if (q.replace.run({ ...key(r), by: byIcv, seq: entry.seq }).changes !== 1) throw new Error(`e-invoice ${r.egsId}#${r.icv} cannot be replaced`);
    },
    /** Inside the transaction that issues the credit note cancelling a replaced document ZATCA cleared after all. */
    cancelInTx(r: Pick<ClearanceRecord, 'egsId' | 'icv'>, byIcv: number): void {
      const entry = journal.append(ENTRY.cancelled, { ...key(r), byIcv });
      q.cancel.run({ ...key(r), by: byIcv, seq: entry.seq });
    },
    counts(): Record<Clearance, number> {
      const counts: Record<Clearance, number> = { waiting: 0, cleared: 0, rejected: 0, replaced: 0, reported: 0 };
      for (const { state, n } of q.counts.all()) counts[state] = n;
      return counts;
    },
  };
}
export type ClearanceStore = ReturnType<typeof createClearanceStore>;
