import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { dialogKeyAction, handleDialogKey, type DialogKeyOptions, type DialogKeyPress } from '../../renderer/shell/dialogKeys';

const press = (key: string, over: Partial<DialogKeyPress> = {}): DialogKeyPress => ({ key, defaultPrevented: false, onDialog: false, ...over });
const noop = (): void => {};

describe('what Enter and Esc mean in a dialog', () => {
  it('sends or confirms with Enter from anywhere in a one-action dialog (a field, a button)', () => {
    const options: DialogKeyOptions = { onEnter: noop, onClose: noop };
    expect(dialogKeyAction(press('Enter'), options)).toBe('enter');
    expect(dialogKeyAction(press('Enter', { onDialog: true }), options)).toBe('enter');
  });

  it('takes Enter only on the dialog itself where its buttons and fields keep their own', () => {
    const options: DialogKeyOptions = { onEnter: noop, enterFrom: 'dialog', onClose: noop };
    expect(dialogKeyAction(press('Enter', { onDialog: true }), options)).toBe('enter');
    expect(dialogKeyAction(press('Enter'), options)).toBeNull();
  });

  it('leaves Enter alone without an action, and any key a field inside already handled', () => {
    expect(dialogKeyAction(press('Enter', { onDialog: true }), { onClose: noop })).toBeNull();
    expect(dialogKeyAction(press('Enter', { defaultPrevented: true }), { onEnter: noop })).toBeNull();
    expect(dialogKeyAction(press('Escape', { defaultPrevented: true }), { onClose: noop })).toBeNull();
  });

  it('closes with Esc and with the key that opened the dialog, not with other keys', () => {
    const options: DialogKeyOptions = { onClose: noop, closeKeys: ['F5'] };
    expect(dialogKeyAction(press('Escape'), options)).toBe('close');
    expect(dialogKeyAction(press('F5'), options)).toBe('close');
    expect(dialogKeyAction(press('F6'), options)).toBeNull();
    expect(dialogKeyAction(press('a'), options)).toBeNull();
  });

  it('closes a step inside first with Esc; the closing key closes the whole dialog', () => {
    const options: DialogKeyOptions = { onClose: noop, closeKeys: ['F7'], nested: { open: true, close: noop } };
    expect(dialogKeyAction(press('Escape'), options)).toBe('back');
    expect(dialogKeyAction(press('F7'), options)).toBe('close');
    expect(dialogKeyAction(press('Escape'), { ...options, nested: { open: false, close: noop } })).toBe('close');
  });

  it('leaves Esc to the dialog around a form that does not close by itself', () => {
    expect(dialogKeyAction(press('Escape'), { onEnter: noop })).toBeNull();
  });
});

describe('the handler', () => {
  const event = (key: string, onDialog = false) => {
    const target = {};
    const e = {
      key,
      defaultPrevented: false,
      target,
      currentTarget: onDialog ? target : {},
      preventDefault: vi.fn(),
      stopPropagation: vi.fn(),
    };
    return { e, react: e as unknown as KeyboardEvent<HTMLElement> };
  };

  it('runs what the key means and stops it there', () => {
    const onEnter = vi.fn();
    const onClose = vi.fn();
    const nestedClose = vi.fn();
    const options: DialogKeyOptions = { onEnter, onClose, nested: { open: true, close: nestedClose } };
    const enter = event('Enter');
    handleDialogKey(enter.react, options);
    expect(onEnter).toHaveBeenCalledOnce();
    expect(enter.e.preventDefault).toHaveBeenCalled();
    expect(enter.e.stopPropagation).toHaveBeenCalled();
    handleDialogKey(event('Escape').react, options);
    expect(nestedClose).toHaveBeenCalledOnce();
    expect(onClose).not.toHaveBeenCalled();
    handleDialogKey(event('Escape').react, { ...options, nested: undefined });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("asks the dialog's own keys next, and lets go of a key nobody took", () => {
    const onKey = vi.fn((e: KeyboardEvent<HTMLElement>) => e.key === 'F12');
    const taken = event('F12');
    handleDialogKey(taken.react, { onClose: noop, onKey });
    expect(taken.e.stopPropagation).toHaveBeenCalled();
    const free = event('x');
    handleDialogKey(free.react, { onClose: noop, onKey });
    expect(onKey).toHaveBeenCalledTimes(2);
    expect(free.e.preventDefault).not.toHaveBeenCalled();
    expect(free.e.stopPropagation).not.toHaveBeenCalled();
    // Enter from a button of a list panel is the button's: it goes on to the button's own default.
    const onEnter = vi.fn();
    const fromButton = event('Enter');
    handleDialogKey(fromButton.react, { onEnter, enterFrom: 'dialog', onClose: noop });
    expect(onEnter).not.toHaveBeenCalled();
    expect(fromButton.e.preventDefault).not.toHaveBeenCalled();
    handleDialogKey(event('Enter', true).react, { onEnter, enterFrom: 'dialog', onClose: noop });
    expect(onEnter).toHaveBeenCalledOnce();
  });
});
