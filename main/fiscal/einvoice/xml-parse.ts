// The one way a fiscal document's text becomes a DOM: strict, because what is hashed and signed must be what
// ZATCA's own XML 1.0 parser reads. xmldom is lenient where a conforming parser stops (a bare &, ]]> in text,
// characters or character references XML forbids, a missing space between attributes), and its default line-end
// handling is XML 1.1's (it turns U+0085 and U+2028 into LF, which changes the hash of a name holding one). So a
// linear lexical pass refuses what xmldom would let through, xmldom runs with XML 1.0 line ends, and every
// complaint it makes is fatal. A DOCTYPE is refused before anything is parsed: ZATCA documents have none, and
// entity declarations are how a hostile document expands to gigabytes.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { TillError } from '../../errors';

function malformed(detail: string): never {
  throw new TillError('EINVOICE_XML_MALFORMED', detail);
}

/** XML 1.0 §2.2 Char, as a code point. */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/** A character XML forbids anywhere, or half a surrogate pair (not text at all). */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A cheap first look: only a document holding one of these (a surrogate is usually half of an emoji) needs the above. */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Without a DTD the five predefined entities are the only ones (XML 1.0 §4.6). */
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|amp|lt|gt|quot|apos);/y;

/**
 * Walks the markup once: comments, PIs and CDATA sections are skipped whole; in text and attribute values
 * every & must start a predefined entity or a reference to a character XML allows; ]]> may not appear in text.
 * The next & and ]]> are found once each and carried forward, so the pass stays linear.
 */
function checkLexically(xml: string): void {
  let amp = xml.indexOf('&');
  let cdataEnd = xml.indexOf(']]>');

  const references = (from: number, to: number): void => {
    while (amp !== -1 && amp < to) {
      if (amp >= from) {
        REFERENCE.lastIndex = amp;
        const m = REFERENCE.exec(xml);
        if (!m || REFERENCE.lastIndex > to) malformed(`a bare & or an undeclared entity at offset ${amp}`);
        const code = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 10) : 0x20;
        if (!isXmlChar(code)) malformed(`character reference ${m[0]} at offset ${amp} is not a character XML allows`);
      }
      amp = xml.indexOf('&', amp + 1);
    }
  };
  const text = (from: number, to: number): void => {
    references(from, to);
    while (cdataEnd !== -1 && cdataEnd < to) {
      if (cdataEnd >= from) malformed(`"]]>" in text at offset ${cdataEnd}`);
      cdataEnd = xml.indexOf(']]>', cdataEnd + 1);
    }
  };
  const skipTo = (close: string, from: number, what: string): number => {
    const at = xml.indexOf(close, from);
    if (at === -1) malformed(`unterminated ${what} at offset ${from}`);
    return at + close.length;
  };
  const tag = (from: number): number => {
    for (let j = from; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (c === 0x3e /* > */) return j + 1;
      if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        const close = xml.indexOf(c === 0x22 ? '"' : "'", j + 1);
        if (close === -1) malformed(`unterminated attribute value at offset ${j}`);
        references(j + 1, close);
        j = close;
      }
    }
    return malformed(`unterminated tag at offset ${from - 1}`);
  };

  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    text(i, lt === -1 ? xml.length : lt);
    if (lt === -1) return;
    if (xml.startsWith('<!--', lt)) i = skipTo('-->', lt + 4, 'comment');
    else if (xml.startsWith('<?', lt)) i = skipTo('?>', lt + 2, 'processing instruction');
    else if (xml.startsWith('<![CDATA[', lt)) i = skipTo(']]>', lt + 9, 'CDATA section');
    else if (xml.startsWith('<!DOCTYPE', lt)) malformed('a DOCTYPE is not allowed');
    else if (xml.startsWith('<!', lt)) malformed(`a markup declaration at offset ${lt}: only comments and CDATA may start with <!`);
    else i = tag(lt + 1);
  }
}

/** XML 1.0 §2.11; xmldom's default is XML 1.1's, which also turns U+0085, U+2028 and U+2029 into LF. */
const xml10LineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** xmldom warns about U+FFFD in the source, which is a character like any other. */
const BENIGN_WARNING = /^Unicode replacement character/;

/** xmldom's first complaint during the current parse (parsing is synchronous, so one slot serves every call). */
let problem: string | null = null;

const parser = new DOMParser({
  locator: false,
  normalizeLineEndings: xml10LineEnds,
  onError: (level, message) => {
    if (level === 'warning' && BENIGN_WARNING.test(message)) return;
    problem ??= message.split('\n')[0] ?? message;
    // Stops xmldom at once (it rethrows this wrapped in its ParseError).
    throw new Error(problem);
  },
});

/** Parses a fiscal document, or throws TillError EINVOICE_XML_MALFORMED saying why not. */
export function parseXml(xml: string): Document {
  // A byte order mark read into the string is not part of the document.
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const bad = MAYBE_FORBIDDEN.test(source) ? FORBIDDEN_CHAR.exec(source) : null;
  if (bad) malformed(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index} is not allowed in XML`);
  checkLexically(source);
  problem = null;
  let doc: Document;
  try {
    doc = parser.parseFromString(source, 'text/xml');
  } catch (e) {
    return malformed(problem ?? (e instanceof Error ? e.message : String(e)));
  }
  if (problem !== null) malformed(problem);
  if (!doc.documentElement) malformed('no root element');
  return doc;
}
