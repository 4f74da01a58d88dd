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
  // The demo till with its virtual printer (the rig's terminal goes unused); its folder is checked with the whole
  // `ledger verify` when it is removed (test/support/tmp.ts).
  const rig = useCardRig();
  const query = rig.query;
  const printed = () => rig.sims.currentPrinter()?.receipts ?? [];

  it('issues a voucher for the refund in the return’s transaction, opens no drawer, and prints the voucher', async () => {
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.milk.barcode]) due = (await rig.t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: due });
    await until(() => printed().length === 1);
    const kicks = rig.sims.currentPrinter()!.drawerKicks();
    const coffee = receipt.lines.find((l) => l.barcode === DEMO.coffee.barcode)!;

    // The same rules as any return: past the cashier's limit (0), an approver's PIN; a reason from the list.
    expect(await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: coffee.lineId, quantity: 1 }], reason: 'damaged', refundTo: 'credit' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_NEEDS_APPROVAL' },
    });
    expect(query('SELECT * FROM store_credit')).toEqual([]);

    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: coffee.lineId, quantity: 1 }], reason: 'damaged', refundTo: 'credit', managerPin: PIN });
    const [credit] = issued.refund.refunds;
    expect(issued.refund.refunds).toHaveLength(1);
    expect(credit).toMatchObject({ kind: 'credit', amountHalalas: DEMO.coffee.price, balanceHalalas: DEMO.coffee.price });
    if (credit?.kind !== 'credit') throw new Error('not a credit refund');
    expect(readVoucherNumber(credit.voucherNo)).toBe(credit.voucherNo);
    expect(issued.drawer).toBe('not_needed');
    expect(rig.sims.currentPrinter()!.drawerKicks()).toBe(kicks);

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
    for (const barcode of [DEMO.dates.barcode]) due = (await rig.t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: due });
    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'expired', refundTo: 'credit', managerPin: PIN });
    const voucherNo = (issued.refund.refunds[0] as { voucherNo: string }).voucherNo;
    expect(DEMO.dates.price).toBe(3500);

    // A coffee (27.75) on the 35.00 voucher: all of it paid by the voucher, 7.25 left on it.
    await rig.t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const first = await rig.t.call('tenderCash', { tenderedHalalas: 0, voucherNo: ` ${voucherNo.toLowerCase()} ` });
    expect(first.receipt.tenders).toEqual([{ kind: 'credit', voucherNo, amountHalalas: 2775, balanceHalalas: 725 }]);
    expect(first.changeHalalas).toBe(0);

    // Dates (35.00): the 7.25 left, and 27.75 in cash (30.00 tendered, 2.25 change).
    await rig.t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    expect(await rig.t.attempt('tenderCash', { tenderedHalalas: 2000, voucherNo })).toMatchObject({ ok: false, error: { code: 'UNDER_TENDER' } });
    const second = await rig.t.call('tenderCash', { tenderedHalalas: 3000, voucherNo });
    expect(second.receipt.tenders).toEqual([
      { kind: 'credit', voucherNo, amountHalalas: 725, balanceHalalas: 0 },
      { kind: 'cash', amountHalalas: 2775, tenderedHalalas: 3000, changeHalalas: 225 },
    ]);
    expect(query('SELECT balance_halalas, state FROM store_credit')).toEqual([{ balance_halalas: 0, state: 'used' }]);

    // Used up, unknown, a typo: each refused in both languages, and the sale stays open.
    await rig.t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const used = await rig.t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo });
    expect(used).toMatchObject({ ok: false, error: { code: 'CREDIT_USED_UP', message_en: expect.stringMatching(/used up/), message_ar: expect.stringMatching(/[\u0600-\u06ff]/) } });
    expect(await rig.t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo: 'SC0000000000000' })).toMatchObject({ ok: false, error: { code: 'CREDIT_UNKNOWN' } });
    expect(await rig.t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo: voucherNo.slice(0, -1) + String((Number(voucherNo.at(-1)) + 1) % 10) })).toMatchObject({
      ok: false,
      error: { code: 'CREDIT_UNKNOWN' },
    });
    expect((await rig.t.call('getSale', {})).lines).toHaveLength(1);

    // The sale's e-invoice lists the voucher as payment means 1 beside cash; the X counts credit issued and redeemed.
    const [invoice] = query<{ xml: Buffer }>(`SELECT xml FROM einvoice_documents WHERE number = ?`, second.receipt.receiptNo);
    const xml = invoice!.xml.toString('utf8');
    expect(xml).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    expect(xml).toContain('<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>');
    const x = await rig.t.call('getXReport', { managerPin: PIN });
    expect(x.tenders.find((r) => r.kind === 'credit')).toMatchObject({ count: 2, amountHalalas: 3500 });
    expect(x.refunds.find((r) => r.kind === 'credit')).toMatchObject({ count: 1, amountHalalas: 3500 });
  });
});

describe('a receipt paid with store credit, returned the way it was paid', () => {
  // The demo till with its virtual printer (the rig's terminal goes unused); its folder is checked with the whole
  // `ledger verify` when it is removed (test/support/tmp.ts).
  const rig = useCardRig();
  const query = rig.query;
  /** A 35.00 voucher: dates sold for cash and returned to store credit. */
  const voucher = async (): Promise<string> => {
    const due = (await rig.t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: due });
    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'expired', refundTo: 'credit', managerPin: PIN });
    return (issued.refund.refunds[0] as { voucherNo: string }).voucherNo;
  };
  const credits = (refunds: readonly { kind: string }[]) => refunds.filter((r): r is { kind: 'credit'; voucherNo: string; amountHalalas: number; balanceHalalas: number } => r.kind === 'credit');

  it('gives a sale paid wholly by a voucher back as a new voucher of that amount: no cash, no drawer', async () => {
    const old = await voucher();
    await rig.t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: 0, voucherNo: old });
    expect(receipt.tenders).toEqual([{ kind: 'credit', voucherNo: old, amountHalalas: 2775, balanceHalalas: 725 }]);
    const kicks = rig.sims.currentPrinter()!.drawerKicks();

    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    // Before, this came back as 27.75 in cash from the drawer.
    expect(issued.refund.refunds).toHaveLength(1);
    const [back] = credits(issued.refund.refunds);
    expect(back).toMatchObject({ kind: 'credit', amountHalalas: 2775, balanceHalalas: 2775 });
    expect(back!.voucherNo).not.toBe(old);
    expect(issued.drawer).toBe('not_needed');
    expect(rig.sims.currentPrinter()!.drawerKicks()).toBe(kicks);

    // A new voucher naming the return, issued in its transaction; the old one is not topped up.
    const issuedEntries = query<{ payload: string }>(`SELECT payload FROM journal WHERE type = 'credit.issued' ORDER BY seq`).map((r) => JSON.parse(r.payload) as unknown);
    expect(issuedEntries.at(-1)).toMatchObject({ voucherNo: back!.voucherNo, amountHalalas: 2775, returnNo: issued.refund.returnNo });
    const [last] = query<{ type: string }>(`SELECT type FROM journal WHERE type IN ('return.issued', 'credit.issued') ORDER BY seq DESC LIMIT 2`).reverse();
    expect(last!.type).toBe('return.issued');
    expect(query('SELECT voucher_no, balance_halalas, state FROM store_credit ORDER BY issued_seq')).toEqual([
      { voucher_no: old, balance_halalas: 725, state: 'active' },
      { voucher_no: back!.voucherNo, balance_halalas: 2775, state: 'active' },
    ]);

    // The credit note's payment means: 1 (the voucher), no cash (10).
    const [note] = query<{ xml: Buffer }>(`SELECT xml FROM einvoice_documents WHERE kind = 'credit_note' ORDER BY rowid DESC LIMIT 1`);
    const xml = note!.xml.toString('utf8');
    expect(xml).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    expect(xml).not.toContain('<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>');

    // The X counts both returns to credit as credit refunds, none in cash.
    const x = await rig.t.call('getXReport', { managerPin: PIN });
    expect(x.refunds.find((r) => r.kind === 'credit')).toMatchObject({ count: 2, amountHalalas: 3500 + 2775 });
    expect(x.refunds.find((r) => r.kind === 'cash')?.amountHalalas ?? 0).toBe(0);
  });

  it('gives a split voucher and cash sale back credit first, up to what vouchers paid less earlier credit back, the rest in cash', async () => {
    const old = await voucher();
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.dates.barcode, DEMO.milk.barcode]) due = (await rig.t.call('scanBarcode', { barcode })).dueHalalas;
    expect(due).toBe(2775 + 3500 + 650);
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: due - 3500, voucherNo: old });
    expect(receipt.tenders.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['credit', 3500],
      ['cash', due - 3500],
    ]);
    const line = (barcode: string) => [{ lineId: receipt.lines.find((l) => l.barcode === barcode)!.lineId, quantity: 1 }];

    // The coffee (27.75): all of it on a new voucher (35.00 paid by voucher, none given back yet).
    const first = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: line(DEMO.coffee.barcode), reason: 'damaged', managerPin: PIN });
    expect(first.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([['credit', 2775]]);
    expect(first.drawer).toBe('not_needed');

    // The dates (35.00): the 7.25 of voucher money not yet given back on a voucher, 27.75 from the drawer.
    const second = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: line(DEMO.dates.barcode), reason: 'damaged', managerPin: PIN });
    expect(second.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['cash', 2775],
      ['credit', 725],
    ]);
    expect(second.drawer).toBe('opened');
    // Its refund receipt (printed before the answer) carries the new voucher's code as a return to credit does.
    expect(second.printError).toBeNull();
    expect(printedCode128(rig.sims.currentPrinter()!.receipts.at(-1)!.image).map((b) => b.text)).toEqual([credits(second.refund.refunds)[0]!.voucherNo]);
    const [note] = query<{ xml: Buffer }>(`SELECT xml FROM einvoice_documents WHERE kind = 'credit_note' ORDER BY rowid DESC LIMIT 1`);
    expect(note!.xml.toString('utf8')).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    expect(note!.xml.toString('utf8')).toContain('<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>');

    // The milk: no voucher money left to give back, all cash.
    const third = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: line(DEMO.milk.barcode), reason: 'damaged', managerPin: PIN });
    expect(third.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([['cash', 650]]);

    // Three vouchers issued by returns (the first one's, then 27.75 and 7.25), each naming its return.
    const rows = query<{ issued_halalas: number; return_no: string }>('SELECT issued_halalas, return_no FROM store_credit ORDER BY issued_seq');
    expect(rows.slice(1)).toEqual([
      { issued_halalas: 2775, return_no: first.refund.returnNo },
      { issued_halalas: 725, return_no: second.refund.returnNo },
    ]);
    const x = await rig.t.call('getXReport', { managerPin: PIN });
    expect(x.refunds.find((r) => r.kind === 'credit')).toMatchObject({ count: 3, amountHalalas: 3500 + 2775 + 725 });
    expect(x.refunds.find((r) => r.kind === 'cash')).toMatchObject({ amountHalalas: 2775 + 650 });
  });
});

describe('a voucher looked up and voided from the screen', () => {
  let t: TestTill;
  beforeEach(async () => {
    t = await startTestTill(undefined, { simulators: createTillSimulators(), providerCheckMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows its balance and state by number; a manager voids it with a reason, journaled; it pays no more', async () => {
    const due = (await t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'expired', refundTo: 'credit', managerPin: PIN });
    const voucherNo = (issued.refund.refunds[0] as { voucherNo: string }).voucherNo;

    expect(await t.call('getStoreCredit', { voucherNo: voucherNo.toLowerCase() })).toMatchObject({ voucherNo, balanceHalalas: 3500, state: 'active', returnNo: issued.refund.returnNo });
    expect(await t.attempt('getStoreCredit', { voucherNo: 'SC0000000000001' })).toMatchObject({ ok: false, error: { code: 'CREDIT_UNKNOWN' } });

    // A wrong PIN, or 'other' with no words: nothing voided.
    expect(await t.attempt('voidStoreCredit', { voucherNo, reason: 'lost', managerPin: '000000' })).toMatchObject({ ok: false });
    expect(await t.attempt('voidStoreCredit', { voucherNo, reason: 'other', managerPin: PIN })).toMatchObject({ ok: false });
    expect(await t.call('getStoreCredit', { voucherNo })).toMatchObject({ state: 'active' });

    expect(await t.call('voidStoreCredit', { voucherNo, reason: 'stolen', managerPin: PIN })).toMatchObject({ voucherNo, balanceHalalas: 3500, state: 'voided' });
    expect(await t.call('getStoreCredit', { voucherNo })).toMatchObject({ state: 'voided' });
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    try {
      const types = db.prepare<[], { type: string; payload: string }>(`SELECT type, payload FROM journal ORDER BY seq DESC LIMIT 2`).all().reverse();
      expect(types.map((r) => r.type)).toEqual(['manager.authorised', 'credit.voided']);
      expect(JSON.parse(types[1]!.payload)).toMatchObject({ voucherNo, balanceHalalas: 3500, reason: 'stolen' });
    } finally {
      db.close();
    }
    // In the manager's audit list, under its own action.
    const audit = await t.call('listAudit', { action: 'store_credit', limit: 10, managerPin: PIN });
    expect(audit.rows.map((r) => [r.type, r.detail])).toEqual([['credit.voided', `voucher ${voucherNo} · balance 35.00 SAR · reason stolen`]]);

    // At pay it is refused, and the sale stays open; voiding it again is refused too.
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 0, voucherNo })).toMatchObject({ ok: false, error: { code: 'CREDIT_VOIDED' } });
    expect(await t.attempt('voidStoreCredit', { voucherNo, reason: 'lost', managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'CREDIT_VOIDED' } });
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

  it('a card and voucher receipt returned the way it was paid: the voucher part on a new voucher, the rest to the card, issued with the card refund', async () => {
    const { t } = rig;
    // A 35.00 voucher from a cash sale returned to credit.
    const old = await rig.voucherFor(DEMO.dates.barcode);

    // Coffee and dates (62.75): 27.75 by card, then the voucher's 35.00.
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.dates.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    expect((await t.call('payCard', { amountHalalas: due - 3500 })).outcome).toBe('approved');
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: 0, voucherNo: old });
    expect(receipt.tenders.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['card', 2775],
      ['credit', 3500],
    ]);

    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN });
    expect(issued.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['card', 2775],
      ['credit', 3500],
    ]);
    expect(issued.drawer).toBe('not_needed');
    const [plan] = rig.query<{ plan: string }>('SELECT plan FROM return_requests');
    expect(JSON.parse(plan!.plan)).toMatchObject({ cardHalalas: 2775, cashHalalas: 0, creditHalalas: 3500 });
    const back = issued.refund.refunds.find((r) => r.kind === 'credit') as { voucherNo: string };
    expect(back.voucherNo).not.toBe(old);
    expect(rig.query('SELECT issued_halalas, balance_halalas, return_no FROM store_credit WHERE voucher_no = ?', back.voucherNo)).toEqual([
      { issued_halalas: 3500, balance_halalas: 3500, return_no: issued.refund.returnNo },
    ]);
  });
});
