// What each role may do on its own, before an approver's PIN is needed (issue 14, docs/people.md). The shop sets
// the cashier's, supervisor's and manager's in its settings (`roleLimits`, main/settings/roles.ts); main reads
// them through limitsFrom on every check. Integers only: percentages in basis points (100 = 1 %), amounts in halalas.
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

/** One role's limits as the settings hold them (whole percentages): main/settings' RoleLimit, by shape. */
export interface ShopRoleLimit {
  lineDiscountPercent: number;
  saleDiscountPercent: number;
  priceOverride: boolean;
  refundWithoutApprovalHalalas: number;
  drawerWithoutSale: boolean;
}

export type ShopRoleLimits = { readonly [R in 'cashier' | 'supervisor' | 'manager']: Readonly<ShopRoleLimit> };

const fromShop = (l: Readonly<ShopRoleLimit>): RoleLimits => ({
  lineDiscountBp: l.lineDiscountPercent * 100,
  saleDiscountBp: l.saleDiscountPercent * 100,
  priceOverride: l.priceOverride,
  refundWithoutApprovalHalalas: l.refundWithoutApprovalHalalas,
  drawerWithoutSale: l.drawerWithoutSale,
});

/**
 * The table of every role from the shop's settings: a trainee rings up only whatever the shop sets, and the
 * admin may do what the manager may (the settings keep each role at least the one below it).
 */
export function roleLimitTable(shop: ShopRoleLimits): { readonly [R in UserRole]: Readonly<RoleLimits> } {
  const manager = fromShop(shop.manager);
  return { trainee: DEFAULT_ROLE_LIMITS.trainee, cashier: fromShop(shop.cashier), supervisor: fromShop(shop.supervisor), manager, admin: manager };
}

/** A role's limits under the shop's settings. */
export const limitsFrom = (shop: ShopRoleLimits, role: UserRole): Readonly<RoleLimits> => roleLimitTable(shop)[role];

/** A role's limits (the defaults; main reads the shop's through limitsFrom). */
export const limitsFor = (role: UserRole, table: { readonly [R in UserRole]: Readonly<RoleLimits> } = DEFAULT_ROLE_LIMITS): Readonly<RoleLimits> => table[role];

/** Whether `role` may give this discount on a line without approval. */
export const mayDiscountLine = (role: UserRole, discountBp: number): boolean => discountBp <= limitsFor(role).lineDiscountBp;

/** Whether `role` may give this discount on the whole sale without approval. */
export const mayDiscountSale = (role: UserRole, discountBp: number): boolean => discountBp <= limitsFor(role).saleDiscountBp;

/** Whether `role` may refund this much without an approver's PIN. */
export const mayRefundAlone = (role: UserRole, halalas: number): boolean => halalas <= limitsFor(role).refundWithoutApprovalHalalas;
