import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../../main/fiscal';
import {
  amountText,
  buildUnsignedInvoice,
  checkInvoiceRules,
  invoiceHash,
  invoiceHashInput,
  ownDocumentHash,
  readStampCertificate,
  signInvoice,
  UBL_NS,
  verifySignedInvoice,
  type EInvoiceDocument,
} from '../../../main/fiscal/einvoice';
import { awkwardDocuments, documentOf, line, randomDocuments } from './documents';
import { ublSchemaErrors, xmllintC14n11, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
const certificate = readStampCertificate(fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8'));
const privateKey = createPrivateKey({ key: fs.readFileSync(path.join(credentials, 'private_key.der')), format: 'der', type: 'sec1' });

const sign = (doc: EInvoiceDocument) =>
  signInvoice(buildUnsignedInvoice(doc), {
    privateKey,
    certificate,
    signingTime: `${doc.issueDate}T${doc.issueTime}`,
    qr: { sellerName: doc.seller.registrationName, vatNumber: doc.seller.vatNumber, timestamp: `${doc.issueDate}T${doc.issueTime}`, totalWithVat: amountText(doc.totals.totalHalalas), vatTotal: amountText(doc.totals.vatHalalas) },
  });

/** "123.45" → 12345, refusing anything that is not two decimals (BR-DEC-*). */
const halalasOf = (text: string): number => {
  if (!/^\d+\.\d{2}$/.test(text)) throw new Error(`not an amount with two decimals: ${text}`);
  return Number(text.replace('.', ''));
};

/** The figures a reader of the XML sees, in halalas. */
function readBack(xml: string) {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const kids = (el: Element, ns: string, local: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);
  const one = (el: Element, ns: string, local: string) => {
    const found = kids(el, ns, local);
    if (found.length !== 1) throw new Error(`${local}: ${found.length} found`);
    return found[0]!;
  };
  const amount = (el: Element, local: string) => halalasOf(one(el, UBL_NS.cbc, local).textContent!);
  const { cac, cbc } = UBL_NS;
  const legal = one(root, cac, 'LegalMonetaryTotal');
  const taxTotals = kids(root, cac, 'TaxTotal');
  return {
    lineExtension: amount(legal, 'LineExtensionAmount'),
    taxExclusive: amount(legal, 'TaxExclusiveAmount'),
    taxInclusive: amount(legal, 'TaxInclusiveAmount'),
    payable: amount(legal, 'PayableAmount'),
    taxTotals: taxTotals.map((t) => ({ vat: amount(t, 'TaxAmount'), subtotals: kids(t, cac, 'TaxSubtotal').length })),
    subtotals: taxTotals.flatMap((t) =>
      kids(t, cac, 'TaxSubtotal').map((s) => {
        const category = one(s, cac, 'TaxCategory');
        return {
          category: one(category, cbc, 'ID').textContent!,
          percent: one(category, cbc, 'Percent').textContent!,
          taxable: amount(s, 'TaxableAmount'),
          vat: amount(s, 'TaxAmount'),
          reason: kids(category, cbc, 'TaxExemptionReasonCode')[0]?.textContent ?? null,
        };
      }),
    ),
    lines: kids(root, cac, 'InvoiceLine').map((l) => {
      const tax = one(l, cac, 'TaxTotal');
      return {
        id: one(l, cbc, 'ID').textContent!,
        category: one(one(one(l, cac, 'Item'), cac, 'ClassifiedTaxCategory'), cbc, 'ID').textContent!,
        net: amount(l, 'LineExtensionAmount'),
        vat: amount(tax, 'TaxAmount'),
        withVat: amount(tax, 'RoundingAmount'),
      };
    }),
    /** Elements with neither child elements nor text (BR-KSA-F-03), by name. */
    empty: (function walk(el: Element): string[] {
      const children = Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
      const own = children.length === 0 && (el.textContent ?? '').trim() === '' ? [el.tagName] : [];
      return [...own, ...children.flatMap(walk)];
    })(root),
  };
}

describe('the UBL builder', () => {
  const docs = [...awkwardDocuments(), ...randomDocuments(240)];

  it('253 varied documents (awkward amounts, then 240 random with a fixed seed): no rule broken, the XML says exactly the sale\'s totals, valid UBL 2.1', () => {
    const unsigned = docs.map((doc) => {
      expect(checkInvoiceRules(doc)).toEqual([]);
      const xml = buildUnsignedInvoice(doc);
      const x = readBack(xml);
      const t = doc.totals;
      expect([x.lineExtension, x.taxExclusive, x.taxInclusive, x.payable]).toEqual([t.subtotalHalalas, t.subtotalHalalas, t.totalHalalas, t.totalHalalas]);
      // Two tax totals, exactly one with the breakdown (BR-KSA-EN16931-08/09).
      expect(x.taxTotals).toEqual([{ vat: t.vatHalalas, subtotals: 0 }, { vat: t.vatHalalas, subtotals: t.breakdown.length }]);
      expect(x.subtotals).toEqual(
        t.breakdown.map((b) => ({ category: b.category, percent: `${b.ratePercent}.00`, taxable: b.taxableHalalas, vat: b.vatHalalas, reason: b.category === 'S' ? null : doc.exemptions[b.category].code })),
      );
      expect(x.lines.map((l) => l.id)).toEqual(doc.lines.map((_, i) => String(i + 1)));
      for (const b of t.breakdown) {
        const own = x.lines.filter((l) => l.category === b.category);
        expect(own.reduce((s, l) => s + l.net, 0)).toBe(b.taxableHalalas); // BR-S/Z/E-08, BR-CO-10
      }
      for (const l of x.lines) expect(l.withVat).toBe(l.net + l.vat); // BR-KSA-51
      // Nothing empty but the buyer of a simplified invoice, written as ZATCA's own samples write it.
      expect(x.empty).toEqual(['cac:AccountingCustomerParty']);
      return xml;
    });
    const signed = docs.map((doc) => {
      const result = sign(doc);
      expect(verifySignedInvoice(result.xml).findings).toEqual([]);
      const tags = parseZatcaQr(result.qr);
      expect(tags.timestamp).toBe(`${doc.issueDate}T${doc.issueTime}`);
      expect(tags.totalWithVat).toBe(amountText(doc.totals.totalHalalas));
      expect(tags.vatTotal).toBe(amountText(doc.totals.vatHalalas));
      return result.xml;
    });
    // Written out for `node scripts/zatca-schematron.mjs --sdk … DIR/unsigned DIR/signed` (not in CI).
    const dump = process.env.NUQTA_EINVOICE_DUMP;
    if (dump) {
      for (const [kind, xmls] of [['unsigned', unsigned], ['signed', signed]] as const) {
        fs.mkdirSync(path.join(dump, kind), { recursive: true });
        xmls.forEach((xml, i) => fs.writeFileSync(path.join(dump, kind, `doc-${String(i).padStart(3, '0')}.xml`), xml));
      }
    }
    expect(ublSchemaErrors(unsigned)).toEqual([]);
    expect(ublSchemaErrors(signed)).toEqual([]);
  });

  it('keeps the contract with the hash and the signer', () => {
    const xml = buildUnsignedInvoice(docs[7]!);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac=')).toBe(true);
    expect(xml.slice(xml.indexOf('<Invoice'))).toMatch(/^<Invoice [^>]*xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">\n {4}<cbc:ProfileID>reporting:1\.0</);
    expect(xml).not.toContain('UBLExtensions');
    expect(xml).not.toContain('<cbc:ID>QR</cbc:ID>');
    expect(xml).toMatch(/<cbc:ID>PIH<\/cbc:ID>[\s\S]*<\/cac:AdditionalDocumentReference>\n {4}<cac:Signature>\n {8}<cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice<\/cbc:ID>\n {8}<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades<\/cbc:SignatureMethod>\n {4}<\/cac:Signature>\n {4}<cac:AccountingSupplierParty>/);
    expect(xml.endsWith('</Invoice>\n')).toBe(true);
  });

  it("the builder's own hash (no parse) equals the general C14N path on every document, and libxml2's canonical form", () => {
    for (const doc of docs) {
      const unsigned = buildUnsignedInvoice(doc);
      expect(ownDocumentHash(unsigned)).toBe(invoiceHash(unsigned));
    }
    const awkward = documentOf([
      { name: 'سطر\r\nثانٍ\rثالث & <وسم> "اقتباس" \t جرس\u0007 😀 \uD800', quantityMilli: 1000, lineTotalHalalas: 115, vatCategory: 'S' },
    ]);
    const unsigned = buildUnsignedInvoice(awkward);
    expect(ownDocumentHash(unsigned)).toBe(invoiceHash(unsigned));
    expect(invoiceHashInput(unsigned)).toBe(xmllintC14n11(unsigned.replace(/<cac:Signature>[\s\S]*?<\/cac:Signature>/, '')));
    expect(ublSchemaErrors([sign(awkward).xml])).toEqual([]);
  });

  it('the unsigned and the signed document hash the same (the signer adds only what the hash leaves out)', () => {
    const doc = docs[3]!;
    expect(invoiceHash(sign(doc).xml)).toBe(invoiceHash(buildUnsignedInvoice(doc)));
  });

  it('refuses totals that are not what the lines give (EINVOICE_TOTALS_MISMATCH), never writes them', () => {
    const doc = documentOf([line(3333), line(3333), line(3333), line(500, { vatCategory: 'Z' })]);
    expect(() => buildUnsignedInvoice(doc)).not.toThrow();
    const vatOff = { ...doc.totals, vatHalalas: doc.totals.vatHalalas + 1, totalHalalas: doc.totals.totalHalalas + 1, breakdown: doc.totals.breakdown.map((b) => (b.category === 'S' ? { ...b, vatHalalas: b.vatHalalas + 1 } : b)) };
    expect(() => buildUnsignedInvoice({ ...doc, totals: vatOff })).toThrow(/EINVOICE_TOTALS_MISMATCH: T01-000001: VAT 1305 ≠ 1304; total 10500 ≠ 10499; S VAT 1305 ≠ 1304/);
    expect(() => buildUnsignedInvoice({ ...doc, totals: { ...doc.totals, breakdown: doc.totals.breakdown.slice(0, 1) } })).toThrow(/category Z missing/);
    // Totals worked out as if prices excluded VAT, for a shop whose prices include it.
    expect(() => buildUnsignedInvoice({ ...doc, pricesIncludeVat: false })).toThrow(/EINVOICE_TOTALS_MISMATCH/);
    expect(() => buildUnsignedInvoice({ ...doc, lines: [...doc.lines, line(1)] })).toThrow(/EINVOICE_TOTALS_MISMATCH/);
  });

  it('escapes what XML must escape, and credit notes carry their invoice and reason', () => {
    const note = documentOf([line(1150, { name: 'تمر & <خلاص> | Dates "A"', quantityMilli: 2000 })], {
      type: 'credit_note',
      note: { originalNumber: 'T01-000007', reason: 'إرجاع | Returned & refunded' },
    });
    const xml = buildUnsignedInvoice(note);
    expect(xml).toContain('<cbc:Name>تمر &amp; &lt;خلاص&gt; | Dates "A"</cbc:Name>');
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(xml).toContain('<cac:BillingReference>\n        <cac:InvoiceDocumentReference>\n            <cbc:ID>T01-000007</cbc:ID>');
    expect(xml).toContain('<cbc:InstructionNote>إرجاع | Returned &amp; refunded</cbc:InstructionNote>');
    expect(ublSchemaErrors([sign(note).xml])).toEqual([]);
    // BR-KSA-17 as ZATCA's Schematron checks it: the reason in every payment means of a split-tender note.
    const split = buildUnsignedInvoice({ ...note, paymentMeans: ['10', '48'] });
    expect(split.match(/<cbc:InstructionNote>/g)).toHaveLength(2);
    expect(buildUnsignedInvoice({ ...note, type: 'debit_note' })).toContain('<cbc:InvoiceTypeCode name="0200000">383</cbc:InvoiceTypeCode>');
  });

  it("the seller's national address: the additional number is PlotIdentification (KSA-23), left out when there is none", () => {
    const doc = documentOf([line(115)]);
    expect(buildUnsignedInvoice(doc)).toContain('<cbc:BuildingNumber>1234</cbc:BuildingNumber>\n                <cbc:PlotIdentification>5678</cbc:PlotIdentification>\n                <cbc:CitySubdivisionName>');
    const none = buildUnsignedInvoice({ ...doc, seller: { ...doc.seller, address: { ...doc.seller.address, additionalNumber: null } } });
    expect(none).not.toContain('PlotIdentification');
    expect(none).toContain('<cbc:BuildingNumber>1234</cbc:BuildingNumber>\n                <cbc:CitySubdivisionName>');
  });

  it('zero-rated and exempt breakdowns carry their reason, the standard one none (BR-S-10)', () => {
    const xml = buildUnsignedInvoice(documentOf([line(115), line(500, { vatCategory: 'Z' }), line(700, { vatCategory: 'E' })]));
    expect(xml).toContain('>Z</cbc:ID>\n                <cbc:Percent>0.00</cbc:Percent>\n                <cbc:TaxExemptionReasonCode>VATEX-SA-35</cbc:TaxExemptionReasonCode>\n                <cbc:TaxExemptionReason>الأدوية والمعدات الطبية | Medicines and medical equipment</cbc:TaxExemptionReason>');
    expect(xml).toContain('>E</cbc:ID>\n                <cbc:Percent>0.00</cbc:Percent>\n                <cbc:TaxExemptionReasonCode>VATEX-SA-29</cbc:TaxExemptionReasonCode>');
    expect(xml).toContain('>S</cbc:ID>\n                <cbc:Percent>15.00</cbc:Percent>\n                <cac:TaxScheme>');
  });

  it('awkward amounts as ZATCA reads them: 20000.50 × 15% = 3000.08, 0.01, a weighed line, 3 × 33.33', () => {
    const exclusive = readBack(buildUnsignedInvoice(documentOf([line(2_000_050), line(1)], { pricesIncludeVat: false })));
    expect(exclusive.taxTotals[0]!.vat).toBe(300_008);
    expect(exclusive.lines.map((l) => [l.net, l.vat, l.withVat])).toEqual([[2_000_050, 300_008, 2_300_058], [1, 0, 1]]);
    const weighed = buildUnsignedInvoice(documentOf([line(1739, { quantityMilli: 1250 })]));
    expect(weighed).toContain('<cbc:InvoicedQuantity unitCode="PCE">1.250000</cbc:InvoicedQuantity>');
    expect(weighed).toContain('<cbc:LineExtensionAmount currencyID="SAR">15.12</cbc:LineExtensionAmount>');
    expect(weighed).toContain('<cbc:PriceAmount currencyID="SAR">12.096</cbc:PriceAmount>');
    const thirds = readBack(buildUnsignedInvoice(documentOf([line(3333), line(3333), line(3333)])));
    expect(thirds.lines.map((l) => l.net)).toEqual([2899, 2898, 2898]);
    expect(thirds.taxTotals[1]!.vat).toBe(1304);
    expect(thirds.payable).toBe(9999);
  });
});
