// pin_guard as the journal makes it, for `ledger verify` (main/ledger/replay.ts): every change of the guard is
// an entry carrying the guard's new state.
import type { Db } from '../db';
import { compareRow, countRows, field, type Projection } from '../ledger';

const GUARD_ENTRIES = new Set(['manager.pin_failed', 'manager.pin_locked', 'manager.pin_cleared', 'manager.pin_unlocked']);

export function pinGuardProjection(db: Db): Projection {
  const guards = new Map<string, Record<string, unknown>>();
  const read = db.prepare<[string], Record<string, unknown>>('SELECT * FROM pin_guard WHERE subject = ?');
  return {
    name: 'PIN guard',
    legacy: () => undefined,
    apply(e) {
      if (!GUARD_ENTRIES.has(e.type)) return undefined;
      const subject = field.str(e.payload, 'subject');
      guards.set(subject, {
        subject,
        failures: e.payload.failures ?? null,
        lockouts: e.payload.lockouts ?? null,
        locked_until: e.payload.lockedUntil ?? null,
        updated_seq: e.seq,
      });
      return undefined;
    },
    finish() {
      for (const [subject, row] of guards) {
        const m = compareRow('pin_guard', subject, row, read.get(subject), row.updated_seq as number);
        if (m) return m;
      }
      const hasTable = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'pin_guard'").pluck().get() as number;
      return hasTable ? countRows(db, 'pin_guard', guards.size) : undefined;
    },
  };
}
