import { describe, expect, it } from 'vitest';
import { applyKeypadKey } from '../../renderer/keypad/keypadInput';

describe('the on-screen keypad', () => {
  it('appends digits, takes the last one back, clears', () => {
    expect(['1', '2', '3'].reduce((t, k) => applyKeypadKey(t, k as '1'), '')).toBe('123');
    expect(applyKeypadKey('123', 'back')).toBe('12');
    expect(applyKeypadKey('', 'back')).toBe('');
    expect(applyKeypadKey('123', 'clear')).toBe('');
    expect(applyKeypadKey('5', '00')).toBe('500');
  });

  it('offers one decimal point to amounts only, and no fraction of a halala', () => {
    expect(applyKeypadKey('12', '.')).toBe('12'); // not an amount field
    expect(applyKeypadKey('12', '.', { decimal: true })).toBe('12.');
    expect(applyKeypadKey('', '.', { decimal: true })).toBe('0.');
    expect(applyKeypadKey('12.5', '.', { decimal: true })).toBe('12.5');
    expect(applyKeypadKey('12.5', '0', { decimal: true })).toBe('12.50');
    expect(applyKeypadKey('12.50', '7', { decimal: true })).toBe('12.50');
    expect(applyKeypadKey('12.5', '00', { decimal: true })).toBe('12.50');
  });

  it('stops at the field length (a PIN of 8, a quantity of 4 digits)', () => {
    expect(applyKeypadKey('12345678', '9', { maxLength: 8 })).toBe('12345678');
    expect(applyKeypadKey('999', '00', { maxLength: 4 })).toBe('999');
  });
});
