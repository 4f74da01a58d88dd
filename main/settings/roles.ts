// The shop's own role limits (issue 14, docs/people.md): what a cashier, a supervisor and a manager may do alone
// before an approver's PIN is needed. main/people reads them on every check, so a saved change holds at once.
// The trainee's limits are not a setting (a trainee rings up only), and the admin has the manager's.
// Percentages are whole (as `discounts.limitPercent`); main/people turns them into basis points.
import { z } from 'zod';
import { bilingual } from './messages';
import { halalasUpTo } from './shop';

const percent = () => {
  const whole = bilingual('a whole percentage', 'نسبة مئوية، رقم صحيح');
  const range = bilingual('0 to 100 %', 'من 0 إلى 100 ٪');
  return z.number(whole).int(whole).min(0, range).max(100, range);
};

export const RoleLimit = z.object({
  lineDiscountPercent: percent(),
  saleDiscountPercent: percent(),
  priceOverride: z.boolean(),
  refundWithoutApprovalHalalas: halalasUpTo(100_000_000, 'SAR 0 to 1,000,000', 'من 0 إلى 1,000,000 ريال'),
  drawerWithoutSale: z.boolean(),
});
export type RoleLimit = z.infer<typeof RoleLimit>;

const ORDER = ['cashier', 'supervisor', 'manager'] as const;
const ROLE_AR = { cashier: 'الكاشير', supervisor: 'المشرف', manager: 'المدير' } as const;
const LIMIT_KEYS = Object.keys(RoleLimit.shape) as Array<keyof RoleLimit>;

/**
 * Each role may do at least what the role below it may, so an approval by a higher role never refuses what the
 * asker could do alone (the same rule test/people/limits.test.ts pins for the defaults).
 */
export const RoleLimitsSettings = z
  .object({ cashier: RoleLimit, supervisor: RoleLimit, manager: RoleLimit })
  .superRefine((limits, ctx) => {
    for (let i = 1; i < ORDER.length; i++) {
      const below = ORDER[i - 1]!;
      const role = ORDER[i]!;
      for (const key of LIMIT_KEYS) {
        if (Number(limits[role][key]) < Number(limits[below][key])) {
          ctx.addIssue({
            code: 'custom',
            path: [role, key],
            message: bilingual(`at least the ${below}'s (a higher role may do what a lower one may)`, `لا يقل عمّا لـ${ROLE_AR[below]} (الدور الأعلى يفعل ما يفعله الأدنى)`),
          });
        }
      }
    }
  });
export type RoleLimitsSettings = z.infer<typeof RoleLimitsSettings>;

/** Today's limits (what main/people/limits.ts had as constants before they were settings). */
export const DEFAULT_ROLE_LIMIT_SETTINGS: RoleLimitsSettings = {
  cashier: { lineDiscountPercent: 5, saleDiscountPercent: 0, priceOverride: false, refundWithoutApprovalHalalas: 0, drawerWithoutSale: false },
  supervisor: { lineDiscountPercent: 20, saleDiscountPercent: 10, priceOverride: true, refundWithoutApprovalHalalas: 20_000, drawerWithoutSale: true },
  manager: { lineDiscountPercent: 100, saleDiscountPercent: 50, priceOverride: true, refundWithoutApprovalHalalas: 200_000, drawerWithoutSale: true },
};

/** The part of TillSettings this file adds, with the default a ledger from before it gets. */
export const RoleSettingsShape = {
  roleLimits: RoleLimitsSettings.default(DEFAULT_ROLE_LIMIT_SETTINGS),
};
