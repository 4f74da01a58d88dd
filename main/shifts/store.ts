// The shift tables (migration 0120). Only the shifts domain writes them, each change inside the transaction that
// appends its journal entry. Rows are read back through their declared shape: a value edited by hand is
// LEDGER_DAMAGED where it is read, not a half-valid shift on the screen.
import { z } from 'zod';
import { CashCount, CashMovementKind } from '../../preload/contract';
import { parseJsonColumn, tableRow, type Db, type RowOf } from '../db';

export const ShiftRow = tableRow(
  'shifts',
  z.object({
    id: z.string(),
    till_id: z.string(),
    number: z.number().int().positive(),
    demo: z.union([z.literal(0), z.literal(1)]),
    opened_at: z.string(),
    opened_seq: z.number().int().positive(),
    float_halalas: z.number().int().nonnegative(),
    closed_at: z.string().nullable(),
    closed_seq: z.number().int().nullable(),
    expected_halalas: z.number().int().nullable(),
    counted_halalas: z.number().int().nullable(),
    difference_halalas: z.number().int().nullable(),
    manager_reason: z.string().nullable(),
  }),
);
export type ShiftRow = RowOf<typeof ShiftRow>;

export const MovementRow = tableRow(
  'shift_cash_movements',
  z.object({
    id: z.string(),
    shift_id: z.string(),
    kind: z.union([z.literal('float'), z.literal('count'), CashMovementKind]),
    amount_halalas: z.number().int().nonnegative(),
    reason: z.string().nullable(),
    denominations: z.string().nullable(),
    at: z.string(),
    seq: z.number().int().positive(),
  }),
);
export type MovementRow = RowOf<typeof MovementRow>;

export interface NewShift {
  id: string;
  tillId: string;
  number: number;
  demo: boolean;
  openedAt: string;
  seq: number;
  floatHalalas: number;
}

export interface NewMovement {
  id: string;
  shiftId: string;
  kind: MovementRow['kind'];
  amountHalalas: number;
  reason: string | null;
  /** Canonical JSON of the float's or the count's pieces; null for the others. */
  denominations: string | null;
  at: string;
  seq: number;
}

export interface Closing {
  closedAt: string;
  seq: number;
  expectedHalalas: number;
  countedHalalas: number;
  differenceHalalas: number;
  managerReason: string | null;
}

export function createShiftStore(db: Db) {
  const q = {
    open: ShiftRow.select<[string]>(db, 'WHERE till_id = ? AND closed_seq IS NULL'),
    byId: ShiftRow.select<[string]>(db, 'WHERE id = ?'),
    movements: MovementRow.select<[string]>(db, 'WHERE shift_id = ? ORDER BY seq'),
    nextNumber: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM shifts WHERE till_id = ?'),
    insert: db.prepare(
      `INSERT INTO shifts (id, till_id, number, demo, opened_at, opened_seq, float_halalas)
       VALUES (@id, @tillId, @number, @demo, @openedAt, @seq, @floatHalalas)`,
    ),
    insertMovement: db.prepare(
      `INSERT INTO shift_cash_movements (id, shift_id, kind, amount_halalas, reason, denominations, at, seq)
       VALUES (@id, @shiftId, @kind, @amountHalalas, @reason, @denominations, @at, @seq)`,
    ),
    close: db.prepare(
      `UPDATE shifts SET closed_at = @closedAt, closed_seq = @seq, expected_halalas = @expectedHalalas,
         counted_halalas = @countedHalalas, difference_halalas = @differenceHalalas, manager_reason = @managerReason
       WHERE id = @id AND closed_seq IS NULL`,
    ),
  };
  return {
    /** The till's shift that is not closed yet (open or counted), if any. */
    openOf: (tillId: string): ShiftRow | undefined => q.open.get(tillId),
    byId: (id: string): ShiftRow | undefined => q.byId.get(id),
    movements: (shiftId: string): MovementRow[] => q.movements.all(shiftId),
    nextNumber: (tillId: string): number => q.nextNumber.get(tillId)!.next,
    insert(shift: NewShift): void {
      q.insert.run({ ...shift, demo: shift.demo ? 1 : 0 });
    },
    insertMovement(movement: NewMovement): void {
      q.insertMovement.run(movement);
    },
    close(id: string, closing: Closing): void {
      // Exactly one row moves from not closed to closed; anything else is a bug that must fail the transaction.
      if (q.close.run({ id, ...closing }).changes !== 1) throw new Error(`shift ${id} was not open`);
    },
  };
}

export type ShiftStore = ReturnType<typeof createShiftStore>;

/** A float's or a count's pieces as stored. */
export const storedCount = (row: MovementRow): CashCount =>
  row.denominations === null ? {} : parseJsonColumn(CashCount, row.denominations, `shift_cash_movements.denominations of ${row.id}`);
