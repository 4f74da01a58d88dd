import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../../main/fiscal';
import { readStampCertificate, sdkDistinguishedName } from '../../../main/fiscal/einvoice';
import { issueCertificate, makeAuthority } from '../../../main/sim/zatca/x509';
import { sample, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
/**
 * ZATCA's published test certificate. The file holds the API's binarySecurityToken form (Base64 of the Base64
 * DER text: it starts "TUlJ", i.e. "MII" encoded again), not the ds:X509Certificate form its README names.
 */
const token = fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8').trim();
const INVOICE = sample('Simplified-Invoice-Simplified_Invoice.xml');
const inDocument = /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(INVOICE)![1]!;
const sampleQrTags = parseZatcaQr(/<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(INVOICE)![1]!).tags;

describe('readStampCertificate', () => {
  it('reads the ds:X509Certificate form and the binarySecurityToken form alike', () => {
    expect(token.startsWith('TUlJ')).toBe(true);
    expect(inDocument.startsWith('MII')).toBe(true);
    const fromToken = readStampCertificate(token);
    const fromXml = readStampCertificate(inDocument);
    expect(fromToken.base64).toBe(inDocument);
    expect(fromXml.base64).toBe(inDocument);
    expect(fromToken.der.equals(Buffer.from(inDocument, 'base64'))).toBe(true);
    // PEM armour and line breaks, as a person might paste it.
    const pem = `-----BEGIN CERTIFICATE-----\n${inDocument.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
    expect(readStampCertificate(pem).base64).toBe(inDocument);
  });

  it("gives the names, serial and validity the SDK writes (checked against JDK 17's X509Certificate)", () => {
    const cert = readStampCertificate(token);
    // The SDK sample's X509IssuerName, and what Java prints for getIssuerDN()/getSubjectDN()/getSerialNumber().
    expect(cert.issuerName).toBe('CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local');
    expect(INVOICE).toContain(`<ds:X509IssuerName>${cert.issuerName}</ds:X509IssuerName>`);
    expect(cert.subject).toBe('CN=TST-886431145-399999999900003, OU=Riyadh Branch, O=Maximum Speed Tech Supply LTD, C=SA');
    expect(cert.serialDecimal).toBe('379112742831380471835263969587287663520528387');
    expect(INVOICE).toContain(`<ds:X509SerialNumber>${cert.serialDecimal}</ds:X509SerialNumber>`);
    // Node's reading of the same certificate, independently.
    const node = new X509Certificate(cert.der);
    expect(cert.serialDecimal).toBe(BigInt(`0x${node.serialNumber}`).toString());
    expect(cert.notBefore.toISOString()).toBe('2024-01-11T09:19:30.000Z');
    expect(cert.notAfter.toISOString()).toBe('2029-01-09T09:19:30.000Z');
    expect(cert.notBefore.getTime()).toBe(Date.parse(node.validFrom));
    expect(cert.notAfter.getTime()).toBe(Date.parse(node.validTo));
  });

  it("gives the QR's tag 8 (DER SPKI) and tag 9 (the CA's signature) as the SDK sample has them", () => {
    const cert = readStampCertificate(token);
    expect(cert.publicKeySpki.equals(sampleQrTags.get(8)!)).toBe(true);
    expect(cert.certificateSignature.equals(sampleQrTags.get(9)!)).toBe(true);
    // The same bytes another way: the SPKI as Node exports the key, the signature as the certificate's last bytes.
    expect(cert.publicKeySpki.equals(new X509Certificate(cert.der).publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(cert.der.subarray(cert.der.length - cert.certificateSignature.length).equals(cert.certificateSignature)).toBe(true);
    expect(cert.certificateSignature[0]).toBe(0x30); // a DER ECDSA-Sig-Value, not the raw r||s
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
  });

  it('refuses what is not a certificate, naming EINVOICE_CERTIFICATE_INVALID', () => {
    const refused = (text: string) => () => readStampCertificate(text);
    expect(refused('not base64 at all!')).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
    expect(refused(Buffer.from('hello').toString('base64'))).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
    expect(refused('')).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
    // A DER SEQUENCE that is not a certificate, and a certificate cut short.
    expect(refused(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]).toString('base64'))).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
    expect(refused(Buffer.from(inDocument, 'base64').subarray(0, 500).toString('base64'))).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
  });

  it('refuses a certificate whose key is not EC (ZATCA signs with ECDSA)', () => {
    const ca = makeAuthority('secp256k1', 'Test CA', ['local']);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
    const ec = createPublicKey(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey).export({ type: 'spki', format: 'der' });
    const issue = (spki: Buffer) =>
      issueCertificate({ subjectDer: Buffer.from(AsnConvert.serialize(new Name([]))), spki, issuer: ca, notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000), keyUsage: 1 });
    expect(() => readStampCertificate(issue(rsa).toString('base64'))).toThrow(expect.objectContaining({ code: 'EINVOICE_CERTIFICATE_INVALID' }));
    // The same certificate with an EC key is read, issuer printed from the CA's DC=local, CN=Test CA.
    expect(readStampCertificate(issue(ec).toString('base64')).issuerName).toBe('CN=Test CA, DC=local');
  });
});

describe('sdkDistinguishedName: names as Java prints them', () => {
  const atv = (type: string, value: ConstructorParameters<typeof AttributeValue>[0]) => new AttributeTypeAndValue({ type, value: new AttributeValue(value) });
  const rdn = (...values: AttributeTypeAndValue[]) => new RelativeDistinguishedName(values);
  // Each expected text is what JDK 17's X509Certificate.getSubjectDN().getName() printed for a certificate
  // with that subject (made with main/sim/zatca/x509), the call ZATCA's SDK makes for X509IssuerName.
  const cases: Array<[Name, string]> = [
    [
      new Name([rdn(atv('2.5.4.6', { printableString: 'SA' })), rdn(atv('2.5.4.10', { utf8String: 'Foo, Bar + Co "x" \\ y' })), rdn(atv('2.5.4.11', { utf8String: ' lead' })), rdn(atv('2.5.4.3', { utf8String: 'two  spaces' }))]),
      'CN="two  spaces", OU=" lead", O="Foo, Bar + Co \\"x\\" \\\\ y", C=SA',
    ],
    [
      new Name([rdn(atv('2.5.4.97', { utf8String: '399999999900003' })), rdn(atv('2.5.4.12', { utf8String: '1100' }), atv('2.5.4.5', { utf8String: '1-TST|2-TST|3-x' })), rdn(atv('0.9.2342.19200300.100.1.1', { utf8String: '310122393500003' }))]),
      'UID=310122393500003, T=1100 + SERIALNUMBER=1-TST|2-TST|3-x, OID.2.5.4.97=399999999900003',
    ],
    [
      new Name([
        rdn(atv('1.2.840.113549.1.9.1', { ia5String: 'a@b.sa' })),
        rdn(atv('2.5.4.26', { utf8String: 'RRRD2929' })),
        rdn(atv('2.5.4.15', { utf8String: 'Supply activities' })),
        rdn(atv('2.5.4.3', { utf8String: 'متجر نقطة' })),
        rdn(atv('2.5.4.7', { utf8String: 'trail ' })),
        rdn(atv('2.5.4.8', { utf8String: 'a=b;c<d>#e' })),
      ]),
      'ST="a=b;c<d>#e", L="trail ", CN=متجر نقطة, OID.2.5.4.15=Supply activities, OID.2.5.4.26=RRRD2929, EMAILADDRESS=a@b.sa',
    ],
    [
      new Name([
        rdn(atv('2.5.4.9', { utf8String: 'King Fahd Rd' })),
        rdn(atv('2.5.4.4', { utf8String: 'S' })),
        rdn(atv('2.5.4.42', { utf8String: 'G' })),
        rdn(atv('2.5.4.43', { utf8String: 'I' })),
        rdn(atv('2.5.4.44', { utf8String: 'Jr' })),
        rdn(atv('2.5.4.46', { printableString: 'q' })),
        rdn(atv('0.9.2342.19200300.100.1.25', { ia5String: 'local' })),
      ]),
      'DC=local, DNQ=q, GENERATION=Jr, INITIALS=I, GIVENNAME=G, SURNAME=S, STREET=King Fahd Rd',
    ],
  ];

  it.each(cases.map(([name, text], i) => [i, name, text] as const))('case %i', (_i, name, text) => {
    // Through DER and back, as a certificate carries it.
    expect(sdkDistinguishedName(AsnConvert.parse(AsnConvert.serialize(name), Name))).toBe(text);
  });
});
