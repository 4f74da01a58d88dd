// The unit run's scrypt N for users' PINs, badges and recovery codes (main/secrets/scrypt-cost.ts), set once before
// the workers fork so they and every till process a test starts hash at the same cost. Every till a test starts
// hashes its demo staff's PINs, and every approval checks a PIN against each user: at the production N 2^14 that
// was a fifth of a till test file's CPU. Same r and p, same code path; test/secrets/scrypt-cost.test.ts checks the
// production cost. Only the unit config (vitest.config.mts) lists this file: the browser end-to-end suite, whose
// till template is made in its own global setup, and the bench keep the production cost.
import { TEST_SCRYPT_N_ENV } from '../../main/secrets';

const TEST_SCRYPT_N = '16';

export default function setup(): () => void {
  // A value already set (NUQTA_TEST_SCRYPT_N=16384 to time the run at the production cost) is kept.
  const before = process.env[TEST_SCRYPT_N_ENV];
  process.env[TEST_SCRYPT_N_ENV] ??= TEST_SCRYPT_N;
  return () => {
    if (before === undefined) delete process.env[TEST_SCRYPT_N_ENV];
  };
}
