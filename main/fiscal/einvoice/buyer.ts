// The buyer of a standard (B2B) tax invoice, 0100000, and the rules ZATCA's Schematron checks on it that the till
// can check before signing (20210819_ZATCA_E-invoice_Validation_Rules.xsl): BR-KSA-42 a name, BR-KSA-44 a VAT
// number of 15 digits starting and ending with 3, or (BR-KSA-81/14) another ID with one of ZATCA's schemes, and
// the Saudi national address in full (BR-KSA-10/63, BR-KSA-67 postal code of 5 digits). The building number of 4
// digits is the national address's own form (SPL), the same check the till makes on the seller's (BR-KSA-37).
// Field errors name the field so the form can put the message next to it.
import type { RuleViolation } from './violation';

/** BR-KSA-14's schemes for a buyer without a VAT number. */
export const BUYER_ID_SCHEMES = ['TIN', 'CRN', 'MOM', 'MLS', '700', 'SAG', 'NAT', 'GCC', 'IQA', 'OTH'] as const;
export type BuyerIdScheme = (typeof BUYER_ID_SCHEMES)[number];

export interface BuyerAddress {
  street: string;
  buildingNumber: string;
  district: string;
  city: string;
  postalCode: string;
  /** Only SA for now: the till sells in the Kingdom, export invoices (KSA-2 position 5) are out of scope. */
  country: 'SA';
}

export interface Buyer {
  legalName: string;
  /** BT-48; when absent, otherId is required (BR-KSA-81). */
  vatNumber?: string;
  otherId?: { scheme: BuyerIdScheme; value: string };
  address: BuyerAddress;
}

export type BuyerField = 'legalName' | 'vatNumber' | 'otherId' | 'street' | 'buildingNumber' | 'district' | 'city' | 'postalCode';

export interface BuyerViolation extends RuleViolation {
  field: BuyerField;
}

const VAT = /^3\d{13}3$/;
const ALNUM = /^[A-Za-z0-9]+$/;

function v(field: BuyerField, rule: string, en: string, ar: string): BuyerViolation {
  return { field, rule, message: { en, ar } };
}

/** Every reason the buyer block would be refused, empty when it would pass. Input is trimmed by the caller. */
export function checkBuyer(b: Buyer): BuyerViolation[] {
  const out: BuyerViolation[] = [];
  if (b.legalName.trim() === '') out.push(v('legalName', 'BR-KSA-42', 'The buyer\'s name is required.', 'اسم المشتري مطلوب.'));
  if (b.vatNumber !== undefined && b.vatNumber !== '') {
    if (!VAT.test(b.vatNumber)) {
      out.push(v('vatNumber', 'BR-KSA-44', 'The VAT number must be 15 digits starting and ending with 3.', 'الرقم الضريبي يجب أن يكون 15 رقمًا يبدأ وينتهي بالرقم 3.'));
    }
  } else if (!b.otherId || b.otherId.value === '') {
    out.push(v('vatNumber', 'BR-KSA-81', 'Enter the buyer\'s VAT number or another ID (commercial registration, national ID…).', 'أدخل الرقم الضريبي للمشتري أو رقم تعريف آخر (السجل التجاري، الهوية الوطنية…).'));
  } else if (!(BUYER_ID_SCHEMES as readonly string[]).includes(b.otherId.scheme) || !ALNUM.test(b.otherId.value)) {
    out.push(v('otherId', 'BR-KSA-14', 'The other ID must use one of ZATCA\'s schemes and contain only letters and digits.', 'رقم التعريف الآخر يجب أن يكون من الأنواع المعتمدة وأن يحتوي على حروف وأرقام فقط.'));
  }
  const a = b.address;
  const need: [BuyerField, string, string, string][] = [
    ['street', a.street, 'The street is required.', 'اسم الشارع مطلوب.'],
    ['district', a.district, 'The district is required.', 'اسم الحي مطلوب.'],
    ['city', a.city, 'The city is required.', 'اسم المدينة مطلوب.'],
  ];
  for (const [field, value, en, ar] of need) if (value.trim() === '') out.push(v(field, 'BR-KSA-63', en, ar));
  if (!/^\d{4}$/.test(a.buildingNumber)) out.push(v('buildingNumber', 'BR-KSA-63', 'The building number must be 4 digits.', 'رقم المبنى يجب أن يكون 4 أرقام.'));
  if (!/^\d{5}$/.test(a.postalCode)) out.push(v('postalCode', 'BR-KSA-67', 'The postal code must be 5 digits.', 'الرمز البريدي يجب أن يكون 5 أرقام.'));
  return out;
}
