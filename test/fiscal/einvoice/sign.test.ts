import { createPrivateKey, createPublicKey, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TillError } from '../../../main/errors';
import { decodeTlv, encodeTlv } from '../../../main/fiscal';
import {
  certificateDigest,
  invoiceHash,
  readStampCertificate,
  signedPropertiesDigest,
  signInvoice,
  ublExtensions,
  verifySignedInvoice,
  type SignOptions,
} from '../../../main/fiscal/einvoice';
import { distinguishedName, issueStampCertificate, makeAuthority } from '../../../main/sim/zatca/x509';
import { SAMPLE_HASHES, sample, ublSchemaErrors, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
/** ZATCA's published test certificate, in the API's form (Base64 of the Base64 DER text). */
const token = fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8').trim();
const cert = readStampCertificate(token);
const testKey = createPrivateKey({ key: fs.readFileSync(path.join(credentials, 'private_key.der')), format: 'der', type: 'sec1' });
const INVOICE = 'Simplified-Invoice-Simplified_Invoice.xml';
const SIMPLIFIED = Object.keys(SAMPLE_HASHES).filter((f) => f.startsWith('Simplified'));

const between = (xml: string, open: string, close: string) => xml.slice(xml.indexOf(open) + open.length, xml.indexOf(close, xml.indexOf(open)));
const textOf = (xml: string, re: RegExp) => re.exec(xml)![1]!;
const QR_VALUE = /(<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>)([^<]*)/;
const qrOf = (xml: string) => QR_VALUE.exec(xml)![2]!;

/**
 * The sample as the builder hands a document over (the plan's contract): ext:UBLExtensions and the QR
 * reference taken out exactly, the whitespace around them left as it is.
 */
const unsignedFrom = (xml: string) =>
  xml
    .replace(/<ext:UBLExtensions>[\s\S]*<\/ext:UBLExtensions>/, '')
    .replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/, '');

/** Signing options with the sample's own values: its signing time and tags 1-5 as its QR has them. */
function optionsFor(xml: string, privateKey = testKey): SignOptions {
  const tags = decodeTlv(Buffer.from(qrOf(xml), 'base64')).map((t) => t.value.toString('utf8'));
  return {
    privateKey,
    certificate: cert,
    signingTime: between(xml, '<xades:SigningTime>', '</xades:SigningTime>'),
    qr: { sellerName: tags[0]!, vatNumber: tags[1]!, timestamp: tags[2]!, totalWithVat: tags[3]!, vatTotal: tags[4]! },
  };
}

const checks = (doc: string) => verifySignedInvoice(doc).findings.map((f) => f.check);

describe("the XAdES block, rebuilt from its inputs byte for byte as in ZATCA's sample", () => {
  const xml = sample(INVOICE);
  const props = {
    signingTime: between(xml, '<xades:SigningTime>', '</xades:SigningTime>'),
    certDigest: certificateDigest(cert),
    issuerName: cert.issuerName,
    serialDecimal: cert.serialDecimal,
  };

  it('the certificate digest and the SignedProperties digest (zatca.md §7)', () => {
    expect(props.certDigest).toBe('ZDMwMmI0MTE1NzVjOTU2NTk4YzVlODhhYmI0ODU2NDUyNTU2YTVhYjhhMDFmN2FjYjk1YTA2OWQ0NjY2MjQ4NQ==');
    expect(signedPropertiesDigest(props)).toBe('ZmMwY2ZhNDljNzNjZDA5NmY4NDM4MmY1ZmY1YTA0NjY3MzY4NzMxOGJhYmZmNWU1OGYzZWJlODI3ZDgyZGVkZA==');
  });

  it.each(Object.keys(SAMPLE_HASHES))('%s: the whole ext:UBLExtensions element', (file) => {
    const doc = sample(file);
    const own = { ...props, signingTime: between(doc, '<xades:SigningTime>', '</xades:SigningTime>') };
    const rebuilt = ublExtensions({
      ...own,
      invoiceHash: SAMPLE_HASHES[file]!,
      signedPropertiesDigest: signedPropertiesDigest(own),
      // ECDSA signatures are randomised: the sample's own value is an input here.
      signatureValue: between(doc, '<ds:SignatureValue>', '</ds:SignatureValue>'),
      certificateBase64: cert.base64,
    });
    const original = doc.slice(doc.indexOf('<ext:UBLExtensions>'), doc.indexOf('</ext:UBLExtensions>') + '</ext:UBLExtensions>'.length);
    expect(rebuilt).toBe(original);
  });
});

describe('signInvoice', () => {
  it.each(SIMPLIFIED)(
    "%s: signed with ZATCA's test key, the document is the SDK's own but for the (random) signature",
    (file) => {
      const original = sample(file);
      const unsigned = unsignedFrom(original);
      const signed = signInvoice(unsigned, optionsFor(original));

      expect(signed.hash).toBe(SAMPLE_HASHES[file]);
      expect(invoiceHash(unsigned)).toBe(signed.hash);
      expect(invoiceHash(signed.xml)).toBe(signed.hash);
      // The SDK's document with our signature value and our QR put in its place: every other byte is the same.
      const expected = original
        .replace(/<ds:SignatureValue>[^<]*</, `<ds:SignatureValue>${signed.signature}<`)
        .replace(QR_VALUE, `$1${signed.qr}`);
      expect(signed.xml).toBe(expected);
      // ...and our QR is the SDK's but for tag 7.
      const ours = decodeTlv(Buffer.from(signed.qr, 'base64'));
      const theirs = decodeTlv(Buffer.from(qrOf(original), 'base64'));
      expect(ours.filter((t) => t.tag !== 7)).toEqual(theirs.filter((t) => t.tag !== 7));
      expect(ours[6]!.value.toString('latin1')).toBe(signed.signature);
      expect(verifySignedInvoice(signed.xml).findings).toEqual([]);
    },
  );

  it('the signature verifies over the 32 raw hash bytes with the key Node reads from the certificate itself', () => {
    const original = sample(INVOICE);
    const signed = signInvoice(unsignedFrom(original), optionsFor(original));
    const keyFromNode = new X509Certificate(Buffer.from(cert.base64, 'base64')).publicKey;
    const signature = Buffer.from(signed.signature, 'base64');
    expect(signature[0]).toBe(0x30); // DER, not r||s
    expect(verify('sha256', Buffer.from(signed.hash, 'base64'), keyFromNode, signature)).toBe(true);
    // Not over the hash's Base64 text, and not as a prehashed digest.
    expect(verify('sha256', Buffer.from(signed.hash, 'latin1'), keyFromNode, signature)).toBe(false);
    // The test key is the certificate's.
    expect(createPublicKey(testKey).export({ type: 'spki', format: 'der' }).equals(cert.publicKeySpki)).toBe(true);
    // ECDSA is randomised: a second signature differs and verifies too.
    const again = signInvoice(unsignedFrom(original), optionsFor(original));
    expect(again.signature).not.toBe(signed.signature);
    expect(verifySignedInvoice(again.xml).findings).toEqual([]);
  });

  it('the signed documents validate against the UBL 2.1 schema (xmllint)', () => {
    const docs = Object.keys(SAMPLE_HASHES).map((file) => signInvoice(unsignedFrom(sample(file)), optionsFor(sample(file))).xml);
    expect(ublSchemaErrors(docs)).toEqual([]);
  });

  it('puts nothing but the two parts in: root start tag, then extensions; QR reference, then cac:Signature', () => {
    const original = sample(INVOICE);
    const unsigned = unsignedFrom(original);
    const signed = signInvoice(unsigned, optionsFor(original)).xml;
    const rootEnd = unsigned.indexOf('>', unsigned.indexOf('<Invoice')) + 1;
    expect(signed.slice(rootEnd, rootEnd + '<ext:UBLExtensions>'.length)).toBe('<ext:UBLExtensions>');
    expect(signed).toContain('</cac:AdditionalDocumentReference><cac:Signature>');
    const extensions = signed.slice(rootEnd, signed.indexOf('</ext:UBLExtensions>') + '</ext:UBLExtensions>'.length);
    const qrReference = /<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/.exec(signed)![0];
    expect(signed.replace(extensions, '').replace(qrReference, '')).toBe(unsigned);
  });

  it('refuses what is not an unsigned document', () => {
    const original = sample(INVOICE);
    const options = optionsFor(original);
    const codeOf = (xml: string) => {
      try {
        signInvoice(xml, options);
        return 'signed';
      } catch (e) {
        return e instanceof TillError ? e.code : String(e);
      }
    };
    expect(codeOf(original)).toBe('EINVOICE_SIGNING_FAILED'); // already signed
    expect(codeOf(unsignedFrom(original).replace(/<cac:Signature>[\s\S]*<\/cac:Signature>/, ''))).toBe('EINVOICE_SIGNING_FAILED');
    expect(codeOf('<?xml version="1.0" encoding="UTF-8"?>\n<Other/>')).toBe('EINVOICE_SIGNING_FAILED');
  });

  it("a seller name too long for the QR stops the signing with the QR's error", () => {
    const original = sample(INVOICE);
    const options = optionsFor(original);
    let error: unknown;
    try {
      signInvoice(unsignedFrom(original), { ...options, qr: { ...options.qr, sellerName: 'م'.repeat(120) } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TillError);
    expect((error as TillError).code).toBe('EINVOICE_QR_TOO_LONG');
  });
});

describe('verifySignedInvoice', () => {
  it.each(Object.keys(SAMPLE_HASHES))("%s: the SDK's own signature, digests and QR verify", (file) => {
    const result = verifySignedInvoice(sample(file));
    expect(result.findings).toEqual([]);
    expect(result.hash).toBe(SAMPLE_HASHES[file]);
  });

  const xml = sample(INVOICE);

  it('a changed amount: the hash, the signature and the QR no longer match it', () => {
    expect(checks(xml.replace('<cbc:TaxInclusiveAmount currencyID="SAR">231.15', '<cbc:TaxInclusiveAmount currencyID="SAR">231.16'))).toEqual([
      'invoice-hash',
      'signature',
      'qr-total',
      'qr-hash',
    ]);
    expect(checks(xml.replace('<cbc:LineExtensionAmount currencyID="SAR">99.00', '<cbc:LineExtensionAmount currencyID="SAR">99.01'))).toEqual([
      'invoice-hash',
      'signature',
      'qr-hash',
    ]);
  });

  it('a changed signing time, serial number or certificate digest: the SignedProperties digest', () => {
    expect(checks(xml.replace('2025-07-22T15:51:28', '2025-07-22T15:51:29'))).toEqual(['signed-properties']);
    expect(checks(xml.replace('<ds:X509SerialNumber>3791', '<ds:X509SerialNumber>3792'))).toEqual(['serial', 'signed-properties']);
    expect(checks(xml.replace('<ds:DigestValue>ZDMw', '<ds:DigestValue>ZDMx'))).toEqual(['certificate-digest', 'signed-properties']);
  });

  it('a changed certificate: one byte of its subject, or another unit’s certificate altogether', () => {
    const der = Buffer.from(cert.base64, 'base64');
    const at = der.indexOf('Riyadh Branch');
    expect(at).toBeGreaterThan(0);
    const edited = Buffer.concat([der.subarray(0, at), Buffer.from('Jeddah Branch'), der.subarray(at + 13)]).toString('base64');
    expect(checks(xml.replace(cert.base64, edited))).toEqual(['certificate-digest']);

    const ca = makeAuthority('secp256k1', 'OTHER-CA', ['local']);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const other = issueStampCertificate(
      ca,
      { subjectDer: distinguishedName('TST-OTHER-UNIT'), spki: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }), subjectAltNameDer: null },
      1,
    );
    expect(checks(xml.replace(cert.base64, other.toString('base64')))).toEqual([
      'certificate-digest',
      'issuer',
      'serial',
      'signature',
      'qr-public-key',
      'qr-certificate-signature',
    ]);
    expect(checks(xml.replace(cert.base64, 'AAAA'))).toEqual(['certificate']);
  });

  it('a changed signature value', () => {
    const value = between(xml, '<ds:SignatureValue>', '</ds:SignatureValue>');
    const other = signInvoice(unsignedFrom(xml), optionsFor(xml)).signature;
    // Another valid signature of the same hash: only the QR's copy now differs.
    expect(checks(xml.replace(value, other))).toEqual(['qr-signature']);
    expect(checks(xml.replace(value, `${value.slice(0, -8)}AAAAAAA=`))).toEqual(['signature', 'qr-signature']);
  });

  const withTag = (n: number, value: string | Buffer) => {
    const tags = decodeTlv(Buffer.from(qrOf(xml), 'base64')).map((t) => (t.tag === n ? { tag: n, value } : t));
    return xml.replace(QR_VALUE, `$1${encodeTlv(tags).toString('base64')}`);
  };
  it.each([
    [1, 'شركة أخرى | Another Co', 'qr-seller'],
    [2, '300000000000003', 'qr-vat-number'],
    [3, '2022-08-17T17:41:08Z', 'qr-time'],
    [4, '231.16', 'qr-total'],
    [5, '30.16', 'qr-vat'],
    [6, SAMPLE_HASHES['Simplified-Credit-Simplified_Credit_Note.xml']!, 'qr-hash'],
    [7, 'MEUCIQ', 'qr-signature'],
    [8, Buffer.from([0x30, 0x00]), 'qr-public-key'],
    [9, Buffer.from([0x30, 0x00]), 'qr-certificate-signature'],
  ] as const)('QR tag %i changed: %s is found as %s', (n, value, check) => {
    expect(checks(withTag(n, value))).toEqual([check]);
  });

  it('a QR missing, or not TLV', () => {
    expect(checks(xml.replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/, ''))).toEqual(['qr']);
    expect(checks(xml.replace(QR_VALUE, '$1AWQ='))).toEqual(['qr']);
  });

  it('not XML at all', () => {
    expect(checks(xml.slice(0, 3000))).toEqual(['xml']);
  });

  it('finds elements by namespace, not by prefix: the same document with other prefixes verifies alike', () => {
    // Prefixes are part of the canonical form, so the hash (and with it the signature and tag 6) changes;
    // every other check still finds IssueDate, the totals, the seller and the QR through the new prefix.
    const renamed = xml.replace(/xmlns:cbc=/, 'xmlns:b=').replace(/<(\/?)cbc:/g, '<$1b:');
    expect(checks(renamed)).toEqual(['invoice-hash', 'signature', 'qr-hash']);
    expect(textOf(renamed, /<b:IssueTime>([^<]+)</)).toBe('17:41:08');
  });
});
