// Shifts on a real demo till (real SQLite file, the simulated terminal and printer), driven through the dispatcher
// the shells use: a float counted by denomination, cash sales with change, a card sale (not cash), a cash return,
// paid-in, paid-out and a safe drop; the blind count; a shortage above the threshold closed by the manager. Every
// till's ledger is verified when the test leaves it (test/support/tmp.ts), so each scenario is a replay test too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CashCount } from '../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { entries, query, SHIFT_TYPES } from './support';

let t: TestTill;
beforeEach(async () => {
  t = await startTestTill();
});
afterEach(async () => {
  await t.close();
});

async function sellCash(barcodes: string[], tendered?: number) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return t.call('tenderCash', { tenderedHalalas: tendered ?? due });
}

describe('a shift, from its float to its count', () => {
  it('opens with a counted float, keeps the expected cash hidden until the count, and closes at what the ledger took', async () => {
    const before = await t.call('getShift', {});
    expect(before).toEqual({ mode: 'demo', thresholdHalalas: 1000, shift: null });

    // 2 × 100 + 50 + 4 × 5 riyals, 5 one-riyal coins, 2 × 50 halalas: 276.00 SAR.
    const float: CashCount = { n100: 2, n50: 1, n5: 4, c100: 5, c50: 2, n20: 0 };
    const opened = await t.call('openShift', { float });
    expect(opened.shift).toMatchObject({
      number: 1,
      shiftNo: 'T01-S000001',
      tillId: 'T01',
      demo: false,
      float: { n100: 2, n50: 1, n5: 4, c100: 5, c50: 2 },
      floatHalalas: 27_600,
      state: 'open',
      movements: [],
      result: null,
    });
    expect(await t.attempt('openShift', { float: {} })).toMatchObject({ ok: false, error: { code: 'SHIFT_ALREADY_OPEN' } });
    expect(await t.attempt('openShift', { float: { n1000: 1 } as CashCount })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // Cash: 41.50 paid with a 50 (8.50 change), and 5.00 exact; a card sale the drawer never sees.
    const first = await sellCash([DEMO.milk.barcode, DEMO.dates.barcode], 5000);
    expect(first.changeHalalas).toBe(850);
    const second = await sellCash([DEMO.bread.barcode]);
    const sale = await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    expect((await t.call('payCard', { amountHalalas: sale.dueHalalas })).completed).toBeTruthy();
    // The bread comes back: 5.00 from the drawer.
    const bread = second.receipt.lines[0]!;
    const returned = await t.call('returnSale', { receiptNo: second.receipt.receiptNo, lines: [{ lineId: bread.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
    expect(returned.refund.refunds).toEqual([{ kind: 'cash', amountHalalas: 500, tenderedHalalas: 500, changeHalalas: 0 }]);

    await t.call('cashMovement', { kind: 'paid_in', amountHalalas: 1000, reason: 'Change from the bank' });
    await t.call('cashMovement', { kind: 'paid_out', amountHalalas: 1500, reason: '  Cleaner  ' });
    const dropped = await t.call('cashMovement', { kind: 'safe_drop', amountHalalas: 10_000, reason: 'To the safe' });
    expect(dropped.shift!.movements.map((m) => [m.kind, m.amountHalalas, m.reason])).toEqual([
      ['paid_in', 1000, 'Change from the bank'],
      ['paid_out', 1500, 'Cleaner'],
      ['safe_drop', 10_000, 'To the safe'],
    ]);
    expect(await t.attempt('cashMovement', { kind: 'paid_out', amountHalalas: 100, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.attempt('cashMovement', { kind: 'paid_out', amountHalalas: 0, reason: 'nothing' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // Blind: nothing the screen can read says what the drawer should hold.
    const open = await t.call('getShift', {});
    expect(open.shift!.result).toBeNull();
    expect(JSON.stringify(open)).not.toMatch(/expected|21250|212\.50/i);

    // 276.00 + 41.50 + 5.00 (sales) − 5.00 (return) + 10.00 − 15.00 − 100.00 = 212.50, counted as 100 + 2 × 50 + 10 + 1 + 1 + 0.50.
    const count: CashCount = { n100: 1, n50: 2, n10: 1, n1: 1, c100: 1, c50: 1 };
    const closed = await t.call('closeShift', { count });
    expect(closed).toEqual({
      outcome: 'closed',
      shiftNo: 'T01-S000001',
      result: {
        count,
        countedHalalas: 21_250,
        expectedHalalas: 21_250,
        differenceHalalas: 0,
        cash: { floatHalalas: 27_600, salesHalalas: 4650, refundsHalalas: 500, paidInHalalas: 1000, paidOutHalalas: 1500, safeDropsHalalas: 10_000 },
        needsManager: false,
        managerReason: null,
        closedAt: expect.any(String),
      },
    });
    expect(await t.call('getShift', {})).toMatchObject({ shift: null });

    // Journaled: what each step made, in order.
    expect(entries(t.dir, ...SHIFT_TYPES).map((e) => e.type).filter((type) => type !== 'manager.authorised')).toEqual([
      'shift.opened',
      'shift.cash_moved',
      'shift.cash_moved',
      'shift.cash_moved',
      'shift.counted',
      'shift.closed',
    ]);
    const [counted] = entries(t.dir, 'shift.counted');
    expect(counted!.payload).toMatchObject({ expectedHalalas: 21_250, countedHalalas: 21_250, differenceHalalas: 0, needsManager: false });
    expect(query(t.dir, 'SELECT number, float_halalas, expected_halalas, counted_halalas, difference_halalas, manager_reason FROM shifts')).toEqual([
      { number: 1, float_halalas: 27_600, expected_halalas: 21_250, counted_halalas: 21_250, difference_halalas: 0, manager_reason: null },
    ]);
    expect(query(t.dir, 'SELECT kind, amount_halalas, reason, denominations FROM shift_cash_movements ORDER BY seq')).toEqual([
      { kind: 'float', amount_halalas: 27_600, reason: null, denominations: '{"c100":5,"c50":2,"n100":2,"n5":4,"n50":1}' },
      { kind: 'paid_in', amount_halalas: 1000, reason: 'Change from the bank', denominations: null },
      { kind: 'paid_out', amount_halalas: 1500, reason: 'Cleaner', denominations: null },
      { kind: 'safe_drop', amount_halalas: 10_000, reason: 'To the safe', denominations: null },
      { kind: 'count', amount_halalas: 21_250, reason: null, denominations: '{"c100":1,"c50":1,"n1":1,"n10":1,"n100":1,"n50":2}' },
    ]);
  });

  it('a shortage above the threshold waits for the manager: counted, revealed, nothing sold until the PIN and a reason close it', async () => {
    await t.call('openShift', { float: { n50: 2 } });
    expect((await sellCash([DEMO.milk.barcode], 1000)).changeHalalas).toBe(350);
    // Expected 106.50; the drawer holds 86.50: 20.00 short, above the 10.00 threshold.
    const answer = await t.call('closeShift', { count: { n50: 1, n20: 1, n10: 1, n5: 1, n1: 1, c50: 1 } });
    expect(answer).toMatchObject({
      outcome: 'needs-manager',
      result: { expectedHalalas: 10_650, countedHalalas: 8650, differenceHalalas: -2000, needsManager: true, managerReason: null, closedAt: null },
    });
    // Revealed now, and the count stands: no recount, no sale, no cash movement until the manager closes it.
    expect((await t.call('getShift', {})).shift).toMatchObject({ state: 'counted', result: { differenceHalalas: -2000 } });
    expect(await t.attempt('closeShift', { count: { n100: 1 } })).toMatchObject({ ok: false, error: { code: 'SHIFT_COUNTED' } });
    expect(await t.attempt('scanBarcode', { barcode: DEMO.milk.barcode })).toMatchObject({ ok: false, error: { code: 'SHIFT_COUNTED' } });
    expect(await t.attempt('cashMovement', { kind: 'paid_in', amountHalalas: 2000, reason: 'found it' })).toMatchObject({ ok: false, error: { code: 'SHIFT_COUNTED' } });

    expect(await t.attempt('approveShiftClose', { managerPin: '9999', reason: 'Short' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect((await t.call('getShift', {})).shift!.state).toBe('counted');
    const closed = await t.call('approveShiftClose', { managerPin: '1234', reason: 'A 20 given as change for a 10' });
    expect(closed).toMatchObject({ outcome: 'closed', result: { differenceHalalas: -2000, needsManager: true, managerReason: 'A 20 given as change for a 10', closedAt: expect.any(String) } });
    expect(await t.attempt('approveShiftClose', { managerPin: '1234', reason: 'again' })).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });

    const journaled = entries(t.dir, 'manager.authorised', 'manager.pin_failed', 'shift.counted', 'shift.closed');
    expect(journaled.map((e) => e.type)).toEqual(['shift.counted', 'manager.pin_failed', 'manager.authorised', 'shift.closed']);
    expect(journaled[2]!.payload).toMatchObject({ action: 'approveShiftClose', reason: 'A 20 given as change for a 10' });
    expect(journaled[3]!.payload).toMatchObject({ expectedHalalas: 10_650, countedHalalas: 8650, differenceHalalas: -2000, managerReason: 'A 20 given as change for a 10' });

    // The demo sells on: its next sale opens shift 2 by itself.
    await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect((await t.call('getShift', {})).shift).toMatchObject({ number: 2, shiftNo: 'T01-S000002', demo: true, floatHalalas: 0, float: {} });
  });

  it('closes alone within the threshold either way, and asks for the manager one halala beyond it', async () => {
    // Over by exactly the threshold (10.00): closes.
    await t.call('openShift', { float: {} });
    await sellCash([DEMO.water.barcode]);
    expect(await t.call('closeShift', { count: { n10: 1, c100: 1 } })).toMatchObject({ outcome: 'closed', result: { expectedHalalas: 100, differenceHalalas: 1000 } });
    // Short by the threshold: closes.
    await t.call('openShift', { float: { n20: 1 } });
    expect(await t.call('closeShift', { count: { n10: 1 } })).toMatchObject({ outcome: 'closed', result: { expectedHalalas: 2000, differenceHalalas: -1000 } });
    // Short by 10.05: the manager.
    await t.call('openShift', { float: { n20: 1 } });
    expect(await t.call('closeShift', { count: { n5: 1, c200: 2, c50: 1, c25: 1, c10: 1, c5: 2 } })).toMatchObject({
      outcome: 'needs-manager',
      result: { countedHalalas: 995, differenceHalalas: -1005 },
    });
    expect(query(t.dir, 'SELECT number, closed_seq IS NOT NULL AS closed FROM shifts ORDER BY number')).toEqual([
      { number: 1, closed: 1 },
      { number: 2, closed: 1 },
      { number: 3, closed: 0 },
    ]);
  });

  it('is not counted under a sale in progress', async () => {
    await t.call('openShift', { float: { n100: 1 } });
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(await t.attempt('closeShift', { count: { n100: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'SHIFT_SALE_IN_PROGRESS', message_ar: expect.stringMatching(/الوردية/), message_en: expect.stringContaining('before closing the shift') },
    });
    expect(entries(t.dir, 'shift.counted')).toEqual([]);
    await t.call('voidSale', {});
    expect(await t.call('closeShift', { count: { n100: 1 } })).toMatchObject({ outcome: 'closed', result: { differenceHalalas: 0 } });
  });

  it('refuses what needs a shift when there is none, and an approval before a count', async () => {
    expect(await t.attempt('cashMovement', { kind: 'paid_in', amountHalalas: 100, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
    expect(await t.attempt('closeShift', { count: {} })).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
    await t.call('openShift', { float: {} });
    expect(await t.attempt('approveShiftClose', { managerPin: '1234', reason: 'early' })).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_COUNTED' } });
    // Refused before the PIN was even checked: nothing journaled for it.
    expect(entries(t.dir, 'manager.pin_failed', 'manager.pin_cleared', 'manager.authorised')).toEqual([]);
  });
});

describe('the demo till', () => {
  it('opens a shift by itself when a sale needs one, journaled before the first item', async () => {
    expect((await t.call('getShift', {})).shift).toBeNull();
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const { shift } = await t.call('getShift', {});
    expect(shift).toMatchObject({ number: 1, demo: true, floatHalalas: 0, state: 'open', result: null });
    const order = entries(t.dir, 'shift.opened', 'line.added').map((e) => e.type);
    expect(order).toEqual(['shift.opened', 'line.added']);
    // A second item does not open another.
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    expect(entries(t.dir, 'shift.opened')).toHaveLength(1);
  });
});
