// Certificates made in Node (@peculiar/asn1-x509 for the structure, Node's crypto to sign), so the simulator
// needs no openssl and runs on a Windows till too: its TLS CA and server certificate (P-256: TLS 1.3 has no
// secp256k1 signature scheme) and its e-invoicing CA (secp256k1, as ZATCA's) with the stamp certificates it
// issues from CSRs.
import { createPublicKey, generateKeyPairSync, randomBytes, sign, createHash, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const OID = {
  commonName: '2.5.4.3',
  domainComponent: '0.9.2342.19200300.100.1.25',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
} as const;

export type Curve = 'prime256v1' | 'secp256k1';

export interface Authority {
  key: KeyObject;
  der: Buffer;
  pem: string;
  /** The CA's subject, as encoded: every certificate it issues names it as issuer. */
  nameDer: Buffer;
  keyId: Buffer;
}

export const pem = (der: Buffer, label = 'CERTIFICATE'): string => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;

const toAb = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer;

/** CN plus optional domain components, encoded as ZATCA's CA names itself (DC=…, CN=…). */
export function distinguishedName(commonName: string, domainComponents: string[] = []): Buffer {
  const rdns = [
    ...domainComponents.map((dc) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type: OID.domainComponent, value: new AttributeValue({ ia5String: dc }) })])),
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type: OID.commonName, value: new AttributeValue({ utf8String: commonName }) })]),
  ];
  return Buffer.from(AsnConvert.serialize(new Name(rdns)));
}

/** SHA-1 of the public key bits: the usual key identifier (RFC 5280 §4.2.1.2 method 1). */
function keyIdOf(spki: Buffer): Buffer {
  const info = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  return createHash('sha1').update(Buffer.from(info.subjectPublicKey)).digest();
}

const ext = (extnID: string, value: ArrayBuffer | Buffer, critical = false) =>
  new Extension({ extnID, critical, extnValue: new OctetString(Buffer.isBuffer(value) ? toAb(value) : value) });

/** A positive serial of 16 random bytes (never a leading zero byte, never negative). */
function serial(): ArrayBuffer {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return toAb(b);
}

export interface IssueOptions {
  /** The subject as encoded DER (a CSR's subject is repeated byte for byte). */
  subjectDer: Buffer;
  spki: Buffer;
  issuer: Authority | 'self';
  /** Self-signed: the key that signs (and whose public half is spki). */
  selfKey?: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  keyUsage: number;
  extendedKeyUsage?: string[];
  /** subjectAltName: IP / DNS names, or an extension value copied as is (a CSR's). */
  subjectAltName?: { ips?: string[]; dnsNames?: string[] } | Buffer;
  /** Other extensions copied as they are (e.g. a CSR's certificate-template extension). */
  extra?: Array<{ id: string; value: Buffer }>;
}

export function issueCertificate(options: IssueOptions): Buffer {
  const issuer = options.issuer;
  const signingKey = issuer === 'self' ? options.selfKey : issuer.key;
  if (!signingKey) throw new Error('a self-signed certificate needs selfKey');
  const keyId = keyIdOf(options.spki);
  const extensions: Extension[] = [];
  if (options.ca !== undefined) extensions.push(ext(OID.basicConstraints, AsnConvert.serialize(new BasicConstraints({ cA: options.ca })), true));
  extensions.push(ext(OID.keyUsage, AsnConvert.serialize(new KeyUsage(options.keyUsage)), true));
  if (options.extendedKeyUsage) extensions.push(ext(OID.extKeyUsage, AsnConvert.serialize(new ExtendedKeyUsage(options.extendedKeyUsage))));
  const san = options.subjectAltName;
  if (Buffer.isBuffer(san)) extensions.push(ext(OID.subjectAltName, san));
  else if (san) {
    const names = [...(san.ips ?? []).map((ip) => new GeneralName({ iPAddress: ip })), ...(san.dnsNames ?? []).map((d) => new GeneralName({ dNSName: d }))];
    extensions.push(ext(OID.subjectAltName, AsnConvert.serialize(new SubjectAlternativeName(names))));
  }
  extensions.push(ext(OID.subjectKeyIdentifier, AsnConvert.serialize(new SubjectKeyIdentifier(toAb(keyId)))));
  const authorityKeyId = issuer === 'self' ? keyId : issuer.keyId;
  extensions.push(ext(OID.authorityKeyIdentifier, AsnConvert.serialize(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(toAb(authorityKeyId)) }))));
  for (const e of options.extra ?? []) extensions.push(ext(e.id, e.value));

  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serial(),
    signature: new AlgorithmIdentifier({ algorithm: ECDSA_SHA256 }),
    issuer: AsnConvert.parse(issuer === 'self' ? options.subjectDer : issuer.nameDer, Name),
    validity: new Validity({ notBefore: options.notBefore, notAfter: options.notAfter }),
    subject: AsnConvert.parse(options.subjectDer, Name),
    subjectPublicKeyInfo: AsnConvert.parse(options.spki, SubjectPublicKeyInfo),
    extensions: new Extensions(extensions),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbs)), signingKey);
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_SHA256 }),
    signatureValue: toAb(signature),
  });
  return Buffer.from(AsnConvert.serialize(cert));
}

const DAY_MS = 24 * 3600_000;

/** A fresh self-signed CA on `curve`. */
export function makeAuthority(curve: Curve, commonName: string, domainComponents: string[] = [], days = 2, now = new Date()): Authority {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const nameDer = distinguishedName(commonName, domainComponents);
  const der = issueCertificate({
    subjectDer: nameDer,
    spki,
    issuer: 'self',
    selfKey: privateKey,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    ca: true,
    keyUsage: KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign,
  });
  return { key: privateKey, der, pem: pem(der), nameDer, keyId: keyIdOf(spki) };
}

/** The HTTPS server's key and certificate for 127.0.0.1 and localhost, from `ca`. */
export function makeServerCertificate(ca: Authority, days = 2, now = new Date()): { keyPem: string; certPem: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const der = issueCertificate({
    subjectDer: distinguishedName('localhost'),
    spki,
    issuer: ca,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    ca: false,
    keyUsage: KeyUsageFlags.digitalSignature,
    extendedKeyUsage: [OID.serverAuth],
    subjectAltName: { ips: ['127.0.0.1'], dnsNames: ['localhost'] },
  });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certPem: pem(der) };
}

/** A stamp certificate (CSID) for a CSR: its subject, key and subjectAltName, signed by the e-invoicing CA. */
export function issueStampCertificate(
  ca: Authority,
  csr: { subjectDer: Buffer; spki: Buffer; subjectAltNameDer: Buffer | null; templateDer?: Buffer | null },
  days: number,
  now = new Date(),
): Buffer {
  return issueCertificate({
    subjectDer: csr.subjectDer,
    spki: csr.spki,
    issuer: ca,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    keyUsage: KeyUsageFlags.digitalSignature,
    extendedKeyUsage: [OID.codeSigning, OID.clientAuth],
    ...(csr.subjectAltNameDer ? { subjectAltName: csr.subjectAltNameDer } : {}),
  });
}
