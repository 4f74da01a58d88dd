// The XAdES parts of the signature, reproduced as ZATCA's SDK writes them (zatca.md §3). Two digests are NOT
// what the standards say, and ZATCA checks them as the SDK makes them:
// - the certificate digest is Base64 of the HEX text of SHA-256 over the certificate's Base64 TEXT;
// - the SignedProperties digest is Base64 of the hex SHA-256 of the element as text, with xmlns:xades on it,
//   xmlns:ds repeated on each ds:* child, and the document's indentation — not real C14N: a fixed template.
import { createHash } from 'node:crypto';
import type { StampCertificate } from './certificate';

const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

const hexDigestBase64 = (text: string): string => Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex')).toString('base64');

export const certificateDigest = (certificate: Pick<StampCertificate, 'base64'>): string => hexDigestBase64(certificate.base64);

export interface SignedPropertiesInput {
  signingTime: string;
  certDigest: string;
  issuerName: string;
  serialDecimal: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The SignedProperties element as it sits in the document (32 spaces in), or in its digest form. */
function signedProperties(p: SignedPropertiesInput, forDigest: boolean): string {
  const ds = forDigest ? ` xmlns:ds="${DS_NS}"` : '';
  const xades = forDigest ? ` xmlns:xades="${XADES_NS}"` : '';
  const i = (n: number) => ' '.repeat(n);
  return [
    `<xades:SignedProperties${xades} Id="xadesSignedProperties">`,
    `${i(36)}<xades:SignedSignatureProperties>`,
    `${i(40)}<xades:SigningTime>${escape(p.signingTime)}</xades:SigningTime>`,
    `${i(40)}<xades:SigningCertificate>`,
    `${i(44)}<xades:Cert>`,
    `${i(48)}<xades:CertDigest>`,
    `${i(52)}<ds:DigestMethod${ds} Algorithm="${SHA256}"/>`,
    `${i(52)}<ds:DigestValue${ds}>${p.certDigest}</ds:DigestValue>`,
    `${i(48)}</xades:CertDigest>`,
    `${i(48)}<xades:IssuerSerial>`,
    `${i(52)}<ds:X509IssuerName${ds}>${escape(p.issuerName)}</ds:X509IssuerName>`,
    `${i(52)}<ds:X509SerialNumber${ds}>${p.serialDecimal}</ds:X509SerialNumber>`,
    `${i(48)}</xades:IssuerSerial>`,
    `${i(44)}</xades:Cert>`,
    `${i(40)}</xades:SigningCertificate>`,
    `${i(36)}</xades:SignedSignatureProperties>`,
    `${i(32)}</xades:SignedProperties>`,
  ].join('\n');
}

export const signedPropertiesDigest = (p: SignedPropertiesInput): string => hexDigestBase64(signedProperties(p, true));

export interface ExtensionsInput extends SignedPropertiesInput {
  invoiceHash: string;
  signedPropertiesDigest: string;
  /** Base64 of the DER ECDSA signature. */
  signatureValue: string;
  certificateBase64: string;
}

/** The whole ext:UBLExtensions block, byte for byte as in ZATCA's SDK samples. */
export function ublExtensions(p: ExtensionsInput): string {
  const i = (n: number) => ' '.repeat(n);
  return [
    '<ext:UBLExtensions>',
    `${i(4)}<ext:UBLExtension>`,
    `${i(8)}<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>`,
    `${i(8)}<ext:ExtensionContent>`,
    `${i(12)}<sig:UBLDocumentSignatures xmlns:sig="urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2" xmlns:sac="urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2" xmlns:sbc="urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2">`,
    `${i(16)}<sac:SignatureInformation> `,
    `${i(20)}<cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>`,
    `${i(20)}<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>`,
    `${i(20)}<ds:Signature xmlns:ds="${DS_NS}" Id="signature">`,
    `${i(24)}<ds:SignedInfo>`,
    `${i(28)}<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>`,
    `${i(28)}<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>`,
    `${i(28)}<ds:Reference Id="invoiceSignedData" URI="">`,
    `${i(32)}<ds:Transforms>`,
    `${i(36)}<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">`,
    `${i(40)}<ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath>`,
    `${i(36)}</ds:Transform>`,
    `${i(36)}<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">`,
    `${i(40)}<ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath>`,
    `${i(36)}</ds:Transform>`,
    `${i(36)}<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">`,
    `${i(40)}<ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])</ds:XPath>`,
    `${i(36)}</ds:Transform>`,
    `${i(36)}<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>`,
    `${i(32)}</ds:Transforms>`,
    `${i(32)}<ds:DigestMethod Algorithm="${SHA256}"/>`,
    `${i(32)}<ds:DigestValue>${p.invoiceHash}</ds:DigestValue>`,
    `${i(28)}</ds:Reference>`,
    `${i(28)}<ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">`,
    `${i(32)}<ds:DigestMethod Algorithm="${SHA256}"/>`,
    `${i(32)}<ds:DigestValue>${p.signedPropertiesDigest}</ds:DigestValue>`,
    `${i(28)}</ds:Reference>`,
    `${i(24)}</ds:SignedInfo>`,
    `${i(24)}<ds:SignatureValue>${p.signatureValue}</ds:SignatureValue>`,
    `${i(24)}<ds:KeyInfo>`,
    `${i(28)}<ds:X509Data>`,
    `${i(32)}<ds:X509Certificate>${p.certificateBase64}</ds:X509Certificate>`,
    `${i(28)}</ds:X509Data>`,
    `${i(24)}</ds:KeyInfo>`,
    `${i(24)}<ds:Object>`,
    `${i(28)}<xades:QualifyingProperties xmlns:xades="${XADES_NS}" Target="signature">`,
    `${i(32)}${signedProperties(p, false)}`,
    `${i(28)}</xades:QualifyingProperties>`,
    `${i(24)}</ds:Object>`,
    `${i(20)}</ds:Signature>`,
    `${i(16)}</sac:SignatureInformation>`,
    `${i(12)}</sig:UBLDocumentSignatures>`,
    `${i(8)}</ext:ExtensionContent>`,
    `${i(4)}</ext:UBLExtension>`,
    '</ext:UBLExtensions>',
  ].join('\n');
}
