import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TillError } from '../../../main/errors';
import { decodeTlv } from '../../../main/fiscal';
import { readStampCertificate, zatcaPhase2Qr, type Phase2QrFields } from '../../../main/fiscal/einvoice';
import { SAMPLE_HASHES, sample, ZATCA_FIXTURES } from './support';

const cert = readStampCertificate(fs.readFileSync(path.join(ZATCA_FIXTURES, 'sdk-test-credentials/cert_b64.txt'), 'utf8'));
const qrOf = (xml: string) => /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml)![1]!;
const textOf = (xml: string, re: RegExp) => re.exec(xml)![1]!;
const SIMPLIFIED = Object.keys(SAMPLE_HASHES).filter((f) => f.startsWith('Simplified'));

/** The worst case for size: a 72-byte DER signature (96 Base64 characters) and totals of 99,999.99 SAR. */
const fields = (sellerName: string): Phase2QrFields => ({
  sellerName,
  vatNumber: '399999999900003',
  timestamp: '2026-12-04T21:15:09',
  totalWithVat: '99999.99',
  vatTotal: '13043.48',
  invoiceHash: SAMPLE_HASHES['Simplified-Invoice-Simplified_Invoice.xml']!,
  signature: Buffer.alloc(72, 1).toString('base64'),
  publicKeySpki: cert.publicKeySpki,
  certificateSignature: cert.certificateSignature,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof TillError ? e.code : `not a TillError: ${String(e)}`;
  }
  return undefined;
};

describe('zatcaPhase2Qr', () => {
  it.each(SIMPLIFIED)("%s: rebuilt from the document's values, the QR is the SDK's own, byte for byte", (file) => {
    const xml = sample(file);
    const original = qrOf(xml);
    const rebuilt = zatcaPhase2Qr({
      sellerName: textOf(xml, /<cbc:RegistrationName>([^<]+)</),
      vatNumber: textOf(xml, /<cac:PartyTaxScheme>\s*<cbc:CompanyID>([^<]+)</),
      timestamp: `${textOf(xml, /<cbc:IssueDate>([^<]+)</)}T${textOf(xml, /<cbc:IssueTime>([^<]+)</)}`,
      totalWithVat: textOf(xml, /<cbc:TaxInclusiveAmount[^>]*>([^<]+)</),
      vatTotal: textOf(xml, /<cac:TaxTotal>\s*<cbc:TaxAmount[^>]*>([^<]+)</),
      invoiceHash: SAMPLE_HASHES[file]!,
      signature: textOf(xml, /<ds:SignatureValue>([^<]+)</),
      publicKeySpki: cert.publicKeySpki,
      certificateSignature: cert.certificateSignature,
    });
    expect(rebuilt).toBe(original);
  });

  it('writes tags 6 and 7 as Base64 text, 8 and 9 as raw DER (the sizes the SDK has)', () => {
    const tags = new Map(decodeTlv(Buffer.from(zatcaPhase2Qr(fields('متجر | Shop')), 'base64')).map((t) => [t.tag, t.value]));
    expect([...tags.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tags.get(1)!.toString('utf8')).toBe('متجر | Shop');
    expect(tags.get(3)!.toString('utf8')).toBe('2026-12-04T21:15:09');
    expect(tags.get(6)!.toString('latin1')).toBe(SAMPLE_HASHES['Simplified-Invoice-Simplified_Invoice.xml']);
    expect(tags.get(6)!.length).toBe(44);
    expect(tags.get(7)!.length).toBe(96);
    expect(tags.get(8)!.length).toBe(88);
    expect(tags.get(9)!.equals(cert.certificateSignature)).toBe(true);
  });

  it('a long bilingual seller name (120 bytes) with the real certificate fits 700 characters', () => {
    const base = 'بقالة نقطة للمواد الغذائية المحدودة | Nuqta Foodstuff Trading Co';
    const name = base + '.'.repeat(120 - Buffer.byteLength(base));
    expect(Buffer.byteLength(name)).toBe(120);
    const qr = zatcaPhase2Qr(fields(name));
    expect(qr.length).toBeLessThanOrEqual(700);
    expect(qr.length).toBe(4 * Math.ceil((Buffer.byteLength(name) + 2 + 365) / 3));
  });

  it('the longest name that fits is taken, one byte more is refused with EINVOICE_QR_TOO_LONG', () => {
    // Everything but tag 1 takes 365 bytes here; 700 Base64 characters hold 525 bytes: 158 bytes of name.
    const fits = 'م'.repeat(79);
    expect(Buffer.byteLength(fits)).toBe(158);
    expect(zatcaPhase2Qr(fields(fits))).toHaveLength(700);
    expect(codeOf(() => zatcaPhase2Qr(fields(`${fits}x`)))).toBe('EINVOICE_QR_TOO_LONG');
    // Past 255 bytes the name cannot even be one TLV value: the same error, not an internal one.
    expect(codeOf(() => zatcaPhase2Qr(fields('م'.repeat(200))))).toBe('EINVOICE_QR_TOO_LONG');
  });

  it('the refusal reads in Arabic and English and says what to shorten', () => {
    let error: unknown;
    try {
      zatcaPhase2Qr(fields('م'.repeat(120)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TillError);
    const data = (error as TillError).toData();
    expect(data.code).toBe('EINVOICE_QR_TOO_LONG');
    expect(data.message_en).toMatch(/700/);
    expect(data.message_en).toMatch(/name/);
    expect(data.message_ar).toMatch(/[\u0600-\u06FF]/);
    expect((error as TillError).detail).toMatch(/Base64 characters/);
  });

  it('tag 3 is IssueDate T IssueTime as written (local or Z); anything else is a caller mistake', () => {
    for (const timestamp of ['2022-08-17T17:41:08', '2022-08-17T17:41:08Z']) {
      const tags = decodeTlv(Buffer.from(zatcaPhase2Qr({ ...fields('x'), timestamp }), 'base64'));
      expect(tags[2]!.value.toString('utf8')).toBe(timestamp);
    }
    for (const timestamp of ['2022-08-17T17:41:08+03:00', '2022-08-17 17:41:08', '2022-08-17T17:41:08.000Z']) {
      expect(() => zatcaPhase2Qr({ ...fields('x'), timestamp })).toThrow(RangeError);
    }
    expect(() => zatcaPhase2Qr({ ...fields('x'), totalWithVat: '1,000.00' })).toThrow(RangeError);
    expect(() => zatcaPhase2Qr(fields('  '))).toThrow(RangeError);
  });
});
