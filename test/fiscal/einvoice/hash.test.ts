import { createHash } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../../main/fiscal';
import { canonicalXml, invoiceHash, invoiceHashInput, SEED_PIH } from '../../../main/fiscal/einvoice';
import { SAMPLE_HASHES, sample, xmllintC14n11 } from './support';

const digestOf = (xml: string, id: string): string => {
  const m = new RegExp(`<ds:Reference[^>]*Id="${id}"[\\s\\S]*?<ds:DigestValue>([^<]+)</ds:DigestValue>`).exec(xml);
  if (!m) throw new Error(`no ${id} digest`);
  return m[1]!;
};

const qrOf = (xml: string): string => {
  const m = /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml);
  if (!m) throw new Error('no QR');
  return m[1]!;
};

/** An independent way to the hash input: a DOM edit by hand here, canonicalised by libxml2. */
function hashInputByXmllint(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const remove: Element[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const id = el.getElementsByTagName('cbc:ID')[0];
    if (el.tagName === 'ext:UBLExtensions' || el.tagName === 'cac:Signature') remove.push(el);
    else if (el.tagName === 'cac:AdditionalDocumentReference' && id?.textContent === 'QR') remove.push(el);
  }
  for (const el of remove) el.parentNode!.removeChild(el);
  return xmllintC14n11(doc.toString());
}

describe('the invoice hash', () => {
  for (const [file, expected] of Object.entries(SAMPLE_HASHES)) {
    it(`${file}: the README's hash, the document's own digest and its QR tag 6`, () => {
      const xml = sample(file);
      const hash = invoiceHash(xml);
      expect(hash).toBe(expected);
      expect(digestOf(xml, 'invoiceSignedData')).toBe(hash);
      expect(parseZatcaQr(qrOf(xml)).tags.get(6)?.toString('utf8')).toBe(hash);
    });

    it(`${file}: canonical form and hash input equal libxml2's C14N 1.1`, () => {
      const xml = sample(file);
      expect(canonicalXml(xml)).toBe(xmllintC14n11(xml));
      expect(invoiceHashInput(xml)).toBe(hashInputByXmllint(xml));
    });
  }

  it('the first PIH is the Base64 of the HEX text of SHA-256("0")', () => {
    expect(SEED_PIH).toBe(Buffer.from(createHash('sha256').update('0').digest('hex')).toString('base64'));
  });

  it('whitespace around the removed parts counts: moving the QR reference changes nothing, touching a space does', () => {
    const xml = sample('Simplified-Invoice-Simplified_Invoice.xml');
    const hash = invoiceHash(xml);
    expect(invoiceHash(xml.replace('<cbc:ProfileID>', '<cbc:ProfileID >'))).toBe(hash); // same canonical form
    expect(invoiceHash(xml.replace('    <cbc:ProfileID>', '   <cbc:ProfileID>'))).not.toBe(hash);
    expect(invoiceHash(xml.replace('<cbc:ID>SME00010</cbc:ID>', '<cbc:ID>SME00011</cbc:ID>'))).not.toBe(hash);
  });

  it('refuses what is not a UBL invoice: malformed XML, another root, a DOCTYPE', () => {
    expect(() => invoiceHash('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">')).toThrow(/EINVOICE_XML_MALFORMED/);
    expect(() => invoiceHash('<Other/>')).toThrow(/EINVOICE_XML_MALFORMED/);
    expect(() => invoiceHash('<!DOCTYPE x [<!ENTITY a "aaaa">]><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&a;</Invoice>')).toThrow(
      /DOCTYPE/,
    );
  });
});

describe('C14N 1.1 on the awkward cases, against libxml2', () => {
  const cases: Record<string, string> = {
    'attribute order and namespaces': '<r xmlns:b="urn:b" xmlns:a="urn:a" z="1" a:y="2" b:x="3" a="4" xmlns="urn:d"><c/></r>',
    'redeclared and superfluous namespaces': '<r xmlns="urn:d" xmlns:p="urn:p"><p:c xmlns:p="urn:p" xmlns="urn:d"><d xmlns:p="urn:q"><p:e/></d></p:c></r>',
    'default namespace undeclared': '<r xmlns="urn:d"><c xmlns=""><d xmlns=""/></c></r>',
    'escapes in text': '<r>a &amp; b &lt; c &gt; d "e" \'f\' &#xD; &#13;</r>',
    'escapes in attributes': '<r a="x &amp; &lt; &gt; &quot; \' &#9; &#10; &#13;" b="tab\there" c="line\nbreak"/>',
    'CDATA, comments and processing instructions': '<?pi-before data?><!--c--><r><![CDATA[<&>]]><!--in--><?pi inside?></r><!--after--><?pi-after?>',
    'empty elements and whitespace': '<r>\n  <e/>\n  <f></f>\r\n  <g a="1" />\n</r>',
    'Arabic and a character outside the BMP': '<r n="بقالة">سلة &#x1F600; 😀 ١٢٣</r>',
    'XML declaration and CRLF': '<?xml version="1.0" encoding="UTF-8"?>\r\n<r>\r\n<a>x</a>\r\n</r>\r\n',
  };
  for (const [name, xml] of Object.entries(cases)) {
    it(name, () => {
      // xmllint's --c14n11 keeps comments; ZATCA's algorithm (xml-c14n11) is the one without them.
      expect(canonicalXml(xml)).toBe(xmllintC14n11(xml.replace(/<!--[\s\S]*?-->/g, '')));
    });
  }
});
