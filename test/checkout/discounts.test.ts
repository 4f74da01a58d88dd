// Discounts and price overrides on a real till (real SQLite, the demo catalog, its e-invoicing): the cashier's
// limit and the manager past it, VAT on what is left, the e-invoice's allowance per VAT category, returns that
// give back what was paid, and a journal that replays all of it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { layoutReceipt } from '../../main/printing/layout';
import type { CompletedSale, Sale } from '../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PANADOL = { barcode: '6281014000017', price: 760 }; // zero-rated (Z)
const MANAGER_PIN = '1234';
const CASHIER_PIN = '1111';

let t: TestTill;
let sale: Sale;
let completed: CompletedSale;
beforeAll(async () => {
  t = await startTestTill();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const lineOf = (s: Sale, barcode: string) => s.lines.find((l) => l.barcode === barcode)!;
const xmlOf = (number: string): string => {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[string], { xml: Buffer }>('SELECT xml FROM einvoice_documents WHERE number = ?').get(number)!.xml.toString('utf8');
  } finally {
    db.close();
  }
};
const amounts = (xml: string, element: string): number[] =>
  [...xml.matchAll(new RegExp(`<cbc:${element} currencyID="SAR">([^<]+)<`, 'g'))].map((m) => Math.round(Number(m[1]) * 100));
const dump = (name: string, xml: string) => {
  const dir = process.env.NUQTA_EINVOICE_DUMP;
  if (!dir) return;
  fs.mkdirSync(path.join(dir, 'discounts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'discounts', `${name}.xml`), xml);
};

describe('discounts and price overrides at the till', () => {
  it("takes a line discount within the cashier's limit and asks for an approver past it", async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const milk = lineOf(sale, DEMO.milk.barcode);
    // The demo cashier (signed in) may take 5 % off a line alone (main/people/limits.ts).
    sale = await t.call('setLineDiscount', { lineId: milk.lineId, discount: { rule: { kind: 'percent', percent: 5 }, reason: 'promotion' } });
    expect(lineOf(sale, DEMO.milk.barcode)).toMatchObject({ lineTotalHalalas: 1235, discount: { halalas: 65, reason: 'promotion' } });
    expect(lineOf(sale, DEMO.milk.barcode).discount!.approval).toBeUndefined();

    const deeper = { lineId: milk.lineId, discount: { rule: { kind: 'percent' as const, percent: 25 }, reason: 'damaged_item' as const } };
    const refused = await t.attempt('setLineDiscount', deeper);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISCOUNT_NEEDS_APPROVAL' } });
    if (!refused.ok) expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(await t.attempt('setLineDiscount', { ...deeper, managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    // A cashier's PIN approves nothing.
    expect(await t.attempt('setLineDiscount', { ...deeper, managerPin: CASHIER_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await t.call('getSale', {})).toEqual(sale);
    sale = await t.call('setLineDiscount', { ...deeper, managerPin: MANAGER_PIN });
    // 25 % of 13.00 = 3.25, approved by the manager, by name.
    expect(lineOf(sale, DEMO.milk.barcode)).toMatchObject({ lineTotalHalalas: 975, discount: { halalas: 325, approval: { by: 'Khalid (demo)', userId: 'demo-manager' } } });
  });

  it('refuses a discount larger than what it comes off, now or after the line shrinks', async () => {
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    sale = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    const bread = lineOf(sale, DEMO.bread.barcode);
    expect(await t.attempt('setLineDiscount', { lineId: bread.lineId, discount: { rule: { kind: 'amount', halalas: 1001 }, reason: 'promotion' }, managerPin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'DISCOUNT_OVER_AMOUNT' },
    });
    sale = await t.call('setLineDiscount', { lineId: bread.lineId, discount: { rule: { kind: 'amount', halalas: 600 }, reason: 'promotion' }, managerPin: MANAGER_PIN });
    expect(lineOf(sale, DEMO.bread.barcode).lineTotalHalalas).toBe(400);
    // One bread left would be 5.00 with 6.00 off: refused, the sale stays as it was.
    expect(await t.attempt('setQuantity', { lineId: bread.lineId, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_OVER_AMOUNT' } });
    expect(await t.call('getSale', {})).toEqual(sale);
    sale = await t.call('setLineDiscount', { lineId: bread.lineId, discount: null });
    expect(lineOf(sale, DEMO.bread.barcode).discount).toBeUndefined();
    expect(lineOf(sale, DEMO.bread.barcode).lineTotalHalalas).toBe(1000);
  });

  it('overrides a price with an approver (a cashier sets no prices alone), and the catalog price clears it', async () => {
    const bread = lineOf(sale, DEMO.bread.barcode);
    expect(await t.attempt('overridePrice', { lineId: bread.lineId, unitPriceHalalas: 450, reason: 'price_match' })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_NEEDS_APPROVAL' } });
    sale = await t.call('overridePrice', { lineId: bread.lineId, unitPriceHalalas: 450, reason: 'price_match', managerPin: MANAGER_PIN });
    expect(lineOf(sale, DEMO.bread.barcode)).toMatchObject({ unitPriceHalalas: 450, lineTotalHalalas: 900, priceOverride: { listPriceHalalas: 500, reason: 'price_match' } });
    expect(await t.attempt('overridePrice', { lineId: bread.lineId, unitPriceHalalas: 300, reason: 'damaged_item' })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_NEEDS_APPROVAL' } });
    // Back to the catalog's price needs nobody.
    sale = await t.call('overridePrice', { lineId: bread.lineId, unitPriceHalalas: 500, reason: 'price_match' });
    expect(lineOf(sale, DEMO.bread.barcode).priceOverride).toBeUndefined();
    sale = await t.call('overridePrice', { lineId: bread.lineId, unitPriceHalalas: 300, reason: 'damaged_item', managerPin: MANAGER_PIN });
    expect(lineOf(sale, DEMO.bread.barcode)).toMatchObject({ unitPriceHalalas: 300, lineTotalHalalas: 600, priceOverride: { listPriceHalalas: 500, approval: { by: 'Khalid (demo)' } } });
  });

  it('spreads a sale discount over the lines and computes VAT per category on what is left', async () => {
    sale = await t.call('scanBarcode', { barcode: PANADOL.barcode });
    // Lines: milk 9.75 (S), bread 6.00 (S), Panadol 7.60 (Z) = 23.35.
    expect(await t.attempt('setSaleDiscount', { discount: { rule: { kind: 'amount', halalas: 500 }, reason: 'loyal_customer' } })).toMatchObject({
      ok: false,
      error: { code: 'DISCOUNT_NEEDS_APPROVAL' },
    });
    // A cashier gives no sale discount alone; the manager may give up to half.
    sale = await t.call('setSaleDiscount', { discount: { rule: { kind: 'percent', percent: 10 }, reason: 'loyal_customer' }, managerPin: MANAGER_PIN });
    expect(sale.discount).toMatchObject({ halalas: 234, reason: 'loyal_customer' }); // 10 % of 23.35 = 2.335 → 2.34
    const shares = sale.lines.map((l) => l.saleDiscountShareHalalas);
    expect(shares.reduce((a, b) => a! + b!, 0)).toBe(234);
    expect(shares).toEqual([98, 60, 76]); // 975, 600, 760 of 2335, largest remainder first
    const s = sale.totals.breakdown.find((b) => b.category === 'S')!;
    const z = sale.totals.breakdown.find((b) => b.category === 'Z')!;
    // S: 15.75 − 1.58 = 14.17 with VAT inside: 14.17 × 15/115 = 1.848 → 1.85.
    expect(s).toMatchObject({ allowanceHalalas: 158, vatHalalas: 185, taxableHalalas: 1232 });
    expect(z).toMatchObject({ allowanceHalalas: 76, vatHalalas: 0, taxableHalalas: 684 });
    expect(sale.totals.totalHalalas).toBe(2335 - 234);
    expect(sale.dueHalalas).toBe(2101);
  });

  it('pays; the receipt, its print and its e-invoice carry the discounts, with an allowance per VAT category', async () => {
    completed = await t.call('tenderCash', { tenderedHalalas: 2200 });
    const r = completed.receipt;
    expect(r.discount).toMatchObject({ halalas: 234, reason: 'loyal_customer' });
    expect(r.totals.totalHalalas).toBe(2101);
    const xml = xmlOf(r.receiptNo);
    dump(`sale-${r.receiptNo}`, xml);
    expect(xml.match(/<cac:AllowanceCharge>/g)).toHaveLength(2);
    const [lineExtension, taxExclusive, taxInclusive, allowanceTotal, , payable] = amounts(xml, 'LineExtensionAmount').slice(0, 1).concat(
      amounts(xml, 'TaxExclusiveAmount'),
      amounts(xml, 'TaxInclusiveAmount'),
      amounts(xml, 'AllowanceTotalAmount'),
      amounts(xml, 'PrepaidAmount'),
      amounts(xml, 'PayableAmount'),
    );
    const allowances = amounts(xml, 'Amount');
    expect(allowances.reduce((a, b) => a + b, 0)).toBe(allowanceTotal);
    expect(lineExtension! - allowanceTotal!).toBe(taxExclusive);
    expect(taxExclusive).toBe(r.totals.subtotalHalalas);
    expect(taxInclusive).toBe(2101);
    expect(payable).toBe(2101);
    // The zero-rated allowance carries no VAT: its net is what was taken off.
    expect(xml).toMatch(/<cbc:Amount currencyID="SAR">0\.76<\/cbc:Amount>\s*<cac:TaxCategory>\s*<cbc:ID schemeAgencyID="6" schemeID="UN\/ECE 5305">Z</);

    const cells = JSON.stringify(layoutReceipt({ receipt: r, address: { ar: [], en: [] }, cashierName: 'أحمد', copy: 'original' }));
    expect(cells).toContain('-3.25');
    expect(cells).toContain('-2.34');
    expect(cells).toContain('5.00');
  });

  it('returns give back what was paid for the line, to the halala over several returns', async () => {
    const milk = lineOf(completed.receipt as unknown as Sale, DEMO.milk.barcode);
    // Milk: 2 for 9.75 less its 0.98 part of the sale discount = 8.77 paid.
    const first = await t.call('returnSale', { receiptNo: completed.receipt.receiptNo, lines: [{ lineId: milk.lineId, quantity: 1 }], reason: 'damaged', managerPin: MANAGER_PIN });
    expect(first.refund.lines[0]).toMatchObject({ quantity: 1, lineTotalHalalas: 438 });
    expect(first.refund.lines[0]!.discount).toBeUndefined();
    const second = await t.call('returnSale', { receiptNo: completed.receipt.receiptNo, lines: [{ lineId: milk.lineId, quantity: 1 }], reason: 'damaged', managerPin: MANAGER_PIN });
    expect(second.refund.lines[0]!.lineTotalHalalas).toBe(877 - 438);
    const note = xmlOf(second.refund.returnNo);
    dump(`credit-${second.refund.returnNo}`, note);
    expect(note).not.toContain('<cac:AllowanceCharge>');
  });

  it('leaves a journal that replays the discounts, and a tampered discount is found', async () => {
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
    for (const [tamper, found] of [
      [`UPDATE sale_lines SET discount = replace(discount, '"percent":25', '"percent":50') WHERE discount IS NOT NULL`, /sale_lines.*discount/],
      [`UPDATE sales SET discount = replace(discount, '"percent":10', '"percent":90') WHERE discount IS NOT NULL`, /sales.*discount/],
      [`UPDATE sale_lines SET price_override = NULL WHERE price_override IS NOT NULL`, /sale_lines.*price_override/],
    ] as const) {
      const copy = tempDir('nuqta-discount-tamper-', { verifyLedger: false });
      try {
        fs.copyFileSync(ledgerFile(t.dir), ledgerFile(copy.dir));
        const db = new Database(ledgerFile(copy.dir));
        expect(db.prepare(tamper).run().changes, tamper).toBeGreaterThan(0);
        db.close();
        const report = verify(ledgerFile(copy.dir));
        expect(report.ok, tamper).toBe(false);
        expect(JSON.stringify(report), tamper).toMatch(found);
      } finally {
        copy.cleanup();
      }
    }
    await t.restart();
  });
});
