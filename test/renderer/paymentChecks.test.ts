import { describe, expect, it } from 'vitest';
import {
  checkAuthCode,
  checkPaymentAmount,
  checkPin,
  checkResolve,
  checkRrn,
  checkStcPayRef,
  normaliseReceiptNo,
} from '../../renderer/payments/checks';

describe('payment amount (card or STC Pay)', () => {
  it('is all that is due when empty, a split when smaller, refused when larger', () => {
    expect(checkPaymentAmount('', 3425)).toEqual({ ok: true, value: 3425 });
    expect(checkPaymentAmount('34.25', 3425)).toEqual({ ok: true, value: 3425 });
    expect(checkPaymentAmount('10', 3425)).toEqual({ ok: true, value: 1000 });
    expect(checkPaymentAmount('١٠٫٥', 3425)).toEqual({ ok: true, value: 1050 });
    expect(checkPaymentAmount('34.26', 3425)).toEqual({ ok: false, code: 'AMOUNT_OVER_DUE' });
    expect(checkPaymentAmount('0', 3425)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
    expect(checkPaymentAmount('abc', 3425)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
    expect(checkPaymentAmount('', 0)).toEqual({ ok: false, code: 'NOTHING_DUE' });
  });
});

describe('manager PIN', () => {
  it('takes 4-8 digits in any script and nothing else', () => {
    expect(checkPin('1234')).toEqual({ ok: true, value: '1234' });
    expect(checkPin('١٢٣٤٥٦')).toEqual({ ok: true, value: '123456' });
    expect(checkPin('123')).toEqual({ ok: false, code: 'PIN_INVALID' });
    expect(checkPin('123456789')).toEqual({ ok: false, code: 'PIN_INVALID' });
    expect(checkPin('12a4')).toEqual({ ok: false, code: 'PIN_INVALID' });
  });
});

describe('evidence from the terminal receipt', () => {
  it('reads a 12-digit RRN, spaces as printed allowed', () => {
    expect(checkRrn('123456789012')).toEqual({ ok: true, value: '123456789012' });
    expect(checkRrn('1234 5678 9012')).toEqual({ ok: true, value: '123456789012' });
    expect(checkRrn('12345678901')).toEqual({ ok: false, code: 'RRN_INVALID' });
  });

  it('reads a 6-character approval code, upper-cased', () => {
    expect(checkAuthCode('a1b2c3')).toEqual({ ok: true, value: 'A1B2C3' });
    expect(checkAuthCode('12345')).toEqual({ ok: false, code: 'AUTH_CODE_INVALID' });
    expect(checkAuthCode('12-456')).toEqual({ ok: false, code: 'AUTH_CODE_INVALID' });
  });

  it('needs an explicit outcome, evidence for approved, only the PIN for declined', () => {
    const form = { outcome: null, rrn: '', authCode: '', pin: '1234' } as const;
    expect(checkResolve(form)).toEqual({ ok: false, code: 'OUTCOME_REQUIRED' });
    expect(checkResolve({ ...form, outcome: 'approved' })).toEqual({ ok: false, code: 'RRN_INVALID' });
    expect(checkResolve({ ...form, outcome: 'approved', rrn: '123456789012' })).toEqual({ ok: false, code: 'AUTH_CODE_INVALID' });
    expect(checkResolve({ ...form, outcome: 'approved', rrn: '123456789012', authCode: 'ab12cd', pin: '12' })).toEqual({
      ok: false,
      code: 'PIN_INVALID',
    });
    expect(checkResolve({ ...form, outcome: 'approved', rrn: '123456789012', authCode: 'ab12cd' })).toEqual({
      ok: true,
      value: { outcome: 'approved', rrn: '123456789012', authCode: 'AB12CD', managerPin: '1234' },
    });
    expect(checkResolve({ ...form, outcome: 'declined', rrn: 'junk' })).toEqual({
      ok: true,
      value: { outcome: 'declined', managerPin: '1234' },
    });
  });
});

describe('evidence from the STC Pay merchant portal', () => {
  it('reads the STCPayRefNum: 6-40 letters, digits or dashes, case kept', () => {
    expect(checkStcPayRef('STC-20251127-0001')).toEqual({ ok: true, value: 'STC-20251127-0001' });
    expect(checkStcPayRef(' 1234 5678 ')).toEqual({ ok: true, value: '12345678' });
    expect(checkStcPayRef('١٢٣٤٥٦')).toEqual({ ok: true, value: '123456' });
    expect(checkStcPayRef('12345')).toEqual({ ok: false, code: 'STCPAY_REF_INVALID' });
    expect(checkStcPayRef('a'.repeat(41))).toEqual({ ok: false, code: 'STCPAY_REF_INVALID' });
    expect(checkStcPayRef('12345_78')).toEqual({ ok: false, code: 'STCPAY_REF_INVALID' });
  });

  it('settles an STC Pay payment as approved with the reference alone (sent as rrn, no approval code)', () => {
    const form = { outcome: 'approved', rrn: '', authCode: '', pin: '1234' } as const;
    expect(checkResolve(form, 'stcpay')).toEqual({ ok: false, code: 'STCPAY_REF_INVALID' });
    expect(checkResolve({ ...form, rrn: 'STC123456' }, 'stcpay')).toEqual({
      ok: true,
      value: { outcome: 'approved', rrn: 'STC123456', managerPin: '1234' },
    });
    expect(checkResolve({ ...form, rrn: 'STC123456', pin: '' }, 'stcpay')).toEqual({ ok: false, code: 'PIN_INVALID' });
    // A card's 12-digit RRN rule does not apply, and a card still needs its own evidence.
    expect(checkResolve({ ...form, rrn: 'STC123456' }, 'card')).toEqual({ ok: false, code: 'RRN_INVALID' });
    expect(checkResolve({ ...form, outcome: 'declined' }, 'stcpay')).toEqual({ ok: true, value: { outcome: 'declined', managerPin: '1234' } });
  });
});

describe('receipt number', () => {
  it('normalises a typed receipt number', () => {
    expect(normaliseReceiptNo(' t01-٠٠٠٠٤٢ ')).toBe('T01-000042');
    expect(normaliseReceiptNo('   ')).toBeNull();
  });
});
