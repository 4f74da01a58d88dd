// ZATCA phase 2 documents, pure: canonical form and hash, the UBL builder and its rules, the signature and the
// QR. No I/O and no database: main/einvoicing stores, chains and reports what is made here.
export { canonicalXml, canonicalizeDocument } from './c14n';
export { parseXml } from './xml-parse';
export { invoiceHash, invoiceHashInput, SEED_PIH, UBL_NS } from './hash';
export { readStampCertificate, sdkDistinguishedName, type StampCertificate } from './certificate';
export { certificateDigest, signedPropertiesDigest, ublExtensions, type SignedPropertiesInput, type ExtensionsInput } from './xades';
export { zatcaPhase2Qr, type Phase2QrFields } from './qr';
export { signInvoice, qrReference, type SignOptions, type SignedInvoice } from './sign';
export { verifySignedInvoice, type SignatureFinding, type VerifiedDocument } from './verify';
export {
  bilingual,
  INVOICE_TYPE_CODE,
  SUBTYPE,
  profileOf,
  VAT_RATE_PERCENT,
  type DocumentProfile,
  type DocumentAllowance,
  type EInvoiceDocument,
  type EInvoiceLine,
  type EInvoiceSeller,
  type SellerAddress,
  type DocumentTotals,
  type DocumentType,
  type VatCategoryCode,
  type VatCategoryTotal,
  type VatExemption,
} from './document';
export { apportion, divideHalfUp, documentAmounts, lineAmounts, totalsDifference, totalsFromLines, type DocumentAmounts, type LineAmounts } from './amounts';
export { amountText, quantityText, unitPriceText } from './decimal';
export { buildUnsignedInvoice, ownDocumentHash, SIMPLIFIED_SUBTYPE } from './ubl';
export { checkInvoiceRules, type RuleViolation } from './rules';
export { checkBuyer, BUYER_ID_SCHEMES, type Buyer, type BuyerAddress, type BuyerField, type BuyerViolation } from './buyer';
