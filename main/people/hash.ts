// PINs and staff badges are stored only as scrypt hashes, each with its own random salt: one precomputed table
// never fits two users, and a copy of the database hands out neither a PIN nor a badge. The cost (main/secrets)
// is N 2^14, r 8: tens of ms. A PIN alone is found through the till's keyed PIN index (./pin-index.ts) and
// checked against that one user's hash; without the index every active user's hash is tried. A 4-digit PIN has only 10,000 values, so no hash
// makes a stolen database safe; the database file is kept from other OS users (0600) instead, and the online
// guessing is slowed by ./guard.ts. Comparisons are constant-time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptHash } from '../secrets';

export interface SaltedHash {
  salt: string;
  hash: string;
}

const KEY_BYTES = 32;

export const hashWithSalt = (secret: string, salt: string): string => scryptHash(secret, salt, KEY_BYTES).toString('hex');

export function hashSecret(secret: string): SaltedHash {
  const salt = randomBytes(16).toString('hex');
  return { salt, hash: hashWithSalt(secret, salt) };
}

/** Whether `secret` is the one `stored` was made from; never short-circuits on the first differing byte. */
export function matches(secret: string, stored: SaltedHash): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = Buffer.from(hashWithSalt(secret, stored.salt), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export const isPin = (pin: string): boolean => /^\d{4,8}$/.test(pin);
