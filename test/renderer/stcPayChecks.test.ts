import { describe, expect, it } from 'vitest';
import { checkOtp, checkSaudiMobile, formatCountdown, secondsLeft } from '../../renderer/payments/stcPayChecks';

describe('the customer mobile number for STC Pay', () => {
  it.each([
    ['0551234567'],
    ['055 123 4567'],
    ['055-123-4567'],
    ['966551234567'],
    ['+966551234567'],
    ['+966 55 123 4567'],
    ['(055) 123-4567'],
    ['٠٥٥١٢٣٤٥٦٧'], // Arabic-Indic digits, as the Arabic layout types them
    ['۰۵۵۱۲۳۴۵۶۷'], // Extended Arabic-Indic (Persian / Urdu layouts)
    ['+٩٦٦٥٥١٢٣٤٥٦٧'],
    ['\u200e+966551234567'], // a pasted number with a bidi mark
  ])('accepts %s as 966551234567', (typed) => {
    expect(checkSaudiMobile(typed)).toEqual({ ok: true, value: '966551234567' });
  });

  it.each([
    [''],
    ['551234567'], // no leading 0 or country code
    ['00966551234567'], // 00 international prefix
    ['0112345678'], // a Riyadh landline
    ['05512345678'], // one digit too many
    ['055123456'], // one too few
    ['+971551234567'], // another country
    ['9665512345678'],
    ['05512a4567'],
    ['0'.repeat(40)],
  ])('refuses %s with the same code main uses', (typed) => {
    expect(checkSaudiMobile(typed)).toEqual({ ok: false, code: 'STCPAY_MOBILE_INVALID' });
  });
});

describe('the code from the STC Pay app', () => {
  it('takes 4-8 digits in any script, spaces dropped', () => {
    expect(checkOtp('123456')).toEqual({ ok: true, value: '123456' });
    expect(checkOtp('١٢٣٤٥٦')).toEqual({ ok: true, value: '123456' });
    expect(checkOtp(' 123 456 ')).toEqual({ ok: true, value: '123456' });
    expect(checkOtp('1234')).toEqual({ ok: true, value: '1234' });
  });
  it('refuses anything else', () => {
    for (const bad of ['', '123', '123456789', '12a456', '12-456']) expect(checkOtp(bad), bad).toEqual({ ok: false, code: 'OTP_INVALID' });
  });
});

describe('the code expiry countdown', () => {
  const expiresAt = '2025-11-27T10:05:00.000Z';
  const at = (iso: string) => Date.parse(iso);
  it('counts whole seconds up, stops at zero', () => {
    expect(secondsLeft(expiresAt, at('2025-11-27T10:00:00.000Z'))).toBe(300);
    expect(secondsLeft(expiresAt, at('2025-11-27T10:04:59.100Z'))).toBe(1);
    expect(secondsLeft(expiresAt, at('2025-11-27T10:05:00.000Z'))).toBe(0);
    expect(secondsLeft(expiresAt, at('2025-11-27T11:00:00.000Z'))).toBe(0);
    expect(secondsLeft('not a date', 0)).toBeNull();
  });
  it('reads as minutes and seconds', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(125)).toBe('2:05');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});
