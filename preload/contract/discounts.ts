// Discounts and price overrides (docs/discounts.md): what the cashier asks for, and what a line or the sale
// carries once main accepted it. A rule is a whole percentage or an amount in halalas; its effect in halalas is
// main's to compute (main/money/discount.ts), never the view's.
import { z } from 'zod';

/** Why a price was lowered or changed: the receipt and the audit name it. */
export const DiscountReason = z.enum(['promotion', 'damaged_item', 'price_match', 'loyal_customer', 'staff', 'manager_decision']);
export type DiscountReason = z.infer<typeof DiscountReason>;

/** Each reason in words: printed on the receipt, and the e-invoice's allowance reason (BT-97). */
export const DISCOUNT_REASON_TEXT: Record<DiscountReason, { ar: string; en: string }> = {
  promotion: { ar: 'عرض ترويجي', en: 'Promotion' },
  damaged_item: { ar: 'صنف به عيب', en: 'Damaged item' },
  price_match: { ar: 'مطابقة سعر', en: 'Price match' },
  loyal_customer: { ar: 'عميل دائم', en: 'Loyal customer' },
  staff: { ar: 'خصم موظف', en: 'Staff discount' },
  manager_decision: { ar: 'قرار المدير', en: "Manager's decision" },
};

/** The most a single discount amount may be: the sale cap (1,000,000 SAR). */
export const MAX_DISCOUNT_HALALAS = 100_000_000;

export const DiscountRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(1).max(100) }),
  z.strictObject({ kind: z.literal('amount'), halalas: z.number().int().min(1).max(MAX_DISCOUNT_HALALAS) }),
]);
export type DiscountRule = z.infer<typeof DiscountRule>;

/** A discount as asked for: the rule and its reason. */
export const DiscountRequest = z.strictObject({ rule: DiscountRule, reason: DiscountReason });
export type DiscountRequest = z.infer<typeof DiscountRequest>;

/** Who let a discount or a price past the till's limit (docs/discounts.md); absent: within the limit. */
export const DiscountApproval = z.object({
  /** The approver's name (English, else Arabic), or `manager` for the shared manager PIN of a till without users. */
  by: z.string(),
  userId: z.string().optional(),
});
export type DiscountApproval = z.infer<typeof DiscountApproval>;

/** A discount on a line or on the sale, with what it takes off in halalas as main computed it. */
export const AppliedDiscount = z.object({
  rule: DiscountRule,
  reason: DiscountReason,
  /** Taken off, in the till's prices (VAT-inclusive when they are). */
  halalas: z.number().int().nonnegative(),
  approval: DiscountApproval.optional(),
});
export type AppliedDiscount = z.infer<typeof AppliedDiscount>;

/** A line's price changed by hand: the catalog's price it replaced and why. */
export const PriceOverride = z.object({
  listPriceHalalas: z.number().int().nonnegative(),
  reason: DiscountReason,
  approval: DiscountApproval.optional(),
});
export type PriceOverride = z.infer<typeof PriceOverride>;
