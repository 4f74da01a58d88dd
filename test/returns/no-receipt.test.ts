// A customer without the receipt, on a real demo till: the till finds its own sales of the item by its barcode
// (newest first, only those with some still returnable) and the return is made from one of them, so its credit
// note names that invoice (BR-KSA-56) and refunds what was paid. With no such sale it refuses in both languages,
// saying why — never a refund at today's price under a credit note that names no invoice.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeEach(async () => {
  t = await startTestTill(undefined, { providerCheckMs: 0 });
});
afterEach(async () => {
  await t.close();
});

async function sell(barcodes: string[]) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
}

describe('a return without the receipt', () => {
  it('finds this till’s sales of the item, newest first, and returns from one: its credit note names that invoice', async () => {
    const first = await sell([DEMO.milk.barcode, DEMO.bread.barcode]);
    await sell([DEMO.coffee.barcode]);
    const second = await sell([DEMO.milk.barcode, DEMO.milk.barcode]);

    const found = await t.call('findSalesOfItem', { barcode: DEMO.milk.barcode });
    expect(found.map((s) => [s.receiptNo, s.soldQuantity, s.returnableQuantity, s.unitPriceHalalas])).toEqual([
      [second.receiptNo, 2, 2, DEMO.milk.price],
      [first.receiptNo, 1, 1, DEMO.milk.price],
    ]);
    expect(found[0]!.nameEn).toBe(second.lines[0]!.nameEn);

    const line = second.lines.find((l) => l.barcode === DEMO.milk.barcode)!;
    const issued = await t.call('returnSale', { receiptNo: second.receiptNo, lines: [{ lineId: line.lineId, quantity: 2 }], reason: 'expired', managerPin: '1234' });
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    const xml = (db.prepare('SELECT xml FROM einvoice_documents WHERE number = ?').pluck().get(issued.refund.returnNo) as Buffer).toString('utf8');
    db.close();
    expect(xml).toMatch(new RegExp(`<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>${second.receiptNo}</cbc:ID>`));

    // All of that sale's milk is back: only the first sale is offered now.
    expect((await t.call('findSalesOfItem', { barcode: DEMO.milk.barcode })).map((s) => s.receiptNo)).toEqual([first.receiptNo]);
  });

  it('refuses when no sale of the item is left to return, in both languages, naming the rule', async () => {
    const receipt = await sell([DEMO.water.barcode]);
    await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
    for (const barcode of [DEMO.water.barcode, DEMO.dates.barcode, '6280000099998']) {
      const refused = await t.attempt('findSalesOfItem', { barcode });
      expect(refused).toMatchObject({ ok: false, error: { code: 'RETURN_NO_SALE_FOUND' } });
      if (!refused.ok) {
        expect(refused.error.message_ar).toContain('BR-KSA-56');
        expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
        expect(refused.error.message_en).toMatch(/credit note must name the invoice/);
      }
    }
  });
});
