// The lock key: Ctrl+L by physical key (so it works under the Arabic layout), never while a dialog has the keyboard.
import { describe, expect, it } from 'vitest';
import { hotkeyFor } from '../../renderer/keys/hotkeys';

const press = (key: string, code: string, ctrlKey = true) => ({ key, code, ctrlKey, altKey: false, metaKey: false });

describe('the lock key', () => {
  it('is Ctrl+L under either layout, and nothing while a dialog is open or without Ctrl', () => {
    expect(hotkeyFor(press('l', 'KeyL'), { dialogOpen: false, scanFieldEmpty: true })).toBe('lockTill');
    expect(hotkeyFor(press('م', 'KeyL'), { dialogOpen: false, scanFieldEmpty: false })).toBe('lockTill');
    expect(hotkeyFor(press('l', 'KeyL'), { dialogOpen: true, scanFieldEmpty: true })).toBeNull();
    expect(hotkeyFor(press('l', 'KeyL', false), { dialogOpen: false, scanFieldEmpty: true })).toBeNull();
  });
});
