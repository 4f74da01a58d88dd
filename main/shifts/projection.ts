// The shift tables as the journal makes them (`ledger verify`, main/ledger/replay.ts). `shift.opened` makes a
// shift row and its float, `shift.cash_moved` a movement, `shift.counted` the count, `shift.closed` the row's
// closing columns. Movements are final when written and compared at once; a shift row when it closes (or at
// the end, while still open). Beyond the rows, the replay sums the shift's cash from the journal itself — the
// cash tenders (`tender.accepted`: tendered minus change) and the cash refunds of returns (`return.issued`, less
// what a late return only owed until a manager paid it out: `return.cash_owed` / `return.cash_paid`) made while
// it was open — and checks that the expected cash its count recorded is exactly that.
import { CashCount, cashCountTotal, normalCashCount, type ShiftCash } from '../../preload/contract';
import type { Db } from '../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection, type ReplayEntry } from '../ledger';
import { expectedOf, SHIFT_ENTRY, shiftNumberText } from './entries';

/** The cash entries of the sales and returns domains, as they journal them (their own projections check the rows). */
const CASH_TENDER_ENTRY = 'tender.accepted';
const RETURN_ENTRY = 'return.issued';
/** A late-issued return's cash leaves the drawer when a manager pays it out, not when it is issued (main/returns). */
const RETURN_CASH_OWED = 'return.cash_owed';
const RETURN_CASH_PAID = 'return.cash_paid';

interface Replayed {
  row: Record<string, unknown>;
  key: string;
  /** The cash of the period, while the shift is open and not counted. */
  cash: ShiftCash | null;
  /** What the count found, which the closing must repeat (and a manager's reason when the count needed one). */
  count?: { expected: number; counted: number; difference: number; needsManager: boolean };
}

export function shiftsProjection(db: Db): Projection {
  const q = {
    shift: db.prepare<[string], Record<string, unknown>>('SELECT * FROM shifts WHERE id = ?'),
    movement: db.prepare<[string], Record<string, unknown>>('SELECT * FROM shift_cash_movements WHERE id = ?'),
  };
  const shifts = new Map<string, Replayed>();
  /** Shifts whose count is still to come: each cash entry counts towards all of them (one per till). */
  const counting = new Set<Replayed>();
  const lastNumber = new Map<string, number>();
  let movements = 0;
  let closedShifts = 0;

  const movement = (e: ReplayEntry, shiftId: string, kind: string, amountHalalas: number, reason: string | null, count: unknown): Mismatch | undefined => {
    movements += 1;
    const id = field.str(e.payload, 'movementId');
    const stored = q.movement.get(id);
    const m = compareRow('shift_cash_movements', id, { id, shift_id: shiftId, kind, amount_halalas: amountHalalas, reason, at: e.at, seq: e.seq }, stored, e.seq);
    if (m) return m;
    const expected = count === null ? null : canonicalCount(count);
    const found = stored!.denominations == null ? null : canonicalStored(String(stored!.denominations));
    if (found !== expected) return { table: 'shift_cash_movements', key: id, what: `denominations are ${String(stored!.denominations)}, the journal says ${expected ?? 'none'}`, seq: e.seq };
    return undefined;
  };

  const addCash = (part: keyof ShiftCash, halalas: number): void => {
    for (const shift of counting) shift.cash![part] += halalas;
  };

  const apply = (e: ReplayEntry): Mismatch | undefined => {
    const p = e.payload;
    switch (e.type) {
      case CASH_TENDER_ENTRY:
        if (p.kind === 'cash') addCash('salesHalalas', field.num(p, 'tenderedHalalas') - field.num(p, 'changeHalalas'));
        return undefined;
      case RETURN_ENTRY: {
        const refunds = Array.isArray(p.refunds) ? (p.refunds as Array<Record<string, unknown>>) : [];
        for (const refund of refunds) if (refund.kind === 'cash') addCash('refundsHalalas', field.num(refund, 'amountHalalas'));
        return undefined;
      }
      case RETURN_CASH_OWED:
        addCash('refundsHalalas', -field.num(p, 'amountHalalas'));
        return undefined;
      case RETURN_CASH_PAID:
        addCash('refundsHalalas', field.num(p, 'amountHalalas'));
        return undefined;
      case SHIFT_ENTRY.opened: {
        const id = field.str(p, 'shiftId');
        const tillId = field.str(p, 'tillId');
        const number = field.num(p, 'number');
        const key = shiftNumberText(tillId, number);
        const last = lastNumber.get(tillId) ?? 0;
        if (number !== last + 1) return { table: 'shifts', key, what: `shift number ${number} does not follow ${last}`, seq: e.seq };
        lastNumber.set(tillId, number);
        const floatHalalas = field.num(p, 'floatHalalas');
        if (floatHalalas !== countTotal(p.float)) return { table: 'shifts', key, what: `the float's pieces are not worth ${floatHalalas}`, seq: e.seq };
        const shift: Replayed = {
          key,
          row: {
            id,
            till_id: tillId,
            number,
            demo: p.demo === true ? 1 : 0,
            opened_at: e.at,
            opened_seq: e.seq,
            float_halalas: floatHalalas,
            closed_at: null,
            closed_seq: null,
            expected_halalas: null,
            counted_halalas: null,
            difference_halalas: null,
            manager_reason: null,
          },
          cash: { floatHalalas, salesHalalas: 0, refundsHalalas: 0, paidInHalalas: 0, paidOutHalalas: 0, safeDropsHalalas: 0 },
        };
        shifts.set(id, shift);
        counting.add(shift);
        return movement(e, id, 'float', floatHalalas, null, p.float);
      }
      case SHIFT_ENTRY.moved: {
        const shift = shifts.get(field.str(p, 'shiftId'));
        if (!shift || !counting.has(shift)) return { table: 'shift_cash_movements', key: field.str(p, 'movementId'), what: 'a cash movement of a shift that is not open', seq: e.seq };
        const kind = field.str(p, 'kind');
        const amount = field.num(p, 'amountHalalas');
        const part = ({ paid_in: 'paidInHalalas', paid_out: 'paidOutHalalas', safe_drop: 'safeDropsHalalas' } as const)[kind as 'paid_in'];
        if (!part) return { table: 'shift_cash_movements', key: field.str(p, 'movementId'), what: `unknown movement kind ${kind}`, seq: e.seq };
        shift.cash![part] += amount;
        return movement(e, String(shift.row.id), kind, amount, field.strOrNull(p, 'reason'), null);
      }
      case SHIFT_ENTRY.counted: {
        const shift = shifts.get(field.str(p, 'shiftId'));
        if (!shift || !counting.has(shift)) return { table: 'shift_cash_movements', key: field.str(p, 'movementId'), what: 'a count of a shift that is not open', seq: e.seq };
        counting.delete(shift);
        const expected = expectedOf(shift.cash!);
        const counted = field.num(p, 'countedHalalas');
        if (field.num(p, 'expectedHalalas') !== expected) {
          return { table: 'shifts', key: shift.key, what: `the count recorded ${field.num(p, 'expectedHalalas')} expected, the journal's cash entries give ${expected}`, seq: e.seq };
        }
        if (counted !== countTotal(p.count) || field.num(p, 'differenceHalalas') !== counted - expected) {
          return { table: 'shifts', key: shift.key, what: "the count's total or difference does not add up", seq: e.seq };
        }
        shift.cash = null;
        shift.count = { expected, counted, difference: counted - expected, needsManager: p.needsManager === true };
        return movement(e, String(shift.row.id), 'count', counted, null, p.count);
      }
      case SHIFT_ENTRY.closed: {
        const shift = shifts.get(field.str(p, 'shiftId'));
        if (!shift || shift.row.closed_seq !== null || counting.has(shift)) return { table: 'shifts', key: field.str(p, 'shiftId'), what: 'a shift closed that was not counted and open', seq: e.seq };
        // The closing repeats its count: a closing rewritten to hide a shortage no longer matches the count entry.
        const c = shift.count;
        if (!c || field.num(p, 'expectedHalalas') !== c.expected || field.num(p, 'countedHalalas') !== c.counted || field.num(p, 'differenceHalalas') !== c.difference) {
          return { table: 'shifts', key: shift.key, what: "the closing's expected, counted or difference is not what its count recorded", seq: e.seq };
        }
        if (c.needsManager && field.strOrNull(p, 'managerReason') === null) {
          return { table: 'shifts', key: shift.key, what: "closed without a manager's reason although its count needed one", seq: e.seq };
        }
        Object.assign(shift.row, {
          closed_at: e.at,
          closed_seq: e.seq,
          expected_halalas: field.num(p, 'expectedHalalas'),
          counted_halalas: field.num(p, 'countedHalalas'),
          difference_halalas: field.num(p, 'differenceHalalas'),
          manager_reason: field.strOrNull(p, 'managerReason'),
        });
        // Final now: compared once and forgotten.
        shifts.delete(String(shift.row.id));
        closedShifts += 1;
        return compareRow('shifts', shift.key, shift.row, q.shift.get(String(shift.row.id)), e.seq);
      }
      default:
        return undefined;
    }
  };

  return {
    name: 'shifts',
    // Shifts came after the journal's format marker: an older journal has none.
    legacy: () => undefined,
    apply,
    finish() {
      for (const shift of shifts.values()) {
        const m = compareRow('shifts', shift.key, shift.row, q.shift.get(String(shift.row.id)));
        if (m) return m;
      }
      return countRows(db, 'shifts', closedShifts + shifts.size) ?? countRows(db, 'shift_cash_movements', movements);
    },
  };
}

/** A float or count from an entry: worth its pieces; unreadable pieces are worth nothing a real count gives. */
function countTotal(value: unknown): number {
  const parsed = CashCount.safeParse(value);
  return parsed.success ? cashCountTotal(parsed.data) : Number.NaN;
}

function canonicalCount(value: unknown): string {
  const parsed = CashCount.safeParse(value);
  return parsed.success ? canonicalJson(normalCashCount(parsed.data)) : `unreadable:${JSON.stringify(value)}`;
}

/** Stored pieces exactly as written (any edit, even an added zero, differs from the entry). */
function canonicalStored(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return `unreadable:${text}`;
  }
}
