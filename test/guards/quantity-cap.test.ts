// A line's quantity is at most 9,999: a stuck key or a mistyped quantity must not put a runaway line on a sale.
// Through the real dispatcher, the path the renderer uses, for a typed quantity and for a rescan (issue 9: "the
// quantity cap raised", "one limit on every path").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeEach(async () => {
  t = await startTestTill();
});
afterEach(async () => {
  await t.close();
});

describe('the quantity cap', () => {
  it('takes 9,999 and refuses 10,000 and more, leaving the line as it was', async () => {
    const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    const lineId = sale.lines[0]!.lineId;
    const at = await t.call('setQuantity', { lineId, quantity: 9_999 });
    expect(at.lines[0]).toMatchObject({ quantity: 9_999, lineTotalHalalas: 9_999 * DEMO.water.price });
    for (const quantity of [10_000, 10_001, 99_999, 1_000_000]) {
      expect({ quantity, result: await t.attempt('setQuantity', { lineId, quantity }) }).toMatchObject({
        quantity,
        // Up to the contract's bound (100 kg in grams, for weighed lines) main refuses a piece line's quantity
        // itself; beyond it the contract does.
        result: { ok: false, error: { code: quantity <= 100_000 ? 'LINE_QUANTITY_LIMIT' : 'INVALID_INPUT' } },
      });
    }
    expect((await t.call('getSale', {})).lines[0]).toMatchObject({ quantity: 9_999 });
  });

  it('a rescan counts up to 9,999 and no further: the same limit on every path', async () => {
    const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    const lineId = sale.lines[0]!.lineId;
    await t.call('setQuantity', { lineId, quantity: 9_998 });
    expect((await t.call('scanBarcode', { barcode: DEMO.water.barcode })).lines).toMatchObject([{ lineId, quantity: 9_999 }]);
    expect(await t.attempt('scanBarcode', { barcode: DEMO.water.barcode })).toMatchObject({ ok: false, error: { code: 'LINE_QUANTITY_LIMIT' } });
    expect(await t.attempt('addProduct', { productId: sale.lines[0]!.productId })).toMatchObject({ ok: false, error: { code: 'LINE_QUANTITY_LIMIT' } });
    // Nothing moved: the line, and the journal's last word on it, are still 9,999.
    expect((await t.call('getSale', {})).lines).toMatchObject([{ lineId, quantity: 9_999 }]);
  });

  it('refuses zero and negative quantities (a line is removed, never set to nothing)', async () => {
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const lineId = sale.lines[0]!.lineId;
    for (const quantity of [0, -1]) {
      expect((await t.attempt('setQuantity', { lineId, quantity })).ok).toBe(false);
    }
    expect(await t.call('setQuantity', { lineId, quantity: 1 })).toMatchObject({ lines: [{ quantity: 1 }] });
  });
});
