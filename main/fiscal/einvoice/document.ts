// What the till knows of a document before it becomes UBL: the sale's own receipt data, its place in the chain
// and the seller as registered. Amounts are integer halalas and quantities integer thousandths (weighed goods
// sell by the gram); they become decimal text only in the XML.

export type DocumentType = 'invoice' | 'credit_note' | 'debit_note';
export type VatCategoryCode = 'S' | 'Z' | 'E';

export const INVOICE_TYPE_CODE: Record<DocumentType, string> = { invoice: '388', credit_note: '381', debit_note: '383' };

export interface SellerAddress {
  street: string;
  /** 4 digits (BR-KSA-37). */
  buildingNumber: string;
  district: string;
  city: string;
  /** 5 digits (BR-KSA-66). */
  postalCode: string;
  /** 4 digits, when the national address has one. */
  additionalNumber: string | null;
}

export interface EInvoiceSeller {
  /** As registered; Arabic is mandatory (ZATCA writes bilingual names "عربي | English"). */
  registrationName: string;
  /** 15 digits, starting and ending with 3 (BR-KSA-40). */
  vatNumber: string;
  /** The seller's other ID (BR-KSA-08): commercial registration when the shop has one. */
  otherId: { scheme: 'CRN' | 'MOM' | 'MLS' | 'SAG' | 'OTH' | '700'; value: string } | null;
  address: SellerAddress;
}

export interface EInvoiceLine {
  /** "عربي | English" or Arabic alone. */
  name: string;
  /** Integer thousandths of the unit (1 item = 1000; 1.250 kg = 1250). */
  quantityMilli: number;
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

/** The sale's document-level totals (main/money's computeTotals): the XML must reproduce them exactly. */
export interface DocumentTotals {
  subtotalHalalas: number;
  vatHalalas: number;
  totalHalalas: number;
  breakdown: VatCategoryTotal[];
}

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
  pricesIncludeVat: boolean;
  totals: DocumentTotals;
  /** UNTDID 4461 codes, one per way the customer paid (10 cash, 48 bank card, 68 online payment service). */
  paymentMeans: string[];
  /** Credit and debit notes: the invoice they correct and why (BR-KSA-56, BR-KSA-17). */
  note: { originalNumber: string; reason: string } | null;
  /** Why a zero-rated or exempt category carries no VAT (BR-KSA-18/83). */
  exemptions: { Z: VatExemption; E: VatExemption };
}
