// The UBL 2.1 document of a simplified tax invoice (388), credit note (381) or debit note (383), as text in the
// layout of ZATCA's SDK samples, without the signature's parts (see sign.ts for the contract): no
// ext:UBLExtensions, no QR reference, cac:Signature after the PIH. Strings, not a DOM: it runs inside the
// sale's transaction. Every value is escaped; amounts come from integer halalas (decimal.ts), recomputed from
// the lines (amounts.ts): a sale whose totals are not what its lines give is refused, never written.
import { createHash } from 'node:crypto';
import { TillError } from '../../errors';
import { documentAmounts, totalsDifference } from './amounts';
import { amountText, quantityText, unitPriceText } from './decimal';
import type { Buyer } from './buyer';
import { INVOICE_TYPE_CODE, profileOf, SUBTYPE, VAT_RATE_PERCENT, type EInvoiceDocument, type VatCategoryCode } from './document';

/** Anything esc would change (a surrogate may be half a pair): most names have none, and skip the six passes. */
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/**
 * Text as the canonical form has it, so the document is already canonical where it matters (ownDocumentHash): a
 * CR (alone or before LF) becomes LF as a parser would make it, characters XML 1.0 forbids are dropped, and
 * & < > are escaped. Quotes need no escape in text.
 */
const esc = (s: string): string =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
const money = (element: string, halalas: number) => `<cbc:${element} currencyID="SAR">${amountText(halalas)}</cbc:${element}>`;
/** VAT rates are whole percentages (15, 0); UBL writes them with two places as the samples do. */
const percent = (rate: number): string => {
  if (!Number.isInteger(rate)) throw new RangeError(`VAT rate ${rate} is not a whole percentage`);
  return `${rate}.00`;
};

/** The simplified-invoice subtype (NNPNESB): 02, no third party, nominal, export, summary or self-billing. */
export const SIMPLIFIED_SUBTYPE = SUBTYPE.simplified;

function taxCategory(category: VatCategoryCode, rate: number, doc: EInvoiceDocument, pad: string): string {
  const exemption = category === 'S' ? null : doc.exemptions[category];
  return [
    `${pad}<cac:TaxCategory>`,
    `${pad}    <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5305">${category}</cbc:ID>`,
    `${pad}    <cbc:Percent>${percent(rate)}</cbc:Percent>`,
    ...(exemption
      ? [
          `${pad}    <cbc:TaxExemptionReasonCode>${esc(exemption.code)}</cbc:TaxExemptionReasonCode>`,
          `${pad}    <cbc:TaxExemptionReason>${esc(exemption.text)}</cbc:TaxExemptionReason>`,
        ]
      : []),
    `${pad}    <cac:TaxScheme>`,
    `${pad}        <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5153">VAT</cbc:ID>`,
    `${pad}    </cac:TaxScheme>`,
    `${pad}</cac:TaxCategory>`,
  ].join('\n');
}

function seller(doc: EInvoiceDocument): string {
  const { seller: s } = doc;
  const a = s.address;
  return [
    '<cac:AccountingSupplierParty>',
    '        <cac:Party>',
    ...(s.otherId
      ? ['            <cac:PartyIdentification>', `                <cbc:ID schemeID="${s.otherId.scheme}">${esc(s.otherId.value)}</cbc:ID>`, '            </cac:PartyIdentification>']
      : []),
    '            <cac:PostalAddress>',
    `                <cbc:StreetName>${esc(a.street)}</cbc:StreetName>`,
    `                <cbc:BuildingNumber>${esc(a.buildingNumber)}</cbc:BuildingNumber>`,
    // The national address's additional number is KSA-23, PlotIdentification (as in the SDK's samples).
    ...(a.additionalNumber ? [`                <cbc:PlotIdentification>${esc(a.additionalNumber)}</cbc:PlotIdentification>`] : []),
    `                <cbc:CitySubdivisionName>${esc(a.district)}</cbc:CitySubdivisionName>`,
    `                <cbc:CityName>${esc(a.city)}</cbc:CityName>`,
    `                <cbc:PostalZone>${esc(a.postalCode)}</cbc:PostalZone>`,
    '                <cac:Country>',
    '                    <cbc:IdentificationCode>SA</cbc:IdentificationCode>',
    '                </cac:Country>',
    '            </cac:PostalAddress>',
    '            <cac:PartyTaxScheme>',
    `                <cbc:CompanyID>${esc(s.vatNumber)}</cbc:CompanyID>`,
    '                <cac:TaxScheme>',
    '                    <cbc:ID>VAT</cbc:ID>',
    '                </cac:TaxScheme>',
    '            </cac:PartyTaxScheme>',
    '            <cac:PartyLegalEntity>',
    `                <cbc:RegistrationName>${esc(s.registrationName)}</cbc:RegistrationName>`,
    '            </cac:PartyLegalEntity>',
    '        </cac:Party>',
    '    </cac:AccountingSupplierParty>',
  ].join('\n');
}

/**
 * The buyer of a standard document, in the order and the form of the SDK's standard samples: the other ID
 * (BR-KSA-81/14) when there is no VAT number, the national address, the VAT number as PartyTaxScheme's CompanyID
 * (BT-48), the legal name. A simplified document has the element, empty.
 */
function buyer(b: Buyer | null | undefined, issueDate: string): string[] {
  if (!b) return ['    <cac:AccountingCustomerParty>', '    </cac:AccountingCustomerParty>'];
  const a = b.address;
  const hasVat = b.vatNumber !== undefined && b.vatNumber !== '';
  return [
    '    <cac:AccountingCustomerParty>',
    '        <cac:Party>',
    ...(!hasVat && b.otherId
      ? ['            <cac:PartyIdentification>', `                <cbc:ID schemeID="${esc(b.otherId.scheme)}">${esc(b.otherId.value)}</cbc:ID>`, '            </cac:PartyIdentification>']
      : []),
    '            <cac:PostalAddress>',
    `                <cbc:StreetName>${esc(a.street)}</cbc:StreetName>`,
    `                <cbc:BuildingNumber>${esc(a.buildingNumber)}</cbc:BuildingNumber>`,
    `                <cbc:CitySubdivisionName>${esc(a.district)}</cbc:CitySubdivisionName>`,
    `                <cbc:CityName>${esc(a.city)}</cbc:CityName>`,
    `                <cbc:PostalZone>${esc(a.postalCode)}</cbc:PostalZone>`,
    '                <cac:Country>',
    `                    <cbc:IdentificationCode>${esc(a.country)}</cbc:IdentificationCode>`,
    '                </cac:Country>',
    '            </cac:PostalAddress>',
    '            <cac:PartyTaxScheme>',
    ...(hasVat ? [`                <cbc:CompanyID>${esc(b.vatNumber!)}</cbc:CompanyID>`] : []),
    '                <cac:TaxScheme>',
    '                    <cbc:ID>VAT</cbc:ID>',
    '                </cac:TaxScheme>',
    '            </cac:PartyTaxScheme>',
    '            <cac:PartyLegalEntity>',
    `                <cbc:RegistrationName>${esc(b.legalName)}</cbc:RegistrationName>`,
    '            </cac:PartyLegalEntity>',
    '        </cac:Party>',
    '    </cac:AccountingCustomerParty>',
    // KSA-5, the supply date (BR-KSA-15): at a till the goods leave with the buyer the moment it is issued.
    '    <cac:Delivery>',
    `        <cbc:ActualDeliveryDate>${issueDate}</cbc:ActualDeliveryDate>`,
    '    </cac:Delivery>',
  ];
}

/** The one cac:Signature block the builder writes (ownDocumentHash takes it out again). */
const SIGNATURE_BLOCK = [
  '    <cac:Signature>',
  '        <cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>',
  '        <cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod>',
  '    </cac:Signature>',
].join('\n');
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * The invoice hash of a document this builder wrote, without parsing it (a DOM parse of a 40-line invoice costs
 * ~7 ms, more than the whole budget inside the sale's transaction). The builder writes what C14N 1.1 would:
 * attributes in canonical order, no self-closing tags, text escaped as C14N escapes it, namespaces declared once on
 * the root in prefix order. So the canonical form is its text without the XML declaration, without cac:Signature
 * (the whitespace around it stays) and without the line break after the root. The tests check this against the
 * general path (invoiceHash: parse, remove, canonicalise) on every generated document and against xmllint.
 */
export function ownDocumentHash(unsignedXml: string): string {
  const at = unsignedXml.indexOf(SIGNATURE_BLOCK);
  if (!unsignedXml.startsWith(DECLARATION) || at < 0 || !unsignedXml.endsWith('</Invoice>\n')) {
    throw new RangeError('not a document this builder wrote');
  }
  // The indentation before <cac:Signature> is text outside the element: it stays, as in the general path.
  const element = at + SIGNATURE_BLOCK.indexOf('<');
  const canonical = unsignedXml.slice(DECLARATION.length, element) + unsignedXml.slice(at + SIGNATURE_BLOCK.length, -1);
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

/**
 * The unsigned document. Throws EINVOICE_TOTALS_MISMATCH when the sale's totals are not exactly what its lines
 * give under ZATCA's rounding (checkInvoiceRules names the rule first; this is the last line of defence), and a
 * RangeError on amounts that are not whole, non-negative halalas.
 */
export function buildUnsignedInvoice(doc: EInvoiceDocument): string {
  const { totals: expected, lines: amounts, allowances } = documentAmounts(doc);
  const difference = totalsDifference(expected, doc.totals);
  if (difference) throw new TillError('EINVOICE_TOTALS_MISMATCH', `${doc.number}: ${difference}`);
  const t = doc.totals;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">',
    '    <cbc:ProfileID>reporting:1.0</cbc:ProfileID>',
    `    <cbc:ID>${esc(doc.number)}</cbc:ID>`,
    `    <cbc:UUID>${esc(doc.uuid)}</cbc:UUID>`,
    `    <cbc:IssueDate>${doc.issueDate}</cbc:IssueDate>`,
    `    <cbc:IssueTime>${doc.issueTime}</cbc:IssueTime>`,
    `    <cbc:InvoiceTypeCode name="${SUBTYPE[profileOf(doc)]}">${INVOICE_TYPE_CODE[doc.type]}</cbc:InvoiceTypeCode>`,
    '    <cbc:DocumentCurrencyCode>SAR</cbc:DocumentCurrencyCode>',
    '    <cbc:TaxCurrencyCode>SAR</cbc:TaxCurrencyCode>',
  ];
  if (doc.note) {
    out.push(
      '    <cac:BillingReference>',
      '        <cac:InvoiceDocumentReference>',
      `            <cbc:ID>${esc(doc.note.originalNumber)}</cbc:ID>`,
      '        </cac:InvoiceDocumentReference>',
      '    </cac:BillingReference>',
    );
  }
  out.push(
    '    <cac:AdditionalDocumentReference>',
    '        <cbc:ID>ICV</cbc:ID>',
    `        <cbc:UUID>${doc.icv}</cbc:UUID>`,
    '    </cac:AdditionalDocumentReference>',
    '    <cac:AdditionalDocumentReference>',
    '        <cbc:ID>PIH</cbc:ID>',
    '        <cac:Attachment>',
    `            <cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${esc(doc.pih)}</cbc:EmbeddedDocumentBinaryObject>`,
    '        </cac:Attachment>',
    '    </cac:AdditionalDocumentReference>',
    // The signer puts the QR reference right before cac:Signature (sign.ts), as the SDK samples have it.
    SIGNATURE_BLOCK,
    `    ${seller(doc)}`,
    ...buyer(doc.buyer, doc.issueDate),
  );
  for (const code of doc.paymentMeans) {
    out.push('    <cac:PaymentMeans>', `        <cbc:PaymentMeansCode>${esc(code)}</cbc:PaymentMeansCode>`);
    // A note's reason travels in EVERY payment means: ZATCA's BR-KSA-17 checks each one (a split-tender credit
    // note with the reason only in the first was refused by its Schematron).
    if (doc.note) out.push(`        <cbc:InstructionNote>${esc(doc.note.reason)}</cbc:InstructionNote>`);
    out.push('    </cac:PaymentMeans>');
  }
  // The sale's discount: one allowance per VAT category it fell on (BG-20), net of VAT, its category and rate
  // named (BR-32, BR-S-06…) so ZATCA takes it off that category's taxable amount (BR-S-08).
  for (const a of allowances) {
    out.push(
      '    <cac:AllowanceCharge>',
      '        <cbc:ChargeIndicator>false</cbc:ChargeIndicator>',
      `        <cbc:AllowanceChargeReason>${esc(a.reason)}</cbc:AllowanceChargeReason>`,
      `        ${money('Amount', a.netHalalas)}`,
      '        <cac:TaxCategory>',
      `            <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5305">${a.category}</cbc:ID>`,
      `            <cbc:Percent>${percent(a.ratePercent)}</cbc:Percent>`,
      '            <cac:TaxScheme>',
      '                <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5153">VAT</cbc:ID>',
      '            </cac:TaxScheme>',
      '        </cac:TaxCategory>',
      '    </cac:AllowanceCharge>',
    );
  }
  const lineNets = amounts.reduce((sum, a) => sum + a.netHalalas, 0);
  const allowanceTotal = allowances.reduce((sum, a) => sum + a.netHalalas, 0);
  out.push(
    '    <cac:TaxTotal>',
    `        ${money('TaxAmount', t.vatHalalas)}`,
    '    </cac:TaxTotal>',
    '    <cac:TaxTotal>',
    `        ${money('TaxAmount', t.vatHalalas)}`,
  );
  for (const b of t.breakdown) {
    out.push(
      '        <cac:TaxSubtotal>',
      `            ${money('TaxableAmount', b.taxableHalalas)}`,
      `            ${money('TaxAmount', b.vatHalalas)}`,
      taxCategory(b.category, b.ratePercent, doc, '            '),
      '        </cac:TaxSubtotal>',
    );
  }
  out.push(
    '    </cac:TaxTotal>',
    '    <cac:LegalMonetaryTotal>',
    `        ${money('LineExtensionAmount', lineNets)}`,
    `        ${money('TaxExclusiveAmount', t.subtotalHalalas)}`,
    `        ${money('TaxInclusiveAmount', t.totalHalalas)}`,
    `        ${money('AllowanceTotalAmount', allowanceTotal)}`,
    `        ${money('PrepaidAmount', 0)}`,
    `        ${money('PayableAmount', t.totalHalalas)}`,
    '    </cac:LegalMonetaryTotal>',
  );
  doc.lines.forEach((line, i) => {
    const a = amounts[i]!;
    const rate = VAT_RATE_PERCENT[line.vatCategory];
    out.push(
      '    <cac:InvoiceLine>',
      `        <cbc:ID>${i + 1}</cbc:ID>`,
      `        <cbc:InvoicedQuantity unitCode="${line.unitCode ?? 'PCE'}">${quantityText(line.quantityMilli)}</cbc:InvoicedQuantity>`,
      `        ${money('LineExtensionAmount', a.netHalalas)}`,
      '        <cac:TaxTotal>',
      `            ${money('TaxAmount', a.vatHalalas)}`,
      `            ${money('RoundingAmount', a.withVatHalalas)}`,
      '        </cac:TaxTotal>',
      '        <cac:Item>',
      `            <cbc:Name>${esc(line.name)}</cbc:Name>`,
      '            <cac:ClassifiedTaxCategory>',
      `                <cbc:ID>${line.vatCategory}</cbc:ID>`,
      `                <cbc:Percent>${percent(rate)}</cbc:Percent>`,
      '                <cac:TaxScheme>',
      '                    <cbc:ID>VAT</cbc:ID>',
      '                </cac:TaxScheme>',
      '            </cac:ClassifiedTaxCategory>',
      '        </cac:Item>',
      '        <cac:Price>',
      `            <cbc:PriceAmount currencyID="SAR">${unitPriceText(a.netHalalas, line.quantityMilli)}</cbc:PriceAmount>`,
      '        </cac:Price>',
      '    </cac:InvoiceLine>',
    );
  });
  out.push('</Invoice>', '');
  return out.join('\n');
}
