// What each role may do on its own, before an approver's PIN is needed (issue 14, docs/people.md). Only the
// structure and its defaults live here: the discounts, price overrides and refunds that read them are wired in by
// their own work. Integers only: percentages in basis points (100 = 1 %), amounts in halalas.
import type { UserRole } from '../../preload/contract';

export interface RoleLimits {
  /** The largest discount on one line without approval, in basis points of the line's price (0: none). */
  lineDiscountBp: number;
  /** The largest discount on the whole sale without approval, in basis points of its total (0: none). */
  saleDiscountBp: number;
  /** Whether a line's price may be changed without approval. */
  priceOverride: boolean;
  /** The largest refund, in halalas, issued without an approver's PIN (0: every refund needs one). */
  refundWithoutApprovalHalalas: number;
  /** Whether the drawer may be opened without a sale without an approver's PIN. */
  drawerWithoutSale: boolean;
}

export const FULL_DISCOUNT_BP = 10_000;

/**
 * The defaults. Every role may do at least what the role below it may (the order of ROLES, pinned by
 * test/people/limits.test.ts), so an approval by a higher role never refuses what the asker could do alone.
 * A trainee rings up only; a cashier gives small line discounts; the rest needs a supervisor or above.
 */
export const DEFAULT_ROLE_LIMITS: { readonly [R in UserRole]: Readonly<RoleLimits> } = {
  trainee: { lineDiscountBp: 0, saleDiscountBp: 0, priceOverride: false, refundWithoutApprovalHalalas: 0, drawerWithoutSale: false },
  cashier: { lineDiscountBp: 500, saleDiscountBp: 0, priceOverride: false, refundWithoutApprovalHalalas: 0, drawerWithoutSale: false },
  supervisor: { lineDiscountBp: 2_000, saleDiscountBp: 1_000, priceOverride: true, refundWithoutApprovalHalalas: 20_000, drawerWithoutSale: true },
  manager: { lineDiscountBp: FULL_DISCOUNT_BP, saleDiscountBp: 5_000, priceOverride: true, refundWithoutApprovalHalalas: 200_000, drawerWithoutSale: true },
  admin: { lineDiscountBp: FULL_DISCOUNT_BP, saleDiscountBp: 5_000, priceOverride: true, refundWithoutApprovalHalalas: 200_000, drawerWithoutSale: true },
};

/** A role's limits (the defaults until the settings carry a shop's own). */
export const limitsFor = (role: UserRole, table: { readonly [R in UserRole]: Readonly<RoleLimits> } = DEFAULT_ROLE_LIMITS): Readonly<RoleLimits> => table[role];

/** Whether `role` may give this discount on a line without approval. */
export const mayDiscountLine = (role: UserRole, discountBp: number): boolean => discountBp <= limitsFor(role).lineDiscountBp;

/** Whether `role` may give this discount on the whole sale without approval. */
export const mayDiscountSale = (role: UserRole, discountBp: number): boolean => discountBp <= limitsFor(role).saleDiscountBp;

/** Whether `role` may refund this much without an approver's PIN. */
export const mayRefundAlone = (role: UserRole, halalas: number): boolean => halalas <= limitsFor(role).refundWithoutApprovalHalalas;
