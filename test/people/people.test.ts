// People, first step (issue 14): users with salted PIN hashes, a PIN that names one user, sign-in and the lock
// main enforces on sale methods, the back-off that survives a restart, the cashier on the sale and its receipt,
// and `ledger verify` catching an edited user or cashier. One demo till for the file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal, verifyLedger } from '../../main/ledger';
import { createSession, createSignInGuard, createUsers, DEMO_CASHIER, DEMO_MANAGER, matches, peopleHealth, retireDemoUsers, seedDemoUsers } from '../../main/people';
import { cashierNameOf } from '../../main/printing/service/render-job';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const usersRows = (dir: string) => {
  const db = openDatabase(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[], Record<string, unknown>>('SELECT * FROM users ORDER BY rowid').all();
  } finally {
    db.close();
  }
};

describe('a demo till', () => {
  it('has its demo staff, stored as salted hashes, and starts signed in as the demo cashier', async () => {
    expect(await t.call('currentUser', {})).toMatchObject({ user: { id: DEMO_CASHIER.id, role: 'cashier' }, required: true, lockAfterMs: 5 * 60_000 });
    const rows = usersRows(t.dir);
    expect(rows.map((r) => [r.id, r.role])).toEqual([
      [DEMO_CASHIER.id, 'cashier'],
      [DEMO_MANAGER.id, 'manager'],
    ]);
    for (const row of rows) {
      expect(row.pin_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.pin_salt).toMatch(/^[0-9a-f]{32}$/);
      expect(JSON.stringify(row)).not.toContain(`"${DEMO_CASHIER.pin}"`);
    }
    expect(rows[0]!.pin_salt).not.toBe(rows[1]!.pin_salt);
    expect(matches(DEMO_CASHIER.pin, { salt: String(rows[0]!.pin_salt), hash: String(rows[0]!.pin_hash) })).toBe(true);
    expect(matches(DEMO_MANAGER.pin, { salt: String(rows[0]!.pin_salt), hash: String(rows[0]!.pin_hash) })).toBe(false);
  });

  it('records the signed-in cashier on the sale and names them on the receipt; a sign-in claims an empty sale', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const first = await t.call('tenderCash', { tenderedHalalas: 1000 });
    expect(first.receipt.cashier).toEqual({ id: DEMO_CASHIER.id, nameAr: DEMO_CASHIER.nameAr, nameEn: DEMO_CASHIER.nameEn });
    expect(cashierNameOf(first.receipt)).toBe(DEMO_CASHIER.nameAr);
    expect((await t.call('getReceipt', { receiptNo: first.receipt.receiptNo })).cashier?.id).toBe(DEMO_CASHIER.id);

    // The manager signs in on the empty next sale: it becomes theirs.
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    const second = await t.call('tenderCash', { tenderedHalalas: 500 });
    expect(second.receipt.cashier?.id).toBe(DEMO_MANAGER.id);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
  });

  it('refuses sale methods while locked (reads stay open) and brings the open sale back after sign-in', async () => {
    const open = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect((await t.call('signOut', {})).user).toBeNull();
    for (const refused of [
      await t.attempt('scanBarcode', { barcode: DEMO.milk.barcode }),
      await t.attempt('setQuantity', { lineId: open.lines[0]!.lineId, quantity: 2 }),
      await t.attempt('voidSale', {}),
      await t.attempt('tenderCash', { tenderedHalalas: 100 }),
      await t.attempt('payCard', { amountHalalas: 100 }),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    }
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
    expect(await t.attempt('signIn', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
    expect((await t.call('signIn', { pin: DEMO_CASHIER.pin })).user?.id).toBe(DEMO_CASHIER.id);
    const back = await t.call('getSale', {});
    expect(back.saleId).toBe(open.saleId);
    expect(back.lines.map((l) => l.barcode)).toEqual([DEMO.water.barcode]);
    await t.call('voidSale', {});
  });

  it('pauses sign-in after five wrong PINs, and the pause survives a restart (journaled)', async () => {
    for (let i = 0; i < 4; i += 1) expect(await t.attempt('signIn', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
    expect(await t.attempt('signIn', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_LOCKED' } });
    await t.restart();
    expect(await t.attempt('signIn', { pin: DEMO_CASHIER.pin })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_LOCKED' } });
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      const types = db.prepare<[], string>("SELECT type FROM journal WHERE type LIKE 'people.pin_%' ORDER BY seq").pluck().all();
      expect(types.slice(-5)).toEqual([...Array(4).fill('people.pin_failed'), 'people.pin_locked']);
    } finally {
      db.close();
    }
  });
});

describe('users', () => {
  it('refuses a PIN another active user has, and frees it when that user is deactivated', () => {
    const tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'till.db'));
    try {
      const users = createUsers(db, createJournal(db, 'T01'));
      const sara = users.add({ nameAr: 'سارة', nameEn: 'Sara', role: 'admin', pin: '5824' }, 'test');
      expect(() => users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '5824' }, 'test')).toThrow(expect.objectContaining({ code: 'USER_PIN_TAKEN' }));
      expect(() => users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '12' }, 'test')).toThrow(expect.objectContaining({ code: 'USER_PIN_FORMAT' }));
      const ali = users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '7310', badge: 'STAFF-0042' }, 'test');
      expect(() => users.setPin(ali.id, '5824', 'test')).toThrow(expect.objectContaining({ code: 'USER_PIN_TAKEN' }));
      expect(users.byPin('5824')?.id).toBe(sara.id);
      expect(users.byBadge('STAFF-0042')?.id).toBe(ali.id);
      expect(users.byBadge(' staff-0042 ')?.id).toBe(ali.id); // a scanner without Shift types it in lower case
      users.deactivate(sara.id, 'test');
      expect(users.byPin('5824')).toBeUndefined();
      users.setPin(ali.id, '5824', 'test');
      expect(users.byPin('5824')?.id).toBe(ali.id);
      expect(users.list().map((u) => Object.keys(u).sort())).toEqual([
        ['active', 'hasBadge', 'id', 'nameAr', 'nameEn', 'role'],
        ['active', 'hasBadge', 'id', 'nameAr', 'nameEn', 'role'],
      ]);
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('signs in by badge then PIN (the back-off is the badge holder\'s), locks when idle, and asks nothing of a till with no users', () => {
    const tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'till.db'));
    try {
      const journal = createJournal(db, 'T01');
      const users = createUsers(db, journal);
      let clock = Date.parse('2026-12-05T10:00:00Z');
      const guard = createSignInGuard(db, journal, () => new Date(clock));
      const session = createSession({ db, journal, users, guard, lockAfterMs: () => 60_000, required: () => users.hasActive(), initial: null, now: () => clock });
      expect(session.requireSignedIn()).toBeNull();
      expect(session.current().required).toBe(false);
      users.add({ nameAr: 'متدرب', nameEn: 'Trainee', role: 'trainee', pin: '2468' }, 'test');
      expect(() => session.signIn({ pin: '2468' })).toThrow(expect.objectContaining({ code: 'SIGN_IN_TRAINEE' }));
      const ali = users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '7310', badge: 'STAFF-0042' }, 'test');
      expect(() => session.requireSignedIn()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
      expect(() => session.signIn({ badge: 'STAFF-9999', pin: '7310' })).toThrow(expect.objectContaining({ code: 'BADGE_UNKNOWN' }));
      for (let i = 0; i < 4; i += 1) expect(() => session.signIn({ badge: 'STAFF-0042', pin: '0000' })).toThrow(expect.objectContaining({ code: 'SIGN_IN_WRONG' }));
      expect(() => session.signIn({ badge: 'STAFF-0042', pin: '0000' })).toThrow(expect.objectContaining({ code: 'SIGN_IN_LOCKED' }));
      // The till's own count (a PIN alone) is another subject: Ali still signs in with his PIN alone.
      expect(session.signIn({ pin: '7310' }).user?.id).toBe(ali.id);
      clock += 61_000;
      expect(session.signIn({ badge: 'STAFF-0042', pin: '7310' }).user?.id).toBe(ali.id);
      clock += 59_000;
      expect(session.requireSignedIn()?.id).toBe(ali.id);
      clock += 60_000;
      expect(() => session.requireSignedIn()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
      expect(session.current().user).toBeNull();
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('retires the demo staff of a till gone live: their PINs are public, so nobody signs in with them', () => {
    const tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'till.db'));
    try {
      const journal = createJournal(db, 'T01');
      const users = createUsers(db, journal);
      expect(seedDemoUsers(users)?.id).toBe(DEMO_CASHIER.id);
      retireDemoUsers(users);
      expect(users.hasActive()).toBe(false);
      expect(users.byPin(DEMO_MANAGER.pin)).toBeUndefined();
      // Back on simulators it is not seeded again: the retired staff stay retired.
      expect(seedDemoUsers(users)).toBeNull();
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('warns on the health page when a live till has no active admin or manager', () => {
    const none = { list: () => [], hasActiveManager: () => false };
    expect(peopleHealth(none, false)).toMatchObject({ id: 'people', state: 'warning' });
    const cashierOnly = { list: () => [{ id: 'a', nameAr: 'a', nameEn: 'a', role: 'cashier' as const, active: true, hasBadge: false }], hasActiveManager: () => false };
    expect(peopleHealth(cashierOnly, false)).toMatchObject({ state: 'warning', summary: { en: expect.stringContaining('No active admin or manager') } });
    expect(peopleHealth({ ...cashierOnly, hasActiveManager: () => true }, false).state).toBe('ok');
    expect(peopleHealth(none, true).state).toBe('ok');
  });
});

describe('ledger verify', () => {
  const tampered = (edit: (db: Database.Database) => void) => {
    const copy = tempDir('nuqta-people-tamper-', { verifyLedger: false });
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

  it('finds a user, a sign-in guard or a sale\'s cashier edited by hand', async () => {
    await t.till.close();
    expect(tampered(() => undefined).ok).toBe(true);
    const role = tampered((db) => db.prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(DEMO_CASHIER.id));
    expect(role.ok).toBe(false);
    expect(JSON.stringify(role)).toContain('users');
    const pin = tampered((db) => db.prepare('UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE id = ?) WHERE id = ?').run(DEMO_MANAGER.id, DEMO_CASHIER.id));
    expect(pin.ok).toBe(false);
    const guard = tampered((db) => db.exec('UPDATE sign_in_guard SET locked_until = NULL, lockouts = 0'));
    expect(JSON.stringify(guard)).toContain('sign_in_guard');
    const cashier = tampered((db) => db.prepare("UPDATE sales SET cashier = ? WHERE cashier IS NOT NULL").run(JSON.stringify({ id: 'x', nameAr: 'x', nameEn: 'x' })));
    expect(cashier.ok).toBe(false);
    expect(JSON.stringify(cashier)).toContain('sales');
    await t.restart();
  });
});
