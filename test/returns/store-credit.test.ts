// A return to store credit on a real demo till (real SQLite file, the ZATCA platform simulator, the virtual
// printer): the customer takes a voucher instead of cash or a card refund — with the same approval and reason
// rules — issued in the return's transaction (credit.issued after return.issued), the credit note as always with
// payment means 1 (instrument not defined), no drawer and no card refund, and the refund receipt printing the
// voucher: its number, amount, and a barcode the pay panel reads.
import jsQR from 'jsqr';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { readVoucherNumber } from '../../main/credit';
import type { MonoBitmap } from '../../main/printing/render';
import { createTillSimulators } from '../../main/sim';
import { printedCode128 } from '../support/printed-code128';
import { rgba } from '../support/printed-qr';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from './rig';

/** Every QR on a printed image: each one found is blanked out and the image read again. */
function qrsOn(image: MonoBitmap): string[] {
  const pixels = rgba(image);
  const found: string[] = [];
  for (let i = 0; i < 4; i++) {
    const code = jsQR(pixels, image.width, image.height);
    if (!code) break;
    found.push(code.data);
    const xs = [code.location.topLeftCorner.x, code.location.bottomRightCorner.x, code.location.topRightCorner.x, code.location.bottomLeftCorner.x];
    const ys = [code.location.topLeftCorner.y, code.location.bottomRightCorner.y, code.location.topRightCorner.y, code.location.bottomLeftCorner.y];
    for (let y = Math.max(0, Math.floor(Math.min(...ys)) - 20); y < Math.min(image.height, Math.ceil(Math.max(...ys)) + 20); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...xs)) - 20); x < Math.min(image.width, Math.ceil(Math.max(...xs)) + 20); x++) pixels.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
    }
  }
  return found;
}

describe('a cash receipt returned to store credit', () => {
  let t: TestTill;
  let sims: ReturnType<typeof createTillSimulators>;
  beforeEach(async () => {
    sims = createTillSimulators();
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    try {
      return db.prepare<unknown[], T>(sql).all(...params);
    } finally {
      db.close();
    }
  };
  const printed = () => sims.currentPrinter()?.receipts ?? [];

  it('issues a voucher for the refund in the return’s transaction, opens no drawer, and prints the voucher', async () => {
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.milk.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
    await until(() => printed().length === 1);
    const kicks = sims.currentPrinter()!.drawerKicks();
    const coffee = receipt.lines.find((l) => l.barcode === DEMO.coffee.barcode)!;

    // The same rules as any return: past the cashier's limit (0), an approver's PIN; a reason from the list.
    expect(await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: coffee.lineId, quantity: 1 }], reason: 'damaged', refundTo: 'credit' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_NEEDS_APPROVAL' },
    });
    expect(query('SELECT * FROM store_credit')).toEqual([]);

    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: coffee.lineId, quantity: 1 }], reason: 'damaged', refundTo: 'credit', managerPin: PIN });
    const [credit] = issued.refund.refunds;
    expect(issued.refund.refunds).toHaveLength(1);
    expect(credit).toMatchObject({ kind: 'credit', amountHalalas: DEMO.coffee.price, balanceHalalas: DEMO.coffee.price });
    if (credit?.kind !== 'credit') throw new Error('not a credit refund');
    expect(readVoucherNumber(credit.voucherNo)).toBe(credit.voucherNo);
    expect(issued.drawer).toBe('not_needed');
    expect(sims.currentPrinter()!.drawerKicks()).toBe(kicks);

    // One transaction: the return's entry, then the voucher's, naming it; the row as the journal says.
    const types = query<{ type: string }>(`SELECT type FROM journal WHERE type IN ('manager.authorised', 'return.issued', 'credit.issued') ORDER BY seq`).map((r) => r.type);
    expect(types.slice(-3)).toEqual(['manager.authorised', 'return.issued', 'credit.issued']);
    expect(query('SELECT voucher_no, issued_halalas, balance_halalas, return_no, state FROM store_credit')).toEqual([
      { voucher_no: credit.voucherNo, issued_halalas: DEMO.coffee.price, balance_halalas: DEMO.coffee.price, return_no: issued.refund.returnNo, state: 'active' },
    ]);

    // The credit note as for any return, its payment means 1: the shop's own voucher has no UNTDID 4461 code.
    const [note] = query<{ xml: Buffer }>(`SELECT xml FROM einvoice_documents WHERE kind = 'credit_note'`);
    const xml = note!.xml.toString('utf8');
    expect(xml).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    expect(xml).toMatch(/<cbc:TaxInclusiveAmount currencyID="SAR">27.75<\/cbc:TaxInclusiveAmount>/);

    // The refund receipt carries the voucher as a Code128 a 1D scanner reads, beside the credit note's QR.
    await until(() => printed().length === 2);
    const image = printed()[1]!.image;
    expect(printedCode128(image).map((b) => b.text)).toEqual([credit.voucherNo]);
    expect(qrsOn(image)).toEqual([issued.refund.einvoiceQr]);
  });

  it('is redeemed at pay: at most its balance and what is due, a balance left, cash for the rest; refused once used up', async () => {
    let due = 0;
    for (const barcode of [DEMO.dates.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'expired', refundTo: 'credit', managerPin: PIN });
    const voucherNo = (issued.refund.refunds[0] as { voucherNo: string }).voucherNo;
    expect(DEMO.dates.price).toBe(3500);

    // A coffee (27.75) on the 35.00 voucher: all of it paid by the voucher, 7.25 left on it.
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const first = await t.call('tenderCash', { tenderedHalalas: 0, voucherNo: ` ${voucherNo.toLowerCase()} ` });
    expect(first.receipt.tenders).toEqual([{ kind: 'credit', voucherNo, amountHalalas: 2775, balanceHalalas: 725 }]);
    expect(first.changeHalalas).toBe(0);

    // Dates (35.00): the 7.25 left, and 27.75 in cash (30.00 tendered, 2.25 change).
    await t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 2000, voucherNo })).toMatchObject({ ok: false, error: { code: 'UNDER_TENDER' } });
    const second = await t.call('tenderCash', { tenderedHalalas: 3000, voucherNo });
    expect(second.receipt.tenders).toEqual([
      { kind: 'credit', voucherNo, amountHalalas: 725, balanceHalalas: 0 },
      { kind: 'cash', amountHalalas: 2775, tenderedHalalas: 3000, changeHalalas: 225 },
    ]);
    expect(query('SELECT balance_halalas, state FROM store_credit')).toEqual([{ balance_halalas: 0, state: 'used' }]);

    // Used up, unknown, a typo: each refused in both languages, and the sale stays open.
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const used = await t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo });
    expect(used).toMatchObject({ ok: false, error: { code: 'CREDIT_USED_UP', message_en: expect.stringMatching(/used up/), message_ar: expect.stringMatching(/[\u0600-\u06ff]/) } });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo: 'SC0000000000000' })).toMatchObject({ ok: false, error: { code: 'CREDIT_UNKNOWN' } });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo: voucherNo.slice(0, -1) + String((Number(voucherNo.at(-1)) + 1) % 10) })).toMatchObject({
      ok: false,
      error: { code: 'CREDIT_UNKNOWN' },
    });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);

    // The sale's e-invoice lists the voucher as payment means 1 beside cash; the X counts credit issued and redeemed.
    const [invoice] = query<{ xml: Buffer }>(`SELECT xml FROM einvoice_documents WHERE number = ?`, second.receipt.receiptNo);
    const xml = invoice!.xml.toString('utf8');
    expect(xml).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    expect(xml).toContain('<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>');
    const x = await t.call('getXReport', { managerPin: PIN });
    expect(x.tenders.find((r) => r.kind === 'credit')).toMatchObject({ count: 2, amountHalalas: 3500 });
    expect(x.refunds.find((r) => r.kind === 'credit')).toMatchObject({ count: 1, amountHalalas: 3500 });
  });
});

describe('a card receipt returned to store credit', () => {
  const rig = useCardRig();
  it('goes to no card: no refund intent, no request, the voucher for the whole return', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode]);
    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'customer_changed_mind', refundTo: 'credit', managerPin: PIN });
    expect(issued.refund.refunds).toMatchObject([{ kind: 'credit', amountHalalas: DEMO.dates.price }]);
    expect(issued.drawer).toBe('not_needed');
    expect(rig.query(`SELECT * FROM payment_intents WHERE kind = 'refund'`)).toEqual([]);
    expect(rig.query('SELECT * FROM return_requests')).toEqual([]);
    // Nothing left to return: a second return of the line is refused as for any other.
    expect(await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', refundTo: 'credit', managerPin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_NOTHING_LEFT' },
    });
  });
});
