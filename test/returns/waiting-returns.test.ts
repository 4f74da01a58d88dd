// Card returns that wait for a person, on a real demo till with the simulated mada terminal: a refund the terminal
// approved for another amount than asked, and a refund approved whose credit note could not be issued, hold money
// that went back — the returns desk lists them and a manager issues the return for what was refunded (the rest of
// the items' worth from the drawer), never cancels them; a refund in doubt is the payments side's to settle
// (check again, or resolve), which cancels the request when nothing went back. Journaled, replayed by `ledger verify`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { DEMO } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from './rig';

const rig = useCardRig();

const verified = () => expect(checkLedgerFile(ledgerFile(rig.t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
const creditNotes = () => rig.query<{ n: number }>(`SELECT COUNT(*) AS n FROM einvoice_documents WHERE kind = 'credit_note'`)[0]!.n;

describe('a refund approved for another amount than asked', () => {
  it('of a card and voucher sale: settled with the card as approved, the voucher part on a new voucher, the rest from the drawer', async () => {
    const { t } = rig;
    const old = await rig.voucherFor(DEMO.dates.barcode);
    // Coffee and dates (62.75): 27.75 by card, 35.00 by the voucher; all of it back, the card refunding 20.00 of 27.75.
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.dates.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    await t.call('payCard', { amountHalalas: due - 3500 });
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: 0, voucherNo: old });
    rig.terminal.terminal.script({ commands: ['A6'], outcome: 'partial', partialHalalas: 2000 });
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    expect(await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'damaged', managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_MISMATCH' } });

    const [request] = (await t.call('listWaitingReturns', {})).requests;
    expect(request).toMatchObject({ totalHalalas: 6275, askedHalalas: 2775, settle: { cardHalalas: 2000, cashHalalas: 775, creditHalalas: 3500 } });
    const issued = await t.call('settleReturnRequest', { requestId: request!.requestId, managerPin: PIN });
    expect(issued.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['card', 2000],
      ['cash', 775],
      ['credit', 3500],
    ]);
    expect(rig.query<{ n: number }>(`SELECT COUNT(*) AS n FROM store_credit WHERE return_no = ? AND issued_halalas = 3500`, issued.refund.returnNo)[0]!.n).toBe(1);
    verified();
  });

  it('issues nothing on a guess; the manager issues the return for what the card got back, the rest from the drawer', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.milk.barcode]);
    const dates = receipt.lines.find((l) => l.barcode === DEMO.dates.barcode)!;
    const input = { receiptNo: receipt.receiptNo, lines: [{ lineId: dates.lineId, quantity: 1 }], reason: 'damaged' as const, managerPin: PIN };
    rig.terminal.terminal.script({ commands: ['A6'], outcome: 'partial', partialHalalas: 2000 });
    expect(await rig.t.attempt('returnSale', input)).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_MISMATCH' } });
    expect(rig.query('SELECT * FROM returns')).toEqual([]);

    // On the desk: what happened, and what issuing it would pay back. The lines stay held.
    const { requests, owedCash } = await rig.t.call('listWaitingReturns', {});
    expect(owedCash).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      receiptNo: receipt.receiptNo,
      why: 'refund_mismatch',
      totalHalalas: DEMO.dates.price,
      askedHalalas: DEMO.dates.price,
      approvedHalalas: 2000,
      refund: { kind: 'refund', state: 'approved' },
      settle: { cardHalalas: 2000, cashHalalas: DEMO.dates.price - 2000 },
      items: [{ nameEn: dates.nameEn, quantity: 1 }],
    });
    expect((await rig.t.call('getReturnable', { receiptNo: receipt.receiptNo })).lines.find((l) => l.line.lineId === dates.lineId)!.returnableQuantity).toBe(0);
    verified();

    const requestId = requests[0]!.requestId;
    expect(await rig.t.attempt('settleReturnRequest', { requestId, managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    const kicks = rig.drawerKicks();
    const issued = await rig.t.call('settleReturnRequest', { requestId, managerPin: PIN });
    expect(issued.refund.totals.totalHalalas).toBe(DEMO.dates.price);
    expect(issued.refund.refunds.map((r) => [r.kind, r.amountHalalas])).toEqual([
      ['card', 2000],
      ['cash', DEMO.dates.price - 2000],
    ]);
    expect(issued.drawer).toBe('opened');
    expect(rig.drawerKicks()).toBe(kicks + 1);
    expect(creditNotes()).toBe(1);
    expect(rig.query<{ state: string; held: string }>('SELECT state, held FROM return_requests')).toEqual([{ state: 'issued', held: 'refund_mismatch' }]);
    expect((await rig.t.call('listWaitingReturns', {})).requests).toEqual([]);
    expect(await rig.t.attempt('settleReturnRequest', { requestId, managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'RETURN_REQUEST_UNKNOWN' } });
    expect(rig.query<{ payload: string }>(`SELECT payload FROM journal WHERE type = 'manager.authorised' ORDER BY seq DESC LIMIT 1`)[0]!.payload).toContain('settleReturnRequest');
    verified();

    // `ledger verify` replays what held the request: an approved amount changed on disk is found.
    await rig.t.till.close();
    const copy = path.join(rig.t.dir, 'tampered.db');
    fs.copyFileSync(ledgerFile(rig.t.dir), copy);
    const db = new Database(copy);
    db.prepare('UPDATE return_requests SET approved_halalas = 3500').run();
    db.close();
    const result = checkLedgerFile(copy, LEDGER_PROJECTIONS);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('approved_halalas');
    fs.rmSync(copy);
    await rig.t.restart();
  });

  it('more back to the card than the items are worth: no credit note can cover it, so settling is refused and it stays listed', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode]);
    const dates = receipt.lines.find((l) => l.barcode === DEMO.dates.barcode)!;
    rig.terminal.terminal.script({ commands: ['A6'], outcome: 'partial', partialHalalas: DEMO.dates.price + 500 });
    const answer = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: dates.lineId, quantity: 1 }], reason: 'damaged', managerPin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_MISMATCH' } });
    const [request] = (await rig.t.call('listWaitingReturns', {})).requests;
    expect(request).toMatchObject({ why: 'refund_mismatch', approvedHalalas: DEMO.dates.price + 500, settle: null });
    const refused = await rig.t.attempt('settleReturnRequest', { requestId: request!.requestId, managerPin: PIN });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_OVER_RETURN' } });
    if (!refused.ok) expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(rig.query('SELECT * FROM returns')).toEqual([]);
    expect((await rig.t.call('listWaitingReturns', {})).requests).toHaveLength(1);
    verified();
  });
});

describe('a refund approved whose return could not be issued', () => {
  it('keeps the approval, lists the request with the error, and issues it once the credit note can be made', async () => {
    const receipt = await rig.sellByCard([DEMO.coffee.barcode]);
    const line = receipt.lines[0]!;
    const db = new Database(ledgerFile(rig.t.dir));
    // The credit note cannot be stored (as a damaged file would refuse it): the return cannot be issued.
    db.exec(`CREATE TRIGGER refuse_documents BEFORE INSERT ON einvoice_documents BEGIN SELECT RAISE(ABORT, 'disk said no'); END;`);
    const answer = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_ISSUE_FAILED' } });
    expect(rig.terminal.terminal.transactions().filter((x) => x.kind === 'refund' && x.status === 'approved')).toHaveLength(1);
    const [request] = (await rig.t.call('listWaitingReturns', {})).requests;
    expect(request).toMatchObject({ why: 'issue_failed', approvedHalalas: DEMO.coffee.price, settle: { cardHalalas: DEMO.coffee.price, cashHalalas: 0 } });
    expect(request!.detail).toContain('disk said no');

    // Still failing: refused, nothing written, still listed.
    expect((await rig.t.attempt('settleReturnRequest', { requestId: request!.requestId, managerPin: PIN })).ok).toBe(false);
    expect(rig.query('SELECT * FROM returns')).toEqual([]);

    db.exec('DROP TRIGGER refuse_documents');
    db.close();
    const issued = await rig.t.call('settleReturnRequest', { requestId: request!.requestId, managerPin: PIN });
    expect(issued.refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: DEMO.coffee.price })]);
    expect(issued.drawer).toBe('not_needed');
    expect(creditNotes()).toBe(1);
    expect((await rig.t.call('listWaitingReturns', {})).requests).toEqual([]);
    verified();
  });
});

describe('a refund in doubt', () => {
  it('is listed but not settled here: the payments side settles it (here its own asking), which issues the return', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode]);
    const line = receipt.lines[0]!;
    // The terminal refunds, its answer is lost, and it stays busy whenever the till asks about it.
    const busy = Array.from({ length: 400 }, () => ({ commands: ['C2', 'C3'] as Array<'C2' | 'C3'>, outcome: 'busy' as const }));
    rig.terminal.terminal.script({ commands: ['A6'], drop: 'after-approve' }, ...busy);
    const answer = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'expired', managerPin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });
    const [request] = (await rig.t.call('listWaitingReturns', {})).requests;
    expect(request).toMatchObject({ why: 'refund_in_doubt', approvedHalalas: null, settle: null, refund: { kind: 'refund' } });
    expect(await rig.t.attempt('settleReturnRequest', { requestId: request!.requestId, managerPin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_REFUND_UNDECIDED' },
    });
    expect(rig.query('SELECT * FROM returns')).toEqual([]);
    // The terminal answers again: the till's own asking finds the refund approved and issues the return then.
    rig.terminal.terminal.clearScript();
    await until(() => rig.query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'issued', 30_000);
    expect((await rig.t.call('listWaitingReturns', {})).requests).toEqual([]);
    expect(rig.query<{ state: string }>('SELECT state FROM return_requests')).toEqual([{ state: 'issued' }]);
    expect(creditNotes()).toBe(1);
    verified();
  });
});
