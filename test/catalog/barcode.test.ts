import { describe, expect, it } from 'vitest';
import { classifyBarcode, gtinCheckDigit, isValidGtin, normalizeBarcode } from '../../main/catalog/barcode';

describe('GTIN check digits', () => {
  it('computes EAN-13 check digits for the demo stems', () => {
    expect(['628100000001', '628100000002', '628100000003', '628100000004', '628100000005'].map(gtinCheckDigit)).toEqual(
      ['4', '1', '8', '5', '2'],
    );
    expect(gtinCheckDigit('400638133393')).toBe('1'); // a published EAN-13: 4006381333931
  });

  it('validates EAN-13, EAN-8, UPC-A and GTIN-14', () => {
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('96385075')).toBe(false);
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('036000291453')).toBe(false);
    expect(isValidGtin('10614141000415')).toBe(true); // GTIN-14
  });

  it('rejects non-GTIN lengths and non-digits', () => {
    expect(isValidGtin('1234567')).toBe(false);
    expect(isValidGtin('628100000001X')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('refuses to compute a check digit over non-digits', () => {
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
  });
});

describe('classifyBarcode', () => {
  it('accepts a valid EAN-13 and trims scanner suffixes', () => {
    expect(classifyBarcode(' 6281000000014\r\n')).toEqual({ status: 'ok', code: '6281000000014', kind: 'ean13' });
  });

  it('stores UPC-A as its EAN-13 form, and a 0-led GTIN-14 as 13 digits', () => {
    expect(classifyBarcode('036000291452')).toEqual({ status: 'ok', code: '0036000291452', kind: 'upca' });
    expect(classifyBarcode('00036000291452')).toEqual({ status: 'ok', code: '0036000291452', kind: 'gtin14' });
    expect(normalizeBarcode('036000291452')).toBe(normalizeBarcode('0036000291452'));
  });

  it('accepts EAN-8', () => {
    expect(classifyBarcode('96385074')).toEqual({ status: 'ok', code: '96385074', kind: 'ean8' });
  });

  it('reports a wrong check digit with the expected digit', () => {
    expect(classifyBarcode('6281000000011')).toEqual({ status: 'bad-check-digit', code: '6281000000011', expected: '4' });
  });

  it('calls Arabic letters from a scan under the Arabic layout malformed', () => {
    // The scanner typed 6281000000014 but with letter keys mapped through the Arabic layout.
    expect(classifyBarcode('شسيب')).toEqual({ status: 'malformed', reason: 'non-ascii' });
    expect(classifyBarcode('62810ب0000014')).toEqual({ status: 'malformed', reason: 'non-ascii' });
  });

  it('reads Arabic-Indic digits as digits', () => {
    expect(classifyBarcode('٦٢٨١٠٠٠٠٠٠٠١٤')).toEqual({ status: 'ok', code: '6281000000014', kind: 'ean13' });
  });

  it('rejects empty, punctuation and out-of-range lengths', () => {
    expect(classifyBarcode('   ')).toEqual({ status: 'malformed', reason: 'empty' });
    expect(classifyBarcode('6281-0000')).toEqual({ status: 'malformed', reason: 'characters' });
    expect(classifyBarcode('12 34')).toEqual({ status: 'malformed', reason: 'characters' });
    expect(classifyBarcode('123')).toEqual({ status: 'malformed', reason: 'length' });
    expect(classifyBarcode('A'.repeat(33))).toEqual({ status: 'malformed', reason: 'length' });
  });

  it('accepts internal codes of 4–32 letters and digits, upper-cased', () => {
    expect(classifyBarcode('1001')).toEqual({ status: 'ok', code: '1001', kind: 'internal' });
    expect(classifyBarcode('plu42')).toEqual({ status: 'ok', code: 'PLU42', kind: 'internal' });
    expect(classifyBarcode('1234567')).toEqual({ status: 'ok', code: '1234567', kind: 'internal' });
    expect(classifyBarcode('A'.repeat(32)).status).toBe('ok');
  });

  it('treats every all-digit code of GTIN length as a GTIN', () => {
    expect(classifyBarcode('12345678').status).toBe('bad-check-digit');
    expect(classifyBarcode('123456789013').status).toBe('bad-check-digit');
    expect(classifyBarcode('123456789012')).toEqual({ status: 'ok', code: '0123456789012', kind: 'upca' });
  });
});
