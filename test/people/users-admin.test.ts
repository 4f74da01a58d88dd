// The admin screen's Users tab through the real dispatcher (issue 14): list, add, a new PIN, a badge set and
// cleared, deactivate and reactivate, and lifting a wrong-PIN pause — each behind a manager's PIN, journaled with
// the approver, listed by the audit, replayed by `ledger verify` (the till's cleanup verifies its ledger, and one
// edited row is caught here). One demo till, signed in as its demo cashier.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const managerPin = DEMO_MANAGER.pin;
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

describe('the Users tab', () => {
  let saraId = '';

  it('lists the users without a hash, behind a manager\'s PIN', async () => {
    expect(await t.attempt('listUsers', { managerPin: DEMO_CASHIER.pin })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    const list = await t.call('listUsers', { managerPin });
    expect(list.users.map((u) => [u.id, u.role, u.active, u.hasBadge, u.pausedUntil])).toEqual([
      [DEMO_CASHIER.id, 'cashier', true, false, null],
      [DEMO_MANAGER.id, 'manager', true, false, null],
    ]);
    expect(list.tillPausedUntil).toBeNull();
    expect(JSON.stringify(list)).not.toMatch(/hash|salt/i);
  });

  it('adds a user (journaled with the approver), who then signs in; a PIN or badge in use is refused', async () => {
    expect(await t.attempt('addUser', { managerPin, nameAr: 'سارة', nameEn: 'Sara', role: 'supervisor', pin: DEMO_CASHIER.pin })).toMatchObject({
      ok: false,
      error: { code: 'USER_PIN_TAKEN' },
    });
    const list = await t.call('addUser', { managerPin, nameAr: 'سارة', nameEn: 'Sara', role: 'supervisor', pin: '5824', badge: 'staff-0042' });
    const sara = list.users.find((u) => u.nameEn === 'Sara')!;
    expect(sara).toMatchObject({ nameAr: 'سارة', role: 'supervisor', active: true, hasBadge: true });
    saraId = sara.id;
    expect(journal('user.added').at(-1)?.payload).toMatchObject({ userId: saraId, by: DEMO_MANAGER.id });
    expect(journal('manager.override').at(-1)?.payload).toMatchObject({ method: 'addUser', approverId: DEMO_MANAGER.id });
    expect(await t.attempt('addUser', { managerPin, nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '7310', badge: 'STAFF-0042' })).toMatchObject({
      ok: false,
      error: { code: 'USER_BADGE_TAKEN' },
    });
    expect((await t.call('signIn', { badge: 'STAFF-0042', pin: '5824' })).user?.id).toBe(saraId);
    expect((await t.call('signIn', { pin: DEMO_CASHIER.pin })).user?.id).toBe(DEMO_CASHIER.id);
  });

  it('sets a new PIN, clears and sets a badge', async () => {
    await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'pin', pin: '6006' } });
    expect(await t.attempt('signIn', { pin: '5824' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
    expect((await t.call('signIn', { pin: '6006' })).user?.id).toBe(saraId);
    const cleared = await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'badge', badge: null } });
    expect(cleared.users.find((u) => u.id === saraId)?.hasBadge).toBe(false);
    expect(await t.attempt('signIn', { badge: 'STAFF-0042', pin: '6006' })).toMatchObject({ ok: false, error: { code: 'BADGE_UNKNOWN' } });
    await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'badge', badge: 'STAFF-0099' } });
    expect((await t.call('signIn', { badge: 'staff-0099', pin: '6006' })).user?.id).toBe(saraId);
    expect(journal('user.badge_set').map((e) => e.payload.badgeHash === null)).toEqual([true, false]);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });

  it('lifts a wrong-PIN pause of a badge and of the till, journaled and in the audit list', async () => {
    for (let i = 0; i < 4; i += 1) await t.attempt('signIn', { badge: 'STAFF-0099', pin: '0000' });
    expect(await t.attempt('signIn', { badge: 'STAFF-0099', pin: '0000' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_LOCKED' } });
    const paused = await t.call('listUsers', { managerPin });
    expect(paused.users.find((u) => u.id === saraId)?.pausedUntil).toMatch(/^\d{4}-/);
    const lifted = await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'unlock' } });
    expect(lifted.users.find((u) => u.id === saraId)?.pausedUntil).toBeNull();
    expect((await t.call('signIn', { badge: 'STAFF-0099', pin: '6006' })).user?.id).toBe(saraId);

    for (let i = 0; i < 5; i += 1) await t.attempt('signIn', { pin: '0000' });
    expect(await t.attempt('signIn', { pin: '6006' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_LOCKED' } });
    expect((await t.call('listUsers', { managerPin })).tillPausedUntil).toMatch(/^\d{4}-/);
    await t.call('changeUser', { managerPin, userId: 'till', change: { kind: 'unlock' } });
    expect((await t.call('signIn', { pin: DEMO_CASHIER.pin })).user?.id).toBe(DEMO_CASHIER.id);
    expect(journal('people.pin_unlocked').map((e) => e.payload)).toEqual([
      // Approved by the manager (`by`) for whoever was signed in at the till (`actor`).
      { subject: `user:${saraId}`, failures: 0, lockouts: 0, lockedUntil: null, by: DEMO_MANAGER.id, actor: DEMO_CASHIER.id },
      { subject: 'till', failures: 0, lockouts: 0, lockedUntil: null, by: DEMO_MANAGER.id, actor: saraId },
    ]);
    const audit = await t.call('listAudit', { managerPin, action: 'user', limit: 50 });
    expect(audit.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['people.pin_unlocked', 'user.badge_set', 'user.pin_set', 'user.added']));
    expect(await t.attempt('changeUser', { managerPin, userId: 'nobody', change: { kind: 'unlock' } })).toMatchObject({ ok: false, error: { code: 'USER_UNKNOWN' } });
  });

  it('deactivates and reactivates with a new PIN (badge dropped); the last manager stays', async () => {
    await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'deactivate' } });
    expect(await t.attempt('signIn', { pin: '6006' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
    expect(await t.attempt('changeUser', { managerPin, userId: saraId, change: { kind: 'reactivate', pin: DEMO_MANAGER.pin } })).toMatchObject({
      ok: false,
      error: { code: 'USER_PIN_TAKEN' },
    });
    const back = await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'reactivate', pin: '6116' } });
    expect(back.users.find((u) => u.id === saraId)).toMatchObject({ active: true, hasBadge: false });
    expect((await t.call('signIn', { pin: '6116' })).user?.id).toBe(saraId);
    expect(await t.attempt('changeUser', { managerPin, userId: DEMO_MANAGER.id, change: { kind: 'deactivate' } })).toMatchObject({
      ok: false,
      error: { code: 'USER_LAST_MANAGER' },
    });
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });

  it('takes an approval by a badge scan then the PIN: that holder\'s PIN only, once', async () => {
    await t.call('changeUser', { managerPin, userId: saraId, change: { kind: 'badge', badge: 'STAFF-0077' } });
    expect((await t.call('currentUser', {})).user?.id).toBe(DEMO_CASHIER.id);
    expect(await t.attempt('presentApproverBadge', { badge: 'STAFF-9999' })).toMatchObject({ ok: false, error: { code: 'BADGE_UNKNOWN' } });
    expect(await t.call('presentApproverBadge', { badge: 'staff-0077' })).toEqual({ nameAr: 'سارة', nameEn: 'Sara' });
    // After the badge, another user's PIN (the manager's) is a wrong PIN: the badge named Sara.
    expect(await t.attempt('openDrawer', { reason: 'change', managerPin: DEMO_MANAGER.pin })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    // The badge is gone after one PIN: the manager's PIN alone approves again.
    expect((await t.attempt('openDrawer', { reason: 'change', managerPin: DEMO_MANAGER.pin })).ok).toBe(true);
    await t.call('presentApproverBadge', { badge: 'STAFF-0077' });
    expect((await t.attempt('openDrawer', { reason: 'change', managerPin: '6116' })).ok).toBe(true);
    expect(journal('manager.override').at(-1)?.payload).toMatchObject({ method: 'openDrawer', approverId: saraId, userId: DEMO_CASHIER.id });
  });

  it('drops a badge whose dialog was cancelled: the next PIN, in another dialog, is not checked against its holder', async () => {
    await t.call('presentApproverBadge', { badge: 'STAFF-0077' });
    await t.call('dropApproverBadge', {});
    expect((await t.attempt('openDrawer', { reason: 'change', managerPin: DEMO_MANAGER.pin })).ok).toBe(true);
    expect(journal('manager.override').at(-1)?.payload).toMatchObject({ method: 'openDrawer', approverId: DEMO_MANAGER.id });
  });

  it('is replayed by ledger verify: a reactivation or a badge edited by hand is caught', async () => {
    await t.till.close();
    const tampered = (edit: (db: Database.Database) => void) => {
      const copy = tempDir('nuqta-users-tamper-', { verifyLedger: false });
      fs.copyFileSync(ledgerFile(t.dir), ledgerFile(copy.dir));
      const raw = new Database(ledgerFile(copy.dir));
      edit(raw);
      raw.close();
      const db = openDatabase(ledgerFile(copy.dir), { readonly: true });
      try {
        return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      } finally {
        db.close();
        copy.cleanup();
      }
    };
    expect(tampered(() => undefined).ok).toBe(true);
    const badge = tampered((db) => db.prepare("UPDATE users SET badge_hash = 'ab', badge_salt = 'cd' WHERE id = ?").run(saraId));
    expect(JSON.stringify(badge)).toContain('users');
    expect(badge.ok).toBe(false);
    await t.restart();
  });
});
