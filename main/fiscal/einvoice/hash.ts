// The invoice hash (XML-Std BR-KSA-26, Sec-Std §2.3.3): take out what the signature adds — ext:UBLExtensions,
// cac:Signature and the QR reference — leaving the whitespace around them, canonicalise (C14N 1.1), SHA-256,
// Base64 of the raw 32 bytes. It is the QR's tag 6, the signature's invoiceSignedData digest, and the next
// document's PIH. Matched on namespace and local name, never on prefixes.
import { createHash } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { TillError } from '../../errors';
import { canonicalizeDocument, parseXml } from './c14n';

export const UBL_NS = {
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

/**
 * The first document's PIH (XML-Std BR-KSA-26): Base64 of the HEX TEXT of SHA-256("0") — unlike every later
 * PIH, which is a document's hash (Base64 of the raw digest).
 */
export const SEED_PIH = 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==';

const is = (el: Element, ns: string, local: string) => el.namespaceURI === ns && el.localName === local;

const isQrReference = (el: Element): boolean => {
  if (!is(el, UBL_NS.cac, 'AdditionalDocumentReference')) return false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && is(c as Element, UBL_NS.cbc, 'ID')) return (c.textContent ?? '').trim() === 'QR';
  }
  return false;
};

const signatureParts = (el: Element): boolean =>
  is(el, UBL_NS.ext, 'UBLExtensions') || is(el, UBL_NS.cac, 'Signature') || isQrReference(el);

/** Removes, wherever they are, the elements the signature transforms leave out (the text around them stays). */
function removeSignatureParts(parent: Element): void {
  for (let n = parent.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 1) {
      const el = n as Element;
      if (signatureParts(el)) parent.removeChild(el);
      else removeSignatureParts(el);
    }
    n = next;
  }
}

function checkRoot(doc: Document): void {
  const root = doc.documentElement!;
  if (!is(root, UBL_NS.invoice, 'Invoice') && !is(root, UBL_NS.creditNote, 'CreditNote')) {
    throw new TillError('EINVOICE_XML_MALFORMED', `root element {${root.namespaceURI}}${root.localName} is not a UBL invoice`);
  }
}

/** The canonical text that is hashed. */
export function invoiceHashInput(xml: string): string {
  const doc = parseXml(xml);
  checkRoot(doc);
  removeSignatureParts(doc.documentElement!);
  return canonicalizeDocument(doc);
}

export function invoiceHash(xml: string): string {
  return createHash('sha256').update(invoiceHashInput(xml), 'utf8').digest('base64');
}
