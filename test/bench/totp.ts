// "TOTP verification cost" (issue 14's closing note): what an approval's second factor adds, on a real ledger in
// a temp folder. `codeHmacUs`: the RFC 6238 check alone (three HMAC-SHA-1, the window). `verifyMs`: TwoFactor.verify
// as an approval runs it — the sealed secret opened, the code checked, its step journaled (a fresh step each time,
// as a replay is refused). `recoveryWorstMs`: a recovery code that matches none of ten (ten scrypt hashes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { acceptedStep, createSignInGuard, createTwoFactor, createUsers, TOTP_PARAMS } from '../../main/people';
import { createFileSecretStore } from '../../main/secrets';
import { summarise } from './stats';

export async function totpVerificationCost(runs = 300) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-bench-totp-'));
  const db = openDatabase(path.join(dir, 'till.db'));
  try {
    const journal = createJournal(db, 'T01');
    let clock = Date.parse('2026-12-05T10:00:00Z');
    const twoFactor = createTwoFactor({ db, journal, secrets: createFileSecretStore({ dataDir: dir }), guard: createSignInGuard(db, journal, () => new Date(clock)), now: () => clock });
    const added = createUsers(db, journal).add({ nameAr: 'مدير', nameEn: 'Manager', role: 'manager', pin: '2468' }, 'bench');
    const manager = { id: added.id, nameAr: added.nameAr, nameEn: added.nameEn, role: added.role };
    const started = await twoFactor.start(manager);
    const secret = Secret.fromBase32(started.secret);
    const codeAt = (ms: number) => TOTP.generate({ secret, ...TOTP_PARAMS, timestamp: ms });
    twoFactor.confirm(manager, codeAt(clock));

    const hmac: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const code = codeAt(clock + i * 30_000);
      const t0 = process.hrtime.bigint();
      acceptedStep(secret, code, clock + i * 30_000);
      hmac.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const verify: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      clock += 30_000;
      const code = codeAt(clock);
      const t0 = process.hrtime.bigint();
      twoFactor.verify(manager.id, code);
      verify.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const recovery: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t0 = process.hrtime.bigint();
      try {
        twoFactor.verify(manager.id, 'zzzzz-zzzzz');
      } catch {
        // SECOND_FACTOR_WRONG, as expected: the cost is what is measured.
      }
      recovery.push(Number(process.hrtime.bigint() - t0) / 1e6);
      twoFactor.verify(manager.id, codeAt((clock += 30_000))); // a right code clears the back-off between tries
    }
    return { codeHmacUs: summarise(hmac), verifyMs: summarise(verify), recoveryWorstMs: summarise(recovery) };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
