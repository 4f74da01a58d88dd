import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseZatcaQr } from '../../../main/fiscal';
import {
  amountText,
  buildUnsignedInvoice,
  checkInvoiceRules,
  invoiceHash,
  invoiceHashInput,
  ownDocumentHash,
  lineAmounts,
  readStampCertificate,
  signInvoice,
  unitPriceText,
  verifySignedInvoice,
} from '../../../main/fiscal/einvoice';
import { documentOf, randomDocuments } from './documents';
import { ublSchemaErrors, xmllintC14n11, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
const certificate = readStampCertificate(fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8'));
const privateKey = createPrivateKey({ key: fs.readFileSync(path.join(credentials, 'private_key.der')), format: 'der', type: 'sec1' });

const sign = (doc: ReturnType<typeof documentOf>) =>
  signInvoice(buildUnsignedInvoice(doc), {
    privateKey,
    certificate,
    signingTime: `${doc.issueDate}T${doc.issueTime}`,
    qr: { sellerName: doc.seller.registrationName, vatNumber: doc.seller.vatNumber, timestamp: `${doc.issueDate}T${doc.issueTime}`, totalWithVat: amountText(doc.totals.totalHalalas), vatTotal: amountText(doc.totals.vatHalalas) },
  });

describe('the UBL builder', () => {
  const docs = randomDocuments(240);

  it('240 varied documents: no rule broken, totals reproduced, signed and verified, valid UBL 2.1', () => {
    const signed: string[] = [];
    for (const doc of docs) {
      expect(checkInvoiceRules(doc)).toEqual([]);
      const amounts = lineAmounts(doc);
      expect(amounts.reduce((s, a) => s + a.netHalalas, 0)).toBe(doc.totals.subtotalHalalas);
      const result = sign(doc);
      expect(verifySignedInvoice(result.xml).findings).toEqual([]);
      const tags = parseZatcaQr(result.qr);
      expect(tags.timestamp).toBe(`${doc.issueDate}T${doc.issueTime}`);
      expect(tags.totalWithVat).toBe(amountText(doc.totals.totalHalalas));
      signed.push(result.xml);
    }
    // Written out for `node scripts/zatca-schematron.mjs --sdk … DIR` when asked (ZATCA's rules are not in CI).
    const dump = process.env.NUQTA_EINVOICE_DUMP;
    if (dump) {
      fs.mkdirSync(dump, { recursive: true });
      signed.forEach((xml, i) => fs.writeFileSync(path.join(dump, `doc-${String(i).padStart(3, '0')}.xml`), xml));
    }
    expect(ublSchemaErrors(signed)).toEqual([]);
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
    const unsigned = buildUnsignedInvoice(doc);
    expect(invoiceHash(sign(doc).xml)).toBe(invoiceHash(unsigned));
  });

  it('escapes what XML must escape, and credit notes carry their invoice and reason', () => {
    const note = documentOf([{ name: 'تمر & <خلاص> | Dates "A"', quantityMilli: 2000, lineTotalHalalas: 1150, vatCategory: 'S' }], {
      type: 'credit_note',
      note: { originalNumber: 'T01-000007', reason: 'إرجاع | Returned & refunded' },
    });
    const xml = buildUnsignedInvoice(note);
    expect(xml).toContain('<cbc:Name>تمر &amp; &lt;خلاص&gt; | Dates "A"</cbc:Name>');
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(xml).toContain('<cac:InvoiceDocumentReference>\n            <cbc:ID>T01-000007</cbc:ID>');
    expect(xml).toContain('<cbc:InstructionNote>إرجاع | Returned &amp; refunded</cbc:InstructionNote>');
    expect(ublSchemaErrors([sign(note).xml])).toEqual([]);
    // BR-KSA-17 as ZATCA's Schematron checks it: the reason in every payment means of a split-tender note.
    const split = buildUnsignedInvoice({ ...note, paymentMeans: ['10', '48'] });
    expect(split.match(/<cbc:InstructionNote>/g)).toHaveLength(2);
  });

  it('VAT-inclusive prices: line nets split by largest remainder add up to the category to the halala', () => {
    // 3 × 33.33 inclusive: 99.99 gross → VAT 13.04, net 86.95; the three line nets must sum to 86.95 exactly.
    const doc = documentOf([1, 2, 3].map(() => ({ name: 'x', quantityMilli: 1000, lineTotalHalalas: 3333, vatCategory: 'S' as const })));
    expect(doc.totals.vatHalalas).toBe(1304);
    expect(lineAmounts(doc).map((a) => a.netHalalas)).toEqual([2899, 2898, 2898]);
    expect(checkInvoiceRules(doc)).toEqual([]);
  });

  it('rounding half-up at document level: 20000.50 × 15% is 3000.08', () => {
    const doc = documentOf([{ name: 'x', quantityMilli: 1000, lineTotalHalalas: 2_000_050, vatCategory: 'S' }], { pricesIncludeVat: false });
    expect(doc.totals.vatHalalas).toBe(300_008);
    expect(buildUnsignedInvoice(doc)).toContain('<cbc:TaxAmount currencyID="SAR">3000.08</cbc:TaxAmount>');
  });

  it("unit prices keep enough places to give back the line's net (BR-KSA-EN16931-11)", () => {
    expect(unitPriceText(2898, 1000)).toBe('28.98');
    expect(unitPriceText(100, 3000)).toBe('0.3333333333');
    expect(unitPriceText(1739, 1250)).toBe('13.912');
    expect(unitPriceText(1, 7)).toBe('1.4285714286');
  });
});

describe('the rules the till checks before it signs', () => {
  const good = () => documentOf([{ name: 'حليب | Milk', quantityMilli: 2000, lineTotalHalalas: 1150, vatCategory: 'S' }]);
  const rules = (doc: ReturnType<typeof good>) => checkInvoiceRules(doc).map((v) => v.rule);

  it('a correct document passes', () => expect(rules(good())).toEqual([]));
  it('VAT off by a halala (BR-CO-14, BR-S-09 when more)', () => {
    const doc = good();
    doc.totals = { ...doc.totals, vatHalalas: doc.totals.vatHalalas + 1 };
    expect(rules(doc)).toContain('BR-CO-14');
    const far = good();
    far.totals = { ...far.totals, breakdown: far.totals.breakdown.map((b) => ({ ...b, vatHalalas: b.vatHalalas + 5 })) };
    expect(rules(far)).toEqual(expect.arrayContaining(['BR-S-09', 'BR-CO-14']));
  });
  it('total not net + VAT (BR-CO-15)', () => {
    const doc = good();
    doc.totals = { ...doc.totals, totalHalalas: doc.totals.totalHalalas + 1 };
    expect(rules(doc)).toContain('BR-CO-15');
  });
  it('the seller: VAT number, address, other ID', () => {
    expect(rules({ ...good(), seller: { ...good().seller, vatNumber: '123456789012345' } })).toContain('BR-KSA-40');
    expect(rules({ ...good(), seller: { ...good().seller, address: { ...good().seller.address, postalCode: '1234' } } })).toContain('BR-KSA-66');
    expect(rules({ ...good(), seller: { ...good().seller, address: { ...good().seller.address, buildingNumber: '12' } } })).toContain('BR-KSA-37');
    expect(rules({ ...good(), seller: { ...good().seller, otherId: null } })).toContain('BR-KSA-08');
  });
  it('negative amounts, notes without their invoice or reason, zero-rated without a valid reason', () => {
    expect(rules(documentOf([{ name: 'x', quantityMilli: 1000, lineTotalHalalas: -100, vatCategory: 'S' }]))).toContain('BR-KSA-F-04');
    expect(rules({ ...good(), type: 'credit_note', note: { originalNumber: '', reason: '' } })).toEqual(expect.arrayContaining(['BR-KSA-56', 'BR-KSA-17']));
    expect(rules({ ...good(), type: 'credit_note', note: null })).toContain('BR-KSA-56');
    const zero = documentOf([{ name: 'دواء', quantityMilli: 1000, lineTotalHalalas: 500, vatCategory: 'Z' }]);
    expect(rules({ ...zero, exemptions: { ...zero.exemptions, Z: { code: 'VATEX-SA-29', text: 'wrong list' } } })).toContain('BR-KSA-18');
  });
  it('a category breakdown that does not match the lines', () => {
    const doc = good();
    doc.lines = [...doc.lines, { name: 'y', quantityMilli: 1000, lineTotalHalalas: 100, vatCategory: 'Z' }];
    expect(rules(doc)).toContain('BR-CO-18');
  });
});
