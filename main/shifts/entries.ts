// The journal entries of a shift and the one sum both the till and `ledger verify` make of its cash.
import type { CashCount, ShiftCash } from '../../preload/contract';

export const SHIFT_ENTRY = {
  /** { shiftId, movementId, tillId, number, demo, float, floatHalalas } — the shift row and its float. */
  opened: 'shift.opened',
  /** { shiftId, movementId, kind, amountHalalas, reason } — a paid-in, paid-out or safe drop. */
  moved: 'shift.cash_moved',
  /** ShiftCountEntry — the blind count, with what the till expected then. */
  counted: 'shift.counted',
  /** { shiftId, expectedHalalas, countedHalalas, differenceHalalas, managerReason } — the shift row's closing. */
  closed: 'shift.closed',
} as const;

export interface ShiftCountEntry {
  shiftId: string;
  movementId: string;
  count: CashCount;
  countedHalalas: number;
  expectedHalalas: number;
  differenceHalalas: number;
  cash: ShiftCash;
  needsManager: boolean;
}

/** What the drawer should hold. */
export const expectedOf = (cash: ShiftCash): number =>
  cash.floatHalalas + cash.salesHalalas - cash.refundsHalalas + cash.paidInHalalas - cash.paidOutHalalas - cash.safeDropsHalalas;

/** A shift as people name it: the till and its number (T01-S000001). */
export const shiftNumberText = (tillId: string, number: number): string => `${tillId}-S${String(number).padStart(6, '0')}`;
