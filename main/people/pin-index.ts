// Finding the user a PIN names without hashing it once per active user (migration 0290): an HMAC-SHA256 of the
// PIN under a key of the till's own, sealed in its secret store, looked up in user_pin_index; the user found is
// then checked with their own scrypt hash as before. The index is a cache: a row counts only while its `pin_hash`
// is the users row's, so a PIN changed where the key is not at hand (`nuqta user set-pin`) falls back to the
// scan over the users the index does not cover, and is indexed at that user's next sign-in.
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

export interface PinIndex {
  /** Ids of active users whose indexed PIN this is, their row's hash unchanged since (normally zero or one). */
  candidates(pin: string): string[];
  /** Ids of active users the index does not cover (no row, or one made for an older PIN). */
  uncovered(): string[];
  /** Indexes a user's PIN as it now is (`pinHash`: their users row's). */
  remember(userId: string, pin: string, pinHash: string): void;
}

export function createPinIndex(db: Db, key: Buffer): PinIndex {
  const lookupOf = (pin: string): string => createHmac('sha256', key).update(pin).digest('hex');
  const candidates = db
    .prepare<[string], string>(
      `SELECT u.id FROM user_pin_index i JOIN users u ON u.id = i.user_id
       WHERE i.lookup = ? AND u.active = 1 AND u.pin_hash = i.pin_hash ORDER BY u.rowid`,
    )
    .pluck();
  const uncovered = db
    .prepare<[], string>(
      `SELECT u.id FROM users u LEFT JOIN user_pin_index i ON i.user_id = u.id
       WHERE u.active = 1 AND (i.user_id IS NULL OR i.pin_hash <> u.pin_hash) ORDER BY u.rowid`,
    )
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO user_pin_index (user_id, lookup, pin_hash) VALUES (?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET lookup = excluded.lookup, pin_hash = excluded.pin_hash`,
  );
  return {
    candidates: (pin) => candidates.all(lookupOf(pin)),
    uncovered: () => uncovered.all(),
    remember: (userId, pin, pinHash) => void upsert.run(userId, lookupOf(pin), pinHash),
  };
}
