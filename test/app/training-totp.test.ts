// Training copies the live till's two-factor enrolments (issue 14, docs/training.md): a manager enrolled on the live
// till approves past a threshold in training with the same phone, the training ledger journals the copy so its
// `ledger verify` passes, and the next switch brings it up to date (a live re-enrolment, a removal) without
// enrolling twice. The secret goes from the live secret store to the training one; never into a ledger.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { trainingDirOf } from '../../main/app/training';
import { checkLedgerFile } from '../../main/backup';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createSignInGuard, createTwoFactor, DEMO_CASHIER, DEMO_MANAGER, TOTP_PARAMS } from '../../main/people';
import { createFileSecretStore } from '../../main/secrets';
import { openSettings } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
  await t.till.close();
  const db = openDatabase(ledgerFile(t.dir));
  try {
    // A refund of more than SAR 3 (the bread's 5 is) needs a manager's code.
    openSettings(db).update({ twoFactor: { refundAboveHalalas: 300, cashDifferenceAboveHalalas: 5_000 } });
  } finally {
    db.close();
  }
  await t.restart();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const codeOf = (secret: string, ahead = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), ...TOTP_PARAMS, timestamp: Date.now() + ahead * 30_000 });
const trainingLedger = () => ledgerFile(trainingDirOf(t.dir));
const enrolments = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare('SELECT user_id, last_step FROM user_totp ORDER BY user_id').all();
  } finally {
    db.close();
  }
};

async function enrolManager(): Promise<{ secret: string; recoveryCodes: string[] }> {
  await t.call('signIn', { pin: DEMO_MANAGER.pin });
  const started = await t.call('startTotpEnrolment', {});
  await t.call('confirmTotpEnrolment', { code: codeOf(started.secret) });
  await t.call('signIn', { pin: DEMO_CASHIER.pin });
  return started;
}

const largeRefund = async (secondFactor?: string) => {
  await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
  const { receipt } = await t.call('tenderCash', { tenderedHalalas: 1000 });
  const input = { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' as const, managerPin: DEMO_MANAGER.pin };
  return { input, answer: await t.attempt('returnSale', { ...input, ...(secondFactor === undefined ? {} : { secondFactor }) }) };
};

describe('two-factor in training', () => {
  it('a manager enrolled on the live till approves past a threshold in training with the same phone', async () => {
    const { secret } = await enrolManager();
    await t.call('setTraining', { on: true, managerPin: DEMO_MANAGER.pin });
    expect((await t.call('getTill', {})).training).toBe(true);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });

    const { input, answer } = await largeRefund();
    expect(answer).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    // The step the live till last accepted came along: a code of the next step, once.
    const code = codeOf(secret, 1);
    expect((await t.attempt('returnSale', { ...input, secondFactor: code })).ok).toBe(true);
    expect((await largeRefund(code)).answer).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_USED' } });
    expect(checkLedgerFile(trainingLedger(), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('follows the live till at the next switch: a reset there is a reset in training, and a new enrolment replaces it', async () => {
    await t.call('setTraining', { on: false, managerPin: DEMO_MANAGER.pin });
    expect((await t.call('getTill', {})).training).toBe(false);
    // The manager's phone is lost: reset as `nuqta user totp-reset` does, with the till stopped.
    await t.till.close();
    const db = openDatabase(ledgerFile(t.dir));
    try {
      const journal = createJournal(db, openSettings(db).get().tillId);
      const twoFactor = createTwoFactor({ db, journal, secrets: createFileSecretStore({ dataDir: t.dir }), guard: createSignInGuard(db, journal) });
      expect(twoFactor.remove(DEMO_MANAGER.id, 'cli')).toBe(true);
    } finally {
      db.close();
    }
    await t.restart();

    await t.call('setTraining', { on: true, managerPin: DEMO_MANAGER.pin });
    expect((await t.call('getTill', {})).training).toBe(true); // waits for the switch
    expect(enrolments(trainingLedger())).toEqual([]);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    expect((await largeRefund()).answer).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_NOT_ENROLLED' } });
    expect(checkLedgerFile(trainingLedger(), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });

    // Enrolled again on the live till (a new phone): training takes the new secret.
    await t.call('setTraining', { on: false, managerPin: DEMO_MANAGER.pin });
    const { secret, recoveryCodes } = await enrolManager();
    await t.call('setTraining', { on: true, managerPin: DEMO_MANAGER.pin });
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    expect((await largeRefund(codeOf(secret, 1))).answer.ok).toBe(true);
    expect(enrolments(trainingLedger())).toEqual([{ user_id: DEMO_MANAGER.id, last_step: expect.any(Number) }]);
    expect(checkLedgerFile(trainingLedger(), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
    await t.call('setTraining', { on: false, managerPin: DEMO_MANAGER.pin });

    // The same enrolment on both sides: a recovery code used on the live till is used in training too.
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    expect((await largeRefund(recoveryCodes[0])).answer.ok).toBe(true);
    await t.call('setTraining', { on: true, managerPin: DEMO_MANAGER.pin });
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    expect((await largeRefund(recoveryCodes[0])).answer).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    expect((await largeRefund(recoveryCodes[1])).answer.ok).toBe(true);
    expect(checkLedgerFile(trainingLedger(), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
    await t.call('setTraining', { on: false, managerPin: DEMO_MANAGER.pin });
  });
});
