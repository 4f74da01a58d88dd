// `ledger verify` on a running till holds the receipt-number log against the database's counters. A sale is logged
// after its commit, so the log is read first and the counters after (main/cli/commands.ts): the log as read then is
// what is compared, whatever the till logs meanwhile.
import { expect, it } from 'vitest';
import { openReceiptWatermark, receiptLogAsNow, receiptsMissingFrom, type IssuedReceipt } from '../../main/checkout';
import { tempDir } from '../support/tmp';

const receipt = (number: number): IssuedReceipt => ({
  tillId: 'T01',
  number,
  receiptNo: `T01-${String(number).padStart(6, '0')}`,
  saleId: `sale-${number}`,
  totalHalalas: 650,
  issuedAt: '2026-12-06T07:00:00.000Z',
});

it('compares the log as it was read: a sale completed after it is not reported missing', () => {
  const tmp = tempDir('nuqta-receipt-log-');
  const watermark = openReceiptWatermark(tmp.dir);
  try {
    watermark.issued(receipt(1));
    const asRead = receiptLogAsNow(tmp.dir);
    // The till completes sale 2: committed, then logged; the counters, read now, say 2.
    watermark.issued(receipt(2));
    expect(asRead('T01', 2)).toEqual([]);
    // What the log held when read, and what a fresh read holds.
    expect(asRead('T01', 0).map((r) => r.receiptNo)).toEqual(['T01-000001']);
    expect(receiptsMissingFrom(tmp.dir, 'T01', 0).map((r) => r.receiptNo)).toEqual(['T01-000001', 'T01-000002']);
    // A number the database no longer holds is still found in the log read first.
    expect(receiptLogAsNow(tmp.dir)('T01', 1).map((r) => r.receiptNo)).toEqual(['T01-000002']);
  } finally {
    watermark.close();
    tmp.cleanup();
  }
});
