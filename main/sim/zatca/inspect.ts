// What the simulator reads from a document it receives: the facts it checks (UUID, ICV, PIH, type, the signing
// certificate) and the hash it computes itself with the till's own hash code (main/fiscal/einvoice) — the
// simulator's job is to check the till's pieces against each other, not to bring a second implementation.
import type { Element } from '@xmldom/xmldom';
import { invoiceHash, parseXml, UBL_NS } from '../../fiscal/einvoice';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface DocumentFacts {
  xml: string;
  uuid: string | null;
  icv: number | null;
  /** The ICV text as written (ZATCA wants digits only). */
  icvText: string | null;
  pih: string | null;
  typeCode: string | null;
  /** InvoiceTypeCode's name: 01xxxxx standard, 02xxxxx simplified. */
  typeName: string | null;
  profile: 'simplified' | 'standard' | 'unknown';
  kind: 'invoice' | 'credit' | 'debit' | 'unknown';
  /** ds:X509Certificate as written, whitespace removed. */
  certificate: string | null;
  /** The buyer's VAT number (AccountingCustomerParty's CompanyID), when the document names one. */
  buyerVat: string | null;
  hash: string;
}

const children = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
};
const child = (el: Element, ns: string, local: string) => children(el).find((c) => c.namespaceURI === ns && c.localName === local);
const textOf = (el: Element | undefined): string | null => (el ? (el.textContent ?? '').trim() : null);

function reference(root: Element, id: string): Element | undefined {
  return children(root).find((c) => c.namespaceURI === UBL_NS.cac && c.localName === 'AdditionalDocumentReference' && textOf(child(c, UBL_NS.cbc, 'ID')) === id);
}

const KINDS: Record<string, DocumentFacts['kind']> = { '388': 'invoice', '381': 'credit', '383': 'debit' };

function buyerVatOf(root: Element): string | null {
  const party = child(root, UBL_NS.cac, 'AccountingCustomerParty');
  const inner = party ? child(party, UBL_NS.cac, 'Party') : undefined;
  const scheme = inner ? child(inner, UBL_NS.cac, 'PartyTaxScheme') : undefined;
  return textOf(scheme ? child(scheme, UBL_NS.cbc, 'CompanyID') : undefined);
}

/** Reads a document; throws (TillError EINVOICE_XML_MALFORMED) when it is not a UBL invoice at all. */
export function inspectDocument(xml: string): DocumentFacts {
  const doc = parseXml(xml);
  const root = doc.documentElement!;
  const icvRef = reference(root, 'ICV');
  const icvText = textOf(icvRef ? child(icvRef, UBL_NS.cbc, 'UUID') : undefined);
  const pihRef = reference(root, 'PIH');
  const attachment = pihRef ? child(pihRef, UBL_NS.cac, 'Attachment') : undefined;
  const typeEl = child(root, UBL_NS.cbc, 'InvoiceTypeCode');
  const typeCode = textOf(typeEl);
  const typeName = typeEl?.getAttribute('name') ?? null;
  const certificates = doc.getElementsByTagNameNS(DS, 'X509Certificate');
  const certificate = certificates.length > 0 ? (certificates.item(0)!.textContent ?? '').replace(/\s+/g, '') : null;
  return {
    xml,
    uuid: textOf(child(root, UBL_NS.cbc, 'UUID')),
    icv: icvText !== null && /^\d{1,15}$/.test(icvText) ? Number(icvText) : null,
    icvText,
    pih: textOf(attachment ? child(attachment, UBL_NS.cbc, 'EmbeddedDocumentBinaryObject') : undefined),
    typeCode,
    typeName,
    profile: typeName?.startsWith('02') ? 'simplified' : typeName?.startsWith('01') ? 'standard' : 'unknown',
    kind: (typeCode && KINDS[typeCode]) || 'unknown',
    certificate,
    buyerVat: buyerVatOf(root),
    hash: invoiceHash(xml),
  };
}
