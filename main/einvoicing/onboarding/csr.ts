// The certificate signing request a till sends FATOORA to be onboarded (zatca.md §4): a fresh secp256k1 key and a
// PKCS#10 request carrying ZATCA's fields. Node has no CSR builder, so the structure is written with
// @peculiar/asn1-* and signed with Node's crypto (WebCrypto refuses secp256k1).
//
// The layout follows ZATCA's SDK (its csr-config example and the openssl config behind it) and the certificates
// ZATCA's CA issues from it (the published 2024 test certificate), not the field names of Sec-Std Table 1:
//   subject            CN (unit name) · OU (branch) · O (taxpayer) · C (SA)
//   extensionRequest   1.3.6.1.4.1.311.20.2 certificate template, PrintableString:
//                        ZATCA-Code-Signing (production) · PREZATCA-Code-Signing (simulation) · TSTZATCA-Code-Signing (sandbox)
//                      subjectAltName, one directoryName:
//                        SN  2.5.4.4                     1-<solution>|2-<model>|3-<serial>  (Sec-Std: "serial number")
//                        UID 0.9.2342.19200300.100.1.1   the VAT number                     (Sec-Std: "organization identifier")
//                        title 2.5.4.12                  document types TSCZ: 0100 simplified, 1100 standard + simplified
//                        registeredAddress 2.5.4.26, businessCategory 2.5.4.15
// The SDK writes SN (surname) and UID where the standard says serialNumber and organizationIdentifier (2.5.4.97);
// ZATCA's CA copies SN and UID into the certificate it issues, so those are the ones its checks read.
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { CertificationRequest, CertificationRequestInfo, Attributes } from '@peculiar/asn1-csr';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  Attribute,
  AttributeTypeAndValue,
  AttributeValue,
  Extension,
  Extensions,
  GeneralName,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';
import { defineErrors } from '../../errors';

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  title: '2.5.4.12',
  businessCategory: '2.5.4.15',
  registeredAddress: '2.5.4.26',
  userId: '0.9.2342.19200300.100.1.1',
  extensionRequest: '1.2.840.113549.1.9.14',
  certificateTemplate: '1.3.6.1.4.1.311.20.2',
  subjectAltName: '2.5.29.17',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** Where the certificate will be used: the template ZATCA's CA issues under. `simulator` is our own platform simulator. */
export type CsrEnvironment = 'production' | 'simulation' | 'sandbox' | 'simulator';

export const CERTIFICATE_TEMPLATE: Readonly<Record<CsrEnvironment, string>> = {
  production: 'ZATCA-Code-Signing',
  simulation: 'PREZATCA-Code-Signing',
  sandbox: 'TSTZATCA-Code-Signing',
  simulator: 'TSTZATCA-Code-Signing',
};

/** ZATCA's "TSCZ" flags: standard (tax) invoices, simplified invoices, two for future use. */
export type InvoiceTypes = '0100' | '1100' | '1000';

export interface CsrFields {
  /** The unit's name or asset number (CN), e.g. TST-886431145-399999999900003 or "Till 1". */
  commonName: string;
  /** The EGS: solution (our product) name, model or version, and this unit's serial (unique per till). */
  egs: { solution: string; model: string; serial: string };
  /** The taxpayer's VAT registration number: 15 digits, first and last 3. */
  vatNumber: string;
  /** Branch name (OU). For a VAT group, ZATCA wants the member's 10-digit TIN here instead. */
  branch: string;
  /** Taxpayer name (O), as registered. */
  taxpayer: string;
  /** `0100` simplified only (a B2C till), `1100` standard and simplified. */
  invoiceTypes: InvoiceTypes;
  /** The branch's address (or website), free text. */
  registeredAddress: string;
  /** Industry or sector, free text. */
  businessCategory: string;
  /** ISO 3166 two letters; ZATCA expects SA. */
  country?: string;
}

export const csrErrors = defineErrors({
  CSR_FIELD_MISSING: {
    ar: 'بيانات طلب الشهادة ناقصة: أكمل الحقل المذكور.',
    en: 'The certificate request is missing a field: fill in the one named.',
  },
  CSR_FIELD_TOO_LONG: {
    ar: 'أحد حقول طلب الشهادة أطول من المسموح (٦٤ حرفًا للاسم والفرع والمنشأة).',
    en: 'A certificate request field is too long (64 characters at most for the name, branch and taxpayer).',
  },
  CSR_VAT_NUMBER: {
    ar: 'الرقم الضريبي يجب أن يكون ١٥ رقمًا يبدأ وينتهي بالرقم ٣.',
    en: 'The VAT number must be 15 digits, starting and ending with 3.',
  },
  CSR_EGS_SERIAL: {
    ar: 'اسم الحل أو الطراز أو الرقم التسلسلي للجهاز فارغ أو يحتوي الرمز |.',
    en: 'The solution name, model or device serial is empty or contains |.',
  },
  CSR_INVOICE_TYPES: {
    ar: 'نوع الفواتير يجب أن يكون 0100 (مبسطة) أو 1100 (ضريبية ومبسطة) أو 1000 (ضريبية).',
    en: 'The invoice types must be 0100 (simplified), 1100 (standard and simplified) or 1000 (standard).',
  },
  CSR_COUNTRY: { ar: 'رمز الدولة يجب أن يكون حرفين (SA).', en: 'The country must be a two-letter code (SA).' },
  CSR_UNREADABLE: { ar: 'طلب الشهادة غير مقروء.', en: 'The certificate request cannot be read.' },
  CSR_SIGNATURE: {
    ar: 'توقيع طلب الشهادة لا يطابق مفتاحه.',
    en: 'The certificate request is not signed by its own key.',
  },
});
export type CsrErrorCode = keyof typeof csrErrors.text;
export class CsrError extends csrErrors.errorClass('CsrError') {}

export interface BuiltCsr {
  /** The unit's new secp256k1 key. Keep it in the secret store (`privateKeyPkcs8`); it never leaves the till. */
  privateKey: KeyObject;
  /** PKCS#8 DER of the key (what the secret store keeps). */
  privateKeyPkcs8: Buffer;
  der: Buffer;
  pem: string;
  /** What FATOORA's compliance and renewal calls take as `csr`: Base64 of the PEM text. */
  base64: string;
}

/** The EGS serial as the SDK writes it into SN. */
export const egsSerialNumber = (egs: CsrFields['egs']): string => `1-${egs.solution}|2-${egs.model}|3-${egs.serial}`;

const VAT_NUMBER = /^3\d{13}3$/;
const INVOICE_TYPES = new Set<string>(['0100', '1100', '1000']);
/** X.520's upper bounds for these attributes (ub-common-name, ub-organization-name, ub-organizational-unit-name). */
const MAX_NAME = 64;
const MAX_FREE_TEXT = 128;

/** Every problem with the fields, first one first; empty when a CSR can be built. */
export function checkCsrFields(fields: CsrFields): Array<{ code: CsrErrorCode; field: string }> {
  const problems: Array<{ code: CsrErrorCode; field: string }> = [];
  const text = (field: string, value: unknown, max: number) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push({ code: 'CSR_FIELD_MISSING', field });
    else if ([...value].length > max) problems.push({ code: 'CSR_FIELD_TOO_LONG', field });
  };
  text('commonName', fields.commonName, MAX_NAME);
  text('branch', fields.branch, MAX_NAME);
  text('taxpayer', fields.taxpayer, MAX_NAME);
  text('registeredAddress', fields.registeredAddress, MAX_FREE_TEXT);
  text('businessCategory', fields.businessCategory, MAX_FREE_TEXT);
  if (typeof fields.vatNumber !== 'string' || !VAT_NUMBER.test(fields.vatNumber)) problems.push({ code: 'CSR_VAT_NUMBER', field: 'vatNumber' });
  const egs = fields.egs ?? { solution: '', model: '', serial: '' };
  for (const part of ['solution', 'model', 'serial'] as const) {
    const v = egs[part];
    if (typeof v !== 'string' || v.trim() === '' || v.includes('|')) problems.push({ code: 'CSR_EGS_SERIAL', field: `egs.${part}` });
  }
  if (!INVOICE_TYPES.has(fields.invoiceTypes)) problems.push({ code: 'CSR_INVOICE_TYPES', field: 'invoiceTypes' });
  if (fields.country !== undefined && !/^[A-Z]{2}$/.test(fields.country)) problems.push({ code: 'CSR_COUNTRY', field: 'country' });
  return problems;
}

const utf8 = (type: string, value: string) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) })]);
const printable = (type: string, value: string) =>
  new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ printableString: value }) })]);

/** DER of a PrintableString (the template name: ASCII letters and '-', always shorter than 128 bytes). */
function derPrintableString(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'ascii');
  return new Uint8Array(Buffer.concat([Buffer.from([0x13, bytes.length]), bytes])).buffer;
}

const toArrayBuffer = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer;

/**
 * A new key and a signed CSR for these fields. `privateKey` reuses a key instead (tests; a renewal normally makes
 * a new one). Throws CsrError (the first problem of checkCsrFields) when a field is unusable.
 */
export function buildCsr(fields: CsrFields, environment: CsrEnvironment, privateKey?: KeyObject): BuiltCsr {
  const problem = checkCsrFields(fields)[0];
  if (problem) throw new CsrError(problem.code, problem.field);
  const key = privateKey ?? generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey;
  if (key.asymmetricKeyDetails?.namedCurve !== 'secp256k1') throw new RangeError('a ZATCA key is an EC key on secp256k1');
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });

  const subject = new Name([
    utf8(OID.commonName, fields.commonName),
    utf8(OID.organizationalUnit, fields.branch),
    utf8(OID.organization, fields.taxpayer),
    printable(OID.country, fields.country ?? 'SA'),
  ]);
  const egsName = new Name([
    utf8(OID.surname, egsSerialNumber(fields.egs)),
    utf8(OID.userId, fields.vatNumber),
    utf8(OID.title, fields.invoiceTypes),
    utf8(OID.registeredAddress, fields.registeredAddress),
    utf8(OID.businessCategory, fields.businessCategory),
  ]);
  const extensions = new Extensions([
    new Extension({ extnID: OID.certificateTemplate, critical: false, extnValue: new OctetString(derPrintableString(CERTIFICATE_TEMPLATE[environment])) }),
    new Extension({
      extnID: OID.subjectAltName,
      critical: false,
      extnValue: new OctetString(AsnConvert.serialize(new SubjectAlternativeName([new GeneralName({ directoryName: egsName })]))),
    }),
  ]);
  const info = new CertificationRequestInfo({
    version: 0,
    subject,
    subjectPKInfo: AsnConvert.parse(spki, SubjectPublicKeyInfo),
    attributes: new Attributes([new Attribute({ type: OID.extensionRequest, values: [AsnConvert.serialize(extensions)] })]),
  });
  const tbs = Buffer.from(AsnConvert.serialize(info));
  const signature = sign('sha256', tbs, key);
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    // ECDSA's AlgorithmIdentifier has no parameters at all (RFC 5758 §3.2), not a NULL.
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256 }),
    signature: toArrayBuffer(signature),
  });
  const der = Buffer.from(AsnConvert.serialize(request));
  const pem = toPem(der, 'CERTIFICATE REQUEST');
  return {
    privateKey: key,
    privateKeyPkcs8: key.export({ type: 'pkcs8', format: 'der' }),
    der,
    pem,
    base64: Buffer.from(pem, 'utf8').toString('base64'),
  };
}

export function toPem(der: Buffer, label: string): string {
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** What a CSR says, read back (the platform simulator uses this; tests compare it with what was built). */
export interface CsrContents {
  der: Buffer;
  /** The subject exactly as encoded (a certificate issued for the CSR repeats it). */
  subjectDer: Buffer;
  /** DER SubjectPublicKeyInfo: the key the certificate will carry. */
  spki: Buffer;
  publicKey: KeyObject;
  /** The subjectAltName extension's value exactly as encoded. */
  subjectAltNameDer: Buffer | null;
  commonName: string | null;
  branch: string | null;
  taxpayer: string | null;
  country: string | null;
  egsSerial: string | null;
  vatNumber: string | null;
  invoiceTypes: string | null;
  registeredAddress: string | null;
  businessCategory: string | null;
  template: string | null;
}

const PEM_BLOCK = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/;

/** The DER of a CSR given as PEM, as Base64 of PEM (FATOORA's `csr`), or as Base64 of DER. */
function csrDer(input: string | Buffer): Buffer {
  if (Buffer.isBuffer(input)) return input;
  let text = input.trim();
  if (!text.includes('-----BEGIN')) {
    const decoded = Buffer.from(text, 'base64').toString('latin1');
    if (!decoded.includes('-----BEGIN')) return Buffer.from(text, 'base64');
    text = decoded;
  }
  const m = PEM_BLOCK.exec(text);
  if (!m) throw new CsrError('CSR_UNREADABLE', 'no CERTIFICATE REQUEST block');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/** Names as text: one value per attribute type (the first), read from any DirectoryString choice. */
function namesOf(name: Name): Map<string, string> {
  const out = new Map<string, string>();
  for (const rdn of name) {
    for (const atv of rdn) if (!out.has(atv.type)) out.set(atv.type, atv.value.toString());
  }
  return out;
}

/** The template name: a PrintableString (SDK), or any other string type, read as text. */
function templateName(value: ArrayBuffer): string {
  const bytes = Buffer.from(value);
  // tag, short length, text: the template is always a short string.
  return bytes.length >= 2 && bytes[1]! < 0x80 ? bytes.subarray(2, 2 + bytes[1]!).toString(bytes[0] === 0x1e ? 'utf16le' : 'utf8') : '';
}

/** Parses a CSR and checks its self-signature; throws CsrError('CSR_UNREADABLE' | 'CSR_SIGNATURE'). */
export function readCsr(input: string | Buffer): CsrContents {
  const der = csrDer(input);
  let request: CertificationRequest;
  try {
    request = AsnConvert.parse(der, CertificationRequest);
  } catch (err) {
    throw new CsrError('CSR_UNREADABLE', err instanceof Error ? err.message : String(err));
  }
  const info = request.certificationRequestInfo;
  const spki = Buffer.from(AsnConvert.serialize(info.subjectPKInfo));
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch (err) {
    throw new CsrError('CSR_UNREADABLE', `public key: ${err instanceof Error ? err.message : String(err)}`);
  }
  // What was signed is the request info exactly as it arrived, not as re-encoded here.
  const tbs = request.certificationRequestInfoRaw ? Buffer.from(request.certificationRequestInfoRaw) : Buffer.from(AsnConvert.serialize(info));
  if (request.signatureAlgorithm.algorithm !== OID.ecdsaWithSha256 || !verify('sha256', tbs, publicKey, Buffer.from(request.signature))) {
    throw new CsrError('CSR_SIGNATURE');
  }
  const subject = namesOf(info.subject);
  let san: Map<string, string> = new Map();
  let sanDer: Buffer | null = null;
  let template: string | null = null;
  for (const attribute of info.attributes ?? []) {
    if (attribute.type !== OID.extensionRequest) continue;
    for (const value of attribute.values) {
      for (const ext of AsnConvert.parse(value, Extensions)) {
        if (ext.extnID === OID.subjectAltName) {
          sanDer = Buffer.from(ext.extnValue.buffer);
          const dir = AsnConvert.parse(ext.extnValue.buffer, SubjectAlternativeName).find((g) => g.directoryName)?.directoryName;
          if (dir) san = namesOf(dir);
        } else if (ext.extnID === OID.certificateTemplate) {
          template = templateName(ext.extnValue.buffer);
        }
      }
    }
  }
  return {
    der,
    subjectDer: Buffer.from(AsnConvert.serialize(info.subject)),
    spki,
    publicKey,
    subjectAltNameDer: sanDer,
    commonName: subject.get(OID.commonName) ?? null,
    branch: subject.get(OID.organizationalUnit) ?? null,
    taxpayer: subject.get(OID.organization) ?? null,
    country: subject.get(OID.country) ?? null,
    egsSerial: san.get(OID.surname) ?? null,
    vatNumber: san.get(OID.userId) ?? null,
    invoiceTypes: san.get(OID.title) ?? null,
    registeredAddress: san.get(OID.registeredAddress) ?? null,
    businessCategory: san.get(OID.businessCategory) ?? null,
    template,
  };
}
