// The stamp certificate (the CSID ZATCA issued to this EGS unit): what the signature and the QR need of it.
// Everything is read from the certificate's own ASN.1 (@peculiar/asn1-x509), not from Node's printed forms:
// the QR's tags 8 and 9 must be the certificate's bytes as they are, and X509IssuerName must be written the way
// ZATCA's (Java) SDK prints a name, which is not how OpenSSL prints one.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name } from '@peculiar/asn1-x509';
import { TillError } from '../../errors';

export interface StampCertificate {
  /** Base64 of the DER (the ds:X509Certificate text; the XAdES certificate digest is taken over this text). */
  base64: string;
  der: Buffer;
  /** The issuer as the SDK writes X509IssuerName: "CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local". */
  issuerName: string;
  /** The serial number in decimal (X509SerialNumber). */
  serialDecimal: string;
  /** The subject, in the same form as issuerName ("CN=TST-…, OU=…, O=…, C=SA"). */
  subject: string;
  /** DER SubjectPublicKeyInfo exactly as the certificate carries it: the QR's tag 8. */
  publicKeySpki: Buffer;
  publicKey: KeyObject;
  /** The issuing CA's signature over this certificate (the DER ECDSA in signatureValue): the QR's tag 9. */
  certificateSignature: Buffer;
  notBefore: Date;
  notAfter: Date;
}

// Attribute keywords as Java's X500Name prints them (its DEFAULT style); any other attribute is "OID.<dotted>".
const KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '2.5.4.46': 'DNQ',
  '2.5.4.4': 'SURNAME',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.43': 'INITIALS',
  '2.5.4.44': 'GENERATION',
  '2.5.4.5': 'SERIALNUMBER',
  '1.2.840.113549.1.9.1': 'EMAILADDRESS',
};

const SPECIAL = ',+=\n<>#;\\"';

/**
 * One attribute value as Java's AVA prints it: quoted when it holds a special character or leading, trailing
 * or doubled white space, with `"` and `\` backslash-escaped. [inferred from the JDK's AVA.toKeywordValueString;
 * ZATCA's CA names are plain ASCII, where this is just the value.]
 */
function javaValue(value: string): string {
  let quote = value.startsWith(' ') || value.startsWith('\n') || value.endsWith(' ') || value.endsWith('\n') || /[ \n]{2}/.test(value);
  let out = '';
  for (const c of value) {
    if (SPECIAL.includes(c)) quote = true;
    out += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return quote ? `"${out}"` : out;
}

/**
 * A distinguished name as ZATCA's SDK writes it (Java's X500Name.toString): the RDNs from the LAST encoded to
 * the first, ", " between them, " + " inside a multi-valued RDN. ZATCA's CA encodes DC=local, DC=gov,
 * DC=extgazt, CN=PRZEINVOICESCA4-CA, which prints as "CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local".
 */
export function sdkDistinguishedName(name: Name): string {
  return [...name]
    .reverse()
    .map((rdn) =>
      [...rdn]
        .map(({ type, value }) => {
          const text = value.anyValue ? `#${Buffer.from(value.anyValue).toString('hex')}` : javaValue(value.toString());
          return `${KEYWORDS[type] ?? `OID.${type}`}=${text}`;
        })
        .join(' + '),
    )
    .join(', ');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const isDer = (bytes: Buffer) => bytes.length > 0 && bytes[0] === 0x30;

/** The DER behind any accepted form; null when the text is none of them. */
function derOf(text: string): Buffer | null {
  const compact = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!BASE64.test(compact)) return null;
  const once = Buffer.from(compact, 'base64');
  if (isDer(once)) return once;
  // A certificate's DER starts 0x30 0x82 and its Base64 therefore "MI": decoded once, the token form is text.
  const inner = once.toString('latin1').replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!BASE64.test(inner)) return null;
  const twice = Buffer.from(inner, 'base64');
  return isDer(twice) ? twice : null;
}

/**
 * Reads the stamp certificate from either form it comes in:
 * - Base64 of the DER, as in the document's ds:X509Certificate (and the fixtures' cert_b64.txt);
 * - Base64 of THAT Base64 text, as ZATCA's API returns it in `binarySecurityToken`.
 * PEM armour and line breaks around either are ignored. `base64` is always the first form, whatever came in.
 * Throws EINVOICE_CERTIFICATE_INVALID for anything else, and for a certificate without an EC key (ZATCA signs
 * and checks ECDSA).
 */
export function readStampCertificate(text: string): StampCertificate {
  const der = derOf(text);
  if (!der) throw new TillError('EINVOICE_CERTIFICATE_INVALID', 'neither Base64 of a certificate nor Base64 of that text');
  let parsed: Certificate;
  let publicKey: KeyObject;
  let publicKeySpki: Buffer;
  try {
    parsed = AsnConvert.parse(der, Certificate);
    // Node's parser as a second opinion on the DER (it refuses trailing bytes and malformed extensions).
    new X509Certificate(der);
    publicKeySpki = Buffer.from(AsnConvert.serialize(parsed.tbsCertificate.subjectPublicKeyInfo));
    publicKey = createPublicKey({ key: publicKeySpki, format: 'der', type: 'spki' });
  } catch (e) {
    throw new TillError('EINVOICE_CERTIFICATE_INVALID', e instanceof Error ? e.message : String(e));
  }
  if (publicKey.asymmetricKeyType !== 'ec') {
    throw new TillError('EINVOICE_CERTIFICATE_INVALID', `the certificate's key is ${publicKey.asymmetricKeyType ?? 'unknown'}, not EC`);
  }
  const tbs = parsed.tbsCertificate;
  return {
    base64: der.toString('base64'),
    der,
    issuerName: sdkDistinguishedName(tbs.issuer),
    // DER INTEGER bytes, big-endian; CA serials are positive (RFC 5280 §4.1.2.2).
    serialDecimal: BigInt(`0x${Buffer.from(tbs.serialNumber).toString('hex') || '0'}`).toString(10),
    subject: sdkDistinguishedName(tbs.subject),
    publicKeySpki,
    publicKey,
    certificateSignature: Buffer.from(parsed.signatureValue),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
  };
}
