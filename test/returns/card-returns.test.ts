// Returns of card receipts on a real demo till: the refund goes to the simulated mada terminal (SkyBand over an
// in-process stream, scripted), and the return — its number, rows, credit note — is issued in the transaction
// that records the refund's approval: at once, or later when recovery asks the terminal after a lost answer.
// A declined refund issues nothing and lets the lines go again.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { createStreamTransport } from '../../main/payments/transport';
import { createTillSimulators, type TillSimulators } from '../../main/sim';
import { createSimulatedTerminal, type EcrSimulator } from '../../main/sim/ecr-terminal';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';

let t: TestTill;
let terminal: EcrSimulator | null;
let sims: TillSimulators;
beforeEach(async () => {
  terminal = null;
  const base = createTillSimulators();
  // The demo's terminal, made here so the test can script it and read its own record.
  sims = {
    ...base,
    madaEcr({ lrcMode, ackNak }) {
      const made = createSimulatedTerminal({ lrcMode, ackNak });
      terminal = made;
      return { transport: createStreamTransport((end) => made.serve(end)), close: () => made.close() };
    },
  };
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
});
afterEach(async () => {
  await t.close();
});

const PIN = '1234';
const printed = () => sims.currentPrinter()?.receipts.length ?? 0;

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

async function sellByCard(barcodes: string[], cashFirst = 0) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  if (cashFirst > 0) {
    // Split tender: card for part, cash for the rest.
    const part = await t.call('payCard', { amountHalalas: due - cashFirst });
    expect(part.outcome).toBe('approved');
    return (await t.call('tenderCash', { tenderedHalalas: cashFirst })).receipt;
  }
  const paid = await t.call('payCard', { amountHalalas: due });
  expect(paid.outcome).toBe('approved');
  return paid.completed!.receipt;
}


describe('returning lines of a card receipt', () => {
  it('refunds through the terminal against the original payment and issues the credit note with the approval', async () => {
    const receipt = await sellByCard([DEMO.dates.barcode, DEMO.milk.barcode]);
    const dates = receipt.lines.find((l) => l.barcode === DEMO.dates.barcode)!;
    await until(() => printed() === 3); // the receipt and its two card slips
    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: dates.lineId, quantity: 1 }], reason: 'not_as_described', managerPin: PIN });
    // On paper: the refund receipt, then the card refund slip — customer and retailer copies.
    expect(issued.printError).toBeNull();
    expect(printed()).toBe(6);

    expect(issued.drawer).toBe('not_needed');
    const [refund] = issued.refund.refunds;
    expect(refund).toMatchObject({ kind: 'card', amountHalalas: DEMO.dates.price });
    // The terminal's own record: one refund of that amount against the sale's purchase.
    const record = terminal!.terminal.transactions();
    const purchase = record.find((x) => x.kind === 'purchase')!;
    const refunds = record.filter((x) => x.kind === 'refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amountHalalas: DEMO.dates.price, status: 'approved' });
    expect(refund?.kind === 'card' ? refund.card.rrn : null).toBe(refunds[0]!.rrn);
    expect(purchase.refundedHalalas).toBe(DEMO.dates.price);

    // The credit note pays back by card (UNTDID 4461 code 48) and references the receipt.
    const doc = query<{ xml: Buffer; kind: string }>('SELECT xml, kind FROM einvoice_documents WHERE number = ?', issued.refund.returnNo)[0]!;
    expect(doc.kind).toBe('credit_note');
    const xml = doc.xml.toString('utf8');
    expect(xml).toMatch(/<cac:PaymentMeans>\s*<cbc:PaymentMeansCode>48<\/cbc:PaymentMeansCode>/);
    expect(xml).toContain(`<cbc:ID>${receipt.receiptNo}</cbc:ID>`);
    expect(query<{ state: string }>('SELECT state FROM return_requests')).toEqual([{ state: 'issued' }]);
    // Every refund the till sent is a return's: no money goes back to a card without its credit note.
    expect(query(`SELECT id FROM payment_intents WHERE kind = 'refund' AND id NOT IN (SELECT refund_intent_id FROM return_requests)`)).toEqual([]);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('a split card and cash receipt: back to the card up to what it paid, the rest from the drawer', async () => {
    const receipt = await sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode], 1000);
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const issued = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN });
    const total = DEMO.dates.price + DEMO.coffee.price;
    expect(issued.refund.totals.totalHalalas).toBe(total);
    expect(issued.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['card', total - 1000],
      ['cash', 1000],
    ]);
    expect(issued.drawer).toBe('opened');
  });

  it('a declined refund issues nothing: no number, no credit note, and the lines can be returned again', async () => {
    const receipt = await sellByCard([DEMO.coffee.barcode]);
    const line = receipt.lines[0]!;
    terminal!.terminal.script({ commands: ['A6'], outcome: 'decline', declineCode: '116' });
    const declined = await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    expect(declined).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_DECLINED' } });
    expect(query('SELECT * FROM returns')).toEqual([]);
    expect(query<{ state: string }>('SELECT state FROM return_requests')).toEqual([{ state: 'cancelled' }]);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM einvoice_documents WHERE kind = 'credit_note'`)[0]!.n).toBe(0);
    expect((await t.call('getReturnable', { receiptNo: receipt.receiptNo })).lines[0]!.returnableQuantity).toBe(1);

    const again = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    expect(again.refund.returnNo).toMatch(/-R000001$/);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('an answer lost after the terminal refunded: unknown at first, the lines held; recovery finds the refund and issues the return then', async () => {
    const receipt = await sellByCard([DEMO.dates.barcode]);
    const line = receipt.lines[0]!;
    await until(() => printed() === 3); // the receipt and two card slips
    // The refund is made, its answer lost, and the terminal is busy when the till first asks about it.
    terminal!.terminal.script({ commands: ['A6'], drop: 'after-approve' }, { commands: ['C2', 'C3'], outcome: 'busy' });
    const answer = await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });
    // Held while the terminal is asked: not offered to a second return, never paid out again.
    if (query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'waiting') {
      expect((await t.call('getReturnable', { receiptNo: receipt.receiptNo })).lines[0]!.returnableQuantity).toBe(0);
      expect(
        await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN }),
      ).toMatchObject({ ok: false });
    }
    await until(() => query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'issued', 30_000);
    expect(terminal!.terminal.transactions().filter((x) => x.kind === 'refund')).toHaveLength(1);
    const returns = query<{ return_no: string; total_halalas: number }>('SELECT return_no, total_halalas FROM returns');
    expect(returns).toEqual([{ return_no: expect.stringMatching(/-R000001$/), total_halalas: DEMO.dates.price }]);
    // Its refund receipt and card refund slips print when it is issued, whoever issued it.
    await until(() => printed() === 6);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });
});
