// What the till knows of a document before it becomes UBL: the sale's own receipt data, its place in the chain
// and the seller as registered. Amounts are integer halalas and quantities integer thousandths (weighed goods
// sell by the gram); they become decimal text only in the XML.
import type { Buyer } from './buyer';

export type DocumentType = 'invoice' | 'credit_note' | 'debit_note';
export type VatCategoryCode = 'S' | 'Z' | 'E';

export const INVOICE_TYPE_CODE: Record<DocumentType, string> = { invoice: '388', credit_note: '381', debit_note: '383' };

/** The KSA rates (main/money has the same table; main/fiscal may not import it, and the builder checks against it). */
export const VAT_RATE_PERCENT: Record<VatCategoryCode, number> = { S: 15, Z: 0, E: 0 };

/**
 * Simplified documents (subtype 0200000, B2C) are reported within 24 h; standard ones (0100000, B2B) carry the
 * business buyer — name, VAT number or other ID, national address — and the supply date, and are cleared by
 * ZATCA before they are handed over. A document is standard exactly when it names a buyer.
 */
export type DocumentProfile = 'simplified' | 'standard';
export const SUBTYPE: Record<DocumentProfile, string> = { simplified: '0200000', standard: '0100000' };
export const profileOf = (doc: Pick<EInvoiceDocument, 'buyer'>): DocumentProfile => (doc.buyer ? 'standard' : 'simplified');

/** "عربي | English" as ZATCA's samples write a value known in both languages; Arabic alone when there is no English. */
export const bilingual = (ar: string, en: string): string => (en.trim() === '' || en === ar ? ar : `${ar} | ${en}`);

export interface SellerAddress {
  street: string;
  /** 4 digits (BR-KSA-37). */
  buildingNumber: string;
  district: string;
  city: string;
  /** 5 digits (BR-KSA-66). */
  postalCode: string;
  /** The national address's 4-digit additional number (KSA-23, cbc:PlotIdentification), when it has one. */
  additionalNumber: string | null;
}

export interface EInvoiceSeller {
  /** As registered, Arabic first (Arabic is mandatory): `bilingual(nameAr, nameEn)`. */
  registrationName: string;
  /** 15 digits, starting and ending with 3 (BR-KSA-40). */
  vatNumber: string;
  /** The seller's other ID (BR-KSA-08): commercial registration when the shop has one. */
  otherId: { scheme: 'CRN' | 'MOM' | 'MLS' | 'SAG' | 'OTH' | '700'; value: string } | null;
  address: SellerAddress;
}

export interface EInvoiceLine {
  /** `bilingual(nameAr, nameEn)`. */
  name: string;
  /** Integer thousandths of the unit (1 item = 1000; 1.250 kg = 1250). */
  quantityMilli: number;
  /** UN/ECE rec. 20 unit of the quantity: PCE (pieces, the default) or KGM (kilograms, weighed goods). */
  unitCode?: 'PCE' | 'KGM';
  /** quantity × unit price as the till priced it (VAT-inclusive when the shop's prices include VAT). */
  lineTotalHalalas: number;
  vatCategory: VatCategoryCode;
}

export interface VatCategoryTotal {
  category: VatCategoryCode;
  ratePercent: number;
  taxableHalalas: number;
  vatHalalas: number;
}

/**
 * A discount on the whole document (ZATCA's document-level allowance, BG-20) falling on one VAT category: the
 * amount as the till priced it (VAT-inclusive when its prices are), taken off the category's lines before VAT.
 */
export interface DocumentAllowance {
  category: VatCategoryCode;
  halalas: number;
  /** BT-97: why (ZATCA needs a reason or a reason code, BR-33). */
  reason: string;
}

/** The sale's document-level totals (main/money's computeTotals): the XML must reproduce them exactly. */
export interface DocumentTotals {
  subtotalHalalas: number;
  vatHalalas: number;
  totalHalalas: number;
  breakdown: VatCategoryTotal[];
}

/** A ZATCA reason code (VATEX-SA-…) and its text, Arabic and/or English. */
export interface VatExemption {
  code: string;
  text: string;
}

export interface EInvoiceDocument {
  type: DocumentType;
  /** cbc:ID: the receipt number. */
  number: string;
  uuid: string;
  /** Local shop time: the QR's tag 3 is issueDate 'T' issueTime. */
  issueDate: string;
  issueTime: string;
  icv: number;
  pih: string;
  seller: EInvoiceSeller;
  lines: EInvoiceLine[];
  /** The sale's discount per VAT category (none: absent or empty). */
  allowances?: readonly DocumentAllowance[];
  pricesIncludeVat: boolean;
  totals: DocumentTotals;
  /** UNTDID 4461 codes, one per way the customer paid (10 cash, 48 bank card, 68 online payment service). */
  paymentMeans: string[];
  /** Credit and debit notes: the invoice they correct and why (BR-KSA-56, BR-KSA-17). */
  note: { originalNumber: string; reason: string } | null;
  /**
   * Why the zero-rated and the exempt lines carry no VAT (BR-KSA-69/23/83). One reason per category, not per
   * line: a document has one VAT breakdown per category, and ZATCA checks each breakdown against ALL the
   * category's lines (BR-Z-08, BR-E-08), so two zero-rating reasons cannot share a document.
   */
  exemptions: { Z: VatExemption; E: VatExemption };
  /**
   * The business buyer of a standard (B2B) document; absent or null for a simplified one. The supply date
   * (KSA-5, BR-KSA-15) of a till's standard document is its issue date: the goods leave with the buyer.
   */
  buyer?: Buyer | null;
}
