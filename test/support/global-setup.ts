// Once per test run, before any worker starts: the STC Pay simulator's certificates as a demo till keeps them in
// its data folder, made once here and copied into the folders of test tills that would make their own
// (test/support/kept-pki.ts). Removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SCRYPT_N_ENV } from '../../main/secrets';
import { keptSimulatorPki } from '../../main/sim/stcpay';
import { KEPT_STCPAY_PKI_ENV } from './kept-pki';

/**
 * The scrypt N of PINs, badges and recovery codes in this run (main/secrets/scrypt-cost.ts): every till a test
 * starts hashes its demo staff's PINs, and every approval checks a PIN against each user, which at the production
 * N 2^14 was a fifth of a till test file's CPU. Same r and p, same code path; test/secrets/scrypt-cost.test.ts
 * checks the production cost. The browser end-to-end suite and the bench keep the production cost.
 */
const TEST_SCRYPT_N = '16';

export default async function setup(): Promise<() => void> {
  // Set before the workers fork, so they and every till process a test starts use the same cost.
  process.env[TEST_SCRYPT_N_ENV] ??= TEST_SCRYPT_N;
  // With projects that extend the root config this runs once for the root and once per project: one set will do.
  if (process.env[KEPT_STCPAY_PKI_ENV]) return () => {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-test-pki-'));
  const dir = path.join(root, 'stcpay');
  try {
    await keptSimulatorPki(dir);
  } catch (e) {
    // No openssl, say: each till tries to make its own, and the tests that need one fail as they did before.
    console.warn(`no STC Pay simulator certificates to share: ${e instanceof Error ? e.message : String(e)}`);
    fs.rmSync(root, { recursive: true, force: true });
    return () => {};
  }
  // The workers are forked after this and inherit the environment.
  process.env[KEPT_STCPAY_PKI_ENV] = dir;
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
    delete process.env[KEPT_STCPAY_PKI_ENV];
  };
}
