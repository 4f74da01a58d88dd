// user_totp as the journal makes it, for `ledger verify` (main/ledger/replay.ts): an enrolment, each accepted code's
// step, each recovery code used and a removal are entries, so a row edited by hand — last_step wound back to let a
// code be used again, a used recovery code marked unused, a row put back after a reset — disagrees with them.
import type { Db } from '../db';
import { compareRow, countRows, field, type Mismatch, type Projection } from '../ledger';
import { recoveryColumn, type RecoveryHash } from './totp';

interface Expected {
  user_id: string;
  last_step: number;
  recovery: RecoveryHash[];
  enrolled_seq: number;
  updated_seq: number;
}

const recoveryOf = (value: unknown): RecoveryHash[] =>
  Array.isArray(value) ? value.map((r: { salt?: unknown; hash?: unknown }) => ({ salt: String(r.salt), hash: String(r.hash), used: false })) : [];

export function totpProjection(db: Db): Projection {
  const rows = new Map<string, Expected>();
  const hasTable = (db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'user_totp'").pluck().get() as number) > 0;
  const readRow = hasTable ? db.prepare<[string], Record<string, unknown>>('SELECT * FROM user_totp WHERE user_id = ?') : null;

  return {
    name: 'totp',
    legacy: () => undefined,
    apply(e): Mismatch | undefined {
      if (!e.type.startsWith('totp.')) return undefined;
      const p = e.payload;
      const id = field.str(p, 'userId');
      if (e.type === 'totp.enrolled') {
        rows.set(id, { user_id: id, last_step: field.num(p, 'step'), recovery: recoveryOf(p.recovery), enrolled_seq: e.seq, updated_seq: e.seq });
        return undefined;
      }
      if (e.type === 'totp.removed') {
        rows.delete(id);
        return undefined;
      }
      const row = rows.get(id);
      if (!row) return { table: 'user_totp', key: id, what: `${e.type} for a user the journal never enrolled`, seq: e.seq };
      if (e.type === 'totp.used') row.last_step = field.num(p, 'step');
      else if (e.type === 'totp.recovery_used') {
        const code = row.recovery[field.num(p, 'index')];
        if (!code) return { table: 'user_totp', key: id, what: 'a recovery code the enrolment did not have', seq: e.seq };
        code.used = true;
      } else return undefined;
      row.updated_seq = e.seq;
      return undefined;
    },
    finish() {
      if (!readRow) return undefined;
      for (const [id, row] of rows) {
        const m = compareRow('user_totp', id, { ...row, recovery: recoveryColumn(row.recovery) }, readRow.get(id), row.updated_seq);
        if (m) return m;
      }
      return countRows(db, 'user_totp', rows.size);
    },
  };
}
