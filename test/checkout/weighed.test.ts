// Weighed goods on a real till (real SQLite, the demo catalog's PLUs): scale labels, weights typed by the cashier,
// a return by grams, the e-invoice's KGM lines, the receipt's "kg × price", and the journal that replays it all.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { gtinCheckDigit, priceCheckDigit } from '../../main/catalog';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { paidPartHalalas } from '../../main/money';
import { layoutReceipt } from '../../main/printing/layout';
import type { CompletedSale, Sale } from '../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const ean = (body: string) => body + gtinCheckDigit(body);
/** Demo PLUs (resources/catalog/demo-catalog.csv): tomatoes 6.50/kg, bananas 7.95/kg, lamb 75.00/kg. */
const TOMATOES = '30001';
const BANANAS = '30002';
const LAMB = '20001';
const weightLabel = (plu: string, grams: number) => ean(`20${plu}${String(grams).padStart(5, '0')}`);
const priceLabel = (plu: string, halalas: number) => {
  const v = String(halalas).padStart(4, '0');
  return ean(`23${plu}${priceCheckDigit(v)}${v}`);
};

let t: TestTill;
let sale: Sale;
let completed: CompletedSale;
beforeAll(async () => {
  t = await startTestTill();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('weighed goods at the till', () => {
  it('rings a weight label, a price label and a typed weight, each priced by the one line rule', async () => {
    sale = await t.call('scanBarcode', { barcode: weightLabel(TOMATOES, 750) });
    sale = await t.call('scanBarcode', { barcode: priceLabel(LAMB, 4550) });
    // A PLU typed or scanned by itself: main asks for the weight, then takes it.
    expect(await t.attempt('scanBarcode', { barcode: BANANAS })).toMatchObject({ ok: false, error: { code: 'WEIGHT_REQUIRED' } });
    sale = await t.call('scanBarcode', { barcode: BANANAS, grams: 1234 });
    sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(sale.lines.map((l) => [l.nameEn, l.soldBy ?? 'each', l.quantity, l.unitPriceHalalas, l.lineTotalHalalas])).toEqual([
      ['Tomatoes', 'kg', 750, 650, 488], // 0.750 × 6.50 = 4.875 → 4.88
      ['Naimi Lamb', 'each', 1, 4550, 4550], // the label's price, to the halala
      ['Bananas', 'kg', 1234, 795, 981], // 1.234 × 7.95 = 9.8103 → 9.81
      ['Almarai Fresh Milk 1L', 'each', 1, 650, 650],
    ]);
    expect(sale.totals.totalHalalas).toBe(488 + 4550 + 981 + 650);
    expect(sale.totals.subtotalHalalas + sale.totals.vatHalalas).toBe(sale.totals.totalHalalas);
    // The same weight again is a second weighing, never merged into the first line.
    const again = await t.call('scanBarcode', { barcode: weightLabel(TOMATOES, 750) });
    expect(again.lines).toHaveLength(5);
    sale = await t.call('removeLine', { lineId: again.lines[4]!.lineId });
  });

  it('refuses what is not a good scale label, in both languages, and leaves the sale as it was', async () => {
    const cases: [string, string][] = [
      [weightLabel('99999', 500), 'SCALE_ITEM_UNKNOWN'],
      [ean(`23${LAMB}${(Number(priceCheckDigit('4550')) + 1) % 10}4550`), 'SCALE_PRICE_CHECK_DIGIT'],
      [weightLabel(TOMATOES, 750).slice(0, 12) + String((Number(weightLabel(TOMATOES, 750)[12]) + 1) % 10), 'BARCODE_CHECK_DIGIT'],
    ];
    for (const [barcode, code] of cases) {
      const r = await t.attempt('scanBarcode', { barcode });
      expect(r, barcode).toMatchObject({ ok: false, error: { code } });
      if (!r.ok) {
        expect(r.error.message_ar).toMatch(/[\u0600-\u06ff]/);
        expect(r.error.message_en.length).toBeGreaterThan(10);
      }
    }
    const milk = sale.lines[3]!;
    expect(await t.attempt('addProduct', { productId: milk.productId, grams: 500 })).toMatchObject({ ok: false, error: { code: 'WEIGHT_NOT_FOR_PIECES' } });
    expect(await t.attempt('scanBarcode', { barcode: BANANAS, grams: 100_001 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.attempt('scanBarcode', { barcode: BANANAS, grams: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('getSale', {})).toEqual(sale);
  });

  it('changes a weighed line by grams, within 1 g to 100 kg', async () => {
    const tomatoes = sale.lines[0]!;
    sale = await t.call('setQuantity', { lineId: tomatoes.lineId, quantity: 500 });
    expect(sale.lines[0]).toMatchObject({ quantity: 500, lineTotalHalalas: 325, soldBy: 'kg' });
    expect(await t.attempt('setQuantity', { lineId: tomatoes.lineId, quantity: 100_001 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('pays, and the receipt, its e-invoice and the printed layout say weight × price per kg', async () => {
    completed = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    const lines = completed.receipt.lines;
    expect(lines[0]).toMatchObject({ soldBy: 'kg', quantity: 500, unitPriceHalalas: 650, lineTotalHalalas: 325 });
    expect(lines[1]!.soldBy).toBeUndefined();

    const db = new Database(ledgerFile(t.dir), { readonly: true });
    const doc = db.prepare<[string], { xml: Buffer }>('SELECT xml FROM einvoice_documents WHERE number = ?').get(completed.receipt.receiptNo)!;
    db.close();
    const xml = doc.xml.toString('utf8');
    const quantities = [...xml.matchAll(/<cbc:InvoicedQuantity unitCode="([A-Z]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(quantities).toEqual([['KGM', '0.500000'], ['PCE', '1.000000'], ['KGM', '1.234000'], ['PCE', '1.000000']]);
    const dump = process.env.NUQTA_EINVOICE_DUMP;
    if (dump) {
      fs.mkdirSync(path.join(dump, 'weighed'), { recursive: true });
      fs.writeFileSync(path.join(dump, 'weighed', `sale-${completed.receipt.receiptNo}.xml`), xml);
    }

    const blocks = layoutReceipt({ receipt: completed.receipt, address: { ar: [], en: [] }, cashierName: 'أحمد', copy: 'original' });
    const cells = JSON.stringify(blocks);
    expect(cells).toContain('0.500 كغ × 6.50');
    expect(cells).toContain('0.500 kg × 6.50');
    expect(cells).toContain('1.234 kg × 7.95');
    expect(cells).toContain('1 × 45.50');
  });

  it('returns part of a weighed line by grams, at its share of what was paid for the line', async () => {
    const bananas = completed.receipt.lines[2]!;
    const issued = await t.call('returnSale', { receiptNo: completed.receipt.receiptNo, lines: [{ lineId: bananas.lineId, quantity: 234 }], reason: 'damaged', managerPin: '1234' });
    const back = issued.refund.lines[0]!;
    expect(back).toMatchObject({ soldBy: 'kg', quantity: 234, lineTotalHalalas: paidPartHalalas(981, 234, 0, 1234) });
    expect(back.lineTotalHalalas).toBe(186); // 9.81 paid for 1.234 kg: 0.234 of it is 1.8602, rounded down
    expect(issued.refund.totals.totalHalalas).toBe(186);
    // Its credit note says the grams in kilograms too.
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    const note = db.prepare<[], { xml: Buffer }>('SELECT xml FROM einvoice_documents ORDER BY icv DESC LIMIT 1').get()!.xml.toString('utf8');
    db.close();
    expect(note).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(note).toContain('<cbc:InvoicedQuantity unitCode="KGM">0.234000</cbc:InvoicedQuantity>');
    const dump = process.env.NUQTA_EINVOICE_DUMP;
    if (dump) {
      fs.mkdirSync(path.join(dump, 'weighed'), { recursive: true });
      fs.writeFileSync(path.join(dump, 'weighed', `credit-${issued.refund.returnNo}.xml`), note);
    }
    const left = await t.call('getReturnable', { receiptNo: completed.receipt.receiptNo });
    expect(left.lines.find((l) => l.line.lineId === bananas.lineId)!.returnableQuantity).toBe(1000);
    expect(await t.attempt('returnSale', { receiptNo: completed.receipt.receiptNo, lines: [{ lineId: bananas.lineId, quantity: 1001 }], reason: 'damaged', managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'RETURN_QUANTITY_OVER' } });
  });

  it('leaves a journal that replays the weighed lines, and a tampered sold_by is found', async () => {
    await t.till.close();
    const verify = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      } finally {
        db.close();
      }
    };
    expect(verify(ledgerFile(t.dir))).toMatchObject({ ok: true });
    const copy = tempDir('nuqta-weighed-tamper-', { verifyLedger: false });
    try {
      fs.copyFileSync(ledgerFile(t.dir), ledgerFile(copy.dir));
      const db = new Database(ledgerFile(copy.dir));
      // Turn a weighed line into pieces: 500 "pieces" of tomatoes at 6.50.
      db.prepare("UPDATE sale_lines SET sold_by = 'each' WHERE sold_by = 'kg' AND quantity = 500").run();
      db.close();
      const report = verify(ledgerFile(copy.dir));
      expect(report.ok).toBe(false);
      expect(JSON.stringify(report)).toMatch(/sale_lines.*sold_by/);
    } finally {
      copy.cleanup();
    }
    await t.restart();
  });
});
