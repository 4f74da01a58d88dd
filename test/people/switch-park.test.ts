// Switching cashier parks the open sale to its owner (issue 14, docs/people.md "Signing in"): on one real card
// till (the ECR simulator as its terminal), the demo cashier (A) and the demo manager (B) take turns. A sale with
// items is parked to its owner when the other signs in, the list names the owner, the owner recalls it, a cashier
// may not take another's parked sale (a manager may), the same user signing in again keeps their sale, and a
// sale whose card payment is in doubt stays on the counter. The tests run in order; the payment left in doubt
// comes last (it closes the simulator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { startCardTill, type CardTill } from '../support/terminal';
import { DEMO } from '../support/till';

let t: CardTill;
beforeAll(async () => {
  t = await startCardTill();
}, 30_000);
afterAll(async () => {
  await t.close();
});

const A = { id: DEMO_CASHIER.id, nameAr: DEMO_CASHIER.nameAr, nameEn: DEMO_CASHIER.nameEn };
const B = { id: DEMO_MANAGER.id, nameAr: DEMO_MANAGER.nameAr, nameEn: DEMO_MANAGER.nameEn };

const ring = async (...barcodes: string[]) => {
  let sale = await t.call('getSale', {});
  for (const barcode of barcodes) sale = await t.call('scanBarcode', { barcode });
  return sale;
};

const parkedEntries = () => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db
      .prepare<[], string>("SELECT payload FROM journal WHERE type = 'sale.parked' ORDER BY seq")
      .pluck()
      .all()
      .map((p) => JSON.parse(p) as Record<string, unknown>);
  } finally {
    db.close();
  }
};

describe('switching cashier', () => {
  it('parks A\'s sale to A when B signs in; B starts on an empty sale of their own; the list names the owner', async () => {
    expect((await t.call('currentUser', {})).user?.id).toBe(A.id);
    const a = await ring(DEMO.milk.barcode, DEMO.bread.barcode);
    expect((await t.call('signIn', { pin: DEMO_MANAGER.pin })).user?.id).toBe(B.id);

    const open = await t.call('getSale', {});
    expect(open.lines).toEqual([]);
    expect(open.saleId).not.toBe(a.saleId);
    const list = await t.call('listParkedSales', {});
    expect(list).toEqual([expect.objectContaining({ saleId: a.saleId, lineCount: 2, totalHalalas: DEMO.milk.price + DEMO.bread.price, cashier: A })]);
    expect(parkedEntries().at(-1)).toMatchObject({ saleId: a.saleId, reason: 'cashier switched', owner: A });

    // B's new sale is B's: it is their name on its receipt.
    await ring(DEMO.water.barcode);
    const paid = await t.call('tenderCash', { tenderedHalalas: DEMO.water.price });
    expect(paid.receipt.cashier).toEqual(B);
  });

  it('a cashier may not recall or void another\'s parked sale; the owner recalls theirs, which keeps its owner', async () => {
    // B (a manager) leaves a sale of their own; A signs in: it is parked to B.
    const b = await ring(DEMO.dates.barcode);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    const list = await t.call('listParkedSales', {});
    expect(list.map((p) => [p.saleId, p.cashier?.id])).toEqual([
      [b.saleId, B.id],
      [expect.any(String), A.id],
    ]);
    const mine = list[1]!;

    for (const refused of [await t.attempt('recallSale', { saleId: b.saleId }), await t.attempt('voidParkedSale', { saleId: b.saleId })]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'PARKED_SALE_NOT_YOURS' } });
      if (!refused.ok) {
        expect(refused.error.message_ar).toMatch(/[\u0600-\u06ff]/);
        expect(refused.error.message_en).toMatch(/another cashier/);
      }
    }
    const recalled = await t.call('recallSale', { saleId: mine.saleId });
    expect(recalled).toMatchObject({ saleId: mine.saleId, totals: { totalHalalas: mine.totalHalalas } });
    const paid = await t.call('tenderCash', { tenderedHalalas: recalled.dueHalalas });
    expect(paid.receipt.cashier).toEqual(A);

    // A manager may take over a cashier's (or anyone's) parked sale: B recalls their own here, and voids it.
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    expect(await t.call('voidParkedSale', { saleId: b.saleId })).toEqual([]);
  });

  it('a manager may recall a cashier\'s parked sale', async () => {
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    const a = await ring(DEMO.coffee.barcode);
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    expect((await t.call('recallSale', { saleId: a.saleId })).saleId).toBe(a.saleId);
    await t.call('voidSale', {});
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });

  it('the same user signing in again (after the lock) keeps their sale open, not parked', async () => {
    const before = parkedEntries().length;
    const a = await ring(DEMO.milk.barcode);
    await t.call('signOut', {});
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    const back = await t.call('getSale', {});
    expect(back.saleId).toBe(a.saleId);
    expect(back.lines).toHaveLength(1);
    expect(await t.call('listParkedSales', {})).toEqual([]);
    expect(parkedEntries()).toHaveLength(before);
    await t.call('voidSale', {});
  });

  it('ledger verify replays the switch', () => {
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS })).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });

  it('keeps a sale whose card payment is in doubt on the counter, its owner kept, when another cashier signs in', async () => {
    const sale = await ring(DEMO.milk.barcode);
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
    expect(result.outcome).toBe('unknown');

    const before = parkedEntries().length;
    expect((await t.call('signIn', { pin: DEMO_MANAGER.pin })).user?.id).toBe(B.id);
    const open = await t.call('getSale', {});
    expect(open.saleId).toBe(sale.saleId);
    expect(open.payment).not.toBeNull();
    expect(await t.call('listParkedSales', {})).toEqual([]);
    expect(parkedEntries()).toHaveLength(before);
  }, 30_000);
});
