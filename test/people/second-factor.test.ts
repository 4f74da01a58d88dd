// Two-factor in the approval path (issue 14, main/auth): an admin approving an admin action gives their
// authenticator code beside the PIN (`secondFactor`), a manager past a settings threshold too; a missing code,
// a wrong one and a replayed one each have their answer. One demo till with an admin added, as `nuqta user add`
// does, and its thresholds lowered so a demo item's refund is past one.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_CASHIER, DEMO_MANAGER, TOTP_PARAMS } from '../../main/people';
import { openSettings } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const ADMIN_PIN = '8642';
const SUPERVISOR_PIN = '4321';
let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
  await t.till.close();
  const db = openDatabase(ledgerFile(t.dir));
  try {
    const settings = openSettings(db);
    const users = createUsers(db, createJournal(db, settings.get().tillId));
    users.add({ nameAr: 'سعاد', nameEn: 'Suad', role: 'admin', pin: ADMIN_PIN }, 'test');
    users.add({ nameAr: 'منى', nameEn: 'Muna', role: 'supervisor', pin: SUPERVISOR_PIN }, 'test');
    // A refund of more than SAR 3 (the bread's 5 is; the water's 1 is not) needs a manager's code.
    settings.update({ twoFactor: { refundAboveHalalas: 300, cashDifferenceAboveHalalas: 5_000 } });
  } finally {
    db.close();
  }
  await t.restart();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** The code the user's app shows `ahead` steps from now (the till accepts one step either side). */
const codeOf = (secret: string, ahead = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), ...TOTP_PARAMS, timestamp: Date.now() + ahead * 30_000 });
const lastOverride = () => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    const row = db.prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'manager.override' ORDER BY seq DESC LIMIT 1").get();
    return row ? (JSON.parse(row.payload) as Record<string, unknown>) : null;
  } finally {
    db.close();
  }
};
const settingsChange = (managerPin: string, secondFactor?: string) =>
  t.attempt('updateSettings', { managerPin, settings: { lockAfterMinutes: 7 }, ...(secondFactor === undefined ? {} : { secondFactor }) });

let adminRecovery: string[] = [];
let managerRecovery: string[] = [];

describe('an admin action approved by an admin', () => {
  it('tells an admin who has not enrolled to enrol; a manager approves it with the PIN alone', async () => {
    expect(await settingsChange(ADMIN_PIN)).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_NOT_ENROLLED' } });
    expect((await settingsChange(DEMO_MANAGER.pin)).ok).toBe(true);
    // A read behind the PIN is not an action.
    expect((await t.attempt('getSettings', { managerPin: ADMIN_PIN })).ok).toBe(true);
  });

  it('is enrolled by the admin signed in, not by a cashier', async () => {
    expect(await t.attempt('startTotpEnrolment', {})).toMatchObject({ ok: false, error: { code: 'TOTP_NOT_FOR_ROLE' } });
    await t.call('signIn', { pin: ADMIN_PIN });
    const started = await t.call('startTotpEnrolment', {});
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.*digits=6.*period=30/);
    expect(await t.attempt('confirmTotpEnrolment', { code: '000000' })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    expect(await t.call('confirmTotpEnrolment', { code: codeOf(started.secret) })).toEqual({ enrolled: true });
    adminRecovery = started.recoveryCodes;
    await t.call('signIn', { pin: DEMO_CASHIER.pin });

    // Missing, wrong, right (journaled with the approval), then the same code again.
    expect(await settingsChange(ADMIN_PIN)).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED', message_ar: expect.stringContaining('٦'), message_en: expect.stringContaining('6-digit') } });
    expect(await settingsChange(ADMIN_PIN, '000000')).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    const code = codeOf(started.secret, 1);
    expect((await settingsChange(ADMIN_PIN, code)).ok).toBe(true);
    expect(lastOverride()).toMatchObject({ method: 'updateSettings', approverRole: 'admin', secondFactor: 'totp' });
    expect(await settingsChange(ADMIN_PIN, code)).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_USED' } });
    // A recovery code stands in for a lost phone, once (the install itself answers whatever the till's state allows).
    await t.attempt('installUpdate', { managerPin: ADMIN_PIN, secondFactor: adminRecovery[0] });
    expect(lastOverride()).toMatchObject({ method: 'installUpdate', approverRole: 'admin', secondFactor: 'recovery' });
    expect(await settingsChange(ADMIN_PIN, adminRecovery[0])).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    // Managing users is an admin action too: adding one and changing one's PIN.
    const newcomer = { nameAr: 'ريم', nameEn: 'Reem', role: 'cashier' as const, pin: '5791' };
    expect(await t.attempt('addUser', { managerPin: ADMIN_PIN, ...newcomer })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    const added = await t.call('addUser', { managerPin: ADMIN_PIN, secondFactor: adminRecovery[1], ...newcomer });
    const reem = added.users.find((u) => u.nameEn === 'Reem')!;
    const newPin = { managerPin: ADMIN_PIN, userId: reem.id, change: { kind: 'pin' as const, pin: '5792' } };
    expect(await t.attempt('changeUser', newPin)).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect((await t.attempt('changeUser', { ...newPin, secondFactor: adminRecovery[2] })).ok).toBe(true);
    expect(lastOverride()).toMatchObject({ method: 'changeUser', approverRole: 'admin', secondFactor: 'recovery' });
  });
});

describe('a manager past a threshold', () => {
  const sold = async (barcode: string) => {
    await t.call('scanBarcode', { barcode });
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: 1000 });
    return { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' as const };
  };

  it('gives their code for a large refund; a supervisor may not approve it; a small one needs the PIN alone', async () => {
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    const started = await t.call('startTotpEnrolment', {});
    await t.call('confirmTotpEnrolment', { code: codeOf(started.secret) });
    managerRecovery = started.recoveryCodes;
    await t.call('signIn', { pin: DEMO_CASHIER.pin });

    const small = await sold(DEMO.water.barcode);
    expect((await t.attempt('returnSale', { ...small, managerPin: SUPERVISOR_PIN })).ok).toBe(true);

    const large = await sold(DEMO.bread.barcode);
    expect(await t.attempt('returnSale', { ...large, managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await t.attempt('returnSale', { ...large, managerPin: DEMO_MANAGER.pin })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect(await t.attempt('returnSale', { ...large, managerPin: DEMO_MANAGER.pin, secondFactor: '123123' })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    expect((await t.attempt('returnSale', { ...large, managerPin: DEMO_MANAGER.pin, secondFactor: managerRecovery[1] })).ok).toBe(true);
    expect(lastOverride()).toMatchObject({ method: 'returnSale', permission: 'approve:manager', approverRole: 'manager', secondFactor: 'recovery' });
  });

  it('gives their code to close a shift whose cash is out by more than the threshold', async () => {
    // The demo till opened a shift for the sales above; a SAR 100 note more than it expects is SAR 50 out and more.
    expect(await t.call('closeShift', { count: { n100: 1 } })).toMatchObject({ outcome: 'needs-manager' });
    expect(await t.attempt('approveShiftClose', { managerPin: SUPERVISOR_PIN, reason: 'Extra note' })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await t.attempt('approveShiftClose', { managerPin: DEMO_MANAGER.pin, reason: 'Extra note' })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect(await t.call('approveShiftClose', { managerPin: DEMO_MANAGER.pin, reason: 'Extra note', secondFactor: managerRecovery[2] })).toMatchObject({ outcome: 'closed' });
    expect(lastOverride()).toMatchObject({ method: 'approveShiftClose', permission: 'approve:manager', secondFactor: 'recovery' });
  });

  it('gives their code to close the day (the Z) whose shifts were out by more than the threshold', async () => {
    // The period holds the shift closed SAR 100 over just above: the Z names that cash difference.
    expect(await t.attempt('closeDay', { managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await t.attempt('closeDay', { managerPin: DEMO_MANAGER.pin })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    const closed = await t.call('closeDay', { managerPin: DEMO_MANAGER.pin, secondFactor: managerRecovery[3]! });
    expect(closed.z.report.shifts.map((s) => s.differenceHalalas)).toEqual([10_000]);
    expect(lastOverride()).toMatchObject({ method: 'closeDay', permission: 'approve:manager', secondFactor: 'recovery' });
    // The next day's period has no cash difference: the PIN alone.
    expect((await t.attempt('closeDay', { managerPin: DEMO_MANAGER.pin })).ok).toBe(true);
    expect(lastOverride()).toMatchObject({ method: 'closeDay' });
    expect(lastOverride()).not.toHaveProperty('secondFactor');
  });

  it('an admin action approved by a manager asks no code of them (the rule is for admins)', async () => {
    expect((await settingsChange(DEMO_MANAGER.pin)).ok).toBe(true);
    expect(lastOverride()).not.toHaveProperty('secondFactor');
  });
});
