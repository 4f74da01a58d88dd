// Reading a stored receipt. The body is the exact receipt issued at the sale (what was printed and what the
// e-invoice is built from); it is parsed with the contract's schema at this boundary, so a body damaged on
// disk is named as such instead of flowing on as a half-valid object.
import { Receipt } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';

export type ReceiptReader = (receiptNo: string) => Receipt;

/** What a `sale.completed` entry records: the whole receipt but the moment of issue, which is the entry's own. */
export interface ReceiptIssue {
  saleId: string;
  receiptNo: string;
  number: number;
  tillId: string;
  shopNameAr: string;
  shopNameEn: string;
  vatNumber: string;
  lines: Receipt['lines'];
  totals: Receipt['totals'];
  tenders: Receipt['tenders'];
  /** The business buyer of a standard (B2B) invoice; absent for a simplified one (and in older entries). */
  buyer?: Receipt['buyer'];
  /** Who was signed in when the sale opened (absent before users, issue 14). */
  cashier?: Receipt['cashier'];
  /** The discount on the whole sale (absent when none, and before discounts). */
  discount?: Receipt['discount'];
}

/**
 * The receipt as stored and printed. One function for the sale that issues it and for `ledger verify`, which
 * rebuilds every stored body from its entry: the key order here is the stored body's byte order.
 */
export function receiptFromIssue(issue: ReceiptIssue, issuedAt: string): Receipt {
  return {
    receiptNo: issue.receiptNo,
    tillId: issue.tillId,
    saleId: issue.saleId,
    issuedAt,
    shopNameAr: issue.shopNameAr,
    shopNameEn: issue.shopNameEn,
    vatNumber: issue.vatNumber,
    lines: issue.lines,
    totals: issue.totals,
    tenders: issue.tenders,
    ...(issue.buyer ? { buyer: issue.buyer } : {}),
    ...(issue.cashier ? { cashier: issue.cashier } : {}),
    ...(issue.discount ? { discount: issue.discount } : {}),
  };
}

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
