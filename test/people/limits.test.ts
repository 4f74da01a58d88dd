// The per-role limits' defaults (main/people/limits.ts): integers within their bounds, and never less for a
// higher role, so an approver can always do what the one asking could do alone.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../preload/contract';
import { DEFAULT_ROLE_LIMIT_SETTINGS, RoleLimitsSettings } from '../../main/settings';
import { DEFAULT_ROLE_LIMITS, FULL_DISCOUNT_BP, limitsFor, limitsFrom, roleLimitTable, mayDiscountLine, mayDiscountSale, mayRefundAlone, type RoleLimits } from '../../main/people';

const NUMBERS = ['lineDiscountBp', 'saleDiscountBp', 'refundWithoutApprovalHalalas'] as const satisfies readonly (keyof RoleLimits)[];
const FLAGS = ['priceOverride', 'drawerWithoutSale'] as const satisfies readonly (keyof RoleLimits)[];

describe('the per-role limits', () => {
  it('are whole numbers within their bounds (basis points up to 100 %, halalas)', () => {
    for (const role of ROLES) {
      const limits = limitsFor(role);
      for (const key of NUMBERS) {
        expect(Number.isInteger(limits[key]), `${role} ${key}`).toBe(true);
        expect(limits[key], `${role} ${key}`).toBeGreaterThanOrEqual(0);
      }
      expect(limits.lineDiscountBp).toBeLessThanOrEqual(FULL_DISCOUNT_BP);
      expect(limits.saleDiscountBp).toBeLessThanOrEqual(FULL_DISCOUNT_BP);
    }
  });

  it('never give a role less than the role below it', () => {
    for (let i = 1; i < ROLES.length; i += 1) {
      const below = DEFAULT_ROLE_LIMITS[ROLES[i - 1]!];
      const above = DEFAULT_ROLE_LIMITS[ROLES[i]!];
      for (const key of NUMBERS) expect(above[key], `${ROLES[i]} ${key}`).toBeGreaterThanOrEqual(below[key]);
      for (const key of FLAGS) if (below[key]) expect(above[key], `${ROLES[i]} ${key}`).toBe(true);
    }
  });

  it('let a trainee do nothing alone, and a cashier only a small line discount', () => {
    expect(mayDiscountLine('trainee', 1)).toBe(false);
    expect(mayRefundAlone('trainee', 1)).toBe(false);
    expect(limitsFor('trainee').drawerWithoutSale).toBe(false);
    expect(mayDiscountLine('cashier', 500)).toBe(true);
    expect(mayDiscountLine('cashier', 501)).toBe(false);
    expect(mayDiscountSale('cashier', 1)).toBe(false);
    expect(mayRefundAlone('cashier', 1)).toBe(false);
    expect(mayRefundAlone('supervisor', 20_000)).toBe(true);
    expect(mayRefundAlone('supervisor', 20_001)).toBe(false);
  });

  it("are, from the settings' defaults, exactly the table they were as constants (the admin has the manager's)", () => {
    expect(roleLimitTable(DEFAULT_ROLE_LIMIT_SETTINGS)).toEqual(DEFAULT_ROLE_LIMITS);
    expect(RoleLimitsSettings.safeParse(DEFAULT_ROLE_LIMIT_SETTINGS).success).toBe(true);
  });

  it("follow a shop's own settings, trainee still at none", () => {
    const shop = { ...DEFAULT_ROLE_LIMIT_SETTINGS, cashier: { ...DEFAULT_ROLE_LIMIT_SETTINGS.cashier, lineDiscountPercent: 15, drawerWithoutSale: true } };
    expect(limitsFrom(shop, 'cashier')).toMatchObject({ lineDiscountBp: 1_500, drawerWithoutSale: true });
    expect(limitsFrom(shop, 'trainee')).toEqual(DEFAULT_ROLE_LIMITS.trainee);
    expect(RoleLimitsSettings.safeParse({ ...shop, supervisor: { ...shop.supervisor, lineDiscountPercent: 10 } }).success).toBe(false);
  });
});
