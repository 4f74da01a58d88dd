// Checking a signed document from its own bytes, as ZATCA does: the hash recomputed against the signature's
// digest and the QR, the XAdES digests, the ECDSA signature with the certificate's key, and the QR's other tags
// against the document. The platform simulator checks every document it receives with this; tests use it.
import { verify } from 'node:crypto';
import { decodeTlv } from '../tlv';
import { readStampCertificate, type StampCertificate } from './certificate';
import { invoiceHash } from './hash';
import { certificateDigest, signedPropertiesDigest } from './xades';

export interface SignatureFinding {
  /** A stable name: 'invoice-hash', 'signed-properties', 'certificate-digest', 'signature', 'qr-…'. */
  check: string;
  detail: string;
}

const text = (xml: string, re: RegExp): string | null => re.exec(xml)?.[1] ?? null;

export interface VerifiedDocument {
  findings: SignatureFinding[];
  hash: string;
  certificate: StampCertificate | null;
}

export function verifySignedInvoice(xml: string): VerifiedDocument {
  const findings: SignatureFinding[] = [];
  const add = (check: string, detail: string) => findings.push({ check, detail });
  let hash = '';
  try {
    hash = invoiceHash(xml);
  } catch (e) {
    add('xml', e instanceof Error ? e.message : String(e));
    return { findings, hash, certificate: null };
  }
  const digest = text(xml, /<ds:Reference Id="invoiceSignedData"[\s\S]*?<ds:DigestValue>([^<]*)<\/ds:DigestValue>/);
  if (digest !== hash) add('invoice-hash', `the document hashes to ${hash}, the signature says ${digest ?? 'nothing'}`);

  const certText = text(xml, /<ds:X509Certificate>([^<]*)<\/ds:X509Certificate>/);
  let certificate: StampCertificate | null = null;
  try {
    certificate = certText ? readStampCertificate(certText) : null;
  } catch {
    certificate = null;
  }
  if (!certificate) {
    add('certificate', 'no readable ds:X509Certificate');
    return { findings, hash, certificate };
  }
  const certDigest = text(xml, /<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]*)<\/ds:DigestValue>/);
  if (certDigest !== certificateDigest(certificate)) add('certificate-digest', 'xades:CertDigest is not the certificate\'s digest');
  const props = {
    signingTime: text(xml, /<xades:SigningTime>([^<]*)<\/xades:SigningTime>/) ?? '',
    certDigest: certDigest ?? '',
    issuerName: text(xml, /<ds:X509IssuerName>([^<]*)<\/ds:X509IssuerName>/) ?? '',
    serialDecimal: text(xml, /<ds:X509SerialNumber>([^<]*)<\/ds:X509SerialNumber>/) ?? '',
  };
  if (props.issuerName !== certificate.issuerName) add('issuer', `X509IssuerName "${props.issuerName}" is not the certificate's issuer`);
  if (props.serialDecimal !== certificate.serialDecimal) add('serial', 'X509SerialNumber is not the certificate\'s serial');
  const propsDigest = text(xml, /URI="#xadesSignedProperties">[\s\S]*?<ds:DigestValue>([^<]*)<\/ds:DigestValue>/);
  if (propsDigest !== signedPropertiesDigest(props)) add('signed-properties', 'the SignedProperties digest does not match');

  const signature = text(xml, /<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/) ?? '';
  const signatureOk = (() => {
    try {
      return verify('sha256', Buffer.from(hash, 'base64'), certificate.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  })();
  if (!signatureOk) add('signature', 'the ECDSA signature does not verify with the certificate\'s key over the hash');

  const qrText = text(xml, /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]*)</);
  if (!qrText) {
    add('qr', 'no QR reference');
    return { findings, hash, certificate };
  }
  const tags = new Map<number, Buffer>();
  try {
    for (const { tag, value } of decodeTlv(Buffer.from(qrText, 'base64'))) tags.set(tag, value);
  } catch (e) {
    add('qr', `the QR is not TLV: ${e instanceof Error ? e.message : String(e)}`);
    return { findings, hash, certificate };
  }
  const tag = (n: number) => tags.get(n)?.toString('utf8');
  const issued = `${text(xml, /<cbc:IssueDate>([^<]*)</) ?? ''}T${text(xml, /<cbc:IssueTime>([^<]*)</) ?? ''}`;
  if (tag(3) !== issued) add('qr-time', `QR tag 3 "${tag(3)}" is not IssueDate'T'IssueTime "${issued}"`);
  const total = text(xml, /<cbc:TaxInclusiveAmount[^>]*>([^<]*)</);
  if (tag(4) !== total) add('qr-total', `QR tag 4 "${tag(4)}" is not TaxInclusiveAmount "${total}"`);
  const vat = text(xml, /<cac:TaxTotal>\s*<cbc:TaxAmount[^>]*>([^<]*)</);
  if (tag(5) !== vat) add('qr-vat', `QR tag 5 "${tag(5)}" is not the TaxTotal's TaxAmount "${vat}"`);
  const vatNumber = text(xml, /<cac:AccountingSupplierParty>[\s\S]*?<cac:PartyTaxScheme>\s*<cbc:CompanyID>([^<]*)</);
  if (tag(2) !== vatNumber) add('qr-vat-number', `QR tag 2 "${tag(2)}" is not the seller's VAT number`);
  if (tag(6) !== hash) add('qr-hash', 'QR tag 6 is not the invoice hash');
  if (tag(7) !== signature) add('qr-signature', 'QR tag 7 is not the signature');
  if (!tags.get(8)?.equals(certificate.publicKeySpki)) add('qr-public-key', "QR tag 8 is not the certificate's public key");
  // Tag 9 (the CA's signature over the stamp certificate) is for simplified documents only (subtype 02…).
  const simplified = /<cbc:InvoiceTypeCode name="02/.test(xml);
  if ((simplified || tags.has(9)) && !tags.get(9)?.equals(certificate.certificateSignature)) add('qr-certificate-signature', "QR tag 9 is not the certificate's signature");
  return { findings, hash, certificate };
}
