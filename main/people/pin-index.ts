// Finding the user a PIN (or a staff badge) names without hashing it once per active user (migration 0290): an
// HMAC-SHA256 of it under a key of the till's own, sealed in its secret store, looked up in user_pin_index; the
// user found is then checked with their own scrypt hash as before. The index is a cache: a row counts only while
// its `secret_hash` is the users row's, so a PIN changed where the key is not at hand (`nuqta user set-pin`) falls
// back to the scan over the users the index does not cover, and is indexed at that user's next sign-in.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { SecretStore } from '../secrets';

/** The secret store's name for the key. */
export const PIN_LOOKUP_KEY = 'people.pinLookupKey';

/** The till's key, made on first use. A store that cannot give one (damaged) leaves the till on the scan. */
export function pinLookupKey(secrets: SecretStore): Buffer | null {
  try {
    const kept = secrets.get(PIN_LOOKUP_KEY);
    if (kept && kept.length === 32) return Buffer.from(kept);
    const made = randomBytes(32);
    secrets.put(PIN_LOOKUP_KEY, made);
    return made;
  } catch {
    return null;
  }
}

/** What is indexed: a PIN (as typed), or a badge (as compared: trimmed, upper case — users.ts badgeKey). */
export type IndexedSecret = 'pin' | 'badge';

export interface PinIndex {
  /** Ids of active users whose indexed secret this is, their row's hash unchanged since (normally zero or one). */
  candidates(kind: IndexedSecret, secret: string): string[];
  /** Ids of active users holding such a secret that the index does not cover (no row, or one for an older one). */
  uncovered(kind: IndexedSecret): string[];
  /** Indexes a user's secret as it now is (`secretHash`: their users row's pin_hash or badge_hash). */
  remember(kind: IndexedSecret, userId: string, secret: string, secretHash: string): void;
}

const HASH_COLUMN = { pin: 'pin_hash', badge: 'badge_hash' } as const;

export function createPinIndex(db: Db, key: Buffer): PinIndex {
  // The kind is in the HMAC too, so a badge and a PIN that happen to be the same text never share a lookup.
  const lookupOf = (kind: IndexedSecret, secret: string): string => createHmac('sha256', key).update(`${kind}:${secret}`).digest('hex');
  const queries = (kind: IndexedSecret) => {
    const column = HASH_COLUMN[kind];
    return {
      candidates: db
        .prepare<[string, string], string>(
          `SELECT u.id FROM user_pin_index i JOIN users u ON u.id = i.user_id
           WHERE i.kind = ? AND i.lookup = ? AND u.active = 1 AND u.${column} = i.secret_hash ORDER BY u.rowid`,
        )
        .pluck(),
      uncovered: db
        .prepare<[string], string>(
          `SELECT u.id FROM users u LEFT JOIN user_pin_index i ON i.user_id = u.id AND i.kind = ?
           WHERE u.active = 1 AND u.${column} IS NOT NULL AND (i.user_id IS NULL OR i.secret_hash <> u.${column}) ORDER BY u.rowid`,
        )
        .pluck(),
    };
  };
  const of = { pin: queries('pin'), badge: queries('badge') };
  const upsert = db.prepare(
    `INSERT INTO user_pin_index (user_id, kind, lookup, secret_hash) VALUES (?, ?, ?, ?)
     ON CONFLICT(user_id, kind) DO UPDATE SET lookup = excluded.lookup, secret_hash = excluded.secret_hash`,
  );
  return {
    candidates: (kind, secret) => of[kind].candidates.all(kind, lookupOf(kind, secret)),
    uncovered: (kind) => of[kind].uncovered.all(kind),
    remember: (kind, userId, secret, secretHash) => void upsert.run(userId, kind, lookupOf(kind, secret), secretHash),
  };
}
