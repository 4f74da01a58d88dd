// The manager's PIN guards refunds, reversals, resolving unknown payments and settlement. A simple PIN is
// what this release asks for; users, roles and TOTP come with their own issue and will replace this check
// behind the same function. Wrong PINs are rate-limited so a PIN pad cannot be walked through.
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { TillError } from '../errors';

export interface PinHash {
  salt: string;
  hash: string;
}

export const hashPin = (pin: string, salt: string): string => scryptSync(pin, salt, 32).toString('hex');

export interface ManagerAuth {
  /** Throws MANAGER_PIN_WRONG or MANAGER_PIN_LOCKED; returns normally for the right PIN. */
  check(pin: string): void;
}

export function createManagerAuth(
  stored: () => PinHash,
  options: { maxFailures?: number; lockMs?: number; now?: () => number } = {},
): ManagerAuth {
  const maxFailures = options.maxFailures ?? 5;
  const lockMs = options.lockMs ?? 60_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let lockedUntil = 0;
  return {
    check(pin) {
      if (now() < lockedUntil) throw new TillError('MANAGER_PIN_LOCKED');
      const { salt, hash } = stored();
      const ok = timingSafeEqual(Buffer.from(hashPin(pin, salt), 'hex'), Buffer.from(hash, 'hex'));
      if (ok) {
        failures = 0;
        return;
      }
      failures += 1;
      if (failures >= maxFailures) {
        failures = 0;
        lockedUntil = now() + lockMs;
        throw new TillError('MANAGER_PIN_LOCKED');
      }
      throw new TillError('MANAGER_PIN_WRONG');
    },
  };
}
