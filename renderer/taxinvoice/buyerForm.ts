// The buyer form of a standard (B2B) tax invoice as plain data: what the cashier typed, the SaleBuyer it becomes
// (digits typed on the Arabic layout made Latin, as ZATCA's rules read them), and main's problems by field in the
// form's order, so the first bad field gets the keyboard. Main checks every value; nothing is refused here. Pure.
import { BUYER_ID_SCHEMES, type BuyerProblem, type SaleBuyer } from '../../preload/contract/buyer';
import { toLatinDigits } from '../format/digits';

export type BuyerIdScheme = (typeof BUYER_ID_SCHEMES)[number];

/** The schemes as offered: the ones a Saudi counter sees most first (CR, national ID, iqama), then the rest. */
export const SCHEME_CHOICES: readonly BuyerIdScheme[] = ['CRN', 'NAT', 'IQA', 'GCC', 'MOM', 'MLS', '700', 'SAG', 'TIN', 'OTH'];

export interface BuyerDraft {
  legalName: string;
  vatNumber: string;
  /** The buyer is not VAT-registered: another ID instead of the VAT number (BR-KSA-14). */
  noVat: boolean;
  scheme: BuyerIdScheme;
  otherId: string;
  buildingNumber: string;
  street: string;
  district: string;
  city: string;
  postalCode: string;
}

export type DraftField = Exclude<keyof BuyerDraft, 'noVat' | 'scheme'>;

/** The text fields in the order they are on screen (the VAT number or the other ID, whichever is shown). */
export function fieldOrder(noVat: boolean): DraftField[] {
  return ['legalName', noVat ? 'otherId' : 'vatNumber', 'buildingNumber', 'street', 'district', 'city', 'postalCode'];
}

export const emptyDraft: BuyerDraft = {
  legalName: '',
  vatNumber: '',
  noVat: false,
  scheme: 'CRN',
  otherId: '',
  buildingNumber: '',
  street: '',
  district: '',
  city: '',
  postalCode: '',
};

/** The form for the buyer already on the sale (to correct it), or empty. */
export function draftOf(buyer: SaleBuyer | null): BuyerDraft {
  if (!buyer) return emptyDraft;
  const a = buyer.address;
  return {
    legalName: buyer.legalName,
    vatNumber: buyer.vatNumber ?? '',
    noVat: !buyer.vatNumber && buyer.otherId !== undefined,
    scheme: buyer.otherId?.scheme ?? 'CRN',
    otherId: buyer.otherId?.value ?? '',
    buildingNumber: a.buildingNumber,
    street: a.street,
    district: a.district,
    city: a.city,
    postalCode: a.postalCode,
  };
}

const digits = (text: string): string => toLatinDigits(text).trim();

/** What goes to main: the VAT number or the other ID, never both; identifiers and numbers in Latin digits. */
export function buyerOf(d: BuyerDraft): SaleBuyer {
  return {
    legalName: d.legalName,
    ...(d.noVat ? { otherId: { scheme: d.scheme, value: digits(d.otherId) } } : { vatNumber: digits(d.vatNumber) }),
    address: {
      street: d.street,
      buildingNumber: digits(d.buildingNumber),
      district: d.district,
      city: d.city,
      postalCode: digits(d.postalCode),
      country: 'SA',
    },
  };
}

/** Main's problems grouped by the field they go next to (every BuyerField is a field of the form). */
export function problemsByField(problems: readonly BuyerProblem[]): Partial<Record<DraftField, BuyerProblem[]>> {
  const out: Partial<Record<DraftField, BuyerProblem[]>> = {};
  for (const p of problems) (out[p.field] ??= []).push(p);
  return out;
}

/** The first field on screen with a problem: it gets the keyboard. */
export function firstBadField(problems: readonly BuyerProblem[], noVat: boolean): DraftField | null {
  const bad = new Set(problems.map((p): DraftField => p.field));
  return fieldOrder(noVat).find((f) => bad.has(f)) ?? problems[0]?.field ?? null;
}

/** The field after `field` on screen (Enter moves on; it never saves), or null after the last. */
export function nextField(field: DraftField, noVat: boolean): DraftField | null {
  const order = fieldOrder(noVat);
  const i = order.indexOf(field);
  return i >= 0 && i + 1 < order.length ? order[i + 1]! : null;
}
