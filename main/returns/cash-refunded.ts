// Cash the returns paid out of the drawer between two journal entries (a shift's period, main/shifts): the cash
// refunds of each return issued in it, as its stored refund receipt lists them (a split card and cash sale's
// return pays part from the drawer), found through the period's `return.issued` entries (the journal's own key).
// Cash a late-issued return only owes (`return.cash_owed`: nobody was at the counter) left the drawer when a
// manager paid it out (`return.cash_paid`), so it counts in the period of its payout, not of its issue.
import type { Db } from '../db';
import { CASH_ENTRY, RETURN_ENTRY } from './entries';

/** Halalas of cash refunded by returns after `afterSeq`, up to `uptoSeq` included. */
export function cashRefundedBetween(db: Db, afterSeq: number, uptoSeq: number): number {
  const issued = db
    .prepare<[number, number, string], { refunded: number }>(
      `SELECT COALESCE(SUM(json_extract(refund.value, '$.amountHalalas')), 0) AS refunded
         FROM journal j
         JOIN returns r ON r.id = json_extract(j.payload, '$.returnId') AND r.seq = j.seq
         JOIN json_each(r.body, '$.refunds') refund
        WHERE j.seq > ? AND j.seq <= ? AND j.type = ? AND json_extract(refund.value, '$.kind') = 'cash'`,
    )
    .get(afterSeq, uptoSeq, RETURN_ENTRY);
  const moved = db.prepare<[number, number, string], { total: number }>(
    `SELECT COALESCE(SUM(json_extract(payload, '$.amountHalalas')), 0) AS total FROM journal WHERE seq > ? AND seq <= ? AND type = ?`,
  );
  const owed = moved.get(afterSeq, uptoSeq, CASH_ENTRY.owed)?.total ?? 0;
  const paid = moved.get(afterSeq, uptoSeq, CASH_ENTRY.paid)?.total ?? 0;
  return (issued?.refunded ?? 0) - owed + paid;
}
