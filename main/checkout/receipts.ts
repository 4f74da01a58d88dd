// Reading a stored receipt. The body is the exact receipt issued at the sale (what was printed and what the
// e-invoice is built from); it is parsed with the contract's schema at this boundary, so a body damaged on
// disk is named as such instead of flowing on as a half-valid object.
import { Receipt } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';

export type ReceiptReader = (receiptNo: string) => Receipt;

export function createReceiptReader(db: Db): ReceiptReader {
  const read = db.prepare<[string], { body: string }>('SELECT body FROM receipts WHERE receipt_no = ?');
  return (receiptNo) => {
    const row = read.get(receiptNo);
    if (!row) throw new TillError('RECEIPT_UNKNOWN', receiptNo);
    let json: unknown;
    try {
      json = JSON.parse(row.body);
    } catch {
      throw new TillError('LEDGER_DAMAGED', `receipt ${receiptNo}: the stored body is not JSON`);
    }
    const parsed = Receipt.safeParse(json);
    if (!parsed.success) throw new TillError('LEDGER_DAMAGED', `receipt ${receiptNo}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  };
}
