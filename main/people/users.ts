// The till's users. A PIN alone signs a user in, so it must name exactly one user: a PIN that another ACTIVE
// user already has is refused (USER_PIN_TAKEN), checked against every active user's hash with that user's own
// salt — the only way, since no PIN is stored. That tells whoever sets a PIN that someone else has it; only an
// admin sets PINs (the CLI now, the admin screen later), so that is accepted. Every change is one journal entry
// carrying the user's new state, replayed by ./projection.ts for `ledger verify`.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { UserRole, type SignedInUser } from '../../preload/contract';
import { tableRow, type Db, type RowOf } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { hashSecret, isPin, matches, type SaltedHash } from './hash';
import { createPinIndex, type IndexedSecret } from './pin-index';

export const UserRow = tableRow(
  'users',
  z.object({
    id: z.string(),
    name_ar: z.string(),
    name_en: z.string(),
    role: UserRole,
    pin_salt: z.string(),
    pin_hash: z.string(),
    badge_salt: z.string().nullable(),
    badge_hash: z.string().nullable(),
    active: z.union([z.literal(0), z.literal(1)]),
  }),
);
type UserRow = RowOf<typeof UserRow>;

export interface NewUser {
  /** Fixed ids for the demo staff; others get a UUID. */
  id?: string;
  nameAr: string;
  nameEn: string;
  role: UserRole;
  pin: string;
  badge?: string;
}

/** What may be listed anywhere: never a hash. */
export interface UserSummary extends SignedInUser {
  active: boolean;
  hasBadge: boolean;
}

export interface Users {
  add(user: NewUser, by: string): UserSummary;
  setPin(userId: string, pin: string, by: string): void;
  deactivate(userId: string, by: string): void;
  /**
   * Back on, with a new PIN and without a badge: an old PIN or badge cannot be checked against the users active
   * now (only hashes are kept, each with its own salt), and a PIN or a badge must name one active user.
   */
  reactivate(userId: string, pin: string, by: string): void;
  /** A new staff badge, or none (null). */
  setBadge(userId: string, badge: string | null, by: string): void;
  list(): UserSummary[];
  byId(userId: string): UserSummary | undefined;
  /** The active user whose PIN this is (at most one: PINs are unique among active users). */
  byPin(pin: string): SignedInUser | undefined;
  /** The active user with this badge, to ask for the PIN next. */
  byBadge(badge: string): (SignedInUser & { pin: SaltedHash }) | undefined;
  /** Whether any user is active: from then on nobody sells signed out. */
  hasActive(): boolean;
  /** Whether a live till has someone who can run it (an active admin or manager). */
  hasActiveManager(): boolean;
  count(): number;
}

const summary = (r: UserRow): UserSummary => ({
  id: r.id,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  role: r.role,
  active: r.active === 1,
  hasBadge: r.badge_hash !== null,
});

const NAME = z.string().trim().min(1).max(60);

/**
 * A badge as compared: trimmed, upper case. A wedge scanner types letters with or without Shift depending on its
 * setup (and the view decodes the physical keys), so "staff0042" and "STAFF0042" are the same badge.
 */
const badgeKey = (badge: string): string => badge.trim().toUpperCase();

export interface UsersOptions {
  newId?: () => string;
  /**
   * The till's PIN lookup key (./pin-index.ts, from its secret store): a PIN alone then costs one lookup and one
   * scrypt, not one scrypt per active user. Absent (the CLI, tests of this module): every active user is hashed.
   */
  pinKey?: Buffer | null;
}

export function createUsers(db: Db, journal: Journal, { newId = randomUUID, pinKey = null }: UsersOptions = {}): Users {
  const index = pinKey ? createPinIndex(db, pinKey) : null;
  const all = UserRow.select(db, 'ORDER BY rowid');
  const active = UserRow.select(db, 'WHERE active = 1 ORDER BY rowid');
  const one = UserRow.select<[string]>(db, 'WHERE id = ?');
  const countAll = db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck();
  const countActive = db.prepare<[], number>('SELECT COUNT(*) FROM users WHERE active = 1').pluck();
  const insert = db.prepare(
    `INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active, created_seq, updated_seq)
     VALUES (@userId, @nameAr, @nameEn, @role, @pinSalt, @pinHash, @badgeSalt, @badgeHash, 1, @seq, @seq)`,
  );
  const setPin = db.prepare('UPDATE users SET pin_salt = ?, pin_hash = ?, updated_seq = ? WHERE id = ?');
  const deactivate = db.prepare('UPDATE users SET active = 0, updated_seq = ? WHERE id = ?');
  const reactivate = db.prepare('UPDATE users SET active = 1, pin_salt = ?, pin_hash = ?, badge_salt = NULL, badge_hash = NULL, updated_seq = ? WHERE id = ?');
  const setBadge = db.prepare('UPDATE users SET badge_salt = ?, badge_hash = ?, updated_seq = ? WHERE id = ?');
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const pinOf = (r: UserRow): SaltedHash => ({ salt: r.pin_salt, hash: r.pin_hash });
  const badgeOf = (r: UserRow): SaltedHash | null => (r.badge_salt !== null && r.badge_hash !== null ? { salt: r.badge_salt, hash: r.badge_hash } : null);
  const storedOf = (kind: IndexedSecret, r: UserRow): SaltedHash | null => (kind === 'pin' ? pinOf(r) : badgeOf(r));
  const holds = (kind: IndexedSecret, secret: string, r: UserRow): boolean => {
    const stored = storedOf(kind, r);
    return stored !== null && matches(secret, stored);
  };
  /**
   * The active user (but `except`) whose PIN (badge, as badgeKey gives it) this is. Each user scanned is hashed,
   * the match or not, so the time taken does not say how far down they were; with the index only the users it
   * does not cover are scanned, and the one found there is indexed.
   */
  const scan = (kind: IndexedSecret, secret: string, rows: UserRow[], except?: string): UserRow | undefined => {
    let found: UserRow | undefined;
    for (const r of rows) if (r.id !== except && holds(kind, secret, r) && !found) found = r;
    return found;
  };
  const holderOf = (kind: IndexedSecret, secret: string, except?: string): UserRow | undefined => {
    if (!index) return scan(kind, secret, active.all(), except);
    for (const id of index.candidates(kind, secret)) {
      const r = one.get(id);
      if (r && r.id !== except && holds(kind, secret, r)) return r;
    }
    const found = scan(kind, secret, index.uncovered(kind).flatMap((id) => one.get(id) ?? []), except);
    const stored = found && storedOf(kind, found);
    if (found && stored) index.remember(kind, found.id, secret, stored.hash);
    return found;
  };
  const assertPinFree = (pin: string, except?: string) => {
    if (!isPin(pin)) throw new TillError('USER_PIN_FORMAT');
    if (holderOf('pin', pin, except)) throw new TillError('USER_PIN_TAKEN');
  };
  const assertBadgeFree = (badge: string, except?: string) => {
    if (holderOf('badge', badgeKey(badge), except)) throw new TillError('USER_BADGE_TAKEN');
  };
  const existing = (userId: string): UserRow => {
    const row = one.get(userId);
    if (!row) throw new TillError('USER_UNKNOWN', userId);
    return row;
  };

  return {
    add(user, by) {
      const nameAr = NAME.parse(user.nameAr);
      const nameEn = NAME.parse(user.nameEn);
      const role = UserRole.parse(user.role);
      assertPinFree(user.pin);
      if (user.badge !== undefined) assertBadgeFree(user.badge);
      const pin = hashSecret(user.pin);
      const badge = user.badge === undefined ? null : hashSecret(badgeKey(user.badge));
      const userId = user.id ?? newId();
      const state = { userId, nameAr, nameEn, role, pinSalt: pin.salt, pinHash: pin.hash, badgeSalt: badge?.salt ?? null, badgeHash: badge?.hash ?? null };
      write(() => {
        const entry = journal.append('user.added', { ...state, by });
        insert.run({ ...state, seq: entry.seq });
        index?.remember('pin', userId, user.pin, pin.hash);
        if (badge && user.badge !== undefined) index?.remember('badge', userId, badgeKey(user.badge), badge.hash);
      });
      return summary(existing(userId));
    },
    setPin(userId, pin, by) {
      const row = existing(userId);
      if (row.active !== 1) throw new TillError('USER_INACTIVE', userId);
      assertPinFree(pin, userId);
      const next = hashSecret(pin);
      write(() => {
        const entry = journal.append('user.pin_set', { userId, pinSalt: next.salt, pinHash: next.hash, by });
        setPin.run(next.salt, next.hash, entry.seq, userId);
        index?.remember('pin', userId, pin, next.hash);
      });
    },
    deactivate(userId, by) {
      const row = existing(userId);
      if (row.active !== 1) return;
      write(() => {
        const entry = journal.append('user.deactivated', { userId, by });
        deactivate.run(entry.seq, userId);
      });
    },
    reactivate(userId, pin, by) {
      const row = existing(userId);
      if (row.active === 1) return;
      assertPinFree(pin, userId);
      const next = hashSecret(pin);
      write(() => {
        const entry = journal.append('user.reactivated', { userId, pinSalt: next.salt, pinHash: next.hash, by });
        reactivate.run(next.salt, next.hash, entry.seq, userId);
        index?.remember('pin', userId, pin, next.hash);
      });
    },
    setBadge(userId, badge, by) {
      const row = existing(userId);
      if (row.active !== 1) throw new TillError('USER_INACTIVE', userId);
      if (badge !== null) assertBadgeFree(badge, userId);
      const next = badge === null ? null : hashSecret(badgeKey(badge));
      write(() => {
        const entry = journal.append('user.badge_set', { userId, badgeSalt: next?.salt ?? null, badgeHash: next?.hash ?? null, by });
        setBadge.run(next?.salt ?? null, next?.hash ?? null, entry.seq, userId);
        if (badge !== null && next) index?.remember('badge', userId, badgeKey(badge), next.hash);
      });
    },
    list: () => all.all().map(summary),
    byId: (userId) => {
      const row = one.get(userId);
      return row ? summary(row) : undefined;
    },
    byPin(pin) {
      if (!isPin(pin)) return undefined;
      const found = holderOf('pin', pin);
      return found ? signedIn(found) : undefined;
    },
    byBadge(badge) {
      const found = holderOf('badge', badgeKey(badge));
      return found ? { ...signedIn(found), pin: pinOf(found) } : undefined;
    },
    hasActive: () => countActive.get()! > 0,
    hasActiveManager: () => active.all().some((r) => r.role === 'admin' || r.role === 'manager'),
    count: () => countAll.get()!,
  };
}

const signedIn = (r: UserRow): SignedInUser => ({ id: r.id, nameAr: r.name_ar, nameEn: r.name_en, role: r.role });
