// A split card and cash return whose card refund is approved later — by recovery, with nobody at the counter —
// is issued then (its credit note with the approval), but its cash part only owes: the drawer stays shut and the
// refund receipt waits. The returns desk lists the cash owed until a manager pays it out: journaled, the drawer
// opens and the refund receipt with its card refund slips prints then. The shift counts that cash when it leaves
// the drawer. And a receipt paid with two cards: each return goes back to one card that can take all of it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { openDatabase } from '../../main/db';
import { cashRefundedBetween } from '../../main/returns';
import { DEMO } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from './rig';

const rig = useCardRig();

const verified = () => expect(checkLedgerFile(ledgerFile(rig.t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });

/** Cash the returns took out of the drawer over the whole journal (what a shift spanning it would count). */
function cashRefunded(): number {
  const db = openDatabase(ledgerFile(rig.t.dir), { readonly: true });
  try {
    const last = db.prepare<[], { seq: number }>('SELECT MAX(seq) AS seq FROM journal').get()!.seq;
    return cashRefundedBetween(db, 0, last);
  } finally {
    db.close();
  }
}

describe('a split card and cash return approved later', () => {
  it('owes its cash part until a manager pays it out: then the drawer opens and the refund receipt prints', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode], 1000);
    const total = DEMO.dates.price + DEMO.coffee.price;
    await until(() => rig.printed() === 3); // the receipt and its two card slips
    const kicks = rig.drawerKicks();
    // The refund is made, its answer lost, and the terminal busy whenever the till asks: the cashier gives up.
    const busy = Array.from({ length: 400 }, () => ({ commands: ['C2', 'C3'] as Array<'C2' | 'C3'>, outcome: 'busy' as const }));
    rig.terminal.terminal.script({ commands: ['A6'], drop: 'after-approve' }, ...busy);
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const answer = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });

    // Later the terminal answers again, and the till's own asking finds the refund approved.
    rig.terminal.terminal.clearScript();
    await until(() => rig.query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'issued', 30_000);
    const [issued] = rig.query<{ return_no: string; total_halalas: number }>('SELECT return_no, total_halalas FROM returns');
    expect(issued).toEqual({ return_no: expect.stringMatching(/-R000001$/), total_halalas: total });
    // Nobody was there: no drawer, no paper yet, and the cash has not left the drawer.
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.drawerKicks()).toBe(kicks);
    expect(rig.printed()).toBe(3);
    expect(cashRefunded()).toBe(0);
    const { owedCash, requests } = await rig.t.call('listWaitingReturns', {});
    expect(requests).toEqual([]);
    expect(owedCash).toEqual([{ returnNo: issued!.return_no, receiptNo: receipt.receiptNo, issuedAt: expect.any(String), amountHalalas: 1000, totalHalalas: total }]);
    verified();

    expect(await rig.t.attempt('payReturnCash', { returnNo: issued!.return_no, managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    const paid = await rig.t.call('payReturnCash', { returnNo: issued!.return_no, managerPin: PIN });
    expect(paid).toEqual({ returnNo: issued!.return_no, amountHalalas: 1000, drawer: 'opened', printError: null });
    expect(rig.drawerKicks()).toBe(kicks + 1);
    expect(rig.printed()).toBe(6); // the refund receipt and its card refund slip, two copies
    expect(cashRefunded()).toBe(1000);
    expect((await rig.t.call('listWaitingReturns', {})).owedCash).toEqual([]);
    expect(await rig.t.attempt('payReturnCash', { returnNo: issued!.return_no, managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'RETURN_CASH_NOT_OWED' } });
    const journaled = rig.query<{ type: string; payload: string }>(
      `SELECT type, payload FROM journal WHERE type IN ('return.cash_owed', 'return.cash_paid')
          OR (type = 'drawer.kicked' AND json_extract(payload, '$.cause') = 'refund') ORDER BY seq`,
    );
    expect(journaled.map((e) => e.type)).toEqual(['return.cash_owed', 'return.cash_paid', 'drawer.kicked']);
    expect(JSON.parse(journaled[2]!.payload)).toMatchObject({ returnNo: issued!.return_no, cause: 'refund', outcome: 'opened' });
    verified();

    // `ledger verify` replays the owed cash: a payout undone on disk is found.
    await rig.t.till.close();
    const copy = path.join(rig.t.dir, 'tampered.db');
    fs.copyFileSync(ledgerFile(rig.t.dir), copy);
    const db = new Database(copy);
    db.exec('DROP TRIGGER return_cash_owed_paid_once');
    db.prepare('UPDATE return_cash_owed SET paid_seq = NULL').run();
    db.close();
    const result = checkLedgerFile(copy, LEDGER_PROJECTIONS);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('return_cash_owed');
    fs.rmSync(copy);
    await rig.t.restart();
  });
});

describe('a split return waiting on the terminal', () => {
  it('holds the shift close until the terminal has answered (its cash would leave a counted drawer)', async () => {
    // Outside review: closeShift from another window while the return waited on the terminal went ahead; the
    // return's cash then left the drawer after the count, in no shift's expected cash.
    await rig.t.call('openShift', { float: { n100: 1 } });
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode], 1000);
    rig.terminal.terminal.script({ commands: ['A6'], delayMs: 1500 });
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const returning = rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN });
    await until(() => rig.query<{ n: number }>("SELECT COUNT(*) AS n FROM return_requests WHERE state = 'waiting'")[0]!.n === 1);
    expect(await rig.t.attempt('closeShift', { count: { n100: 1 } })).toMatchObject({ ok: false, error: { code: 'SHIFT_SALE_IN_PROGRESS' } });
    const issued = await returning;
    expect(issued.refund.refunds.some((t) => t.kind === 'cash')).toBe(true);
    // Answered: the drawer is counted with the cash the return paid out in it.
    const closed = await rig.t.call('closeShift', { count: { n100: 1 } });
    expect(closed.result.expectedHalalas).toBe(10_000 + 1000 - 1000);
    verified();
  });
});

describe('a receipt paid with two cards', () => {
  it('each return goes back to one card that can take all of it; one no card can take is refused', async () => {
    const due = (await rig.t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
    await rig.t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const first = await rig.t.call('payCard', { amountHalalas: due });
    const second = await rig.t.call('payCard', { amountHalalas: DEMO.coffee.price });
    const receipt = second.completed!.receipt;
    const [dates, coffee] = [DEMO.dates.barcode, DEMO.coffee.barcode].map((b) => receipt.lines.find((l) => l.barcode === b)!);
    const back = (lineId: string) => ({ receiptNo: receipt.receiptNo, lines: [{ lineId, quantity: 1 }], reason: 'damaged' as const, managerPin: PIN });

    // The coffee fits both payments: it goes to the one it fits best, the coffee's own.
    const one = await rig.t.call('returnSale', back(coffee!.lineId));
    expect(one.refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: DEMO.coffee.price })]);
    const refunds = rig.terminal.terminal.transactions().filter((x) => x.kind === 'refund');
    expect(refunds).toHaveLength(1);
    expect(rig.query<{ original_id: string }>(`SELECT original_id FROM payment_intents WHERE kind = 'refund'`)).toEqual([{ original_id: second.intent.intentId }]);
    // The dates go back to the first payment, which can still take all of them.
    const two = await rig.t.call('returnSale', back(dates!.lineId));
    expect(two.refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: DEMO.dates.price })]);
    expect(rig.query<{ original_id: string }>(`SELECT original_id FROM payment_intents WHERE kind = 'refund' ORDER BY created_seq`).map((r) => r.original_id)).toEqual([
      second.intent.intentId,
      first.intent.intentId,
    ]);
    verified();
  });

  it('a return no one card can take goes to the card that takes the most, the rest from the cash the customer paid', async () => {
    // Outside review: card 30 + card 30 + cash for the rest, an item worth more than either card could take was
    // refused forever (and, with the refund by amount gone, by no other way either).
    await rig.t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    const due = (await rig.t.call('scanBarcode', { barcode: DEMO.coffee.barcode })).dueHalalas;
    const first = await rig.t.call('payCard', { amountHalalas: 1000 });
    await rig.t.call('payCard', { amountHalalas: 1000 });
    const cashPart = due - 2000;
    const receipt = (await rig.t.call('tenderCash', { tenderedHalalas: cashPart })).receipt;
    const dates = receipt.lines.find((l) => l.barcode === DEMO.dates.barcode)!;
    expect(dates.lineTotalHalalas).toBeGreaterThan(1000);
    const back = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: dates.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    expect(back.refund.refunds).toEqual([
      expect.objectContaining({ kind: 'card', amountHalalas: 1000 }),
      expect.objectContaining({ kind: 'cash', amountHalalas: dates.lineTotalHalalas - 1000 }),
    ]);
    expect(rig.query<{ original_id: string }>(`SELECT original_id FROM payment_intents WHERE kind = 'refund'`)).toEqual([{ original_id: first.intent.intentId }]);
    verified();
  });

  it('refuses a return no one card can take, in both languages, writing nothing', async () => {
    await rig.t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    const due = (await rig.t.call('scanBarcode', { barcode: DEMO.coffee.barcode })).dueHalalas;
    await rig.t.call('payCard', { amountHalalas: 3000 });
    const paid = await rig.t.call('payCard', { amountHalalas: due - 3000 });
    const receipt = paid.completed!.receipt;
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: 1 }));
    const refused = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'damaged', managerPin: PIN });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RETURN_SPLIT_CARDS' } });
    if (!refused.ok) {
      expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(refused.error.message_en).toMatch(/fewer items/);
    }
    expect(rig.query('SELECT * FROM return_requests')).toEqual([]);
    expect(rig.terminal.terminal.transactions().filter((x) => x.kind === 'refund')).toEqual([]);
  });
});
