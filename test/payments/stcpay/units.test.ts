// The pure parts: amounts without floats, Saudi mobile numbers, reading STC Pay's JSON, classifying errors
// and transport failures.
import { describe, expect, it } from 'vitest';
import { halalasToSar, sarToHalalas } from '../../../main/payments/stcpay/amount';
import { classify } from '../../../main/payments/stcpay/https-call';
import { maskMobile, normaliseSaudiMobile } from '../../../main/payments/stcpay/mobile';
import { classifyProviderError, DEFAULT_ERROR_CODES, REASONS } from '../../../main/payments/stcpay/reasons';
import { PIN_MISMATCH_CODE } from '../../../main/payments/stcpay/tls';
import { authorizeAnswer, decodeAnswer, encodeRequest, inquiryAnswer, ksaDate, paymentRecord, quoteAmounts } from '../../../main/payments/stcpay/wire';

describe('amounts', () => {
  it('halalas → SAR text with integer arithmetic', () => {
    expect(halalasToSar(1)).toBe('0.01');
    expect(halalasToSar(10)).toBe('0.10');
    expect(halalasToSar(1234)).toBe('12.34');
    expect(halalasToSar(100_000_000)).toBe('1000000.00');
    // 0.1 + 0.2 territory: 30 halalas is exactly "0.30", never 0.30000000000000004.
    expect(halalasToSar(30)).toBe('0.30');
    for (const bad of [0, -5, 1.5, Number.NaN, 100_000_001]) expect(() => halalasToSar(bad)).toThrow(RangeError);
  });

  it('SAR text → halalas, refusing what is not an amount', () => {
    expect(sarToHalalas('12.34')).toBe(1234);
    expect(sarToHalalas('12.3')).toBe(1230);
    expect(sarToHalalas('12')).toBe(1200);
    expect(sarToHalalas('12.340')).toBe(1234);
    expect(sarToHalalas('0.07')).toBe(7);
    for (const bad of ['12.345', '1e3', '-1.00', '', 'abc', '01.00', '12.']) expect(sarToHalalas(bad)).toBeUndefined();
  });

  it('keeps JSON numbers out of floats: amounts are quoted before parsing', () => {
    expect(quoteAmounts('{"Amount": 12.34,"AmountReversed":0.10, "X":1.5}')).toBe('{"Amount": "12.34","AmountReversed":"0.10", "X":1.5}');
    expect(quoteAmounts('{"Note":"\\"Amount\\": 5"}')).toBe('{"Note":"\\"Amount\\": 5"}');
    expect(encodeRequest('RefundPayment', { STCPayRefNum: '1', Amount: '12.30' }, 'string')).toBe('{"RefundPaymentRequestMessage":{"STCPayRefNum":"1","Amount":"12.30"}}');
    expect(encodeRequest('RefundPayment', { STCPayRefNum: '1', Amount: '12.30' }, 'number')).toBe('{"RefundPaymentRequestMessage":{"STCPayRefNum":"1","Amount":12.30}}');
  });
});

describe('Saudi mobile numbers', () => {
  it.each([
    ['0551234567', '966551234567'],
    ['966551234567', '966551234567'],
    ['+966551234567', '966551234567'],
    ['+966 55 123 4567', '966551234567'],
    ['055-123-4567', '966551234567'],
    ['٠٥٥١٢٣٤٥٦٧', '966551234567'],
    ['۰۵۵۱۲۳۴۵۶۷', '966551234567'],
  ])('%s → %s', (input, msisdn) => {
    expect(normaliseSaudiMobile(input)).toEqual({ ok: true, msisdn });
  });

  it.each(['0112345678', '551234567', '00966551234567', '05512345678', '055123456', '+971551234567', '966451234567', '', 'phone', '+9665512345x7'])(
    'refuses %j with a bilingual message',
    (input) => {
      const r = normaliseSaudiMobile(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason.en).toMatch(/Saudi mobile/);
        expect(r.reason.ar).toMatch(/جوال/);
      }
    },
  );

  it('masks for screens and receipts', () => {
    expect(maskMobile('966551234567')).toBe('9665*****567');
  });
});

describe('reading answers', () => {
  it('authorize answer, error object, malformed', () => {
    expect(decodeAnswer('DirectPaymentAuthorize', '{"DirectPaymentAuthorizeV4ResponseMessage":{"OtpReference":"1","STCPayPmtReference":2,"ExpiryDuration":300}}', authorizeAnswer)).toEqual({
      kind: 'message',
      message: { OtpReference: '1', STCPayPmtReference: '2', ExpiryDuration: 300 },
    });
    expect(decodeAnswer('DirectPaymentAuthorize', '{"Code":1001,"Text":"Invalid OTP value","Type":1}', authorizeAnswer)).toEqual({
      kind: 'error',
      error: { code: '1001', text: 'Invalid OTP value', type: '1' },
    });
    // An error code next to an (empty) message wins; Code 0 is not an error.
    expect(decodeAnswer('DirectPaymentAuthorize', '{"DirectPaymentAuthorizeV4ResponseMessage":null,"Code":1003,"Text":"x","Type":1}', authorizeAnswer).kind).toBe('error');
    expect(decodeAnswer('DirectPaymentAuthorize', '{"DirectPaymentAuthorizeV4ResponseMessage":{"OtpReference":"1","STCPayPmtReference":"2","ExpiryDuration":300},"Code":0,"Text":"","Type":0}', authorizeAnswer).kind).toBe('message');
    expect(decodeAnswer('DirectPaymentAuthorize', '{"DirectPaymentAuthorizeV4Resp', authorizeAnswer).kind).toBe('malformed');
    expect(decodeAnswer('DirectPaymentAuthorize', '[]', authorizeAnswer).kind).toBe('malformed');
    expect(decodeAnswer('DirectPaymentAuthorize', '{"Other":{}}', authorizeAnswer).kind).toBe('malformed');
  });

  it('confirm answer under either wrapper name; amounts exact; odd amounts are malformed', () => {
    const body = (amount: string) =>
      `{"DirectPaymentV4ResponseMessage":{"RefNum":"R1","STCPayRefNum":"S1","Amount":${amount},"PaymentDate":"2025-01-01T10:00:00","PaymentStatus":2,"PaymentStatusDesc":"Paid"}}`;
    const ok = decodeAnswer('DirectPaymentConfirm', body('19.99'), paymentRecord);
    expect(ok).toMatchObject({ kind: 'message', message: { Amount: 1999, PaymentStatus: 2 } });
    expect(decodeAnswer('DirectPaymentConfirm', body('19.999'), paymentRecord).kind).toBe('malformed');
    expect(decodeAnswer('DirectPaymentConfirm', body('1e3'), paymentRecord).kind).toBe('malformed');
  });

  it('inquiry with a null or missing list is an empty list', () => {
    expect(decodeAnswer('PaymentInquiry', '{"PaymentInquiryV4ResponseMessage":{"TransactionList":null}}', inquiryAnswer)).toEqual({ kind: 'message', message: { TransactionList: [] } });
    expect(decodeAnswer('PaymentInquiry', '{"PaymentInquiryV4ResponseMessage":{}}', inquiryAnswer)).toEqual({ kind: 'message', message: { TransactionList: [] } });
  });

  it('KSA date is UTC+3', () => {
    expect(ksaDate(new Date('2025-03-01T20:59:59Z'))).toBe('2025-03-01');
    expect(ksaDate(new Date('2025-03-01T21:00:00Z'))).toBe('2025-03-02');
  });
});

describe('classifying', () => {
  it('STC Pay errors: by code first, then text, then HTTP status; only the code may say not_found', () => {
    expect(classifyProviderError({ code: '1001', text: '', type: '1' }, 400, DEFAULT_ERROR_CODES)).toEqual({ reason: 'wrong_otp', source: 'code' });
    expect(classifyProviderError({ code: '77', text: 'The OTP is invalid', type: '1' }, 400, {})).toEqual({ reason: 'wrong_otp', source: 'text' });
    expect(classifyProviderError({ code: '77', text: 'OTP expired', type: '1' }, 400, {})).toEqual({ reason: 'expired_otp', source: 'text' });
    expect(classifyProviderError({ code: '77', text: 'Insufficient balance', type: '1' }, 400, {})).toEqual({ reason: 'insufficient_balance', source: 'text' });
    expect(classifyProviderError({ code: '77', text: 'Merchant not found', type: '1' }, 400, {})).toEqual({ reason: 'rejected', source: 'status' });
    expect(classifyProviderError({ code: '77', text: 'boom', type: '3' }, 500, {})).toEqual({ reason: 'server_error', source: 'status' });
    expect(classifyProviderError({ code: '77', text: 'no', type: '3' }, 401, {})).toEqual({ reason: 'client_code_rejected', source: 'status' });
  });

  it('every reason has both languages', () => {
    for (const [reason, text] of Object.entries(REASONS)) {
      expect(text.en, reason).toMatch(/\w/);
      expect(text.ar, reason).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('transport failures: before the handshake nothing was sent; a certificate alert means the server never read it', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(classify(err('ENOTFOUND'), false)).toMatchObject({ kind: 'not_sent', reason: 'dns' });
    expect(classify(err('ECONNREFUSED'), false)).toMatchObject({ kind: 'not_sent', reason: 'unreachable' });
    expect(classify(err('SELF_SIGNED_CERT_IN_CHAIN'), false)).toMatchObject({ kind: 'not_sent', reason: 'server_certificate_untrusted' });
    expect(classify(err('ERR_TLS_CERT_ALTNAME_INVALID'), false)).toMatchObject({ kind: 'not_sent', reason: 'server_certificate_untrusted' });
    expect(classify(err(PIN_MISMATCH_CODE), false)).toMatchObject({ kind: 'not_sent', reason: 'pin_mismatch' });
    expect(classify(err('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), true)).toMatchObject({ kind: 'not_sent', reason: 'client_certificate_rejected' });
    expect(classify(err('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'), true)).toMatchObject({ kind: 'not_sent', reason: 'client_certificate_rejected' });
    expect(classify(err('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), false)).toMatchObject({ kind: 'not_sent', reason: 'client_certificate_rejected' });
    expect(classify(err('ECONNRESET'), true)).toMatchObject({ kind: 'lost', reason: 'disconnected' });
    expect(classify(err('EPIPE'), true)).toMatchObject({ kind: 'lost', reason: 'disconnected' });
  });
});
