// The return tables (migration 0090). Only the returns domain writes them, inside the transaction that also
// appends the return's journal entry and issues its credit note.
import { z } from 'zod';
import { RefundReceipt, ReturnReason } from '../../preload/contract';
import { parseJsonColumn, type Db } from '../db';
import { TillError } from '../errors';

export interface ReturnRecord {
  id: string;
  refund: RefundReceipt;
  number: number;
  seq: number;
}

/** What a return waiting on its card refund will issue once the refund is approved. */
export const ReturnPlan = z.object({
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int().positive() })),
  reason: ReturnReason,
  /** Refunded through the card or STC Pay payment (the request's refund intent). */
  cardHalalas: z.number().int().positive(),
  /** The rest, paid from the drawer when the refund is approved (a split card and cash sale). */
  cashHalalas: z.number().int().nonnegative(),
});
export type ReturnPlan = z.infer<typeof ReturnPlan>;

export interface ReturnRequest {
  id: string;
  receiptNo: string;
  refundIntentId: string;
  plan: ReturnPlan;
  state: 'waiting' | 'issued' | 'cancelled';
  returnId: string | null;
}

type RequestRow = { id: string; receipt_no: string; refund_intent_id: string; plan: string; state: ReturnRequest['state']; return_id: string | null };

export function createReturnStore(db: Db, tillId: () => string) {
  const q = {
    returnedOf: db.prepare<[string], { line_id: string; quantity: number }>(
      `SELECT rl.line_id, SUM(rl.quantity) AS quantity FROM return_lines rl JOIN returns r ON r.id = rl.return_id
       WHERE r.original_receipt_no = ? GROUP BY rl.line_id`,
    ),
    returnsOf: db.prepare<[string], { return_no: string; issued_at: string; total_halalas: number }>(
      'SELECT return_no, issued_at, total_halalas FROM returns WHERE original_receipt_no = ? ORDER BY number',
    ),
    nextNumber: db.prepare<[string], { next: number }>(
      'SELECT COALESCE((SELECT last_number FROM return_counters WHERE till_id = ?), 0) + 1 AS next',
    ),
    advance: db.prepare(
      `INSERT INTO return_counters (till_id, last_number) VALUES (?, ?)
       ON CONFLICT(till_id) DO UPDATE SET last_number = excluded.last_number
       WHERE excluded.last_number = return_counters.last_number + 1`,
    ),
    insert: db.prepare(
      `INSERT INTO returns (id, return_no, till_id, number, sale_id, original_receipt_no, reason, issued_at, total_halalas, body, seq)
       VALUES (@id, @returnNo, @tillId, @number, @saleId, @originalReceiptNo, @reason, @issuedAt, @total, @body, @seq)`,
    ),
    insertLine: db.prepare('INSERT INTO return_lines (return_id, line_id, quantity, line_total_halalas) VALUES (?, ?, ?, ?)'),
    body: db.prepare<[string], { body: string }>('SELECT body FROM returns WHERE return_no = ?'),
    bodyById: db.prepare<[string], { body: string; return_no: string }>('SELECT body, return_no FROM returns WHERE id = ?'),
    insertRequest: db.prepare(
      `INSERT INTO return_requests (id, receipt_no, refund_intent_id, plan, state, requested_seq) VALUES (?, ?, ?, ?, 'waiting', ?)`,
    ),
    settleRequest: db.prepare(`UPDATE return_requests SET state = ?, settled_seq = ?, return_id = ? WHERE id = ? AND state = 'waiting'`),
    requestByIntent: db.prepare<[string], RequestRow>('SELECT * FROM return_requests WHERE refund_intent_id = ?'),
    requestById: db.prepare<[string], RequestRow>('SELECT * FROM return_requests WHERE id = ?'),
    waitingOf: db.prepare<[string], RequestRow>(`SELECT * FROM return_requests WHERE receipt_no = ? AND state = 'waiting'`),
  };
  const toRequest = (r: RequestRow): ReturnRequest => ({
    id: r.id,
    receiptNo: r.receipt_no,
    refundIntentId: r.refund_intent_id,
    plan: parseJsonColumn(ReturnPlan, r.plan, `return_requests.plan of ${r.id}`),
    state: r.state,
    returnId: r.return_id,
  });

  return {
    /** Per original line: how many came back in earlier returns, and how many wait on a card refund. */
    returnedQuantities(receiptNo: string, exceptRequest: string | null): { returned: Map<string, number>; held: Map<string, number> } {
      const returned = new Map(q.returnedOf.all(receiptNo).map((r) => [r.line_id, r.quantity]));
      const held = new Map<string, number>();
      for (const request of q.waitingOf.all(receiptNo).map(toRequest)) {
        if (request.id === exceptRequest) continue;
        for (const line of request.plan.lines) held.set(line.lineId, (held.get(line.lineId) ?? 0) + line.quantity);
      }
      return { returned, held };
    },
    insertRequest(request: { id: string; receiptNo: string; refundIntentId: string; plan: ReturnPlan }, seq: number): void {
      q.insertRequest.run(request.id, request.receiptNo, request.refundIntentId, JSON.stringify(request.plan), seq);
    },
    /** Moves a waiting request on; false when it was not waiting (settled already). */
    settleRequest(id: string, state: 'issued' | 'cancelled', seq: number, returnId: string | null): boolean {
      return q.settleRequest.run(state, seq, returnId, id).changes === 1;
    },
    requestOfIntent: (intentId: string): ReturnRequest | null => {
      const row = q.requestByIntent.get(intentId);
      return row ? toRequest(row) : null;
    },
    request: (id: string): ReturnRequest | null => {
      const row = q.requestById.get(id);
      return row ? toRequest(row) : null;
    },
    refundById(returnId: string): RefundReceipt {
      const row = q.bodyById.get(returnId);
      if (!row) throw new TillError('RETURN_UNKNOWN', returnId);
      return parseJsonColumn(RefundReceipt, row.body, `returns.body of ${row.return_no}`);
    },
    returnsOf: (receiptNo: string) =>
      q.returnsOf.all(receiptNo).map((r) => ({ returnNo: r.return_no, issuedAt: r.issued_at, totalHalalas: r.total_halalas })),
    nextNumber: (): number => q.nextNumber.get(tillId())!.next,
    insert(record: ReturnRecord): void {
      const { refund } = record;
      // The counter only moves by exactly one; anything else is a bug that must fail the transaction.
      if (q.advance.run(refund.tillId, record.number).changes !== 1) throw new Error(`return number ${record.number} is not next`);
      q.insert.run({
        id: record.id,
        returnNo: refund.returnNo,
        tillId: refund.tillId,
        number: record.number,
        saleId: refund.saleId,
        originalReceiptNo: refund.originalReceiptNo,
        reason: refund.reason,
        issuedAt: refund.issuedAt,
        total: refund.totals.totalHalalas,
        body: JSON.stringify(refund),
        seq: record.seq,
      });
      for (const line of refund.lines) q.insertLine.run(record.id, line.lineId, line.quantity, line.lineTotalHalalas);
    },
    /** A stored refund receipt, parsed at this boundary (a body damaged on disk is named as such). */
    refund(returnNo: string): RefundReceipt {
      const row = q.body.get(returnNo);
      if (!row) throw new TillError('RETURN_UNKNOWN', returnNo);
      return parseJsonColumn(RefundReceipt, row.body, `returns.body of ${returnNo}`);
    },
  };
}

export type ReturnStore = ReturnType<typeof createReturnStore>;
