// Manager override by user (issue 14): the PIN typed for `managerPin` names an active user whose role may
// approve the method called; the approval is journaled with both users. Wrong PINs still count against the
// guard; a till with no users keeps the shared PIN. One demo till, signed in as its cashier; then ManagerAuth alone.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../preload/contract';
import { ledgerFile } from '../../main/app';
import { createManagerAuth, hashPin } from '../../main/auth';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO_SETTINGS, openSettings } from '../../main/settings';
import { startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const SUPERVISOR_PIN = '4321';
/** The settings' shared manager PIN, set to one no user has: a till with users must not take it. */
const SHARED_PIN = '5555';
let t: TestTill;
let supervisorId = '';
beforeAll(async () => {
  t = await startTestTill();
  // A supervisor, added as `nuqta user add` does: with the till stopped.
  await t.till.close();
  const db = openDatabase(ledgerFile(t.dir));
  try {
    const settings = openSettings(db);
    const users = createUsers(db, createJournal(db, settings.get().tillId));
    settings.update({ managerPin: { salt: 'test-salt-0001', hash: hashPin(SHARED_PIN, 'test-salt-0001') } });
    supervisorId = users.add({ nameAr: 'منى', nameEn: 'Muna', role: 'supervisor', pin: SUPERVISOR_PIN }, 'test').id;
  } finally {
    db.close();
  }
  await t.restart();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const journal = (pattern: string) => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db
      .prepare<[string], { type: string; payload: string }>('SELECT type, payload FROM journal WHERE type LIKE ? ORDER BY seq')
      .all(pattern)
      .map((r) => ({ type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  } finally {
    db.close();
  }
};
const drawer = (managerPin: string) => t.attempt('openDrawer', { managerPin, reason: 'change for the next till' });

describe('an approval by a user', () => {
  it('is given by a supervisor or a manager (journaled with both users), never by a cashier', async () => {
    expect((await t.call('currentUser', {})).user?.id).toBe(DEMO_CASHIER.id);
    expect(await drawer(DEMO_CASHIER.pin)).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect((await drawer(SUPERVISOR_PIN)).ok).toBe(true);
    expect((await drawer(DEMO_MANAGER.pin)).ok).toBe(true);
    expect(journal('manager.override').map((e) => e.payload)).toEqual([
      { method: 'openDrawer', permission: 'approve:supervisor', userId: DEMO_CASHIER.id, userRole: 'cashier', approverId: supervisorId, approverRole: 'supervisor', actor: DEMO_CASHIER.id },
      { method: 'openDrawer', permission: 'approve:supervisor', userId: DEMO_CASHIER.id, userRole: 'cashier', approverId: DEMO_MANAGER.id, approverRole: 'manager', actor: DEMO_CASHIER.id },
    ]);
    // A cashier's PIN is not a guess: it does not count towards the lockout.
    expect(journal('manager.pin_%')).toEqual([]);
  });

  it('needs a manager where the contract says so; a read behind the PIN (view:) is checked but not journaled', async () => {
    const overrides = () => journal('manager.override').length;
    const before = overrides();
    expect(await t.attempt('getSettings', { managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect((await t.attempt('getSettings', { managerPin: DEMO_MANAGER.pin })).ok).toBe(true);
    expect((await t.attempt('getXReport', { managerPin: SUPERVISOR_PIN })).ok).toBe(true);
    expect(overrides()).toBe(before);
    // An action (approve:manager): the approval is journaled when given, whatever the terminal then answers.
    expect(await t.attempt('settleTerminal', { managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    await t.attempt('settleTerminal', { managerPin: DEMO_MANAGER.pin });
    expect(journal('manager.override').at(-1)?.payload).toMatchObject({ method: 'settleTerminal', permission: 'approve:manager', approverId: DEMO_MANAGER.id, userId: DEMO_CASHIER.id });
  });

  it('has no shared PIN on a till with users, and wrong PINs still lock the approval', async () => {
    // The settings' shared PIN is replaced by the users': a PIN nobody has is wrong, whatever the settings hold.
    expect(await drawer(SHARED_PIN)).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    for (let i = 0; i < 3; i += 1) expect(await drawer('9999')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await drawer('9999')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_LOCKED' } });
    expect(await drawer(DEMO_MANAGER.pin)).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_LOCKED' } });
    expect(journal('manager.pin_%').map((e) => e.type)).toEqual([...Array(4).fill('manager.pin_failed'), 'manager.pin_locked']);
  });

  it('refuses a signed-out till before any PIN is looked at', async () => {
    await t.call('signOut', {});
    expect(await drawer(DEMO_MANAGER.pin)).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });
});

describe('ManagerAuth on its own', () => {
  const rig = (active: boolean) => {
    const tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'till.db'));
    const settings = openSettings(db, DEMO_SETTINGS);
    const journalOf = createJournal(db, 'T01');
    const byPin: Record<string, SignedInUser> = {
      '4321': { id: 'u-sup', nameAr: 'م', nameEn: 'S', role: 'supervisor' },
      '8765': { id: 'u-man', nameAr: 'م', nameEn: 'M', role: 'manager' },
    };
    const auth = createManagerAuth({ db, journal: journalOf, stored: () => settings.get().managerPin, approvers: { hasActive: () => active, byPin: (pin) => byPin[pin] } });
    const overrides = () => db.prepare<[], string>("SELECT payload FROM journal WHERE type = 'manager.override'").pluck().all().map((p) => JSON.parse(p) as unknown);
    return { auth, overrides, close: () => (db.close(), tmp.cleanup()) };
  };

  it('keeps the shared PIN while no user is active (no approver to name, nothing journaled)', () => {
    const { auth, overrides, close } = rig(false);
    try {
      expect(auth.check('1234')).toBeNull();
      expect(() => auth.check('8765')).toThrow(expect.objectContaining({ code: 'MANAGER_PIN_WRONG' }));
      expect(overrides()).toEqual([]);
    } finally {
      close();
    }
  });

  it('outside a contract call asks for a manager, and journals the approval without a method or a signed-in user', () => {
    const { auth, overrides, close } = rig(true);
    try {
      expect(() => auth.check('1234')).toThrow(expect.objectContaining({ code: 'MANAGER_PIN_WRONG' }));
      expect(() => auth.check('4321')).toThrow(expect.objectContaining({ code: 'APPROVER_NOT_ALLOWED' }));
      expect(auth.check('8765')?.id).toBe('u-man');
      expect(overrides()).toEqual([{ method: null, permission: 'approve:manager', userId: null, userRole: null, approverId: 'u-man', approverRole: 'manager' }]);
    } finally {
      close();
    }
  });
});
