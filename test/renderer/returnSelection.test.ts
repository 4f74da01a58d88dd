import { describe, expect, it } from 'vitest';
import { MAX_RETURN_LINES, ReturnInput, type ReturnableLine, type ReturnableReceipt } from '../../preload/contract/returns';
import {
  confirmOnCtrlEnter,
  isConfirmKey,
  noSelection,
  nothingLeft,
  quantityOf,
  returnRequest,
  selectedLineCount,
  stepFor,
  stepQuantity,
  withQuantity,
  type Selection,
} from '../../renderer/returns/returnSelection';

const line = (lineId: string, sold: number, returned = 0): ReturnableLine => ({
  line: {
    lineId,
    productId: 1,
    barcode: '6281000000014',
    nameAr: 'حليب',
    nameEn: 'Milk',
    quantity: sold,
    unitPriceHalalas: 650,
    lineTotalHalalas: 650 * sold,
    vatCategory: 'S',
  },
  returnedQuantity: returned,
  returnableQuantity: sold - returned,
});

const offer = (lines: ReturnableLine[]): ReturnableReceipt => ({
  receiptNo: 'T01-000001',
  issuedAt: '2025-11-27T10:00:00Z',
  totalHalalas: 10_000,
  refundedHalalas: 0,
  lines,
  returns: [],
});

const select = (o: ReturnableReceipt, picks: Record<string, number>): Selection =>
  Object.entries(picks).reduce<Selection>((s, [id, q]) => withQuantity(s, o.lines.find((l) => l.line.lineId === id)!, q), noSelection);

describe('return selection', () => {
  it('steps a line between 0 and what may still come back', () => {
    const l = line('L1', 3, 1);
    let s = stepQuantity(noSelection, l, -1);
    expect(quantityOf(s, 'L1')).toBe(0);
    expect(s.has('L1')).toBe(false);
    s = stepQuantity(stepQuantity(stepQuantity(s, l, 1), l, 1), l, 1);
    expect(quantityOf(s, 'L1')).toBe(2);
    s = stepQuantity(s, l, -1);
    expect(quantityOf(s, 'L1')).toBe(1);
    expect(quantityOf(stepQuantity(s, l, -1), 'L1')).toBe(0);
  });

  it('never selects a line with nothing left', () => {
    const l = line('L1', 2, 2);
    expect(stepQuantity(noSelection, l, 1).size).toBe(0);
    expect(withQuantity(noSelection, l, 5).size).toBe(0);
  });

  it('does not change the selection it was given', () => {
    const l = line('L1', 2);
    const before = withQuantity(noSelection, l, 1);
    stepQuantity(before, l, 1);
    expect(quantityOf(before, 'L1')).toBe(1);
  });

  it('builds the contract input in the receipt order, only the lines chosen, without a PIN', () => {
    const o = offer([line('L1', 2), line('L2', 1, 1), line('L3', 4, 1)]);
    const r = returnRequest(o, select(o, { L3: 2, L1: 1 }), 'damaged');
    expect(r).toEqual({
      ok: true,
      value: {
        receiptNo: 'T01-000001',
        lines: [
          { lineId: 'L1', quantity: 1 },
          { lineId: 'L3', quantity: 2 },
        ],
        reason: 'damaged',
      },
    });
    // What main's contract accepts, strict: no stray field, no amount computed by the view.
    expect(ReturnInput.safeParse(r.ok ? r.value : null).success).toBe(true);
  });

  it('keeps a quantity within what is left when the offer was read again after another return', () => {
    const before = offer([line('L1', 3)]);
    const s = select(before, { L1: 3 });
    const after = offer([line('L1', 3, 2)]);
    expect(returnRequest(after, s, 'expired')).toMatchObject({ ok: true, value: { lines: [{ lineId: 'L1', quantity: 1 }] } });
    expect(returnRequest(offer([line('L2', 1)]), s, 'expired')).toEqual({ ok: false, block: 'none_selected' });
  });

  it('says why it cannot be confirmed yet', () => {
    const o = offer([line('L1', 2)]);
    expect(returnRequest(o, noSelection, 'damaged')).toEqual({ ok: false, block: 'none_selected' });
    expect(returnRequest(o, select(o, { L1: 1 }), null)).toEqual({ ok: false, block: 'no_reason' });
    const done = offer([line('L1', 2, 2), line('L2', 1, 1)]);
    expect(nothingLeft(done)).toBe(true);
    expect(nothingLeft(o)).toBe(false);
    expect(returnRequest(done, noSelection, 'damaged')).toEqual({ ok: false, block: 'nothing_left' });
  });

  it(`refuses more than ${MAX_RETURN_LINES} different items, like the contract`, () => {
    const lines = Array.from({ length: MAX_RETURN_LINES + 1 }, (_, i) => line(`L${i}`, 1));
    const o = offer(lines);
    const all = lines.reduce<Selection>((s, l) => withQuantity(s, l, 1), noSelection);
    expect(selectedLineCount(o, all)).toBe(MAX_RETURN_LINES + 1);
    expect(returnRequest(o, all, 'damaged')).toEqual({ ok: false, block: 'too_many' });
    const twelve = withQuantity(all, lines[0]!, 0);
    const r = returnRequest(o, twelve, 'damaged');
    expect(r.ok).toBe(true);
    expect(ReturnInput.safeParse(r.ok ? r.value : null).success).toBe(true);
  });
});

describe('return keys', () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
  });

  it('confirms only on Ctrl+Enter, never on the plain Enter a scanner ends with', () => {
    expect(isConfirmKey(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(isConfirmKey(press('Enter'))).toBe(false);
    expect(isConfirmKey(press('Enter', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isConfirmKey(press('m', { ctrlKey: true }))).toBe(false);
  });

  it("a form's capture handler confirms on Ctrl+Enter and stops the key there; a plain Enter goes on to the field", () => {
    let confirmed = 0;
    const handler = confirmOnCtrlEnter(() => (confirmed += 1));
    const event = (key: string, ctrlKey: boolean) => {
      const e = { ...press(key, { ctrlKey }), stopped: false, prevented: false, preventDefault: () => (e.prevented = true), stopPropagation: () => (e.stopped = true) };
      return e;
    };
    const ctrlEnter = event('Enter', true);
    handler(ctrlEnter);
    expect([confirmed, ctrlEnter.prevented, ctrlEnter.stopped]).toEqual([1, true, true]);
    const enter = event('Enter', false);
    handler(enter);
    expect([confirmed, enter.prevented, enter.stopped]).toEqual([1, false, false]);
  });

  it('steps with + and −, not with modifiers', () => {
    expect(stepFor(press('+'))).toBe(1);
    expect(stepFor(press('-'))).toBe(-1);
    expect(stepFor(press('+', { ctrlKey: true }))).toBe(null);
    expect(stepFor(press('5'))).toBe(null);
  });
});
