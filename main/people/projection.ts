// users and sign_in_guard as the journal makes them, for `ledger verify` (main/ledger/replay.ts): every change
// of a user (added, PIN set, deactivated) and of a sign-in guard is an entry carrying the new state, so a row
// edited by hand — a PIN hash swapped for one whose PIN someone knows, a role raised, a user switched back on,
// a back-off cleared — disagrees with its entries.
import type { Db } from '../db';
import { compareRow, countRows, field, type Mismatch, type Projection } from '../ledger';

const GUARD_ENTRIES = new Set(['people.pin_failed', 'people.pin_locked', 'people.pin_cleared', 'people.pin_unlocked', 'people.totp_failed', 'people.totp_locked']);
const USER_CHANGES = new Set(['user.pin_set', 'user.deactivated', 'user.reactivated', 'user.badge_set']);

export function peopleProjection(db: Db): Projection {
  const users = new Map<string, Record<string, unknown>>();
  const guards = new Map<string, Record<string, unknown>>();
  const hasTable = (name: string) => (db.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name = ?').pluck().get(name) as number) > 0;
  const tables = hasTable('users');
  const readUser = tables ? db.prepare<[string], Record<string, unknown>>('SELECT * FROM users WHERE id = ?') : null;
  const readGuard = tables ? db.prepare<[string], Record<string, unknown>>('SELECT * FROM sign_in_guard WHERE subject = ?') : null;

  return {
    name: 'people',
    legacy: () => undefined,
    apply(e): Mismatch | undefined {
      const p = e.payload;
      if (GUARD_ENTRIES.has(e.type)) {
        const subject = field.str(p, 'subject');
        guards.set(subject, { subject, failures: p.failures ?? null, lockouts: p.lockouts ?? null, locked_until: p.lockedUntil ?? null, updated_seq: e.seq });
        return undefined;
      }
      if (e.type === 'user.added') {
        const id = field.str(p, 'userId');
        users.set(id, {
          id,
          name_ar: p.nameAr ?? null,
          name_en: p.nameEn ?? null,
          role: p.role ?? null,
          pin_salt: p.pinSalt ?? null,
          pin_hash: p.pinHash ?? null,
          badge_salt: p.badgeSalt ?? null,
          badge_hash: p.badgeHash ?? null,
          active: 1,
          created_seq: e.seq,
          updated_seq: e.seq,
        });
        return undefined;
      }
      if (!USER_CHANGES.has(e.type)) return undefined;
      const id = field.str(p, 'userId');
      const user = users.get(id);
      if (!user) return { table: 'users', key: id, what: `${e.type} for a user the journal never added`, seq: e.seq };
      if (e.type === 'user.pin_set') Object.assign(user, { pin_salt: p.pinSalt ?? null, pin_hash: p.pinHash ?? null });
      else if (e.type === 'user.badge_set') Object.assign(user, { badge_salt: p.badgeSalt ?? null, badge_hash: p.badgeHash ?? null });
      else if (e.type === 'user.reactivated') Object.assign(user, { active: 1, pin_salt: p.pinSalt ?? null, pin_hash: p.pinHash ?? null, badge_salt: null, badge_hash: null });
      else user.active = 0;
      user.updated_seq = e.seq;
      return undefined;
    },
    finish() {
      if (!readUser || !readGuard) return undefined;
      for (const [id, row] of users) {
        const m = compareRow('users', id, row, readUser.get(id), row.updated_seq as number);
        if (m) return m;
      }
      for (const [subject, row] of guards) {
        const m = compareRow('sign_in_guard', subject, row, readGuard.get(subject), row.updated_seq as number);
        if (m) return m;
      }
      return countRows(db, 'users', users.size) ?? countRows(db, 'sign_in_guard', guards.size);
    },
  };
}
