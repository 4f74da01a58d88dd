// The invoice hash (XML-Std BR-KSA-26, Sec-Std §2.3.3): take out what the signature adds — ext:UBLExtensions,
// cac:Signature and the QR reference — leaving the whitespace around them, canonicalise (C14N 1.1), SHA-256,
// Base64 of the raw 32 bytes. It is the QR's tag 6, the signature's invoiceSignedData digest, and the next
// document's PIH. Elements are matched on namespace URI and local name, never on prefixes, and wherever they
// are, as the signature's XPath transforms (not(//ancestor-or-self::…)) and the SDK's pre-hash stylesheet do.
import { createHash } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { TillError } from '../../errors';
import { canonicalizeDocument } from './c14n';
import { parseXml } from './xml-parse';

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

const ELEMENT = 1;

const is = (el: Element, ns: string, local: string): boolean => el.namespaceURI === ns && el.localName === local;

/** XPath's normalize-space() trims XML whitespace only (not NBSP, as String.trim would). */
const normalizeSpace = (s: string): string => s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');

/** The SDK's test: an AdditionalDocumentReference with a cbc:ID child whose normalize-space() is QR. */
function isQrReference(el: Element): boolean {
  if (!is(el, UBL_NS.cac, 'AdditionalDocumentReference')) return false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT && is(c as Element, UBL_NS.cbc, 'ID') && normalizeSpace(c.textContent ?? '') === 'QR') return true;
  }
  return false;
}

const isSignaturePart = (el: Element): boolean =>
  is(el, UBL_NS.ext, 'UBLExtensions') || is(el, UBL_NS.cac, 'Signature') || isQrReference(el);

/** Removes the elements the signature's transforms leave out; the text around them stays. */
function removeSignatureParts(parent: Element): void {
  for (let n = parent.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === ELEMENT) {
      const el = n as Element;
      if (isSignaturePart(el)) parent.removeChild(el);
      else removeSignatureParts(el);
    }
    n = next;
  }
}

function checkRoot(doc: Document): Element {
  const root = doc.documentElement!;
  if (!is(root, UBL_NS.invoice, 'Invoice') && !is(root, UBL_NS.creditNote, 'CreditNote')) {
    throw new TillError('EINVOICE_XML_MALFORMED', `root element {${root.namespaceURI ?? ''}}${root.localName ?? root.tagName} is not a UBL Invoice or CreditNote`);
  }
  return root;
}

/** The canonical text that is hashed. */
export function invoiceHashInput(xml: string): string {
  const doc = parseXml(xml);
  removeSignatureParts(checkRoot(doc));
  return canonicalizeDocument(doc);
}

/** Base64 of the raw SHA-256 of the hash input's UTF-8 bytes. */
export function invoiceHash(xml: string): string {
  return createHash('sha256').update(invoiceHashInput(xml), 'utf8').digest('base64');
}
