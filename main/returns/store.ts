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
  /**
   * The part a receipt paid with store credit gives back as a new voucher, issued with the return (absent: none;
   * requests before it had none).
   */
  creditHalalas: z.number().int().positive().optional(),
});
export type ReturnPlan = z.infer<typeof ReturnPlan>;

/** Why an approved refund's request still waits for a person (migration 0140). */
export type RequestHeld = 'refund_mismatch' | 'issue_failed';

export interface ReturnRequest {
  id: string;
  receiptNo: string;
  refundIntentId: string;
  plan: ReturnPlan;
  state: 'waiting' | 'issued' | 'cancelled';
  returnId: string | null;
  /** Set when the refund was approved but the return could not be issued with it; null otherwise. */
  held: RequestHeld | null;
  /** What the terminal approved, when it approved something the return could not be issued with. */
  approvedHalalas: number | null;
  heldDetail: string | null;
  /** The request's `return.requested` entry. */
  requestedSeq: number;
}

type RequestRow = {
  id: string;
  receipt_no: string;
  refund_intent_id: string;
  plan: string;
  state: ReturnRequest['state'];
  return_id: string | null;
  held: RequestHeld | null;
  approved_halalas: number | null;
  held_detail: string | null;
  requested_seq: number;
};

/** Cash a late-issued return owes its customer until a manager pays it out (migration 0140). */
export interface CashOwed {
  returnId: string;
  returnNo: string;
  receiptNo: string;
  issuedAt: string;
  amountHalalas: number;
  totalHalalas: number;
}

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
    allWaiting: db.prepare<[], RequestRow>(`SELECT * FROM return_requests WHERE state = 'waiting' ORDER BY requested_seq`),
    hold: db.prepare(`UPDATE return_requests SET held = ?, approved_halalas = ?, held_detail = ?, held_seq = ? WHERE id = ? AND state = 'waiting' AND held IS NULL`),
    owe: db.prepare('INSERT INTO return_cash_owed (return_id, amount_halalas, owed_seq) VALUES (?, ?, ?)'),
    pay: db.prepare('UPDATE return_cash_owed SET paid_seq = ? WHERE return_id = ? AND paid_seq IS NULL'),
    owedUnpaid: db.prepare<[], { return_id: string; return_no: string; original_receipt_no: string; issued_at: string; amount_halalas: number; total_halalas: number }>(
      `SELECT o.return_id, r.return_no, r.original_receipt_no, r.issued_at, o.amount_halalas, r.total_halalas
         FROM return_cash_owed o JOIN returns r ON r.id = o.return_id WHERE o.paid_seq IS NULL ORDER BY o.owed_seq`,
    ),
    owedOf: db.prepare<[string], { amount_halalas: number; paid_seq: number | null }>('SELECT amount_halalas, paid_seq FROM return_cash_owed WHERE return_id = ?'),
    idOf: db.prepare<[string], { id: string }>('SELECT id FROM returns WHERE return_no = ?'),
    // Read-only, from checkout's tables as stored (sale_lines_by_barcode, migration 0140): the receipts that sold it.
    receiptsSelling: db.prepare<[string, number], { receipt_no: string }>(
      `SELECT DISTINCT r.receipt_no, r.number FROM sale_lines l JOIN receipts r ON r.sale_id = l.sale_id
        WHERE l.barcode = ? AND l.removed_seq IS NULL ORDER BY r.number DESC LIMIT ?`,
    ),
  };
  const toRequest = (r: RequestRow): ReturnRequest => ({
    id: r.id,
    receiptNo: r.receipt_no,
    refundIntentId: r.refund_intent_id,
    plan: parseJsonColumn(ReturnPlan, r.plan, `return_requests.plan of ${r.id}`),
    state: r.state,
    returnId: r.return_id,
    held: r.held,
    approvedHalalas: r.approved_halalas,
    heldDetail: r.held_detail,
    requestedSeq: r.requested_seq,
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
    /** Marks a waiting request held by an approved refund it could not be issued with; false when it was not waiting. */
    holdRequest(id: string, held: RequestHeld, approvedHalalas: number, detail: string | null, seq: number): boolean {
      return q.hold.run(held, approvedHalalas, detail, seq, id).changes === 1;
    },
    /** Every request still waiting, oldest first: on a card refund's answer, or on a person. */
    waiting: (): ReturnRequest[] => q.allWaiting.all().map(toRequest),
    oweCash(returnId: string, amountHalalas: number, seq: number): void {
      q.owe.run(returnId, amountHalalas, seq);
    },
    /** Marks the cash owed on a return as paid out; false when none is owed (never was, or paid already). */
    payCash: (returnId: string, seq: number): boolean => q.pay.run(seq, returnId).changes === 1,
    cashOwed: (): CashOwed[] =>
      q.owedUnpaid.all().map((r) => ({
        returnId: r.return_id,
        returnNo: r.return_no,
        receiptNo: r.original_receipt_no,
        issuedAt: r.issued_at,
        amountHalalas: r.amount_halalas,
        totalHalalas: r.total_halalas,
      })),
    /** The cash owed on one return: null when it owed none. */
    owedOn: (returnId: string): { amountHalalas: number; paid: boolean } | null => {
      const row = q.owedOf.get(returnId);
      return row ? { amountHalalas: row.amount_halalas, paid: row.paid_seq !== null } : null;
    },
    idOf: (returnNo: string): string | null => q.idOf.get(returnNo)?.id ?? null,
    /** The newest `limit` receipts of this till that sold the barcode, newest first. */
    receiptsSelling: (barcode: string, limit: number): string[] => q.receiptsSelling.all(barcode, limit).map((r) => r.receipt_no),
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
