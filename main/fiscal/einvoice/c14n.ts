// Canonical XML 1.1 (W3C, without comments) of a whole document: the form ZATCA hashes (zatca.md §3). No Node
// library implements C14N 1.1, and for a whole document it is small: namespace declarations not already in
// scope, namespaces before attributes and both sorted, start and end tags for empty elements, the escapes
// below, no XML declaration, no comments, CDATA as text. (1.0 and 1.1 differ only in how xml:* attributes are
// inherited into a document SUBSET; a whole document comes out the same under both.) Checked byte for byte
// against `xmllint --c14n11` in the tests.
import { DOMParser, type Attr, type Document, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import { TillError } from '../../errors';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const NODE = { element: 1, text: 3, cdata: 4, pi: 7, comment: 8, document: 9, doctype: 10 } as const;

/**
 * Parses a document the till is to hash or check. A DOCTYPE is refused before parsing: ZATCA documents have
 * none, and entity declarations are how a hostile document expands to gigabytes.
 */
export function parseXml(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new TillError('EINVOICE_XML_MALFORMED', 'a DOCTYPE is not allowed');
  let problem: string | null = null;
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning' && problem === null) problem = message;
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    // xmldom throws on a fatal error (an unclosed tag) after reporting it.
    throw new TillError('EINVOICE_XML_MALFORMED', problem ?? (e instanceof Error ? e.message : String(e)));
  }
  if (problem !== null || !doc.documentElement) throw new TillError('EINVOICE_XML_MALFORMED', problem ?? 'no root element');
  return doc;
}

const escapeText = (s: string): string =>
  s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));

const escapeAttr = (s: string): string =>
  s.replace(/[&<"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : c === '\t' ? '&#x9;' : c === '\n' ? '&#xA;' : '&#xD;',
  );

const pi = (node: XmlNode): string => {
  const data = (node as unknown as { data: string }).data;
  return `<?${node.nodeName}${data ? ` ${data}` : ''}?>`;
};

/** Prefix → namespace URI rendered by the output ancestors ('' is the default namespace). */
type Scope = ReadonlyMap<string, string>;

function element(el: Element, scope: Scope, out: string[]): void {
  const declarations: Array<[string, string]> = [];
  const attributes: Attr[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i]!;
    if (a.namespaceURI === XMLNS_NS) declarations.push([a.prefix === 'xmlns' ? a.localName! : '', a.value]);
    else attributes.push(a);
  }
  let inner: Map<string, string> | null = null;
  const rendered: Array<[string, string]> = [];
  for (const [prefix, uri] of declarations) {
    // Superfluous: the same binding is already in the output's scope (an undeclared default counts as "").
    if ((scope.get(prefix) ?? '') === uri && (prefix === '' || scope.has(prefix))) continue;
    rendered.push([prefix, uri]);
    inner ??= new Map(scope);
    inner.set(prefix, uri);
  }
  rendered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  attributes.sort((a, b) => {
    const ua = a.namespaceURI ?? '';
    const ub = b.namespaceURI ?? '';
    if (ua !== ub) return ua < ub ? -1 : 1;
    const la = a.localName ?? a.name;
    const lb = b.localName ?? b.name;
    return la < lb ? -1 : la > lb ? 1 : 0;
  });
  out.push('<', el.tagName);
  for (const [prefix, uri] of rendered) out.push(prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`, escapeAttr(uri), '"');
  for (const a of attributes) out.push(' ', a.name, '="', escapeAttr(a.value), '"');
  out.push('>');
  children(el, inner ?? scope, out);
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
        out.push(escapeText((n as unknown as { data: string }).data));
        break;
      case NODE.pi:
        out.push(pi(n));
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
    if (n.nodeType === NODE.doctype) throw new TillError('EINVOICE_XML_MALFORMED', 'a DOCTYPE is not allowed');
    if (n.nodeType === NODE.element) {
      element(n as Element, new Map(), out);
      beforeRoot = false;
    } else if (n.nodeType === NODE.pi && n.nodeName.toLowerCase() !== 'xml') {
      // Outside the root, a PI is set off by a line break on the side facing the root element.
      out.push(beforeRoot ? `${pi(n)}\n` : `\n${pi(n)}`);
    }
  }
  return out.join('');
}

export function canonicalXml(xml: string): string {
  return canonicalizeDocument(parseXml(xml));
}
