// A till's shifts. A shift opens with its float counted by denomination, takes paid-ins, paid-outs and safe drops
// with a reason, and closes with a blind count: the cashier enters what the drawer holds before the till says what
// it expected. The expected cash is the ledger's own: the float, plus what the sales took in cash (tendered minus
// change), minus what returns paid back in cash, plus paid-ins, minus paid-outs and safe drops, over the journal
// entries between the shift's opening and its count. A difference above the threshold (a setting) closes only with
// a manager's PIN and reason. Every step is one write transaction with its journal entry.
import { randomUUID } from 'node:crypto';
import {
  cashCountTotal,
  normalCashCount,
  type CashCount,
  type CashMovementInput,
  type CloseShiftAnswer,
  type ShiftCash,
  type ShiftMovement,
  type ShiftResult,
  type ShiftStatus,
  type ShiftSummary,
} from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { cashTakenBetween } from '../checkout';
import type { Db } from '../db';
import { TillError } from '../errors';
import { canonicalJson, type Journal } from '../ledger';
import { cashRefundedBetween } from '../returns';
import type { TillSettings } from '../settings';
import { expectedOf, SHIFT_ENTRY, shiftNumberText, type ShiftCountEntry } from './entries';
import { createShiftStore, storedCount, type MovementRow, type ShiftRow } from './store';

export interface ShiftsDeps {
  db: Db;
  journal: Journal;
  settings: () => Pick<TillSettings, 'tillId' | 'shifts'> & Partial<Pick<TillSettings, 'twoFactor'>>;
  manager: ManagerAuth;
  /** A demo till (simulated devices): it opens a shift by itself when a sale needs one. */
  demo: () => boolean;
  /** A sale with lines or payments is on the till: the shift is not counted under it. */
  saleInProgress: () => boolean;
  newId?: () => string;
}

export function createShifts(deps: ShiftsDeps) {
  const { db, journal } = deps;
  const newId = deps.newId ?? randomUUID;
  const store = createShiftStore(db);
  const tillId = () => deps.settings().tillId;
  const threshold = () => deps.settings().shifts.differenceThresholdHalalas;

  const countOf = (movements: MovementRow[]) => movements.find((m) => m.kind === 'count');

  /** The cash of a shift's period as the ledger has it: entries after its opening, up to `uptoSeq`. */
  const cashOf = (shift: ShiftRow, movements: MovementRow[], uptoSeq: number): ShiftCash => {
    const moved = (kind: MovementRow['kind']) => movements.filter((m) => m.kind === kind && m.seq <= uptoSeq).reduce((sum, m) => sum + m.amount_halalas, 0);
    return {
      floatHalalas: shift.float_halalas,
      salesHalalas: cashTakenBetween(db, shift.opened_seq, uptoSeq),
      refundsHalalas: cashRefundedBetween(db, shift.opened_seq, uptoSeq),
      paidInHalalas: moved('paid_in'),
      paidOutHalalas: moved('paid_out'),
      safeDropsHalalas: moved('safe_drop'),
    };
  };

  /** What a count found; `needsManager` as decided when it was entered (a counted shift waits for one). */
  const resultOf = (shift: ShiftRow, movements: MovementRow[], count: MovementRow): ShiftResult => {
    const cash = cashOf(shift, movements, count.seq - 1);
    const expectedHalalas = expectedOf(cash);
    const differenceHalalas = count.amount_halalas - expectedHalalas;
    return {
      count: storedCount(count),
      countedHalalas: count.amount_halalas,
      expectedHalalas,
      differenceHalalas,
      cash,
      needsManager: shift.closed_seq === null ? true : shift.manager_reason !== null,
      managerReason: shift.manager_reason,
      closedAt: shift.closed_at,
    };
  };

  const summaryOf = (shift: ShiftRow): ShiftSummary => {
    const movements = store.movements(shift.id);
    const float = movements.find((m) => m.kind === 'float');
    const count = countOf(movements);
    return {
      shiftId: shift.id,
      number: shift.number,
      shiftNo: shiftNumberText(shift.till_id, shift.number),
      tillId: shift.till_id,
      openedAt: shift.opened_at,
      demo: shift.demo === 1,
      float: float ? storedCount(float) : {},
      floatHalalas: shift.float_halalas,
      state: count ? 'counted' : 'open',
      movements: movements.filter((m): m is MovementRow & { kind: ShiftMovement['kind'] } => m.kind !== 'float' && m.kind !== 'count').map((m) => ({
        movementId: m.id,
        kind: m.kind,
        amountHalalas: m.amount_halalas,
        reason: m.reason ?? '',
        at: m.at,
      })),
      // Blind: nothing of the expected cash while the shift is open.
      result: count ? resultOf(shift, movements, count) : null,
    };
  };

  const status = (): ShiftStatus => {
    const shift = store.openOf(tillId());
    return { mode: deps.demo() ? 'demo' : 'live', thresholdHalalas: threshold(), shift: shift ? summaryOf(shift) : null };
  };

  /** Inside the caller's transaction: a new shift with its float. */
  const openInTx = (float: CashCount, demo: boolean): void => {
    const till = tillId();
    if (store.openOf(till)) throw new TillError('SHIFT_ALREADY_OPEN', till);
    const shiftId = newId();
    const movementId = newId();
    const counted = normalCashCount(float);
    const number = store.nextNumber(till);
    const floatHalalas = cashCountTotal(counted);
    const entry = journal.append(SHIFT_ENTRY.opened, { shiftId, movementId, tillId: till, number, demo, float: counted, floatHalalas });
    store.insert({ id: shiftId, tillId: till, number, demo, openedAt: entry.at, seq: entry.seq, floatHalalas });
    store.insertMovement({ id: movementId, shiftId, kind: 'float', amountHalalas: floatHalalas, reason: null, denominations: canonicalJson(counted), at: entry.at, seq: entry.seq });
  };

  /** The till's open shift, not yet counted; the refusal a person can act on otherwise. */
  const openShiftRow = (): ShiftRow => {
    const shift = store.openOf(tillId());
    if (!shift) throw new TillError('SHIFT_NOT_OPEN', tillId());
    if (countOf(store.movements(shift.id))) throw new TillError('SHIFT_COUNTED', shift.id);
    return shift;
  };

  const closeInTx = (shift: ShiftRow, result: Pick<ShiftResult, 'expectedHalalas' | 'countedHalalas' | 'differenceHalalas'>, managerReason: string | null): void => {
    const closing = { expectedHalalas: result.expectedHalalas, countedHalalas: result.countedHalalas, differenceHalalas: result.differenceHalalas, managerReason };
    const entry = journal.append(SHIFT_ENTRY.closed, { shiftId: shift.id, ...closing });
    store.close(shift.id, { ...closing, closedAt: entry.at, seq: entry.seq });
  };

  const answer = (shiftId: string, outcome: CloseShiftAnswer['outcome']): CloseShiftAnswer => {
    const shift = store.byId(shiftId)!;
    const movements = store.movements(shiftId);
    return { outcome, shiftNo: shiftNumberText(shift.till_id, shift.number), result: resultOf(shift, movements, countOf(movements)!) };
  };

  return {
    status,

    openShift(float: CashCount): ShiftStatus {
      db.transaction(() => openInTx(float, false)).immediate();
      return status();
    },

    /**
     * Called before a sale starts (the first item) and before it is paid: a live till needs an open shift; a demo
     * till opens one by itself (no float) so the demo sells out of the box.
     */
    requireOpenForSale(): void {
      const shift = store.openOf(tillId());
      if (shift) {
        if (countOf(store.movements(shift.id))) throw new TillError('SHIFT_COUNTED', shift.id);
        // A shift the demo opened by itself (no float counted) does not carry a till that has since gone live.
        if (shift.demo === 1 && !deps.demo()) throw new TillError('SHIFT_DEMO_OPEN', shift.id);
        return;
      }
      if (!deps.demo()) throw new TillError('SHIFT_NOT_OPEN', tillId());
      db.transaction(() => {
        if (!store.openOf(tillId())) openInTx({}, true);
      }).immediate();
    },

    cashMovement(input: CashMovementInput): ShiftStatus {
      db.transaction(() => {
        const shift = openShiftRow();
        const movementId = newId();
        const entry = journal.append(SHIFT_ENTRY.moved, { shiftId: shift.id, movementId, kind: input.kind, amountHalalas: input.amountHalalas, reason: input.reason });
        store.insertMovement({ id: movementId, shiftId: shift.id, kind: input.kind, amountHalalas: input.amountHalalas, reason: input.reason, denominations: null, at: entry.at, seq: entry.seq });
      }).immediate();
      return status();
    },

    /**
     * The blind count. Recorded whatever it finds (it is final: a recount after seeing the expected cash would not
     * be blind); the shift closes at once when the difference is within the threshold, else waits for a manager.
     */
    closeShift(count: CashCount): CloseShiftAnswer {
      if (deps.saleInProgress()) throw new TillError('SHIFT_SALE_IN_PROGRESS');
      const { shiftId, outcome } = db
        .transaction(() => {
          const shift = openShiftRow();
          const movements = store.movements(shift.id);
          // The head inside the write transaction: every cash entry before the count, none after it.
          const cash = cashOf(shift, movements, journal.head().seq);
          const counted = normalCashCount(count);
          const countedHalalas = cashCountTotal(counted);
          const expectedHalalas = expectedOf(cash);
          const differenceHalalas = countedHalalas - expectedHalalas;
          const needsManager = Math.abs(differenceHalalas) > threshold();
          const movementId = newId();
          const payload: ShiftCountEntry = { shiftId: shift.id, movementId, count: counted, countedHalalas, expectedHalalas, differenceHalalas, cash, needsManager };
          const entry = journal.append(SHIFT_ENTRY.counted, { ...payload });
          store.insertMovement({ id: movementId, shiftId: shift.id, kind: 'count', amountHalalas: countedHalalas, reason: null, denominations: canonicalJson(counted), at: entry.at, seq: entry.seq });
          if (!needsManager) closeInTx(shift, { expectedHalalas, countedHalalas, differenceHalalas }, null);
          return { shiftId: shift.id, outcome: needsManager ? ('needs-manager' as const) : ('closed' as const) };
        })
        .immediate();
      return answer(shiftId, outcome);
    },

    /** Closes a counted shift whose difference needed a manager: the PIN (rate-limited, journaled) and a reason. */
    approveClose(managerPin: string, reason: string): CloseShiftAnswer {
      const counted = (): ShiftRow => {
        const shift = store.openOf(tillId());
        if (!shift) throw new TillError('SHIFT_NOT_OPEN', tillId());
        if (!countOf(store.movements(shift.id))) throw new TillError('SHIFT_NOT_COUNTED', shift.id);
        return shift;
      };
      const before = counted();
      const movements = store.movements(before.id);
      // Past the two-factor threshold the approver is a manager who gives their authenticator code too.
      const { differenceHalalas } = resultOf(before, movements, countOf(movements)!);
      const limit = deps.settings().twoFactor?.cashDifferenceAboveHalalas;
      const large = limit !== undefined && Math.abs(differenceHalalas) > limit;
      deps.manager.check(managerPin, large ? 'approve:manager' : undefined, large ? { secondFactor: true } : undefined);
      const shiftId = db
        .transaction(() => {
          const shift = counted();
          const movements = store.movements(shift.id);
          const result = resultOf(shift, movements, countOf(movements)!);
          journal.append('manager.authorised', { action: 'approveShiftClose', shiftId: shift.id, reason });
          closeInTx(shift, result, reason);
          return shift.id;
        })
        .immediate();
      return answer(shiftId, 'closed');
    },
  };
}

export type Shifts = ReturnType<typeof createShifts>;
