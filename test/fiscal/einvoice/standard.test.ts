// Standard (B2B) documents, 0100000: the buyer and the supply date written as ZATCA's standard samples write
// them, the rules the till checks on the buyer before signing, and the same schema, signature and QR as the
// simplified ones. (ZATCA's Schematron over these: NUQTA_EINVOICE_DUMP=DIR, then scripts/zatca-schematron.mjs.)
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  amountText,
  buildUnsignedInvoice,
  checkInvoiceRules,
  readStampCertificate,
  signInvoice,
  UBL_NS,
  verifySignedInvoice,
  type EInvoiceDocument,
} from '../../../main/fiscal/einvoice';
import type { Buyer } from '../../../main/fiscal/einvoice/buyer';
import { documentOf, line, randomDocuments } from './documents';
import { ublSchemaErrors, ZATCA_FIXTURES } from './support';

const credentials = path.join(ZATCA_FIXTURES, 'sdk-test-credentials');
const certificate = readStampCertificate(fs.readFileSync(path.join(credentials, 'cert_b64.txt'), 'utf8'));
const privateKey = createPrivateKey({ key: fs.readFileSync(path.join(credentials, 'private_key.der')), format: 'der', type: 'sec1' });

const WITH_VAT: Buyer = {
  legalName: 'شركة المراعي للتموين & <الضيافة> | Almarai Catering Co.',
  vatNumber: '310175397400003',
  address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' },
};
const WITH_CR: Buyer = {
  legalName: 'مؤسسة الخليج',
  otherId: { scheme: 'CRN', value: '1010010000' },
  address: { street: 'الملك عبدالعزيز', buildingNumber: '2345', district: 'الشاطئ', city: 'جدة', postalCode: '23412', country: 'SA' },
};

const sign = (doc: EInvoiceDocument) =>
  signInvoice(buildUnsignedInvoice(doc), {
    privateKey,
    certificate,
    signingTime: `${doc.issueDate}T${doc.issueTime}`,
    qr: { sellerName: doc.seller.registrationName, vatNumber: doc.seller.vatNumber, timestamp: `${doc.issueDate}T${doc.issueTime}`, totalWithVat: amountText(doc.totals.totalHalalas), vatTotal: amountText(doc.totals.vatHalalas) },
  });

const text = (xml: string, local: string, ns: 'cbc' | 'cac' = 'cbc'): string[] => {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const els = root.getElementsByTagNameNS(UBL_NS[ns], local);
  return Array.from({ length: els.length }, (_, i) => (els.item(i)!.textContent ?? '').trim());
};

describe('standard (B2B) documents', () => {
  const standard = [
    documentOf([line(11_500), line(2_000_050, { quantityMilli: 3000 })], { buyer: WITH_VAT }),
    documentOf([line(3333), line(3333), line(3333)], { buyer: WITH_CR, pricesIncludeVat: false, paymentMeans: ['10', '48'] }),
    documentOf([line(500, { vatCategory: 'Z' }), line(700, { vatCategory: 'E' }), line(1739, { quantityMilli: 1250 })], { buyer: WITH_VAT }),
    documentOf([line(3333)], { buyer: WITH_VAT, type: 'credit_note', note: { originalNumber: 'T01-000001', reason: 'إرجاع | Returned' } }),
    ...randomDocuments(40, 7).map((d, i) => ({ ...d, buyer: i % 2 === 0 ? WITH_VAT : WITH_CR })),
  ];

  it('pass the till\'s rules, validate against UBL 2.1 and verify once signed', () => {
    const unsigned = standard.map((doc) => {
      expect(checkInvoiceRules(doc)).toEqual([]);
      return buildUnsignedInvoice(doc);
    });
    const signed = standard.map((doc) => {
      const result = sign(doc);
      expect(verifySignedInvoice(result.xml).findings).toEqual([]);
      return result.xml;
    });
    expect(ublSchemaErrors(unsigned)).toEqual([]);
    expect(ublSchemaErrors(signed)).toEqual([]);
    const dump = process.env.NUQTA_EINVOICE_DUMP;
    if (dump) {
      fs.mkdirSync(path.join(dump, 'standard'), { recursive: true });
      signed.forEach((xml, i) => fs.writeFileSync(path.join(dump, 'standard', `std-${String(i).padStart(3, '0')}.xml`), xml));
    }
  });

  it('say 0100000, name the buyer as the SDK samples do, and give the supply date (KSA-5)', () => {
    const xml = buildUnsignedInvoice(standard[0]!);
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0100000">388</cbc:InvoiceTypeCode>');
    expect(text(xml, 'CompanyID')).toEqual(['399999999900003', '310175397400003']);
    expect(text(xml, 'RegistrationName')[1]).toBe(WITH_VAT.legalName);
    expect(xml).toContain('Almarai Catering Co. &amp; &lt;الضيافة&gt;'.replace('Almarai Catering Co. ', '')); // escaped
    expect(text(xml, 'ActualDeliveryDate')).toEqual([standard[0]!.issueDate]);
    expect(text(xml, 'CitySubdivisionName')).toEqual(['العليا', 'المروج']);
    // A buyer without a VAT number: its other ID under its scheme, and no CompanyID.
    const cr = buildUnsignedInvoice(standard[1]!);
    expect(cr).toContain('<cbc:ID schemeID="CRN">1010010000</cbc:ID>');
    expect(text(cr, 'CompanyID')).toEqual(['399999999900003']);
    // A simplified document still has the empty buyer and no supply date.
    const simplified = buildUnsignedInvoice(documentOf([line(100)]));
    expect(simplified).toContain('name="0200000"');
    expect(text(simplified, 'ActualDeliveryDate')).toEqual([]);
  });

  it('refuse a buyer ZATCA would refuse, before anything is signed', () => {
    const bad = documentOf([line(100)], { buyer: { ...WITH_VAT, vatNumber: '123', address: { ...WITH_VAT.address, postalCode: '1222' } } });
    expect(checkInvoiceRules(bad).map((v) => v.rule)).toEqual(['BR-KSA-44', 'BR-KSA-67']);
    const noId = documentOf([line(100)], { buyer: { ...WITH_CR, otherId: undefined } });
    expect(checkInvoiceRules(noId).map((v) => v.rule)).toEqual(['BR-KSA-81']);
  });

  it('allow private healthcare zero-rating only to a buyer identified by national ID (BR-KSA-49)', () => {
    const health = { Z: { code: 'VATEX-SA-HEA', text: 'Private healthcare to citizen' }, E: standard[0]!.exemptions.E };
    const lines = [line(500, { vatCategory: 'Z' })];
    expect(checkInvoiceRules(documentOf(lines, { exemptions: health })).map((v) => v.rule)).toEqual(['BR-KSA-49']);
    expect(checkInvoiceRules(documentOf(lines, { exemptions: health, buyer: { ...WITH_CR, otherId: { scheme: 'NAT', value: '1000000008' } } }))).toEqual([]);
  });
});
