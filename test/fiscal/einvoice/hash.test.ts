// The invoice hash on ZATCA's own signed samples (their README hash, their invoiceSignedData digest, their QR tag
// 6), its input against libxml2's C14N 1.1 of copies cut two independent ways, and the element matching.
import { createHash } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { TillError } from '../../../main/errors';
import { parseZatcaQr } from '../../../main/fiscal';
import { canonicalXml, invoiceHash, invoiceHashInput, SEED_PIH } from '../../../main/fiscal/einvoice';
import { SAMPLE_HASHES, sample, xmllintC14n11 } from './support';

const INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const EXT = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';

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

/** One independent way to the hash input: a DOM edit by prefixed tag name, canonicalised by libxml2. */
function hashInputByDomEdit(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const remove: Element[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (el.tagName === 'ext:UBLExtensions' || el.tagName === 'cac:Signature') remove.push(el);
    else if (el.tagName === 'cac:AdditionalDocumentReference' && el.getElementsByTagName('cbc:ID')[0]?.textContent === 'QR') remove.push(el);
  }
  expect(remove).toHaveLength(3);
  for (const el of remove) el.parentNode!.removeChild(el);
  return xmllintC14n11(doc.toString());
}

/** Another, with no DOM at all: the three elements cut out of the text, every byte around them left as it was. */
function cutSignatureParts(xml: string): string {
  const cuts = [
    /<ext:UBLExtensions>[\s\S]*?<\/ext:UBLExtensions>/,
    /<cac:Signature>[\s\S]*?<\/cac:Signature>/,
    /<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/,
  ];
  let out = xml;
  for (const cut of cuts) {
    const next = out.replace(cut, '');
    expect(next, `${cut.source} found`).not.toBe(out);
    out = next;
  }
  return out;
}

const refused = (fn: () => unknown): TillError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TillError);
    expect((e as TillError).code).toBe('EINVOICE_XML_MALFORMED');
    return e as TillError;
  }
  throw new Error('expected EINVOICE_XML_MALFORMED, nothing was thrown');
};

describe("the invoice hash of ZATCA's signed samples", () => {
  for (const [file, expected] of Object.entries(SAMPLE_HASHES)) {
    it(`${file}: the README's hash, the document's own invoiceSignedData digest and its QR tag 6`, () => {
      const xml = sample(file);
      const hash = invoiceHash(xml);
      expect(hash).toBe(expected);
      expect(digestOf(xml, 'invoiceSignedData')).toBe(hash);
      expect(parseZatcaQr(qrOf(xml)).tags.get(6)?.toString('utf8')).toBe(hash);
    });

    it(`${file}: canonical form and hash input equal libxml2's C14N 1.1 of independently cut copies`, () => {
      const xml = sample(file);
      expect(canonicalXml(xml)).toBe(xmllintC14n11(xml));
      const input = invoiceHashInput(xml);
      expect(input).toBe(hashInputByDomEdit(xml));
      const cut = cutSignatureParts(xml);
      expect(input).toBe(xmllintC14n11(cut));
      // The contract with the signer: a document without the signature's parts hashes as the signed one does.
      expect(invoiceHash(cut)).toBe(expected);
      expect(createHash('sha256').update(Buffer.from(input, 'utf8')).digest('base64')).toBe(expected);
    });
  }
});

describe('the seed PIH', () => {
  it('is the Base64 of the HEX text of SHA-256("0"), as XML-Std BR-KSA-26 gives it', () => {
    expect(SEED_PIH).toBe(Buffer.from(createHash('sha256').update('0').digest('hex'), 'utf8').toString('base64'));
  });
});

describe('what the hash takes out, and what it keeps', () => {
  const invoice = (body: string, root = `<Invoice xmlns="${INVOICE_NS}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}" xmlns:ext="${EXT}">`) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${root}${body}</Invoice>`;

  it('takes out exactly the three elements and keeps the whitespace around them', () => {
    const xml = invoice(
      '<ext:UBLExtensions><ext:UBLExtension/></ext:UBLExtensions>\n    <cbc:ID>T1</cbc:ID>\n' +
        '    <cac:AdditionalDocumentReference><cbc:ID>PIH</cbc:ID></cac:AdditionalDocumentReference>\n' +
        '    <cac:AdditionalDocumentReference>\n        <cbc:ID>QR</cbc:ID>\n    </cac:AdditionalDocumentReference><cac:Signature><cbc:ID>s</cbc:ID></cac:Signature>\n',
    );
    expect(invoiceHashInput(xml)).toBe(
      `<Invoice xmlns="${INVOICE_NS}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}" xmlns:ext="${EXT}">\n    <cbc:ID>T1</cbc:ID>\n` +
        '    <cac:AdditionalDocumentReference><cbc:ID>PIH</cbc:ID></cac:AdditionalDocumentReference>\n    \n</Invoice>',
    );
  });

  it('matches namespace and local name, not prefixes', () => {
    const other = 'urn:example:not-ubl';
    const xml = invoice(
      `<e:UBLExtensions xmlns:e="${EXT}"/><x:Signature xmlns:x="${CAC}"/><a:AdditionalDocumentReference xmlns:a="${CAC}" xmlns:b="${CBC}"><b:ID>QR</b:ID></a:AdditionalDocumentReference>` +
        `<ext:UBLExtensions xmlns:ext="${other}"/><cac:Signature xmlns:cac="${other}"/><cac:AdditionalDocumentReference><cbc:ID xmlns:cbc="${other}">QR</cbc:ID></cac:AdditionalDocumentReference>` +
        `<UBLExtensions/><Signature/>`,
    );
    expect(invoiceHashInput(xml)).toBe(
      `<Invoice xmlns="${INVOICE_NS}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}" xmlns:ext="${EXT}">` +
        `<ext:UBLExtensions xmlns:ext="${other}"></ext:UBLExtensions><cac:Signature xmlns:cac="${other}"></cac:Signature>` +
        `<cac:AdditionalDocumentReference><cbc:ID xmlns:cbc="${other}">QR</cbc:ID></cac:AdditionalDocumentReference>` +
        '<UBLExtensions></UBLExtensions><Signature></Signature></Invoice>',
    );
  });

  it("finds the QR reference by its ID as XPath's normalize-space() reads it", () => {
    const ref = (id: string) => `<cac:AdditionalDocumentReference><cbc:ID>${id}</cbc:ID></cac:AdditionalDocumentReference>`;
    const kept = (id: string) => invoiceHashInput(invoice(ref(id))).includes('AdditionalDocumentReference');
    expect(kept('QR')).toBe(false);
    expect(kept(' \n\tQR\r\n ')).toBe(false);
    expect(kept('QR2')).toBe(true);
    expect(kept('Q R')).toBe(true);
    expect(kept('qr')).toBe(true);
    expect(kept('\u00a0QR')).toBe(true); // NBSP is not XML whitespace
    expect(kept('ICV')).toBe(true);
  });

  it('is sensitive to every byte of the canonical form, and only to it', () => {
    const xml = sample('Simplified-Invoice-Simplified_Invoice.xml');
    const hash = invoiceHash(xml);
    expect(invoiceHash(xml.replace('<cbc:ProfileID>', '<cbc:ProfileID >'))).toBe(hash); // same canonical form
    expect(invoiceHash(xml.replace(/\n/g, '\r\n'))).toBe(hash); // a parser reads CRLF as LF
    expect(invoiceHash(xml.replace('    <cbc:ProfileID>', '   <cbc:ProfileID>'))).not.toBe(hash);
    expect(invoiceHash(xml.replace('<cbc:ID>SME00010</cbc:ID>', '<cbc:ID>SME00011</cbc:ID>'))).not.toBe(hash);
  });

  it('takes a CreditNote root too', () => {
    const xml = `<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:cac="${CAC}"><cac:Signature/>\n</CreditNote>`;
    expect(invoiceHashInput(xml)).toBe('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:cac="' + CAC + '">\n</CreditNote>');
  });
});

describe('what is refused with EINVOICE_XML_MALFORMED', () => {
  it('a document that is not well-formed', () => {
    refused(() => invoiceHash(`<Invoice xmlns="${INVOICE_NS}">`));
    refused(() => invoiceHash(`<Invoice xmlns="${INVOICE_NS}"><cbc:Note xmlns:cbc="${CBC}">Salt & Pepper</cbc:Note></Invoice>`));
    refused(() => invoiceHashInput(sample('Simplified-Invoice-Simplified_Invoice.xml').replace('</Invoice>', '')));
  });

  it('a root that is not a UBL Invoice or CreditNote', () => {
    expect(refused(() => invoiceHash('<Other/>')).detail).toMatch(/not a UBL Invoice/);
    refused(() => invoiceHash('<Invoice/>'));
    refused(() => invoiceHash('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>'));
    refused(() => invoiceHash(`<x:Order xmlns:x="${INVOICE_NS}"/>`));
  });

  it('a DOCTYPE, with a message that says so', () => {
    expect(refused(() => invoiceHash(`<!DOCTYPE x [<!ENTITY a "aaaa">]><Invoice xmlns="${INVOICE_NS}">&a;</Invoice>`)).detail).toMatch(/DOCTYPE/);
  });
});
