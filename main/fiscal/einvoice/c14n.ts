// Canonical XML 1.1 (W3C, without comments) of a whole document: the form ZATCA hashes (zatca.md §3). No Node
// library implements C14N 1.1, and for a whole document it is small: namespace declarations not already in
// scope, namespaces before attributes and both sorted by code point, start and end tags for empty elements, the
// escapes below, no XML declaration, no comments, CDATA as text, PIs kept. (1.0 and 1.1 differ only in how
// xml:* attributes are inherited into a document SUBSET; a whole document comes out the same under both.)
// Checked byte for byte against `xmllint --c14n11` in the tests.
import type { CharacterData, Document, Element, Node as XmlNode, ProcessingInstruction } from '@xmldom/xmldom';
import { TillError } from '../../errors';
import { parseXml } from './xml-parse';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** RFC 3986 scheme: a namespace URI without one is relative, and C14N is undefined for those (libxml2 refuses). */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

const NODE = { element: 1, text: 3, cdata: 4, pi: 7, document: 9, doctype: 10 } as const;

function malformed(detail: string): never {
  throw new TillError('EINVOICE_XML_MALFORMED', detail);
}

/**
 * Code-point order, which C14N sorts by. JavaScript compares UTF-16 units, which puts a character beyond U+FFFF
 * (a surrogate pair, D800–DFFF) before U+E000–U+FFFF: surrogates are moved above U+FFFF for the comparison.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const kx = x < 0xd800 ? x : x < 0xe000 ? x + 0x2000 : x - 0x800;
      const ky = y < 0xd800 ? y : y < 0xe000 ? y + 0x2000 : y - 0x800;
      return kx - ky;
    }
  }
  return a.length - b.length;
}

const TEXT_SPECIAL = /[&<>\r]/;
const escapeText = (s: string): string =>
  TEXT_SPECIAL.test(s) ? s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;')) : s;

const ATTR_SPECIAL = /[&<"\t\n\r]/;
const escapeAttr = (s: string): string =>
  ATTR_SPECIAL.test(s)
    ? s.replace(/[&<"\t\n\r]/g, (c) =>
        c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : c === '\t' ? '&#x9;' : c === '\n' ? '&#xA;' : '&#xD;',
      )
    : s;

const pi = (node: ProcessingInstruction): string => `<?${node.target}${node.data ? ` ${node.data}` : ''}?>`;

/**
 * Whether a declaration is to be considered at all, refusing those Namespaces in XML 1.0 §3 forbids (xmldom lets
 * them through). xmlns:xml with its own URI is allowed and never rendered.
 */
function bindable(prefix: string, uri: string): boolean {
  if (prefix === 'xmlns') malformed('the prefix xmlns cannot be declared');
  if (prefix === 'xml') {
    if (uri !== XML_NS) malformed(`the prefix xml cannot be bound to "${uri}"`);
    return false;
  }
  if (uri === XML_NS || uri === XMLNS_NS) malformed(`"${uri}" cannot be bound to ${prefix ? `the prefix ${prefix}` : 'the default namespace'}`);
  if (uri === '') {
    if (prefix !== '') malformed(`xmlns:${prefix}="" (a prefix cannot be undeclared in XML 1.0)`);
  } else if (!ABSOLUTE_URI.test(uri)) {
    malformed(`namespace URI "${uri}" is relative; canonical XML is not defined for it`);
  }
  return true;
}

/** Prefix → namespace URI as rendered by the output ancestors ('' is the default namespace). */
type Scope = ReadonlyMap<string, string>;

function element(el: Element, scope: Scope, out: string[]): void {
  const declarations: Array<[string, string]> = [];
  const attributes: Array<{ uri: string; local: string; name: string; value: string }> = [];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if (a.namespaceURI === XMLNS_NS) {
      const prefix = a.prefix === 'xmlns' ? a.localName! : '';
      if (!bindable(prefix, a.value)) continue;
      // Superfluous: the output's nearest ancestors already bind the prefix to this URI (no default counts as "").
      if ((scope.get(prefix) ?? (prefix === '' ? '' : undefined)) === a.value) continue;
      declarations.push([prefix, a.value]);
    } else {
      attributes.push({ uri: a.namespaceURI ?? '', local: a.localName ?? a.name, name: a.name, value: a.value });
    }
  }
  let inner: Scope = scope;
  if (declarations.length > 0) {
    const next = new Map(scope);
    for (const [prefix, uri] of declarations) next.set(prefix, uri);
    inner = next;
    if (declarations.length > 1) declarations.sort(([a], [b]) => compareCodePoints(a, b));
  }
  if (attributes.length > 1) attributes.sort((a, b) => compareCodePoints(a.uri, b.uri) || compareCodePoints(a.local, b.local));

  out.push('<', el.tagName);
  for (const [prefix, uri] of declarations) out.push(prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`, escapeAttr(uri), '"');
  for (const a of attributes) out.push(' ', a.name, '="', escapeAttr(a.value), '"');
  out.push('>');
  children(el, inner, out);
  out.push('</', el.tagName, '>');
}

function children(parent: XmlNode, scope: Scope, out: string[]): void {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    switch (n.nodeType) {
      case NODE.element:
        element(n as Element, scope, out);
        break;
      case NODE.text:
      case NODE.cdata:
        out.push(escapeText((n as CharacterData).data));
        break;
      case NODE.pi:
        out.push(pi(n as ProcessingInstruction));
        break;
      default:
      // Comments are not part of the canonical form without comments.
    }
  }
}

/** C14N 1.1 of a parsed document (or of one edited in place, as the invoice hash does). */
export function canonicalizeDocument(doc: Document): string {
  const out: string[] = [];
  let beforeRoot = true;
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === NODE.doctype) malformed('a DOCTYPE is not allowed');
    if (n.nodeType === NODE.element) {
      element(n as Element, new Map(), out);
      beforeRoot = false;
    } else if (n.nodeType === NODE.pi && (n as ProcessingInstruction).target !== 'xml') {
      // Outside the root, a PI is set off by a line break on the side facing the root element. (xmldom keeps the
      // XML declaration as a PI named xml; it is not part of the canonical form.)
      out.push(beforeRoot ? `${pi(n as ProcessingInstruction)}\n` : `\n${pi(n as ProcessingInstruction)}`);
    }
    // Text outside the root is whitespace (anything else is refused by the parser) and is dropped.
  }
  return out.join('');
}

/** C14N 1.1 (without comments) of a whole document's text. */
export function canonicalXml(xml: string): string {
  return canonicalizeDocument(parseXml(xml));
}
