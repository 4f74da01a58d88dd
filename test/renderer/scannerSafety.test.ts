// The pure rules behind scanner-safe prompts: characters typed where nothing takes text end as a scan, a
// destructive prompt is confirmed only by a key no scanner sends, an error goes with its context, and a removed
// line comes back through ordinary changes.
import { describe, expect, it } from 'vitest';
import type { SaleLine } from '../../preload/contract/schemas';
import { confirmKeyAction, isPointerClick } from '../../renderer/keys/deliberateConfirm';
import { hotkeyFor, type HotkeyContext, type KeyPress } from '../../renderer/keys/hotkeys';
import { bannerScope, outOfScope } from '../../renderer/sale/bannerScope';
import { removedLineOf, restoreTarget, undoable, UNDO_MS } from '../../renderer/sale/lineUndo';
import { safetyError } from '../../renderer/scanner/safetyMessages';
import { createStrayKeys } from '../../renderer/scanner/strayKeys';
import type { Keystroke } from '../../renderer/scanner/wedge';
import { openSale } from './fixtures';

const stroke = (code: string, key: string, extra: Partial<Keystroke> = {}): Keystroke => ({ code, key, timeStamp: 0, shiftKey: false, ...extra });
const digits = (text: string): Keystroke[] => [...text].map((d) => stroke(`Digit${d}`, d));
const ENTER = stroke('Enter', 'Enter');

describe('stray keys (typed where nothing takes text)', () => {
  it('end as a barcode, read by physical key, however slowly they came', () => {
    const strays = createStrayKeys(6);
    for (const k of digits('6281000000021')) expect(strays.feed(k, false)).toBeNull();
    expect(strays.feed(ENTER, false)).toBe('6281000000021');
    // Under the Arabic layout: the keys say ض ص "لا" or nothing; their positions are the barcode.
    const arabic = [stroke('KeyP', 'ح'), stroke('KeyL', ''), stroke('KeyB', 'لا'), ...digits('2024').map((k) => ({ ...k, key: '٢' }))];
    for (const k of arabic) strays.feed(k, false);
    expect(strays.feed(ENTER, false)).toBe('plb2024');
  });

  it('are nothing when a field took them, when a person edited, or when too few', () => {
    const strays = createStrayKeys(6);
    for (const k of digits('628100')) strays.feed(k, true);
    expect(strays.feed(ENTER, true)).toBeNull();
    for (const k of digits('628')) strays.feed(k, false);
    strays.feed(stroke('Tab', 'Tab'), false);
    for (const k of digits('100')) strays.feed(k, false);
    expect(strays.feed(ENTER, false)).toBeNull();
    for (const k of digits('12345')) strays.feed(k, false);
    expect(strays.feed(ENTER, false)).toBeNull();
    // Shift for a capital does not break the run; Ctrl+key, auto-repeat do.
    strays.feed(stroke('ShiftLeft', 'Shift', { shiftKey: true }), false);
    for (const k of digits('123456')) strays.feed(k, false);
    expect(strays.feed(ENTER, false)).toBe('123456');
    for (const k of digits('12345')) strays.feed(k, false);
    strays.feed(stroke('KeyC', 'c', { ctrlKey: true }), false);
    strays.feed(stroke('Digit6', '6'), false);
    expect(strays.feed(ENTER, false)).toBeNull();
  });
});

describe('a destructive prompt is confirmed only deliberately', () => {
  const press = (key: string, extra: Partial<KeyPress & { repeat: boolean }> = {}) => ({ key, code: key, ctrlKey: false, altKey: false, metaKey: false, ...extra });

  it('by its own key again or Ctrl+Enter; Enter alone only gets the hint', () => {
    expect(confirmKeyAction(press('F8'), 'F8')).toBe('confirm');
    expect(confirmKeyAction(press('Enter', { ctrlKey: true }), 'F8')).toBe('confirm');
    expect(confirmKeyAction(press('Enter'), 'F8')).toBe('hint');
    expect(confirmKeyAction({ ...press('Enter'), code: 'NumpadEnter' }, 'F8')).toBe('hint');
    expect(confirmKeyAction(press('Enter', { shiftKey: true }), 'F8')).toBe('hint');
  });

  it('never by a held key, another key, or a modified own key', () => {
    expect(confirmKeyAction(press('F8', { repeat: true }), 'F8')).toBeNull();
    expect(confirmKeyAction(press('Enter', { ctrlKey: true, repeat: true }), 'F8')).toBeNull();
    expect(confirmKeyAction(press('F8', { ctrlKey: true }), 'F8')).toBeNull();
    expect(confirmKeyAction(press('F8', { altKey: true }), 'F8')).toBeNull();
    expect(confirmKeyAction(press(' '), 'F8')).toBeNull();
    expect(confirmKeyAction(press('6'), 'F8')).toBeNull();
  });

  it('a click counts only from a pointer (Enter or Space on a focused button clicks with detail 0)', () => {
    expect(isPointerClick({ detail: 1 })).toBe(true);
    expect(isPointerClick({ detail: 0 })).toBe(false);
  });
});

describe('the till keys for undo and search by name', () => {
  const key = (k: string, code: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key: k, code, ctrlKey: true, altKey: false, metaKey: false, ...extra });
  const idle: HotkeyContext = { dialogOpen: false, scanFieldEmpty: true };

  it('by physical key, so they work under the Arabic layout', () => {
    expect(hotkeyFor(key('ئ', 'KeyZ'), idle)).toBe('undoRemove');
    expect(hotkeyFor(key('ب', 'KeyF'), idle)).toBe('searchByName');
  });

  it('leave Ctrl+Z to the field while it holds text, and both to a dialog', () => {
    expect(hotkeyFor(key('z', 'KeyZ'), { ...idle, scanFieldEmpty: false })).toBeNull();
    expect(hotkeyFor(key('f', 'KeyF'), { ...idle, scanFieldEmpty: false })).toBe('searchByName');
    expect(hotkeyFor(key('z', 'KeyZ'), { ...idle, dialogOpen: true })).toBeNull();
    expect(hotkeyFor(key('f', 'KeyF'), { ...idle, dialogOpen: true })).toBeNull();
    expect(hotkeyFor(key('Z', 'KeyZ', { shiftKey: true }), idle)).toBeNull(); // Ctrl+Shift+Z is a redo elsewhere
  });
});

describe('an error goes with its context', () => {
  const scopeA = bannerScope('A', 'none', false);
  const error = { id: 7, tone: 'error' as const };

  it('names the sale, the dialog and the payment panel', () => {
    expect(new Set([scopeA, bannerScope('B', 'none', false), bannerScope('A', 'drawer', false), bannerScope('A', 'none', true)]).size).toBe(4);
    expect(bannerScope(null, 'none', false)).not.toBe(scopeA);
  });

  it('goes when the context changed after it was raised', () => {
    expect(outOfScope({ scope: bannerScope('A', 'drawer', false), bannerId: 7 }, scopeA, error)).toBe(true);
    expect(outOfScope({ scope: scopeA, bannerId: 7 }, bannerScope('B', 'none', false), error)).toBe(true);
  });

  it('stays in its own context, when raised with the change, and when it is a notice', () => {
    expect(outOfScope({ scope: scopeA, bannerId: 7 }, scopeA, error)).toBe(false);
    expect(outOfScope({ scope: bannerScope('A', 'drawer', false), bannerId: 6 }, scopeA, error)).toBe(false);
    expect(outOfScope({ scope: bannerScope('A', 'void', false), bannerId: 7 }, bannerScope('B', 'none', false), { id: 7, tone: 'info' })).toBe(false);
    expect(outOfScope({ scope: scopeA, bannerId: null }, bannerScope('B', 'none', false), null)).toBe(false);
  });
});

describe('undoing a removed line', () => {
  const line = (lineId: string, productId: number, quantity: number): SaleLine => ({
    lineId, productId, barcode: `628${productId}`, nameAr: 'حليب', nameEn: 'Milk', quantity,
    unitPriceHalalas: 650, lineTotalHalalas: 650 * quantity, vatCategory: 'S',
  });

  it('remembers what was removed, for the same open sale and for a few seconds', () => {
    const sale = openSale({ saleId: 'S1', lines: [line('L1', 1, 3), line('L2', 2, 1)] });
    const gone = removedLineOf(sale, 'L1', 'delete', 1000);
    expect(gone).toMatchObject({ saleId: 'S1', lineId: 'L1', productId: 1, quantity: 3, reason: 'delete' });
    expect(removedLineOf(sale, 'nope', 'delete', 1000)).toBeNull();
    const after = openSale({ saleId: 'S1', lines: [line('L2', 2, 1)] });
    expect(undoable(gone, after, 1000 + UNDO_MS - 1)).toBe(true);
    expect(undoable(gone, after, 1000 + UNDO_MS)).toBe(false);
    expect(undoable(gone, openSale({ saleId: 'S2', lines: [] }), 1001)).toBe(false);
    expect(undoable(gone, { ...after, status: 'completed' }, 1001)).toBe(false);
    expect(undoable(null, after, 1001)).toBe(false);
  });

  it('sets the quantity back on the new line the add made (none to set for a quantity of 1)', () => {
    const gone = removedLineOf(openSale({ lines: [line('L1', 1, 3)] }), 'L1', 'delete', 0)!;
    const before = openSale({ lines: [line('L2', 2, 1)] });
    const after = openSale({ lines: [line('L2', 2, 1), line('L9', 1, 1)] });
    expect(restoreTarget(before, after, gone)).toEqual({ lineId: 'L9', quantity: 3 });
    const one = removedLineOf(openSale({ lines: [line('L1', 1, 1)] }), 'L1', 'minus', 0)!;
    expect(restoreTarget(before, after, one)).toBeNull();
  });

  it('adds to a line of the same product that was rescanned meanwhile, up to the line limit', () => {
    const gone = removedLineOf(openSale({ lines: [line('L1', 1, 3)] }), 'L1', 'delete', 0)!;
    const before = openSale({ lines: [line('L5', 1, 2)] });
    const after = openSale({ lines: [line('L5', 1, 3)] });
    expect(restoreTarget(before, after, gone)).toEqual({ lineId: 'L5', quantity: 5 });
    const big = { ...gone, quantity: 9998 };
    expect(restoreTarget(before, after, big)).toEqual({ lineId: 'L5', quantity: 9999 });
  });
});

describe('messages', () => {
  it('carry a stable code and both languages', () => {
    for (const code of ['SCAN_NOT_A_PIN', 'NOTHING_TO_UNDO'] as const) {
      const m = safetyError(code);
      expect(m.code).toBe(code);
      expect(m.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(m.message_en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
