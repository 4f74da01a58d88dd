// Card payments end to end in main: the real till, the real SkyBand connector, the simulator over TCP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyJournal } from '../../main/ledger';
import { startCardTill, type CardTill } from '../support/terminal';
import { DEMO } from '../support/till';

let t: CardTill;
beforeEach(async () => {
  t = await startCardTill();
});
afterEach(async () => {
  await t.close();
});

const ring = async (...barcodes: string[]) => {
  let sale = await t.call('getSale', {});
  for (const barcode of barcodes) sale = await t.call('scanBarcode', { barcode });
  return sale;
};

const simTx = (reference: string) => t.sim.terminal.find(reference);

describe('a card sale', () => {
  it('sends the exact amount due, completes the sale on approval and keeps only masked card data', async () => {
    const sale = await ring(DEMO.milk.barcode, DEMO.coffee.barcode);
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('approved');
    expect(result.completed?.receipt.tenders).toHaveLength(1);
    const tender = result.completed!.receipt.tenders[0]!;
    expect(tender).toMatchObject({ kind: 'card', amountHalalas: 3425 });
    if (tender.kind !== 'card') throw new Error('card tender expected');
    expect(tender.card.maskedPan).toMatch(/^\d{6}\*+\d{4}$/);
    expect(tender.card).toMatchObject({ scheme: 'MADA', verification: 'pin' });
    expect(tender.card.rrn).toMatch(/^\d{12}$/);
    expect(result.completed?.drawer).toBe('not_needed');
    expect(result.sale.lines).toEqual([]);
    // The terminal's own record agrees: one approved purchase, that reference, that amount, sent once.
    expect(simTx(tender.reference)).toMatchObject({ kind: 'purchase', status: 'approved', amountHalalas: 3425, rrn: tender.card.rrn });
    expect(t.sim.terminal.purchaseFrames(tender.reference)).toBe(1);
  });

  it('records Apple Pay as a wallet payment verified on the device', async () => {
    const sale = await ring(DEMO.dates.barcode);
    t.sim.terminal.script({ card: 'visa', wallet: 'apple_pay' });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    const tender = result.completed!.receipt.tenders[0]!;
    if (tender.kind !== 'card') throw new Error('card tender expected');
    expect(tender.card).toMatchObject({ scheme: 'VISA', wallet: 'apple_pay', verification: 'cdcvm', entryMode: 'contactless' });
  });

  it('reports a decline with its reason and leaves the sale to pay again, under a new reference', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    t.sim.terminal.script({ outcome: 'decline', declineCode: '116' });
    const declined = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(declined.outcome).toBe('declined');
    expect(declined.intent.reason?.en).toMatch(/insufficient/i);
    expect(declined.intent.reason?.ar).toMatch(/[\u0600-\u06ff]/);
    expect(declined.sale).toMatchObject({ saleId: sale.saleId, dueHalalas: sale.dueHalalas, payment: null, tenders: [] });
    const approved = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(approved.outcome).toBe('approved');
    expect(approved.intent.reference).not.toBe(declined.intent.reference);
  });

  it('splits a sale: part by card, the rest in cash with change on what is due', async () => {
    const sale = await ring(DEMO.dates.barcode, DEMO.coffee.barcode); // 62.75
    const card = await t.call('payCard', { amountHalalas: 4000 });
    expect(card).toMatchObject({ outcome: 'approved', completed: null, sale: { dueHalalas: 2275 } });
    expect(card.sale.tenders).toHaveLength(1);
    // Lines are frozen once a card payment is attached.
    expect(await t.attempt('scanBarcode', { barcode: DEMO.water.barcode })).toMatchObject({ ok: false, error: { code: 'SALE_HAS_PAYMENTS' } });
    expect(await t.attempt('payCard', { amountHalalas: 2276 })).toMatchObject({ ok: false, error: { code: 'AMOUNT_OVER_DUE' } });
    const done = await t.call('tenderCash', { tenderedHalalas: 5000 });
    expect(done.changeHalalas).toBe(2725);
    expect(done.receipt.tenders.map((x) => [x.kind, x.amountHalalas])).toEqual([
      ['card', 4000],
      ['cash', 2275],
    ]);
    expect(done.receipt.totals.totalHalalas).toBe(sale.totals.totalHalalas);
  });

  it('takes a partial approval as a tender for what was approved and two cards for the rest', async () => {
    const sale = await ring(DEMO.dates.barcode); // 35.00
    t.sim.terminal.script({ outcome: 'partial', partialHalalas: 2000 });
    const first = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(first).toMatchObject({ outcome: 'approved', completed: null, sale: { dueHalalas: 1500 } });
    const second = await t.call('payCard', { amountHalalas: 1500 });
    expect(second.completed?.receipt.tenders.map((x) => x.amountHalalas)).toEqual([2000, 1500]);
  });

  it('refuses to pay an empty sale, and says when no terminal is configured', async () => {
    expect(await t.attempt('payCard', { amountHalalas: 100 })).toMatchObject({ ok: false, error: { code: 'SALE_EMPTY' } });
  });
});

describe('when the answer is lost', () => {
  it('a connection dropped after approval is unknown, then found by asking the terminal — never resent', async () => {
    const sale = await ring(DEMO.milk.barcode);
    t.sim.terminal.script({ drop: 'after-approve' });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('approved');
    expect(result.completed).not.toBeNull();
    expect(t.sim.terminal.purchaseFrames(result.intent.reference)).toBe(1);
  });

  it('a garbled answer (bad LRC every time) ends unknown or found, never as a second purchase', async () => {
    const sale = await ring(DEMO.milk.barcode);
    t.sim.terminal.script({ corruptLrc: 'always' });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    // The purchase went through on the terminal; asking afterwards (with a clean answer) finds it.
    expect(result.outcome).toBe('approved');
    expect(t.sim.terminal.purchaseFrames(result.intent.reference)).toBe(1);
  });

  it('a cancel that races an approval is settled by the terminal: the payment the customer made is kept', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    t.sim.terminal.script({ delayMs: 600 });
    const paying = t.call('payCard', { amountHalalas: sale.dueHalalas });
    await new Promise((r) => setTimeout(r, 150));
    const pending = (await t.call('getSale', {})).payment!;
    expect(pending.state).toBe('awaiting');
    await t.call('cancelCardPayment', { intentId: pending.intentId });
    const result = await paying;
    // Right after the cancel the terminal is still busy, so the outcome may be unknown for a moment.
    if (result.outcome === 'unknown') {
      expect(await t.attempt('tenderCash', { tenderedHalalas: 10_000 })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
      await expect.poll(async () => (await t.call('getSale', {})).lines.length, { timeout: 5000 }).toBe(0);
    } else {
      expect(result.outcome).toBe('approved');
    }
    expect(simTx(pending.reference)).toMatchObject({ status: 'approved' });
    expect(t.sim.terminal.purchaseFrames(pending.reference)).toBe(1);
  });

  it('a terminal that cannot be reached takes nothing: the payment is declined as not sent', async () => {
    const sale = await ring(DEMO.water.barcode);
    await t.sim.close();
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('declined');
    expect(result.sale.payment).toBeNull();
    expect(result.sale.dueHalalas).toBe(sale.dueHalalas);
  });
});

describe('a payment the till cannot settle alone', () => {
  async function unknownPayment() {
    const sale = await ring(DEMO.bread.barcode);
    // The terminal approves, the line drops, and then the terminal goes away: nobody can be asked.
    t.sim.terminal.script({ drop: 'after-approve' });
    const closing = new Promise<void>((resolve) => {
      const off = t.sim.terminal.subscribe((e) => {
        if (e.event === 'transaction') {
          off();
          void t.sim.close().then(resolve);
        }
      });
    });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    await closing;
    return { sale, result };
  }

  it('stays unknown and locks the sale: no changes, no cash, no second card', async () => {
    const { result } = await unknownPayment();
    expect(result.outcome).toBe('unknown');
    expect(result.sale.payment).toMatchObject({ state: 'unknown', intentId: result.intent.intentId });
    expect(result.intent.reason?.en).toMatch(/Do not charge again/);
    expect(await t.attempt('scanBarcode', { barcode: DEMO.milk.barcode })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 100_000 })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    expect(await t.attempt('payCard', { amountHalalas: 100 })).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    expect(await t.attempt('voidSale', {})).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    const status = await t.call('getTerminalStatus', {});
    expect(status.needsAttention.map((i) => i.intentId)).toContain(result.intent.intentId);
  });

  it("a manager's resolution tells the views of the completed sale only once it is committed", async () => {
    const { result } = await unknownPayment();
    // What another reader of the file (the CLI, a report) sees at the moment the views are told.
    const seen: Array<number | undefined> = [];
    t.till.subscribe((event, payload) => {
      if (event !== 'saleCompleted') return;
      const other = openDatabase(ledgerFile(t.dir), { readonly: true });
      try {
        const receiptNo = (payload as { receipt: { receiptNo: string } }).receipt.receiptNo;
        seen.push(other.prepare<[string], { number: number }>('SELECT number FROM receipts WHERE receipt_no = ?').get(receiptNo)?.number);
      } finally {
        other.close();
      }
    });
    await t.call('resolvePayment', { intentId: result.intent.intentId, outcome: 'approved', rrn: '123456789012', authCode: 'A1B2C3', managerPin: '1234' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
  });

  it('a manager resolves it only with the terminal receipt as evidence, and the PIN is checked', async () => {
    const { result } = await unknownPayment();
    const completions: unknown[] = [];
    t.till.subscribe((event, payload) => {
      if (event === 'saleCompleted') completions.push(payload);
    });
    const intentId = result.intent.intentId;
    expect(await t.attempt('resolvePayment', { intentId, outcome: 'approved', managerPin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_REQUIRED' },
    });
    expect(await t.attempt('resolvePayment', { intentId, outcome: 'approved', rrn: '123456789012', authCode: 'A1B2C3', managerPin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_PIN_WRONG' },
    });
    const resolved = await t.call('resolvePayment', { intentId, outcome: 'approved', rrn: '123456789012', authCode: 'A1B2C3', managerPin: '1234' });
    expect(resolved.state).toBe('approved');
    expect(completions).toHaveLength(1); // the views hear the sale the manager's resolution completed
    expect(resolved.card).toMatchObject({ rrn: '123456789012', authCode: 'A1B2C3', resolvedByManager: true });
    expect((await t.call('getSale', {})).lines).toEqual([]); // the sale completed and the till moved on
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    const entry = db.prepare(`SELECT payload FROM journal WHERE type = 'payment.resolved_by_manager'`).pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ intentId, outcome: 'approved', rrn: '123456789012', authCode: 'A1B2C3' });
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    db.close();
  });

  it('locks the manager PIN after repeated wrong tries', async () => {
    const { result } = await unknownPayment();
    const attempt = () => t.attempt('resolvePayment', { intentId: result.intent.intentId, outcome: 'declined', managerPin: '9999' });
    for (let i = 0; i < 4; i += 1) expect(await attempt()).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_LOCKED' } });
    expect(await t.attempt('resolvePayment', { intentId: result.intent.intentId, outcome: 'declined', managerPin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_PIN_LOCKED' },
    });
  });
});

describe('refunds, reversals and the terminal panel', () => {
  it('refunds a card sale through the terminal as a return of its lines, with a manager PIN, never more than was paid', async () => {
    await ring(DEMO.coffee.barcode);
    const sale = await ring(DEMO.water.barcode);
    const paid = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    const receipt = paid.completed!.receipt;
    const [coffee, water] = receipt.lines;
    const back = (lineId: string, managerPin = '1234') => ({ receiptNo: receipt.receiptNo, lines: [{ lineId, quantity: 1 }], reason: 'damaged' as const, managerPin });
    expect(await t.attempt('returnSale', back(coffee!.lineId, '4321'))).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    const first = await t.call('returnSale', back(coffee!.lineId));
    const [refund] = first.refund.refunds;
    expect(refund).toMatchObject({ kind: 'card', amountHalalas: coffee!.lineTotalHalalas });
    expect(simTx(refund?.kind === 'card' ? refund.reference : '')).toMatchObject({ kind: 'refund', status: 'approved', amountHalalas: coffee!.lineTotalHalalas });
    expect(await t.attempt('returnSale', back(coffee!.lineId))).toMatchObject({ ok: false, error: { code: 'RETURN_QUANTITY_OVER' } });
    expect((await t.call('returnSale', back(water!.lineId))).refund.refunds).toEqual([expect.objectContaining({ kind: 'card', amountHalalas: water!.lineTotalHalalas })]);
    expect(await t.attempt('returnSale', back(water!.lineId))).toMatchObject({ ok: false, error: { code: 'RETURN_NOTHING_LEFT' } });
  });

  it('a refund whose answer is lost can be settled by the manager from the terminal slip', async () => {
    const sale = await ring(DEMO.coffee.barcode);
    const paid = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    t.sim.terminal.script({ commands: ['A6'], drop: 'after-approve' });
    const closing = new Promise<void>((resolve) => {
      const off = t.sim.terminal.subscribe((e) => {
        if (e.event === 'transaction') {
          off();
          void t.sim.close().then(resolve);
        }
      });
    });
    const receipt = paid.completed!.receipt;
    const answer = await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
    await closing;
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });
    const [refund] = (await t.call('getTerminalStatus', {})).needsAttention;
    expect(refund).toMatchObject({ kind: 'refund', state: 'unknown' });
    const resolved = await t.call('resolvePayment', { intentId: refund!.intentId, outcome: 'approved', rrn: '223456789012', authCode: 'R1R2R3', managerPin: '1234' });
    expect(resolved).toMatchObject({ kind: 'refund', state: 'approved', card: { rrn: '223456789012', resolvedByManager: true } });
    expect((await t.call('getTerminalStatus', {})).needsAttention).toEqual([]);
    // The manager's word settles the return too: issued with its credit note, the refund as its tender.
    expect((await t.call('getReturnable', { receiptNo: receipt.receiptNo })).refundedHalalas).toBe(receipt.totals.totalHalalas);
  });

  it('reverses the last card payment of the open sale and puts its amount back to pay', async () => {
    const sale = await ring(DEMO.dates.barcode);
    const card = await t.call('payCard', { amountHalalas: 1000 });
    const reversed = await t.call('reverseCardPayment', { intentId: card.intent.intentId, managerPin: '1234' });
    expect(reversed.state).toBe('reversed');
    expect(simTx(card.intent.reference)).toMatchObject({ status: 'reversed' });
    const after = await t.call('getSale', {});
    expect(after).toMatchObject({ saleId: sale.saleId, tenders: [], dueHalalas: sale.dueHalalas });
    // With the payment gone the lines can change again.
    expect((await t.call('scanBarcode', { barcode: DEMO.water.barcode })).lines).toHaveLength(2);
  });

  it('shows the terminal as connected, repeats the last transaction and settles with the terminal totals', async () => {
    const sale = await ring(DEMO.milk.barcode);
    const paid = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    const status = await t.call('checkTerminal', {});
    expect(status).toMatchObject({ configured: true, protocol: 'mada-ecr', health: 'connected', needsAttention: [] });
    expect(status.transport).toContain(`127.0.0.1:${t.port}`);
    expect(status.last?.reference).toBe(paid.intent.reference);
    const last = await t.call('repeatLastTransaction', {});
    expect(last).toMatchObject({ reference: paid.intent.reference, state: 'approved' });
    expect(last?.card?.rrn).toBe(simTx(paid.intent.reference)!.rrn);
    const settlement = await t.call('settleTerminal', { managerPin: '1234' });
    expect(settlement.inBalance).toBe(true);
    expect(settlement.schemes.reduce((n, s) => n + s.purchaseHalalas, 0)).toBe(DEMO.milk.price);
    await t.sim.close();
    expect((await t.call('checkTerminal', {})).health).toBe('disconnected');
  });

  it('a settlement the terminal refuses is an error with its code, journaled — never "terminal unreachable"', async () => {
    t.sim.terminal.script({ commands: ['B1'], refuseSettlement: '902' });
    expect(await t.attempt('settleTerminal', { managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_REFUSED' } });
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    const entry = db.prepare(`SELECT payload FROM journal WHERE type = 'terminal.settlement_refused'`).pluck().get() as string;
    db.close();
    expect(JSON.parse(entry)).toMatchObject({ responseCode: '902' });
  });
});

describe('an approval no sale can take', () => {
  it('is reversed at once while it is the terminal\'s last transaction, and never becomes a tender', async () => {
    const sale = await ring(DEMO.water.barcode); // 1.00
    // A terminal that approves more than was asked: the till must not keep it quietly.
    t.sim.terminal.script({ outcome: 'partial', partialHalalas: sale.dueHalalas + 500 });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).not.toBe('approved');
    expect(result.sale.tenders).toEqual([]);
    await expect.poll(() => t.sim.terminal.find(result.intent.reference)?.status, { timeout: 5000 }).toBe('reversed');
    await expect.poll(async () => (await t.call('recoverPayment', { intentId: result.intent.intentId })).state).toBe('reversed');
    expect((await t.call('getTerminalStatus', {})).needsAttention).toEqual([]);
  });
});
