// Refunds and the drawer read the role limits (issue 14, main/people/limits.ts): a return within the signed-in
// user's refundWithoutApprovalHalalas goes without a PIN, past it REFUND_NEEDS_APPROVAL unless a supervisor's PIN
// or above comes with it; the drawer opens without a sale alone for a role whose limit says so. A trainee does
// neither (the gate: 'till'). Through the real dispatcher on one demo till, signed in as its demo cashier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { DEFAULT_ROLE_LIMITS, DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const SUPERVISOR_PIN = '4321';
let t: TestTill;
beforeAll(async () => {
  t = await startTestTill(undefined, { providerCheckMs: 0 });
  await t.call('addUser', { managerPin: DEMO_MANAGER.pin, nameAr: 'منى', nameEn: 'Muna', role: 'supervisor', pin: SUPERVISOR_PIN });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const types = (): string[] => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], string>('SELECT type FROM journal ORDER BY seq').pluck().all();
  } finally {
    db.close();
  }
};
const since = (before: number) => types().slice(before);

async function sell(barcodes: string[]) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
}
const returnOne = (receipt: Awaited<ReturnType<typeof sell>>, managerPin?: string) =>
  t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged', ...(managerPin ? { managerPin } : {}) });

describe('a refund within the role limit', () => {
  it('needs an approver for a cashier (limit 0), and goes alone for a supervisor within theirs', async () => {
    expect(DEFAULT_ROLE_LIMITS.cashier.refundWithoutApprovalHalalas).toBe(0);
    expect(DEMO.milk.price).toBeLessThanOrEqual(DEFAULT_ROLE_LIMITS.supervisor.refundWithoutApprovalHalalas);
    const receipt = await sell([DEMO.milk.barcode, DEMO.milk.barcode, DEMO.milk.barcode]);
    expect(await returnOne(receipt)).toMatchObject({ ok: false, error: { code: 'REFUND_NEEDS_APPROVAL' } });
    expect(await returnOne(receipt, DEMO_CASHIER.pin)).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    let before = types().length;
    expect((await returnOne(receipt, SUPERVISOR_PIN)).ok).toBe(true);
    expect(since(before)).toEqual(expect.arrayContaining(['manager.override', 'manager.authorised', 'return.issued']));

    await t.call('signIn', { pin: SUPERVISOR_PIN });
    before = types().length;
    expect((await returnOne(receipt)).ok).toBe(true);
    const alone = since(before);
    expect(alone).toContain('return.issued');
    expect(alone).not.toContain('manager.override');
    expect(alone).not.toContain('manager.authorised');
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });

  it('asks the supervisor for an approver past their limit', async () => {
    // Enough milk to pass the supervisor's 200.00 SAR.
    const item = DEMO.milk;
    const count = Math.floor(DEFAULT_ROLE_LIMITS.supervisor.refundWithoutApprovalHalalas / item.price) + 1;
    let due = 0;
    for (let i = 0; i < count; i += 1) due = (await t.call('scanBarcode', { barcode: item.barcode })).dueHalalas;
    const receipt = (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
    await t.call('signIn', { pin: SUPERVISOR_PIN });
    const all = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    expect(await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: all, reason: 'damaged' })).toMatchObject({ ok: false, error: { code: 'REFUND_NEEDS_APPROVAL' } });
    expect((await t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: all, reason: 'damaged', managerPin: DEMO_MANAGER.pin })).ok).toBe(true);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });
});

describe('the drawer without a sale', () => {
  it('opens alone for a supervisor, needs an approver for a cashier', async () => {
    expect(await t.attempt('openDrawer', { reason: 'change' })).toMatchObject({ ok: false, error: { code: 'DRAWER_NEEDS_APPROVAL' } });
    let before = types().length;
    expect((await t.attempt('openDrawer', { reason: 'change', managerPin: SUPERVISOR_PIN })).ok).toBe(true);
    expect(since(before)).toEqual(['manager.override', 'drawer.opened_without_sale']);
    await t.call('signIn', { pin: SUPERVISOR_PIN });
    before = types().length;
    expect((await t.attempt('openDrawer', { reason: 'change' })).ok).toBe(true);
    expect(since(before)).toEqual(['drawer.opened_without_sale']);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });
});
