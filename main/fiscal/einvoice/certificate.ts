// The stamp certificate (the CSID ZATCA issued to this EGS unit): what the signature and the QR need of it.
// It arrives in two forms: Base64 of the DER, as in ds:X509Certificate, and Base64 of THAT text, as ZATCA's
// API hands it out (binarySecurityToken). Both are accepted; `base64` is always the first form.
import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { TillError } from '../../errors';

export interface StampCertificate {
  /** Base64 of the DER (the ds:X509Certificate text; the XAdES certificate digest is taken over this text). */
  base64: string;
  der: Buffer;
  /** As the SDK writes X509IssuerName: RDNs last to first, ", "-separated ("CN=…, DC=extgazt, DC=gov, DC=local"). */
  issuerName: string;
  /** The serial number in decimal (X509SerialNumber). */
  serialDecimal: string;
  subject: string;
  /** DER SubjectPublicKeyInfo: the QR's tag 8. */
  publicKeySpki: Buffer;
  publicKey: KeyObject;
  /** The issuing CA's signature over this certificate (DER ECDSA): the QR's tag 9. */
  certificateSignature: Buffer;
  notBefore: Date;
  notAfter: Date;
}

const isDer = (bytes: Buffer) => bytes.length > 0 && bytes[0] === 0x30;

/** The DER behind either form; null when the text is neither. */
function derOf(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const once = Buffer.from(compact, 'base64');
  if (isDer(once)) return once;
  const inner = once.toString('latin1').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(inner)) return null;
  const twice = Buffer.from(inner, 'base64');
  return isDer(twice) ? twice : null;
}

export function readStampCertificate(text: string): StampCertificate {
  const der = derOf(text);
  if (!der) throw new TillError('EINVOICE_CERTIFICATE_INVALID', 'not a Base64 certificate');
  let x509: X509Certificate;
  let parsed: Certificate;
  try {
    x509 = new X509Certificate(der);
    parsed = AsnConvert.parse(der, Certificate);
  } catch (e) {
    throw new TillError('EINVOICE_CERTIFICATE_INVALID', e instanceof Error ? e.message : String(e));
  }
  const publicKey = createPublicKey(x509.publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    base64: der.toString('base64'),
    der,
    issuerName: x509.issuer.split('\n').reverse().join(', '),
    serialDecimal: BigInt(`0x${x509.serialNumber}`).toString(10),
    subject: x509.subject.split('\n').reverse().join(', '),
    publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }),
    publicKey,
    certificateSignature: Buffer.from(parsed.signatureValue),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
  };
}
