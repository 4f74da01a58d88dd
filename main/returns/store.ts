// The return tables (migration 0090). Only the returns domain writes them, inside the transaction that also
// appends the return's journal entry and issues its credit note.
import { RefundReceipt } from '../../preload/contract';
import { parseJsonColumn, type Db } from '../db';
import { TillError } from '../errors';

export interface ReturnRecord {
  id: string;
  refund: RefundReceipt;
  number: number;
  seq: number;
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
  };

  return {
    /** Per original line: how many came back in earlier returns. */
    returnedQuantities(receiptNo: string): Map<string, number> {
      return new Map(q.returnedOf.all(receiptNo).map((r) => [r.line_id, r.quantity]));
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
