// The business buyer a standard (B2B) tax invoice names (ZATCA 0100000): set on the open sale before it is paid.
// The contract only bounds the sizes; main checks the values with ZATCA's rules (BR-KSA-42/44/81/14/63/67) and
// answers with a bilingual problem per field, so the form can put each message next to its field.
import { z } from 'zod';

/** BR-KSA-14: the schemes of a buyer's other ID, when there is no VAT number. */
export const BUYER_ID_SCHEMES = ['CRN', 'MOM', 'MLS', '700', 'SAG', 'NAT', 'GCC', 'IQA', 'TIN', 'OTH'] as const;

/** Printable text only: a control character (a scanner's GS, a pasted tab) has no place in a name or an address. */
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001F\u007F]*$/);

/** Sizes as a form needs them: a company's registered name, the national address's own fields. */
export const SaleBuyer = z.strictObject({
  legalName: text(160),
  /** 15 digits, starting and ending with 3; empty when the buyer is not VAT-registered (then otherId). */
  vatNumber: text(20).optional(),
  otherId: z.strictObject({ scheme: z.enum(BUYER_ID_SCHEMES), value: text(30) }).optional(),
  address: z.strictObject({
    street: text(80),
    buildingNumber: text(10),
    district: text(50),
    city: text(50),
    postalCode: text(10),
    country: z.literal('SA'),
  }),
});
export type SaleBuyer = z.infer<typeof SaleBuyer>;

export const BuyerField = z.enum(['legalName', 'vatNumber', 'otherId', 'street', 'buildingNumber', 'district', 'city', 'postalCode']);
export type BuyerField = z.infer<typeof BuyerField>;

/** One field ZATCA would refuse, with its rule and a message in both languages. */
export const BuyerProblem = z.object({
  field: BuyerField,
  rule: z.string(),
  message: z.object({ en: z.string(), ar: z.string() }),
});
export type BuyerProblem = z.infer<typeof BuyerProblem>;

/**
 * Where a standard invoice stands with ZATCA's clearance: `waiting` (not sent yet, or no answer: the platform
 * could not be reached), `cleared` (hand it over), `rejected` (ZATCA refused it: never handed over), `replaced`
 * (the cashier issued a simplified invoice for the sale instead), `reported` (clearance was switched off at the
 * platform: the document is reported instead, as ZATCA's 303 answer asks).
 */
export const Clearance = z.enum(['waiting', 'cleared', 'rejected', 'replaced', 'reported']);
export type Clearance = z.infer<typeof Clearance>;
