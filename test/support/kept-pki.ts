// The run's STC Pay simulator certificates (made once by test/support/global-setup.ts) copied into a till's data
// folder where the till keeps its own (simulators/stcpay), before a till that would make them starts there. A
// till on the demo's simulator link makes them at its first start with eleven openssl runs (~0.4 s, hundreds of
// test tills per run); with a kept set it starts as every till does from its second start on. Tests of that
// first start opt out (test/payments/providers/demo-stcpay.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ledgerFile } from '../../main/paths';

/** Where global-setup.ts says the run's set is; the workers inherit it. */
export const KEPT_STCPAY_PKI_ENV = 'NUQTA_TEST_STCPAY_PKI';

/** Whether a till starting on `dir` runs the STC Pay simulator: the demo's default, or settings that say so. */
function usesStcPaySimulator(dir: string): boolean {
  if (!fs.existsSync(ledgerFile(dir))) return true;
  const db = new Database(ledgerFile(dir), { readonly: true, fileMustExist: true });
  try {
    const hasSettings = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'settings'").pluck().get() as number;
    const raw = hasSettings ? (db.prepare("SELECT value FROM settings WHERE key = 'till'").pluck().get() as string | undefined) : undefined;
    // No settings yet: the till starts on the demo's, which use the simulator.
    if (raw === undefined) return true;
    return (JSON.parse(raw) as { stcPay?: { link?: { kind?: string } } | null }).stcPay?.link?.kind === 'simulator';
  } finally {
    db.close();
  }
}

/** Folders already looked at: a till restarted there (perhaps after a SIGKILL) is not its first start. */
const seen = new Set<string>();

/** Before the first till starts on `dir` (in this test process): the run's set, if that till would make one. */
export function seedKeptSimulatorPki(dir: string): void {
  const kept = process.env[KEPT_STCPAY_PKI_ENV];
  const target = path.join(dir, 'simulators', 'stcpay');
  if (!kept || seen.has(dir)) return;
  seen.add(dir);
  if (!fs.existsSync(kept) || fs.existsSync(target) || !usesStcPaySimulator(dir)) return;
  // As private as the till makes it (simulators/ included: its mkdir is recursive with mode 0700).
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  fs.cpSync(kept, target, { recursive: true });
}
