// Returns on a real demo till (real SQLite file, the ZATCA platform simulator over HTTPS, the virtual printer):
// lines of a cash receipt come back with a manager's PIN and a reason; the refund, the credit note (381, chained
// after the sale's invoice, billing reference and reason) and the refund receipt are issued in one transaction;
// the drawer opens; the refund receipt prints with the credit note's QR; `ledger verify` replays it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { invoiceHash, verifySignedInvoice } from '../../main/fiscal/einvoice';
import { createTillSimulators } from '../../main/sim';
import { printedQr } from '../support/printed-qr';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';
import { ublSchemaErrors } from '../fiscal/einvoice/support';

let t: TestTill;
let sims: ReturnType<typeof createTillSimulators>;
beforeEach(async () => {
  sims = createTillSimulators();
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
});
afterEach(async () => {
  await t.close();
});

const PIN = '1234';

async function sell(barcodes: string[]) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

const documents = () =>
  query<{ icv: number; pih: string; hash: string; qr: string; number: string; kind: string; xml: Buffer }>(
    'SELECT icv, pih, hash, qr, number, kind, xml FROM einvoice_documents ORDER BY icv',
  );


const printed = () => sims.currentPrinter()?.receipts ?? [];

describe('returning lines of a cash receipt', () => {
  it('refunds the returned lines, issues a chained credit note in the same transaction, opens the drawer and prints it', async () => {
    const receipt = await sell([DEMO.milk.barcode, DEMO.milk.barcode, DEMO.dates.barcode, DEMO.coffee.barcode]);
    await until(() => printed().length === 1);
    const kicksBefore = sims.currentPrinter()!.drawerKicks();
    const milk = receipt.lines.find((l) => l.barcode === DEMO.milk.barcode)!;
    const dates = receipt.lines.find((l) => l.barcode === DEMO.dates.barcode)!;

    const offer = await t.call('getReturnable', { receiptNo: receipt.receiptNo });
    expect(offer.lines.map((l) => [l.line.lineId, l.returnableQuantity])).toEqual(receipt.lines.map((l) => [l.lineId, l.quantity]));

    const issued = await t.call('returnSale', {
      receiptNo: receipt.receiptNo,
      lines: [
        { lineId: milk.lineId, quantity: 1 },
        { lineId: dates.lineId, quantity: 1 },
      ],
      reason: 'damaged',
      managerPin: PIN,
    });
    const { refund } = issued;
    expect(refund.returnNo).toBe(`${receipt.tillId}-R000001`);
    expect(refund.originalReceiptNo).toBe(receipt.receiptNo);
    // The demo's prices include VAT: 6.50 + 35.00 back, VAT at 15% the rate's share of it (half-up, document level).
    expect(refund.totals.totalHalalas).toBe(DEMO.milk.price + DEMO.dates.price);
    expect(refund.totals.vatHalalas).toBe(Math.round(((DEMO.milk.price + DEMO.dates.price) * 15) / 115));
    expect(refund.refunds).toEqual([{ kind: 'cash', amountHalalas: 4150, tenderedHalalas: 4150, changeHalalas: 0 }]);
    expect(refund.lines.map((l) => [l.lineId, l.quantity, l.lineTotalHalalas])).toEqual([
      [milk.lineId, 1, DEMO.milk.price],
      [dates.lineId, 1, DEMO.dates.price],
    ]);
    expect(issued.drawer).toBe('opened');
    expect(sims.currentPrinter()!.drawerKicks()).toBe(kicksBefore + 1);
    expect(issued.printError).toBeNull();

    // The credit note: 381, ICV 2 after the sale's invoice, its PIH the invoice's hash, referencing the receipt.
    const docs = documents();
    expect(docs.map((d) => [d.icv, d.kind, d.number])).toEqual([
      [1, 'invoice', receipt.receiptNo],
      [2, 'credit_note', refund.returnNo],
    ]);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
    const xml = docs[1]!.xml.toString('utf8');
    expect(invoiceHash(xml)).toBe(docs[1]!.hash);
    expect(verifySignedInvoice(xml).findings).toEqual([]);
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(xml).toMatch(new RegExp(`<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>${receipt.receiptNo}</cbc:ID>`));
    expect(xml).toContain('<cbc:InstructionNote>بضاعة تالفة / Damaged goods</cbc:InstructionNote>');
    expect(xml).toMatch(/<cbc:TaxInclusiveAmount currencyID="SAR">41.50<\/cbc:TaxInclusiveAmount>/);
    expect(ublSchemaErrors([xml])).toEqual([]);
    expect(refund.einvoiceQr).toBe(docs[1]!.qr);

    // The refund receipt on paper carries the credit note's own QR.
    await until(() => printed().length === 2);
    const image = printed()[1]!.image;
    expect(printedQr(image)).toBe(docs[1]!.qr);

    // What is left to return, and the ledger replays the return.
    const after = await t.call('getReturnable', { receiptNo: receipt.receiptNo });
    expect(after.refundedHalalas).toBe(4150);
    expect(after.returns).toEqual([{ returnNo: refund.returnNo, issuedAt: refund.issuedAt, totalHalalas: 4150 }]);
    expect(after.lines.find((l) => l.line.lineId === milk.lineId)).toMatchObject({ returnedQuantity: 1, returnableQuantity: 1 });
    expect(after.lines.find((l) => l.line.lineId === dates.lineId)).toMatchObject({ returnedQuantity: 1, returnableQuantity: 0 });
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
    // The history marks the sale partly returned, by how much.
    const [listed] = await t.call('listReceipts', { limit: 1 });
    expect(listed).toMatchObject({ receiptNo: receipt.receiptNo, returnedHalalas: 4150 });

    // Reported like every simplified document.
    await until(() => query<{ state: string }>('SELECT state FROM einvoice_reports ORDER BY icv').every((r) => r.state === 'reported'));
  });

  it('never returns more than was sold, refuses a wrong PIN, and writes nothing when it refuses', async () => {
    const receipt = await sell([DEMO.milk.barcode, DEMO.bread.barcode]);
    const [milk, bread] = receipt.lines;
    const attempt = (lines: Array<{ lineId: string; quantity: number }>, managerPin = PIN) =>
      t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'customer_changed_mind', managerPin });

    expect(await attempt([{ lineId: milk!.lineId, quantity: 1 }], '9999')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await attempt([{ lineId: milk!.lineId, quantity: 2 }])).toMatchObject({ ok: false, error: { code: 'RETURN_QUANTITY_OVER' } });
    expect(await attempt([{ lineId: 'not-a-line', quantity: 1 }])).toMatchObject({ ok: false, error: { code: 'RETURN_LINE_UNKNOWN' } });
    expect(
      await attempt([
        { lineId: milk!.lineId, quantity: 1 },
        { lineId: milk!.lineId, quantity: 1 },
      ]),
    ).toMatchObject({ ok: false, error: { code: 'RETURN_LINE_UNKNOWN' } });
    expect(await t.attempt('getReturnable', { receiptNo: 'NOPE-000001' })).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNKNOWN' } });
    const refused = await attempt([{ lineId: milk!.lineId, quantity: 2 }]);
    if (!refused.ok) {
      expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(refused.error.message_en).toMatch(/left on the receipt/);
    }
    expect(query('SELECT * FROM returns')).toEqual([]);
    expect(documents()).toHaveLength(1);

    // All of it back in two returns; a third finds nothing left.
    await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: milk!.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN });
    const second = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: bread!.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN });
    expect(second.refund.returnNo).toMatch(/-R000002$/);
    expect(await attempt([{ lineId: milk!.lineId, quantity: 1 }])).toMatchObject({ ok: false, error: { code: 'RETURN_NOTHING_LEFT' } });
    const refunded = query<{ total: number }>('SELECT SUM(total_halalas) AS total FROM returns')[0]!.total;
    expect(refunded).toBe(receipt.totals.totalHalalas);

    // The tables are append-only, like the e-invoices.
    const db = new Database(ledgerFile(t.dir));
    try {
      expect(() => db.prepare('UPDATE returns SET total_halalas = 1').run()).toThrow(/never changed/);
      expect(() => db.prepare('DELETE FROM return_lines').run()).toThrow(/never removed/);
    } finally {
      db.close();
    }
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('a credit note that cannot be issued rolls the whole return back: no number, no refund, nothing half-written', async () => {
    const receipt = await sell([DEMO.coffee.barcode]);
    const db = new Database(ledgerFile(t.dir));
    // The unit's chain tip taken away under the till (as a damaged file would): the issuer cannot sign.
    db.exec(`CREATE TRIGGER refuse_documents BEFORE INSERT ON einvoice_documents BEGIN SELECT RAISE(ABORT, 'disk said no'); END;`);
    db.close();
    const answer = await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    expect(answer.ok).toBe(false);
    expect(query('SELECT * FROM returns')).toEqual([]);
    expect(query('SELECT * FROM return_counters')).toEqual([]);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM journal WHERE type = 'return.issued'`)[0]!.n).toBe(0);
  });

  it('a ledger whose stored refund was altered fails verification', async () => {
    const receipt = await sell([DEMO.water.barcode, DEMO.water.barcode]);
    await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'sold_by_mistake', managerPin: PIN });
    await t.till.close();
    // On a copy: the till's own file must stay whole (the test rig verifies it at the end).
    const copy = path.join(t.dir, 'tampered.db');
    fs.copyFileSync(ledgerFile(t.dir), copy);
    expect(checkLedgerFile(copy, LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
    const db = new Database(copy);
    db.exec('DROP TRIGGER return_lines_no_update');
    db.prepare('UPDATE return_lines SET quantity = 2').run();
    db.close();
    const result = checkLedgerFile(copy, LEDGER_PROJECTIONS);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('return_lines');
    fs.rmSync(copy);
    await t.restart();
  });
});
