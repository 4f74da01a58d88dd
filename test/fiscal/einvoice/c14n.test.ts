// canonicalXml against libxml2 (`xmllint --c14n11`, a real child process) on the awkward cases, and the parser's
// refusals: what libxml2 refuses as not well-formed we refuse too, with TillError EINVOICE_XML_MALFORMED.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TillError } from '../../../main/errors';
import { canonicalXml, parseXml } from '../../../main/fiscal/einvoice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-c14n-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
/** libxml2's C14N 1.1 of `xml` (UTF-8 bytes in a file), or its complaint. xmllint missing fails the test. */
function libxml2(xml: string): { ok: true; text: string } | { ok: false; error: string } {
  const file = path.join(dir, `doc-${++fileNo}.xml`);
  fs.writeFileSync(file, xml, 'utf8');
  const run = spawnSync('xmllint', ['--c14n11', file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not be run (${run.error.message}): install Debian package libxml2-utils`);
  return run.status === 0 ? { ok: true, text: run.stdout } : { ok: false, error: run.stderr };
}

/**
 * xmllint's --c14n11 is the form WITH comments; ZATCA's (xml-c14n11) is without. The cases keep `<!--` out of
 * CDATA, PIs and attribute values, so taking comments out of the source first is exact.
 */
function libxml2WithoutComments(xml: string): string {
  const result = libxml2(xml.replace(/<!--[\s\S]*?-->/g, ''));
  if (!result.ok) throw new Error(`libxml2 refused a case meant to be well-formed: ${result.error}`);
  return result.text;
}

const malformedDetail = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TillError);
    expect((e as TillError).code).toBe('EINVOICE_XML_MALFORMED');
    return (e as TillError).detail ?? '';
  }
  throw new Error('expected EINVOICE_XML_MALFORMED, nothing was thrown');
};

describe('C14N 1.1 equals libxml2 byte for byte', () => {
  const cases: Record<string, string> = {
    'attributes and namespaces in odd order (namespaces by prefix, attributes by namespace URI then local name)':
      '<r xmlns:z="urn:a" xmlns:b="urn:b" xmlns:a="urn:z" zz="1" a:y="2" z:y="3" b:x="4" a="5" xmlns="urn:d" b:a="6" z:a="7"><c/></r>',
    'nested redeclared namespaces: the same binding again is dropped, a new one is written':
      '<r xmlns="urn:d" xmlns:p="urn:p"><p:c xmlns:p="urn:p" xmlns="urn:d"><d xmlns:p="urn:q"><p:e xmlns:p="urn:q"/><f xmlns:p="urn:p" p:k="v"/></d></p:c></r>',
    'default namespace changed and undeclared (xmlns="")':
      '<r xmlns=""><a xmlns="urn:d"><b xmlns=""><c xmlns=""/><d xmlns="urn:e"><e xmlns="urn:e"/></d></b></a></r>',
    'namespace declared but unused, and used only by an attribute': '<r xmlns:u="urn:unused"><a xmlns:p="urn:p" p:x="1"/></r>',
    'xml: attributes and the xmlns:xml declaration (never written)':
      '<r xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="ar" xml:space="preserve" b="1"><c xml:lang="en"/></r>',
    'escapes in text: & < > and a CR reference; quotes and tabs stay': '<r>a &amp; b &lt; c &gt; d "e" \'f\' &#xD; &#13;\tg &quot;&apos;</r>',
    'escapes in attributes: & < " tab LF CR by reference; > and \' stay':
      '<r a="x &amp; &lt; &gt; &quot; \' &#9; &#10; &#13; &#x9;&#xA;&#xD;" b=\'say "hi" &apos;\' c="&gt;>"/>',
    'literal tab, LF, CR and CRLF in attributes become spaces; in text CR and CRLF become LF':
      '<r a="tab\there" b="line\nbreak" c="cr\rx" d="crlf\r\ny">t\tt\r\nu\rv\n</r>',
    'CDATA turns into escaped text': '<r><![CDATA[<&>"\' ]] ]>\r\n]]>x<![CDATA[]]>y</r>',
    'comments dropped everywhere, PIs kept with the line break facing the root':
      '<?xml version="1.0" encoding="UTF-8"?>\n<!--c0--><?before  data  here ?>\n<!--c1-->\n<r><!--in-->a<?pi inside?>b<?empty?><?spaces    ?></r>\n<!--after--><?after?>\n<?last x?>',
    'empty elements: self-closing, spaced and explicit': '<r>\n  <e/>\n  <f></f>\r\n  <g a="1" />\n  <h\n   b="2"\n  />\n</r>',
    'Arabic names and text, characters beyond the BMP raw and by reference':
      '<فاتورة اسم="بقالة 😀" xmlns:ع="urn:arabic" ع:رقم="١٢٣"><بند>سلة &#x1F600; 😀 &#128512; ١٢٣ ﷼</بند></فاتورة>',
    'attribute order by code point, not UTF-16 unit (U+FF21 sorts before U+1F600)': '<r a😀="1" aＡ="2" a="3" aa="4"/>',
    'XML declaration, CRLF line ends and whitespace outside the root': '<?xml version="1.0" encoding="UTF-8"?>\r\n\r\n<r>\r\n<a>x</a>\r\n</r>\r\n\r\n',
    'a byte order mark': '\uFEFF<?xml version="1.0"?><r>x</r>',
    'NEL and LINE SEPARATOR are characters in XML 1.0, not line ends': '<r a="x\u0085y\u2028z">a\u0085b\u2028c\u2029d</r>',
    'U+FFFD is a character like any other': '<r a="\uFFFD">\uFFFD</r>',
    'character references with leading zeros and the predefined entities': '<r a="&#0065;&#x0042;">&#x0041;&#0066;&lt;&gt;&amp;&quot;&apos;</r>',
    'legal but unusual syntax: line breaks and tabs inside tags, names with . - _ and digits, single quotes':
      "<?xml version='1.0' encoding='utf-8' standalone='no' ?><r.x-y_z9\n\ta\t=\t'1'\n xmlns:n.s-x=\"urn:x\" n.s-x:b = \"2\"\n>x<e\n/></r.x-y_z9\n>",
    'brackets that are not a CDATA end, and the edges of the Char ranges by reference':
      '<r a="]]>" b="]]&gt;"><![CDATA[]]]]><![CDATA[]] ]]]>]] ]]&gt; &#x9;&#xA;&#xd;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;</r>',
    'invisible characters stay as they are (NBSP, RLM, RLE, ZWNBSP inside the text)': '<r a="\u00a0">\u00a0\u200f\u202b\ufeff</r>',
    'UBL-style: prefixes bound at the root, whitespace-only text kept':
      '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:cbc" xmlns:cac="urn:cac">\n    <cbc:ID>SME00010</cbc:ID>\n    <cac:Party>\n        <cbc:Name schemeID="CRN" languageID="ar">شركة | Co</cbc:Name>\n    </cac:Party>\n</Invoice>\n',
  };
  for (const [name, xml] of Object.entries(cases)) {
    it(name, () => {
      expect(canonicalXml(xml)).toBe(libxml2WithoutComments(xml));
    });
  }
});

describe('what is not well-formed XML is refused, as libxml2 refuses it', () => {
  const cases: Record<string, string> = {
    'an unclosed root': '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">',
    'mismatched tags': '<r><a></b></r>',
    'a bare & in text': '<r>Salt & Pepper</r>',
    'a bare & in an attribute': '<r a="Salt & Pepper"/>',
    'an entity no DTD declares': '<r>&nbsp;</r>',
    'an & that never ends its reference': '<r>&amp</r>',
    '"]]>" in text': '<r>a ]]> b</r>',
    'a control character': '<r>a\u0001b</r>',
    'a reference to a control character': '<r>a&#1;b</r>',
    'a reference to NUL': '<r a="&#0;"/>',
    'a reference to a surrogate': '<r>&#xD800;</r>',
    'a reference beyond U+10FFFF': '<r>&#x110000;</r>',
    'U+FFFE': '<r>a\uFFFEb</r>',
    'a character reference with an upper-case X': '<r>&#X41;</r>',
    'no space between attributes': '<r a="1"b="2"/>',
    'an attribute without a value': '<r a/>',
    'an unquoted attribute value': '<r a=1/>',
    '< in an attribute value': '<r a="<"/>',
    'an unterminated attribute value': '<r a="1/>',
    'a duplicated attribute': '<r a="1" a="2"/>',
    'two root elements': '<r/><s/>',
    'text after the root': '<r/>x',
    'text before the root': 'x<r/>',
    'a double hyphen in a comment': '<r><!-- a -- b --></r>',
    'an unterminated comment': '<r><!-- a </r>',
    'an XML declaration not at the start': ' <?xml version="1.0"?><r/>',
    'an unsupported XML version': '<?xml version="2.0"?><r/>',
    'a relative namespace URI': '<r xmlns:p="relative/path"><p:a/></r>',
    'a relative default namespace URI': '<r xmlns="relative"/>',
    'an empty document': '',
    'a markup declaration in content': '<r><!ELEMENT r ANY></r>',
  };
  for (const [name, xml] of Object.entries(cases)) {
    it(name, () => {
      expect(libxml2(xml).ok, 'libxml2 refuses it too').toBe(false);
      malformedDetail(() => canonicalXml(xml));
    });
  }

  it('Namespaces in XML errors that libxml2 only warns about are refused as well', () => {
    for (const xml of [
      '<r xmlns:p=""/>',
      '<r xmlns:xmlns="urn:x"/>',
      '<r xmlns:xml="urn:not-xml"/>',
      '<r xmlns:p="http://www.w3.org/XML/1998/namespace"/>',
      '<r xmlns="http://www.w3.org/2000/xmlns/"/>',
      '<p:r/>',
      '<r p:a="1"/>',
    ]) {
      malformedDetail(() => canonicalXml(xml));
    }
  });

  it('half a surrogate pair in the text is refused (it has no UTF-8 form)', () => {
    expect(malformedDetail(() => canonicalXml('<r>a\uD800b</r>'))).toMatch(/U\+D800/);
    expect(malformedDetail(() => canonicalXml('<r>a\uDC00</r>'))).toMatch(/U\+DC00/);
  });

  it('a DOCTYPE is refused before parsing: entity expansion and external entities never happen', () => {
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'till secret');
    const external = `<!DOCTYPE r [<!ENTITY x SYSTEM "file://${secret}">]><r>&x;</r>`;
    // What a parser that honours a DOCTYPE does with it: the file's content lands in the canonical form.
    expect(libxml2(external)).toEqual({ ok: true, text: '<r>till secret</r>' });
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>';
    const plain = '<!-- a comment first --><!DOCTYPE r><r/>';
    for (const xml of [external, laughs, plain]) {
      expect(malformedDetail(() => canonicalXml(xml))).toMatch(/DOCTYPE/);
      expect(malformedDetail(() => parseXml(xml))).toMatch(/DOCTYPE/);
    }
  });

  it('"<!DOCTYPE" inside a comment or CDATA section is text, not a DOCTYPE', () => {
    const xml = '<!-- <!DOCTYPE r> --><r><![CDATA[<!DOCTYPE r>]]></r>';
    expect(canonicalXml(xml)).toBe('<r>&lt;!DOCTYPE r&gt;</r>');
  });

  it('markup characters inside comments, PIs, CDATA and attribute values are not mistaken for text', () => {
    const xml = '<r a="]]>" b=\'&amp;>\'><!-- & ]]> --><?pi & ]]>?><![CDATA[& &#1; ]]]]><![CDATA[>]]></r>';
    expect(canonicalXml(xml)).toBe(libxml2WithoutComments(xml));
  });
});
