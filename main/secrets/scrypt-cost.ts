// The scrypt cost of the PINs, badges and recovery codes of the till's users (main/people/hash.ts): N 2^14, r 8,
// p 1, tens of ms on a till. A PIN alone is checked against every active user's hash, so a dearer hash would make
// sign-in wait seconds on a shop with twenty staff. The shared manager PIN (main/auth) always uses this
// production cost: its demo hash is a constant.
//
// The unit tests start hundreds of tills, each hashing its demo staff's PINs, and every approval checks a PIN
// against each user: at the production cost that was a fifth of a till test file's CPU. The unit run's global
// setup (test/support/scrypt-cost-setup.ts) names a lower N in TEST_SCRYPT_N_ENV; it is honoured only inside a Vitest
// run (VITEST is set), so a till never stores a weak hash because of a stray variable. The hashes carry no cost
// of their own, so every process that reads them must use the same one: tests' child processes inherit both
// variables. test/secrets/scrypt-cost.test.ts checks the production cost.
import { scryptSync } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 1 << 14, r: 8, p: 1 });

export const TEST_SCRYPT_N_ENV = 'NUQTA_TEST_SCRYPT_N';

/** The production cost, or a test run's lower N (a power of two from 2 up to the production N). */
export function scryptCostFrom(env: NodeJS.ProcessEnv): Readonly<ScryptCost> {
  const asked = env[TEST_SCRYPT_N_ENV];
  if (asked === undefined || !env.VITEST) return PRODUCTION_SCRYPT_COST;
  const n = Number(asked);
  const powerOfTwo = Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
  if (!powerOfTwo || n > PRODUCTION_SCRYPT_COST.N) throw new Error(`${TEST_SCRYPT_N_ENV} must be a power of two from 2 to ${PRODUCTION_SCRYPT_COST.N}, not ${asked}`);
  return Object.freeze({ ...PRODUCTION_SCRYPT_COST, N: n });
}

/** Read once, when the module loads: every hash a process makes and checks uses the same cost. */
export const SCRYPT_COST = scryptCostFrom(process.env);

/** A secret's scrypt hash with `salt`, `bytes` long, at the process's cost. */
export const scryptHash = (secret: string, salt: string, bytes: number): Buffer => scryptSync(secret, salt, bytes, SCRYPT_COST);
