import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../../main/fiscal';
import {
  certificateDigest,
  invoiceHash,
  readStampCertificate,
  signedPropertiesDigest,
  signInvoice,
  ublExtensions,
  verifySignedInvoice,
  zatcaPhase2Qr,
} from '../../../main/fiscal/einvoice';
import { SAMPLE_HASHES, sample, ublSchemaErrors, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
/** ZATCA's published test certificate, in the API's form (Base64 of the Base64 DER text). */
const token = fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8').trim();
const testKey = createPrivateKey({ key: fs.readFileSync(path.join(credentials, 'private_key.der')), format: 'der', type: 'sec1' });
const INVOICE = 'Simplified-Invoice-Simplified_Invoice.xml';

const between = (xml: string, open: string, close: string) => xml.slice(xml.indexOf(open) + open.length, xml.indexOf(close));

/** The sample as the builder would hand it over: no ext:UBLExtensions, no QR reference, nothing else touched. */
const unsignedFrom = (xml: string) =>
  xml.replace(/<ext:UBLExtensions>[\s\S]*<\/ext:UBLExtensions>/, '').replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/, '');

describe('the stamp certificate', () => {
  it('reads both forms (Base64 DER, and the API token: Base64 of that text) alike', () => {
    const fromToken = readStampCertificate(token);
    const fromXml = readStampCertificate(between(sample(INVOICE), '<ds:X509Certificate>', '</ds:X509Certificate>'));
    expect(fromToken.base64).toBe(fromXml.base64);
    expect(fromToken.issuerName).toBe('CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local');
    expect(fromToken.serialDecimal).toBe('379112742831380471835263969587287663520528387');
    expect(fromToken.notAfter.toISOString().slice(0, 10)).toBe('2029-01-09');
    expect(fromToken.subject).toContain('CN=TST-886431145-399999999900003');
  });

  it("gives the QR's tags 8 and 9 as the SDK sample has them", () => {
    const cert = readStampCertificate(token);
    const tags = parseZatcaQr(between(sample(INVOICE), 'mimeCode="text/plain">AW', '</cbc:EmbeddedDocumentBinaryObject>\n        </cac:Attachment>\n</cac:AdditionalDocumentReference><cac:Signature>').replace(/^/, 'AW')).tags;
    expect(tags.get(8)?.equals(cert.publicKeySpki)).toBe(true);
    expect(tags.get(9)?.equals(cert.certificateSignature)).toBe(true);
  });

  it('refuses what is not a certificate', () => {
    expect(() => readStampCertificate('not base64 at all!')).toThrow(/EINVOICE_CERTIFICATE_INVALID/);
    expect(() => readStampCertificate(Buffer.from('hello').toString('base64'))).toThrow(/EINVOICE_CERTIFICATE_INVALID/);
  });
});

describe("the XAdES block, rebuilt from its inputs byte for byte as in ZATCA's sample", () => {
  const xml = sample(INVOICE);
  const cert = readStampCertificate(token);
  const props = {
    signingTime: between(xml, '<xades:SigningTime>', '</xades:SigningTime>'),
    certDigest: certificateDigest(cert),
    issuerName: cert.issuerName,
    serialDecimal: cert.serialDecimal,
  };

  it('certificate digest and SignedProperties digest', () => {
    expect(props.certDigest).toBe('ZDMwMmI0MTE1NzVjOTU2NTk4YzVlODhhYmI0ODU2NDUyNTU2YTVhYjhhMDFmN2FjYjk1YTA2OWQ0NjY2MjQ4NQ==');
    expect(signedPropertiesDigest(props)).toBe('ZmMwY2ZhNDljNzNjZDA5NmY4NDM4MmY1ZmY1YTA0NjY3MzY4NzMxOGJhYmZmNWU1OGYzZWJlODI3ZDgyZGVkZA==');
  });

  it('the whole ext:UBLExtensions element', () => {
    const rebuilt = ublExtensions({
      ...props,
      invoiceHash: SAMPLE_HASHES[INVOICE]!,
      signedPropertiesDigest: signedPropertiesDigest(props),
      // ECDSA signatures are randomised: the sample's own value is an input here.
      signatureValue: between(xml, '<ds:SignatureValue>', '</ds:SignatureValue>'),
      certificateBase64: cert.base64,
    });
    const original = xml.slice(xml.indexOf('<ext:UBLExtensions>'), xml.indexOf('</ext:UBLExtensions>') + '</ext:UBLExtensions>'.length);
    expect(rebuilt).toBe(original);
  });
});

describe('signing and verifying', () => {
  for (const file of Object.keys(SAMPLE_HASHES)) {
    // Standard documents carry no QR tag 9 (the CA's signature is for simplified documents only).
    it(`${file}: the SDK's own signature, digests and QR verify`, () => {
      expect(verifySignedInvoice(sample(file)).findings).toEqual([]);
    });
  }

  it('each kind of tampering is named', () => {
    const xml = sample(INVOICE);
    const checks = (doc: string) => verifySignedInvoice(doc).findings.map((f) => f.check);
    expect(checks(xml.replace('<cbc:PayableAmount currencyID="SAR">231.15', '<cbc:PayableAmount currencyID="SAR">231.16'))).toEqual(
      expect.arrayContaining(['invoice-hash', 'signature', 'qr-hash']),
    );
    expect(checks(xml.replace('2025-07-22T15:51:28', '2025-07-22T15:51:29'))).toEqual(['signed-properties']);
    expect(checks(xml.replace('<ds:X509SerialNumber>3791', '<ds:X509SerialNumber>3792'))).toEqual(expect.arrayContaining(['serial', 'signed-properties']));
    const otherQr = zatcaPhase2Qr({
      sellerName: 'x',
      vatNumber: '399999999900003',
      timestamp: '2022-08-17T17:41:08',
      totalWithVat: '231.15',
      vatTotal: '30.15',
      invoiceHash: SAMPLE_HASHES[INVOICE]!,
      signature: 'AAAA',
      publicKeySpki: Buffer.from([1]),
      certificateSignature: Buffer.from([2]),
    });
    const qrNow = /(<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>)([^<]*)/;
    expect(checks(xml.replace(qrNow, `$1${otherQr}`))).toEqual(['qr-signature', 'qr-public-key', 'qr-certificate-signature']);
  });

  it("signs an unsigned document with ZATCA's test key: same hash as unsigned, verifies, valid UBL", () => {
    const unsigned = unsignedFrom(sample(INVOICE));
    const cert = readStampCertificate(token);
    const signed = signInvoice(unsigned, {
      privateKey: testKey,
      certificate: cert,
      signingTime: '2022-08-17T17:41:08',
      qr: { sellerName: 'شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD', vatNumber: '399999999900003', timestamp: '2022-08-17T17:41:08', totalWithVat: '231.15', vatTotal: '30.15' },
    });
    expect(signed.hash).toBe(SAMPLE_HASHES[INVOICE]);
    expect(invoiceHash(signed.xml)).toBe(invoiceHash(unsigned));
    expect(verifySignedInvoice(signed.xml).findings).toEqual([]);
    expect(signed.qr.length).toBeLessThanOrEqual(700);
    expect(ublSchemaErrors([signed.xml])).toEqual([]);
  });

  it('a key that is not the certificate\'s is caught by verification', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const signed = signInvoice(unsignedFrom(sample(INVOICE)), {
      privateKey,
      certificate: readStampCertificate(token),
      signingTime: '2022-08-17T17:41:08',
      qr: { sellerName: 'x', vatNumber: '399999999900003', timestamp: '2022-08-17T17:41:08', totalWithVat: '231.15', vatTotal: '30.15' },
    });
    expect(verifySignedInvoice(signed.xml).findings.map((f) => f.check)).toEqual(['signature']);
  });
});

describe('the phase 2 QR', () => {
  const cert = readStampCertificate(token);
  const fields = (sellerName: string) => ({
    sellerName,
    vatNumber: '399999999900003',
    timestamp: '2026-12-04T21:15:09',
    totalWithVat: '99999.99',
    vatTotal: '13043.48',
    invoiceHash: SAMPLE_HASHES[INVOICE]!,
    signature: Buffer.alloc(72, 1).toString('base64'),
    publicKeySpki: cert.publicKeySpki,
    certificateSignature: cert.certificateSignature,
  });

  it('a long bilingual seller name (120 bytes) still fits 700 characters', () => {
    const name = 'بقالة نقطة للمواد الغذائية المحدودة | Nuqta Foodstuff Trading Co';
    expect(Buffer.byteLength(name)).toBeGreaterThanOrEqual(90);
    const qr = zatcaPhase2Qr(fields(name.padEnd(120 - (Buffer.byteLength(name) - name.length), '.')));
    expect(qr.length).toBeLessThanOrEqual(700);
  });

  it('a name that pushes it over 700 is refused with a clear error', () => {
    expect(() => zatcaPhase2Qr(fields('م'.repeat(120)))).toThrow(/EINVOICE_QR_TOO_LONG/);
  });
});
