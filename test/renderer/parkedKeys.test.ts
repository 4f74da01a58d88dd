import { describe, expect, it } from 'vitest';
import { hotkeyFor } from '../../renderer/keys/hotkeys';
import { moveHighlight, parkedKey } from '../../renderer/parked/parkedKeys';

const press = (key: string, more: Partial<{ ctrlKey: boolean; shiftKey: boolean; code: string; repeat: boolean }> = {}) => ({
  key,
  code: more.code ?? key,
  ctrlKey: more.ctrlKey ?? false,
  altKey: false,
  metaKey: false,
  shiftKey: more.shiftKey ?? false,
  ...(more.repeat ? { repeat: true } : {}),
});

describe('parked sales keys', () => {
  it('Ctrl+H parks and Ctrl+Shift+H lists, by physical key (Arabic layout too), never over a dialog', () => {
    const ctx = { dialogOpen: false, scanFieldEmpty: true };
    expect(hotkeyFor(press('h', { ctrlKey: true, code: 'KeyH' }), ctx)).toBe('parkSale');
    expect(hotkeyFor(press('ا', { ctrlKey: true, code: 'KeyH' }), ctx)).toBe('parkSale');
    expect(hotkeyFor(press('H', { ctrlKey: true, shiftKey: true, code: 'KeyH' }), ctx)).toBe('parkedSales');
    expect(hotkeyFor(press('h', { ctrlKey: true, code: 'KeyH' }), { ...ctx, dialogOpen: true })).toBeNull();
    expect(hotkeyFor(press('h', { code: 'KeyH' }), ctx)).toBeNull();
  });

  it("Enter recalls only a sale picked with the arrows since the list opened: a scanner's Enter gets the hint", () => {
    expect(parkedKey(press('Enter'), false)).toEqual({ kind: 'hint' });
    expect(parkedKey(press('Enter'), true)).toEqual({ kind: 'recall' });
    expect(parkedKey(press('Enter', { repeat: true }), true)).toEqual({ kind: 'hint' });
    expect(parkedKey(press('ArrowDown'), false)).toEqual({ kind: 'move', delta: 1 });
    expect(parkedKey(press('ArrowUp'), true)).toEqual({ kind: 'move', delta: -1 });
    expect(parkedKey(press('F8'), false)).toEqual({ kind: 'void' });
    expect(parkedKey(press('Enter', { ctrlKey: true }), true)).toBeNull();
  });

  it('keeps the highlight inside the list', () => {
    expect(moveHighlight(0, -1, 3)).toBe(0);
    expect(moveHighlight(2, 1, 3)).toBe(2);
    expect(moveHighlight(1, 1, 3)).toBe(2);
    expect(moveHighlight(4, 0, 2)).toBe(1);
    expect(moveHighlight(0, 1, 0)).toBe(0);
  });
});
