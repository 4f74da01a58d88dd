// Defects the money property tests (money.property.test.ts) found, as plain examples on a real demo till.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTillSimulators } from '../../main/sim';
import type { Receipt } from '../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const PIN = '1234';
let t: TestTill;
beforeAll(async () => {
  t = await startTestTill(undefined, { simulators: createTillSimulators(), providerCheckMs: 0 });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** One line of `quantity` milk at `price` halalas each, with `off` halalas off the line; paid in cash. */
async function sell(price: number, quantity: number, off = 0): Promise<Receipt> {
  const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  const lineId = sale.lines[0]!.lineId;
  await t.call('overridePrice', { lineId, unitPriceHalalas: price, reason: 'price_match', managerPin: PIN });
  await t.call('setQuantity', { lineId, quantity });
  if (off > 0) await t.call('setLineDiscount', { lineId, discount: { rule: { kind: 'amount', halalas: off }, reason: 'promotion' }, managerPin: PIN });
  const due = (await t.call('getSale', {})).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
}

const giveBack = (r: Receipt, quantity: number) =>
  t.attempt('returnSale', { receiptNo: r.receiptNo, lines: [{ lineId: r.lines[0]!.lineId, quantity }], reason: 'customer_changed_mind', managerPin: PIN });

const vatMode = async (pricesIncludeVat: boolean) => {
  const r = await t.call('updateSettings', { managerPin: PIN, settings: { pricesIncludeVat } });
  expect(r.outcome).toBe('saved');
};

describe('a sale returned in parts', () => {
  it('a partial return whose part of the paid amount is nothing is refused by its code, not an internal error', async () => {
    // 10 × 0.01 less 0.09 off: 0.01 paid for the line; one piece of it is worth 0.001, nothing in halalas.
    const r = await sell(1, 10, 9);
    expect(r.totals.totalHalalas).toBe(1);
    const one = await giveBack(r, 1);
    expect(one).toMatchObject({ ok: false, error: { code: 'RETURN_NOTHING_TO_REFUND' } });
    // The rest comes back with the whole halala.
    const rest = await giveBack(r, 10);
    expect(rest.ok && rest.value.refund.totals.totalHalalas).toBe(1);
  });

  it('a weighed line returned by the gram in parts gives back what was paid for it, not a halala more or less', async () => {
    await vatMode(true);
    /** Tomatoes at 0.10 a kg (a price override), `grams` of them, paid in cash. */
    const weighed = async (grams: number) => {
      const sale = await t.call('scanBarcode', { barcode: '30001', grams });
      await t.call('overridePrice', { lineId: sale.lines[0]!.lineId, unitPriceHalalas: 10, reason: 'price_match', managerPin: PIN });
      const due = (await t.call('getSale', {})).dueHalalas;
      return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
    };
    const backInHalves = async (r: Receipt) => {
      const half = r.lines[0]!.quantity / 2;
      const parts = [await giveBack(r, half), await giveBack(r, half)];
      return parts.map((x) => (x.ok ? x.value.refund.totals.totalHalalas : x.error.code));
    };
    // 1.100 kg × 0.10 = 0.11; each 550 g alone is 0.055, 0.06 half-up: the second half was refused as over.
    const over = await weighed(1100);
    expect(over.totals.totalHalalas).toBe(11);
    expect(await backInHalves(over)).toEqual([5, 6]);
    // 1.080 kg × 0.10 = 0.108, paid 0.11; each 540 g alone is 0.054, 0.05: the customer got 0.10 back.
    const under = await weighed(1080);
    expect(under.totals.totalHalalas).toBe(11);
    expect(await backInHalves(under)).toEqual([5, 6]);
  });

  // Each credit note rounds its own VAT (main/returns/returns.ts `priced`), so a sale returned in parts does not
  // give back what was paid. A known defect, described in docs/returns.md (Amounts). `it.fails` pins
  // the defect; when the returns give back exactly what was paid these fail, and become `it`.
  it.fails('VAT-exclusive prices: the parts of a return give back all the customer paid, not a halala less', async () => {
    await vatMode(false);
    // 10 × 0.01 net + 0.02 VAT (1.5 halalas, half-up) = 0.12 paid.
    const r = await sell(1, 10);
    expect(r.totals).toMatchObject({ subtotalHalalas: 10, vatHalalas: 2, totalHalalas: 12 });
    const first = await giveBack(r, 1); // 0.01 + VAT 0 (0.15 halala)
    const rest = await giveBack(r, 9); // 0.09 + VAT 0.01 (1.35 halalas)
    const refunded = [first, rest].map((x) => (x.ok ? x.value.refund.totals.totalHalalas : NaN));
    expect(refunded[0]! + refunded[1]!).toBe(12); // 11 on the current code
  });

  it.fails('VAT-exclusive prices: the last item of a sale returned in parts can come back', async () => {
    await vatMode(false);
    // 2 × 0.10 net + 0.03 VAT = 0.23 paid; one back is 0.10 + 0.02 VAT (1.5 halalas) = 0.12.
    const r = await sell(10, 2);
    expect(r.totals.totalHalalas).toBe(23);
    expect((await giveBack(r, 1)).ok).toBe(true);
    // The second is 0.12 too: 0.24 in all, a halala over the 0.23 paid, so it is refused RETURN_OVER_ORIGINAL.
    const second = await giveBack(r, 1);
    expect(second.ok).toBe(true);
  });

  it.fails('VAT-inclusive prices: the credit notes of a sale returned in parts take back the VAT it charged', async () => {
    await vatMode(true);
    // 2 × 0.10 with VAT inside: VAT 0.03 (2.6 halalas); each 0.10 back carries 0.01 (1.3 halalas).
    const r = await sell(10, 2);
    expect(r.totals).toMatchObject({ totalHalalas: 20, vatHalalas: 3 });
    const parts = [await giveBack(r, 1), await giveBack(r, 1)].map((x) => (x.ok ? x.value.refund.totals : null));
    expect(parts.reduce((s, x) => s + (x?.totalHalalas ?? NaN), 0)).toBe(20); // the money adds up
    expect(parts.reduce((s, x) => s + (x?.vatHalalas ?? NaN), 0)).toBe(3); // 2 on the current code
  });
});
