import { describe, expect, it } from 'vitest';
import { checkNewPin } from '../../renderer/admin/users/newPin';

describe('the Users tab reads a PIN typed twice', () => {
  it('takes 4–8 digits typed the same twice, Arabic-Indic digits as Latin', () => {
    expect(checkNewPin('5824', '5824')).toEqual({ ok: true, pin: '5824' });
    expect(checkNewPin('٥٨٢٤', '5824')).toEqual({ ok: true, pin: '5824' });
    expect(checkNewPin('12345678', '12345678')).toEqual({ ok: true, pin: '12345678' });
  });
  it('says which is wrong: the format first, then the two differing', () => {
    for (const bad of ['', '123', '123456789', '12a4']) expect(checkNewPin(bad, bad), bad).toEqual({ ok: false, problem: 'format' });
    expect(checkNewPin('5824', '5842')).toEqual({ ok: false, problem: 'mismatch' });
    expect(checkNewPin('5824', '')).toEqual({ ok: false, problem: 'mismatch' });
  });
});
