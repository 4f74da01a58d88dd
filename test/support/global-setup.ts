// Once per test run, before any worker starts: the STC Pay simulator's certificates as a demo till keeps them in
// its data folder, made once here and copied into the folders of test tills that would make their own
// (test/support/kept-pki.ts). Removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keptSimulatorPki } from '../../main/sim/stcpay';
import { KEPT_STCPAY_PKI_ENV } from './kept-pki';

export default async function setup(): Promise<() => void> {
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
