// Guided practice on a real training till: a manager switches the till into training, starts each scenario,
// and the checks read what the till itself journaled — a decline and an approval whose answer was lost come
// from the training till's own simulated terminal, scripted by the scenario. Each scenario is checked not done
// (before, or done the wrong way) and done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { PRACTICE_SCENARIOS, practiceScenario } from '../../main/app/practice';
import { trainingDirOf } from '../../main/app/training';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const MANAGER_PIN = '1234'; // the demo manager's

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const ring = async (...barcodes: string[]) => {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return due;
};
const start = (scenarioId: string) => t.call('startPractice', { scenarioId, managerPin: MANAGER_PIN });
const checks = async () => (await t.call('checkPractice', {})).checks.map((c) => c.ok);

describe('practice scenarios', () => {
  it('are refused on the live till', async () => {
    expect((await t.call('listPracticeScenarios', {})).scenarios.map((s) => s.id)).toEqual(PRACTICE_SCENARIOS.map((s) => s.id));
    expect(await t.attempt('startPractice', { scenarioId: 'cash-with-change', managerPin: MANAGER_PIN })).toMatchObject({ ok: false, error: { code: 'PRACTICE_NOT_TRAINING' } });
    expect(await t.attempt('checkPractice', {})).toMatchObject({ ok: false, error: { code: 'PRACTICE_NOT_TRAINING' } });
  });

  it('are started by a supervisor or above and checked from the training journal, each not done and done', async () => {
    await t.call('setTraining', { on: true, managerPin: MANAGER_PIN });
    expect((await t.call('getTill', {})).training).toBe(true);
    const manager = (await t.call('signIn', { pin: MANAGER_PIN })).user!;
    expect(await t.call('checkPractice', {})).toEqual({ scenarioId: null, passed: false, checks: [] });
    expect(await t.attempt('startPractice', { scenarioId: 'cash-with-change', managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await t.attempt('startPractice', { scenarioId: 'no-such-thing', managerPin: MANAGER_PIN })).toMatchObject({ ok: false, error: { code: 'PRACTICE_UNKNOWN' } });

    // A declined card, then cash. Not done: the trainee pays in cash without trying the card.
    expect(await start('declined-card-then-cash')).toMatchObject({ scenarioId: 'declined-card-then-cash', scripted: true });
    expect(await checks()).toEqual([false, false]);
    await t.call('tenderCash', { tenderedHalalas: (await ring(DEMO.milk.barcode)) + 50 });
    expect(await checks()).toEqual([false, false]);
    // Not done: the card is declined, then a second card pays.
    await start('declined-card-then-cash');
    let due = await ring(DEMO.coffee.barcode);
    expect((await t.call('payCard', { amountHalalas: due })).outcome).toBe('declined');
    expect((await t.call('payCard', { amountHalalas: due })).outcome).toBe('approved');
    expect(await checks()).toEqual([true, false]);
    // Done: declined, then the same sale in cash.
    await start('declined-card-then-cash');
    due = await ring(DEMO.coffee.barcode);
    expect((await t.call('payCard', { amountHalalas: due })).outcome).toBe('declined');
    await t.call('tenderCash', { tenderedHalalas: due });
    expect(await t.call('checkPractice', {})).toMatchObject({ scenarioId: 'declined-card-then-cash', passed: true });

    // A start clears what the last scenario scripted: the decline queued here is never used…
    await start('declined-card-then-cash');
    // …so a cash sale with change, paid by card first, is approved at once — and fails its own check (no change,
    // and the items counted are those of a sale with change).
    await start('cash-with-change');
    due = await ring(DEMO.milk.barcode, DEMO.bread.barcode);
    expect((await t.call('payCard', { amountHalalas: due })).outcome).toBe('approved');
    expect(await checks()).toEqual([true, false, false]);
    due = await ring(DEMO.milk.barcode, DEMO.bread.barcode);
    await t.call('tenderCash', { tenderedHalalas: due + 350 });
    expect(await checks()).toEqual([true, true, true]);

    // A payment whose outcome is unknown: the terminal approves, the answer is lost, the till asks and finds it.
    await start('unknown-payment');
    expect(await checks()).toEqual([false, false, false]);
    due = await ring(DEMO.dates.barcode);
    const paid = await t.call('payCard', { amountHalalas: due });
    expect(paid.outcome).toBe('approved');
    expect(paid.completed).not.toBeNull();
    expect(await checks()).toEqual([true, true, true]);

    // A return of a training sale, with its reason. Not done: only a sale.
    await start('return');
    due = await ring(DEMO.milk.barcode, DEMO.bread.barcode);
    const sold = await t.call('tenderCash', { tenderedHalalas: due });
    expect(sold.receipt.receiptNo).toMatch(/^TR-/);
    expect(await checks()).toEqual([false, false, false]);
    await t.call('returnSale', { receiptNo: sold.receipt.receiptNo, lines: [{ lineId: sold.receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' });
    expect(await t.call('checkPractice', {})).toMatchObject({ scenarioId: 'return', passed: true, checks: [{ ok: true }, { ok: true }, { ok: true }] });

    // The split tender the first two scenarios left unchecked: card then cash.
    await start('split-tender');
    due = await ring(DEMO.dates.barcode, DEMO.coffee.barcode);
    await t.call('payCard', { amountHalalas: 4000 });
    expect(await checks()).toEqual([false]);
    await t.call('tenderCash', { tenderedHalalas: due - 4000 });
    expect(await checks()).toEqual([true]);

    // The training ledger holds who started what and what passed, once per start, and verifies with them.
    const db = openDatabase(ledgerFile(trainingDirOf(t.dir)), { readonly: true });
    try {
      const entries = (type: string) => (db.prepare('SELECT payload FROM journal WHERE type = ? ORDER BY seq').pluck().all(type) as string[]).map((p) => JSON.parse(p) as Record<string, unknown>);
      const started = entries('training.practice_started');
      expect(started).toHaveLength(8);
      expect(started[0]).toEqual({ scenarioId: 'declined-card-then-cash', by: manager.id, scripted: true, actor: manager.id });
      expect(started.find((s) => s.scenarioId === 'return')).toMatchObject({ scripted: false });
      expect(entries('training.practice_checked').map((c) => [c.scenarioId, c.by])).toEqual(
        ['declined-card-then-cash', 'cash-with-change', 'unknown-payment', 'return', 'split-tender'].map((id) => [id, manager.id]),
      );
      // Not done: the card payments answered at once, between the cash-with-change start and this one's.
      const seqs = db.prepare("SELECT seq, payload FROM journal WHERE type = 'training.practice_started' ORDER BY seq").all() as Array<{ seq: number; payload: string }>;
      const from = seqs.find((r) => r.payload.includes('cash-with-change'))!.seq;
      const to = seqs.find((r) => r.payload.includes('unknown-payment'))!.seq;
      const between = (db.prepare('SELECT seq, type, payload FROM journal WHERE seq > ? AND seq < ? ORDER BY seq').all(from, to) as Array<{ seq: number; type: string; payload: string }>).map((r) => ({
        ...r,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      }));
      expect(between.filter((e) => e.type === 'purchase.approved')).toHaveLength(1);
      expect(practiceScenario('unknown-payment')!.check(between).map((c) => c.ok)).toEqual([false, false, false]);
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});
