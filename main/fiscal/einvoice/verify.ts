// Checking a signed document from its own bytes, as ZATCA does: the hash recomputed against the signature's
// digest and the QR, the XAdES digests, the ECDSA signature with the certificate's key, and the QR's other tags
// against the document. The platform simulator checks every document it receives with this; tests use it.
// Elements are found by namespace and local name (a DOM, not text patterns), so prefixes, entities and an
// IssueDate elsewhere in the document (a billing reference's) cannot mislead it.
import { verify } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { decodeTlv } from '../tlv';
import { readStampCertificate, type StampCertificate } from './certificate';
import { parseXml } from './xml-parse';
import { invoiceHash, UBL_NS } from './hash';
import { certificateDigest, signedPropertiesDigest } from './xades';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const { cac, cbc } = UBL_NS;

export interface SignatureFinding {
  /**
   * A stable name: 'xml', 'invoice-hash', 'certificate', 'certificate-digest', 'issuer', 'serial',
   * 'signed-properties', 'signature', 'qr', and 'qr-seller', 'qr-vat-number', 'qr-time', 'qr-total', 'qr-vat',
   * 'qr-hash', 'qr-signature', 'qr-public-key', 'qr-certificate-signature' for QR tags 1-9.
   */
  check: string;
  detail: string;
}

export interface VerifiedDocument {
  /** Empty when the document is right. */
  findings: SignatureFinding[];
  /** The recomputed invoice hash ('' when the XML does not parse). */
  hash: string;
  certificate: StampCertificate | null;
}

const elementChildren = (parent: Element, ns: string, local: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
};

/** The first element down a path of [namespace, local name] steps, each step among the children. */
function at(from: Element | null | undefined, ...steps: Array<[string, string]>): Element | null {
  let el = from ?? null;
  for (const [ns, local] of steps) {
    if (!el) return null;
    el = elementChildren(el, ns, local)[0] ?? null;
  }
  return el;
}

const textOf = (el: Element | null): string | null => (el ? (el.textContent ?? '').trim() : null);

/** The first descendant named so, anywhere under `from`. */
const descendant = (from: Element | null, ns: string, local: string): Element | null => (from ? (from.getElementsByTagNameNS(ns, local)[0] ?? null) : null);

const qrReferenceOf = (root: Element): Element | null =>
  elementChildren(root, cac, 'AdditionalDocumentReference').find((r) => textOf(at(r, [cbc, 'ID'])) === 'QR') ?? null;

/** The document-level VAT total: the TaxTotal in the tax currency (SAR), else the first. */
function vatTotalText(root: Element): string | null {
  const totals = elementChildren(root, cac, 'TaxTotal').map((t) => at(t, [cbc, 'TaxAmount']));
  const taxCurrency = textOf(at(root, [cbc, 'TaxCurrencyCode']));
  const inTaxCurrency = totals.find((a) => a && taxCurrency && a.getAttribute('currencyID') === taxCurrency);
  return textOf(inTaxCurrency ?? totals[0] ?? null);
}

export function verifySignedInvoice(xml: string): VerifiedDocument {
  const findings: SignatureFinding[] = [];
  const add = (check: string, detail: string) => findings.push({ check, detail });
  let hash = '';
  let root: Element;
  try {
    hash = invoiceHash(xml);
    root = parseXml(xml).documentElement!;
  } catch (e) {
    add('xml', e instanceof Error ? e.message : String(e));
    return { findings, hash, certificate: null };
  }

  const signature = descendant(at(root, [UBL_NS.ext, 'UBLExtensions']), DS, 'Signature');
  const signedInfo = at(signature, [DS, 'SignedInfo']);
  const references = signedInfo ? elementChildren(signedInfo, DS, 'Reference') : [];
  const referenceDigest = (attribute: string, value: string) =>
    textOf(at(references.find((r) => r.getAttribute(attribute) === value), [DS, 'DigestValue']));

  const digest = referenceDigest('Id', 'invoiceSignedData');
  if (digest !== hash) add('invoice-hash', `the document hashes to ${hash}, the signature says ${digest ?? 'nothing'}`);

  const signatureValue = textOf(at(signature, [DS, 'SignatureValue'])) ?? '';
  let certificate: StampCertificate | null = null;
  try {
    const certText = textOf(at(signature, [DS, 'KeyInfo'], [DS, 'X509Data'], [DS, 'X509Certificate']));
    certificate = certText ? readStampCertificate(certText) : null;
  } catch {
    certificate = null;
  }

  if (!certificate) add('certificate', 'no readable ds:X509Certificate');
  else {
    const signedProperties = descendant(signature, XADES, 'SignedProperties');
    const cert = at(descendant(signedProperties, XADES, 'SigningCertificate'), [XADES, 'Cert']);
    const issuerSerial = at(cert, [XADES, 'IssuerSerial']);
    const props = {
      signingTime: textOf(descendant(signedProperties, XADES, 'SigningTime')) ?? '',
      certDigest: textOf(at(cert, [XADES, 'CertDigest'], [DS, 'DigestValue'])) ?? '',
      issuerName: textOf(at(issuerSerial, [DS, 'X509IssuerName'])) ?? '',
      serialDecimal: textOf(at(issuerSerial, [DS, 'X509SerialNumber'])) ?? '',
    };
    if (props.certDigest !== certificateDigest(certificate)) add('certificate-digest', "xades:CertDigest is not the certificate's digest");
    if (props.issuerName !== certificate.issuerName) add('issuer', `X509IssuerName "${props.issuerName}" is not the certificate's issuer "${certificate.issuerName}"`);
    if (props.serialDecimal !== certificate.serialDecimal) add('serial', "X509SerialNumber is not the certificate's serial number");
    // Over the values the document states: a changed signing time or serial shows here even when it is
    // consistent with nothing else.
    const propsDigest = referenceDigest('URI', '#xadesSignedProperties');
    if (propsDigest !== signedPropertiesDigest(props)) add('signed-properties', 'the SignedProperties digest does not match');

    let signatureOk = false;
    try {
      signatureOk = verify('sha256', Buffer.from(hash, 'base64'), certificate.publicKey, Buffer.from(signatureValue, 'base64'));
    } catch {
      signatureOk = false;
    }
    if (!signatureOk) add('signature', "the ECDSA signature does not verify with the certificate's key over the hash");
  }

  const qrText = textOf(at(qrReferenceOf(root), [cac, 'Attachment'], [cbc, 'EmbeddedDocumentBinaryObject']));
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
  const expectTag = (n: number, check: string, what: string, expected: string | null) => {
    if (tag(n) !== expected) add(check, `QR tag ${n} "${tag(n) ?? ''}" is not ${what} "${expected ?? ''}"`);
  };
  const supplier = at(root, [cac, 'AccountingSupplierParty'], [cac, 'Party']);
  expectTag(1, 'qr-seller', "the seller's RegistrationName", textOf(at(supplier, [cac, 'PartyLegalEntity'], [cbc, 'RegistrationName'])));
  expectTag(2, 'qr-vat-number', "the seller's VAT number", textOf(at(supplier, [cac, 'PartyTaxScheme'], [cbc, 'CompanyID'])));
  expectTag(3, 'qr-time', "IssueDate'T'IssueTime", `${textOf(at(root, [cbc, 'IssueDate'])) ?? ''}T${textOf(at(root, [cbc, 'IssueTime'])) ?? ''}`);
  expectTag(4, 'qr-total', 'TaxInclusiveAmount', textOf(at(root, [cac, 'LegalMonetaryTotal'], [cbc, 'TaxInclusiveAmount'])));
  expectTag(5, 'qr-vat', "the TaxTotal's TaxAmount", vatTotalText(root));
  if (tag(6) !== hash) add('qr-hash', 'QR tag 6 is not the invoice hash');
  if (tag(7) !== signatureValue) add('qr-signature', 'QR tag 7 is not the signature value');
  if (certificate) {
    if (!tags.get(8)?.equals(certificate.publicKeySpki)) add('qr-public-key', "QR tag 8 is not the certificate's public key");
    // Tag 9 (the CA's signature over the stamp certificate) is for simplified documents only (subtype 02…);
    // a standard document that carries one must still carry the right one.
    const simplified = (at(root, [cbc, 'InvoiceTypeCode'])?.getAttribute('name') ?? '').startsWith('02');
    if ((simplified || tags.has(9)) && !tags.get(9)?.equals(certificate.certificateSignature)) {
      add('qr-certificate-signature', "QR tag 9 is not the certificate's signature");
    }
  }
  return { findings, hash, certificate };
}
