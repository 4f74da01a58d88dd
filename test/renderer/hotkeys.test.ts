import { describe, expect, it } from 'vitest';
import { hotkeyFor, isReservedKey, type HotkeyContext, type KeyPress } from '../../renderer/keys/hotkeys';

const key = (k: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key: k, code: '', ctrlKey: false, altKey: false, metaKey: false, ...extra,
});
const idle: HotkeyContext = { dialogOpen: false, scanFieldEmpty: true };
const typing: HotkeyContext = { dialogOpen: false, scanFieldEmpty: false };
const dialog: HotkeyContext = { dialogOpen: true, scanFieldEmpty: true };

describe('hotkeyFor', () => {
  it('maps the function keys', () => {
    expect(hotkeyFor(key('F12'), idle)).toBe('payCash');
    expect(hotkeyFor(key('F8'), idle)).toBe('voidSale');
    expect(hotkeyFor(key('F4'), idle)).toBe('quantityPrompt');
    expect(hotkeyFor(key('F9'), idle)).toBe('toggleLocale');
    expect(hotkeyFor(key('F10'), idle)).toBe('toggleDigits');
  });

  it('keeps language and digits available inside dialogs, and nothing else', () => {
    expect(hotkeyFor(key('F9'), dialog)).toBe('toggleLocale');
    expect(hotkeyFor(key('F10'), dialog)).toBe('toggleDigits');
    expect(hotkeyFor(key('F12'), dialog)).toBeNull();
    expect(hotkeyFor(key('Delete'), dialog)).toBeNull();
    expect(hotkeyFor(key('+'), dialog)).toBeNull();
  });

  it('selects lines with Ctrl+arrows', () => {
    expect(hotkeyFor(key('ArrowUp', { ctrlKey: true }), typing)).toBe('selectPrevLine');
    expect(hotkeyFor(key('ArrowDown', { ctrlKey: true }), idle)).toBe('selectNextLine');
    expect(hotkeyFor(key('ArrowDown'), idle)).toBeNull();
  });

  it('uses + - Delete only while the scan field is empty', () => {
    expect(hotkeyFor(key('+'), idle)).toBe('quantityUp');
    expect(hotkeyFor(key('-'), idle)).toBe('quantityDown');
    expect(hotkeyFor(key('Delete'), idle)).toBe('removeLine');
    expect(hotkeyFor(key('+', { code: 'NumpadAdd' }), idle)).toBe('quantityUp');
    expect(hotkeyFor(key('-', { code: 'NumpadSubtract' }), idle)).toBe('quantityDown');
    expect(hotkeyFor(key('+'), typing)).toBeNull();
    expect(hotkeyFor(key('Delete'), typing)).toBeNull();
  });

  it('ignores ordinary typing and Alt/Meta chords', () => {
    expect(hotkeyFor(key('a'), idle)).toBeNull();
    expect(hotkeyFor(key('ض'), idle)).toBeNull();
    expect(hotkeyFor(key('F12', { altKey: true }), idle)).toBeNull();
  });

  it('pays by card with F11 and opens the terminal panel with F7, outside dialogs only', () => {
    expect(hotkeyFor(key('F11'), idle)).toBe('payCard');
    expect(hotkeyFor(key('F7'), typing)).toBe('terminalPanel');
    expect(hotkeyFor(key('F11'), dialog)).toBeNull();
    expect(hotkeyFor(key('F7'), dialog)).toBeNull();
  });

  it('pays with STC Pay on Shift+F11, next to the card on F11, outside dialogs only', () => {
    expect(hotkeyFor(key('F11', { shiftKey: true }), idle)).toBe('payStcPay');
    expect(hotkeyFor(key('F11', { shiftKey: true }), typing)).toBe('payStcPay');
    expect(hotkeyFor(key('F11', { shiftKey: false }), idle)).toBe('payCard');
    expect(hotkeyFor(key('F11', { shiftKey: true }), dialog)).toBeNull();
    expect(hotkeyFor(key('F11', { shiftKey: true, altKey: true }), idle)).toBeNull();
  });

  it('offers F2 / F3 only while a payment outcome is unknown', () => {
    const unknown: HotkeyContext = { ...idle, paymentUnknown: true };
    expect(hotkeyFor(key('F2'), unknown)).toBe('recoverPayment');
    expect(hotkeyFor(key('F3'), unknown)).toBe('resolvePayment');
    expect(hotkeyFor(key('F2'), idle)).toBeNull();
    expect(hotkeyFor(key('F3'), { ...dialog, paymentUnknown: true })).toBeNull();
  });

  it('opens the sale history (F5), the print queue (F6) and the drawer (F1), outside dialogs only', () => {
    expect(hotkeyFor(key('F5'), idle)).toBe('historyPanel');
    expect(hotkeyFor(key('F6'), typing)).toBe('printQueue');
    expect(hotkeyFor(key('F1'), idle)).toBe('openDrawer');
    expect(hotkeyFor(key('F5'), dialog)).toBeNull();
    expect(hotkeyFor(key('F6'), dialog)).toBeNull();
    expect(hotkeyFor(key('F1'), dialog)).toBeNull();
    expect(hotkeyFor(key('F5', { altKey: true }), idle)).toBeNull();
  });

  it('opens the business buyer (standard tax invoice) on Ctrl+B by physical key, under any layout, outside dialogs only', () => {
    expect(hotkeyFor(key('b', { code: 'KeyB', ctrlKey: true }), idle)).toBe('buyerDialog');
    expect(hotkeyFor(key('لا', { code: 'KeyB', ctrlKey: true }), typing)).toBe('buyerDialog');
    expect(hotkeyFor(key('b', { code: 'KeyB' }), idle)).toBeNull();
    expect(hotkeyFor(key('B', { code: 'KeyB', ctrlKey: true, shiftKey: true }), idle)).toBeNull();
    expect(hotkeyFor(key('b', { code: 'KeyB', ctrlKey: true }), dialog)).toBeNull();
    expect(hotkeyFor(key('b', { code: 'KeyB', ctrlKey: true, altKey: true }), idle)).toBeNull();
  });

  it('keeps F1, F5 and F6 from the browser (help, reload, address bar) even where they do nothing', () => {
    expect(isReservedKey(key('F5'))).toBe(true);
    expect(isReservedKey(key('F1'))).toBe(true);
    expect(isReservedKey(key('F6'))).toBe(true);
    expect(isReservedKey(key('F12'))).toBe(false);
    expect(isReservedKey(key('F5', { altKey: true }))).toBe(false);
  });

  it('keeps the browser\'s print dialog (Ctrl+P) away under any keyboard layout', () => {
    expect(isReservedKey(key('p', { code: 'KeyP', ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('ح', { code: 'KeyP', ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('p', { code: 'KeyP' }))).toBe(false);
  });

  it('keeps Ctrl+R (a refund in the sale history) from reloading the till, under any layout', () => {
    expect(isReservedKey(key('r', { code: 'KeyR', ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('ق', { code: 'KeyR', ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('r', { code: 'KeyR' }))).toBe(false);
  });
});
