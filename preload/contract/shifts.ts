// Shifts and the cash drawer: a shift opens with a float counted note by note, takes paid-ins, paid-outs and
// safe drops with a reason, and closes with a blind count — the cashier counts the drawer before the till says
// what it expected. A difference above the till's threshold needs a manager's PIN and a reason.
import { z } from 'zod';
import { SecondFactorCode } from './people';
import { Halalas } from './schemas';

/**
 * What a drawer holds, largest first: the Saudi notes (500 down to 1 riyal) and the coins (2 and 1 riyal, 50, 25,
 * 10 and 5 halalas). A 1-riyal note and a 1-riyal coin are counted apart, as they sit in different slots.
 */
export const DENOMINATIONS = [
  { key: 'n500', kind: 'note', valueHalalas: 50_000 },
  { key: 'n200', kind: 'note', valueHalalas: 20_000 },
  { key: 'n100', kind: 'note', valueHalalas: 10_000 },
  { key: 'n50', kind: 'note', valueHalalas: 5_000 },
  { key: 'n20', kind: 'note', valueHalalas: 2_000 },
  { key: 'n10', kind: 'note', valueHalalas: 1_000 },
  { key: 'n5', kind: 'note', valueHalalas: 500 },
  { key: 'n1', kind: 'note', valueHalalas: 100 },
  { key: 'c200', kind: 'coin', valueHalalas: 200 },
  { key: 'c100', kind: 'coin', valueHalalas: 100 },
  { key: 'c50', kind: 'coin', valueHalalas: 50 },
  { key: 'c25', kind: 'coin', valueHalalas: 25 },
  { key: 'c10', kind: 'coin', valueHalalas: 10 },
  { key: 'c5', kind: 'coin', valueHalalas: 5 },
] as const;

export type Denomination = (typeof DENOMINATIONS)[number];
export const DenominationKey = z.enum(DENOMINATIONS.map((d) => d.key) as [Denomination['key'], ...Array<Denomination['key']>]);
export type DenominationKey = z.infer<typeof DenominationKey>;

/** The most pieces of one denomination a count takes: a full drawer holds far fewer; more is a slip of the keys. */
export const MAX_PIECES = 9999;

/** A count of the drawer: pieces per denomination; a denomination left out is none. Unknown keys are refused. */
export const CashCount = z.partialRecord(DenominationKey, z.number().int().min(0).max(MAX_PIECES));
export type CashCount = z.infer<typeof CashCount>;

/** What a count is worth: pieces × value, in halalas. */
export function cashCountTotal(count: CashCount): number {
  return DENOMINATIONS.reduce((sum, d) => sum + (count[d.key] ?? 0) * d.valueHalalas, 0);
}

/** The count with its empty denominations left out, keys in the drawer's order: how it is journaled and stored. */
export function normalCashCount(count: CashCount): CashCount {
  const out: CashCount = {};
  for (const d of DENOMINATIONS) {
    const pieces = count[d.key] ?? 0;
    if (pieces > 0) out[d.key] = pieces;
  }
  return out;
}

/** Cash that moves in or out of the drawer during a shift, besides sales and refunds. */
export const CashMovementKind = z.enum(['paid_in', 'paid_out', 'safe_drop']);
export type CashMovementKind = z.infer<typeof CashMovementKind>;

/** A reason a person types (who was paid, what for): one short line. */
export const MovementReason = z.string().trim().min(1).max(120);

/** The most one paid-in, paid-out or safe drop may move: 100,000 riyals (larger sums do not pass through a till). */
export const MAX_MOVEMENT_HALALAS = 10_000_000;

export const CashMovementInput = z.strictObject({
  kind: CashMovementKind,
  amountHalalas: z.number().int().min(1).max(MAX_MOVEMENT_HALALAS),
  reason: MovementReason,
});
export type CashMovementInput = z.infer<typeof CashMovementInput>;

export const ShiftMovement = z.object({
  movementId: z.string(),
  kind: CashMovementKind,
  amountHalalas: Halalas,
  reason: z.string(),
  at: z.string(),
});
export type ShiftMovement = z.infer<typeof ShiftMovement>;

/** Where the expected cash comes from: each part as the ledger has it for the shift's period. */
export const ShiftCash = z.object({
  floatHalalas: Halalas,
  /** Cash the sales took: tendered minus change given. */
  salesHalalas: Halalas,
  /** Cash paid back by returns. */
  refundsHalalas: Halalas,
  paidInHalalas: Halalas,
  paidOutHalalas: Halalas,
  safeDropsHalalas: Halalas,
});
export type ShiftCash = z.infer<typeof ShiftCash>;

/** What the count found: only ever answered after the count was entered. Difference = counted − expected (over > 0, short < 0). */
export const ShiftResult = z.object({
  count: CashCount,
  countedHalalas: Halalas,
  expectedHalalas: Halalas,
  differenceHalalas: Halalas,
  cash: ShiftCash,
  /** The difference is above the threshold: the shift closes only with a manager's PIN and reason. */
  needsManager: z.boolean(),
  /** The manager's reason, once approved. */
  managerReason: z.string().nullable(),
  /** Null until the shift is closed. */
  closedAt: z.string().nullable(),
});
export type ShiftResult = z.infer<typeof ShiftResult>;

export const ShiftSummary = z.object({
  shiftId: z.string(),
  /** Gapless per till, from 1. */
  number: z.number().int().positive(),
  /** As printed: the till and the number (T01-S000001). */
  shiftNo: z.string(),
  tillId: z.string(),
  openedAt: z.string(),
  /** Opened by the demo till itself (no float counted). */
  demo: z.boolean(),
  float: CashCount,
  floatHalalas: Halalas,
  /** open: taking sales; counted: the count is in and the difference waits for a manager. */
  state: z.enum(['open', 'counted']),
  movements: z.array(ShiftMovement),
  /** Null while open: the count is blind. */
  result: ShiftResult.nullable(),
});
export type ShiftSummary = z.infer<typeof ShiftSummary>;

export const ShiftStatus = z.object({
  /** live: a sale needs an open shift; demo: the till opens one by itself. */
  mode: z.enum(['live', 'demo']),
  /** A difference (either way) above this needs a manager. */
  thresholdHalalas: Halalas,
  /** The till's shift that is not closed yet, if any. */
  shift: ShiftSummary.nullable(),
});
export type ShiftStatus = z.infer<typeof ShiftStatus>;

export const OpenShiftInput = z.strictObject({ float: CashCount });

export const CloseShiftInput = z.strictObject({ count: CashCount });

export const ApproveShiftCloseInput = z.strictObject({
  managerPin: z.string().regex(/^\d{4,8}$/),
  /** The approver's authenticator code, asked for when the difference is above settings.twoFactor (docs/people.md). */
  secondFactor: SecondFactorCode.optional(),
  reason: MovementReason,
});

/** closed: within the threshold (or approved); needs-manager: counted, waiting for the manager's PIN and reason. */
export const CloseShiftAnswer = z.object({
  outcome: z.enum(['closed', 'needs-manager']),
  shiftNo: z.string(),
  result: ShiftResult,
});
export type CloseShiftAnswer = z.infer<typeof CloseShiftAnswer>;
