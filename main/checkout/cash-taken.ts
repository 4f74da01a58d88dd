// Cash the sales put in the drawer between two journal entries (a shift's period, main/shifts): each cash
// tender's tendered amount minus the change given back, as the tenders table holds it. The tenders are found
// through the period's `tender.accepted` entries (the journal's own key), so closing a shift reads one shift's
// entries, never a year of tenders.
import type { Db } from '../db';

/** Halalas of cash taken by sales whose cash tender was journaled after `afterSeq`, up to `uptoSeq` included. */
export function cashTakenBetween(db: Db, afterSeq: number, uptoSeq: number): number {
  const row = db
    .prepare<[number, number], { taken: number }>(
      `SELECT COALESCE(SUM(t.tendered_halalas - t.change_halalas), 0) AS taken
         FROM journal j JOIN tenders t ON t.id = json_extract(j.payload, '$.tenderId') AND t.seq = j.seq
        WHERE j.seq > ? AND j.seq <= ? AND j.type = 'tender.accepted' AND t.kind = 'cash'`,
    )
    .get(afterSeq, uptoSeq);
  return row?.taken ?? 0;
}
