// The first admin of a live till (issue 14: "the first admin comes from provisioning or the commissioning wizard;
// a live till has no shared default PIN"). A live till without users refuses the demo's public PIN for every
// approval; its admin screen asks for the first admin (addFirstAdmin), who is signed in at once; a shop that set
// its own shared PIN gives it to add them; a provisioning file may name the first admin instead, and its PIN does
// not stay in the file. Real tills on real SQLite files, started from provisioning files as an installer would.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const SHOP = {
  tillId: 'RUH-07',
  shopNameAr: 'أسواق النور',
  shopNameEn: 'Al Noor Markets',
  vatNumber: '310122393500003',
  crNumber: '1010123456',
  nationalAddress: { buildingNumber: '2322', street: 'التحلية', district: 'السليمانية', city: 'الرياض', postalCode: '12244', additionalNumber: null },
};
/** A live till: the shop's identity, no simulated device. */
const LIVE = { ...SHOP, printer: null, terminal: null, stcPay: null, einvoicing: null };
const SARA = { nameAr: 'سارة', nameEn: 'Sara', pin: '582417' };

let tmp: ReturnType<typeof tempDir>;
let file: string;
let open: TestTill[] = [];
beforeEach(() => {
  tmp = tempDir('nuqta-first-admin-');
  file = path.join(tmp.dir, 'provision.json');
  open = [];
});
afterEach(async () => {
  for (const t of open) await t.till.close();
  tmp.cleanup();
});

const drop = (content: unknown) => fs.writeFileSync(file, JSON.stringify(content));
const start = async (options: { provision?: boolean } = {}) => {
  const t = await startTestTill(tmp.dir, { provisionFile: options.provision === false ? null : file });
  open.push(t);
  return t;
};
const stop = async (t: TestTill) => {
  open = open.filter((o) => o !== t);
  await t.till.close();
};

function entries(type: string) {
  const db = new Database(ledgerFile(tmp.dir), { readonly: true });
  try {
    return db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq').all(type).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

describe('a live till with no user', () => {
  it('refuses the demo PIN, asks for its first admin, signs them in, and refuses a second first admin', async () => {
    drop({ version: 1, settings: LIVE });
    const t = await start();
    expect(await t.call('currentUser', {})).toEqual({ user: null, required: false, lockAfterMs: 5 * 60_000, firstAdmin: 'needed' });

    // The PIN in every README approves nothing here, and is not counted as a wrong guess either.
    const refused = { ok: false, error: { code: 'FIRST_ADMIN_NEEDED', message_en: expect.stringContaining('first admin'), message_ar: expect.stringContaining('المدير الأول') } };
    expect(await t.attempt('getSettings', { managerPin: '1234' })).toMatchObject(refused);
    expect(await t.attempt('addUser', { managerPin: '1234', nameAr: 'علي', nameEn: 'Ali', role: 'admin', pin: '7310' })).toMatchObject(refused);
    expect(entries('manager.pin_failed')).toEqual([]);

    const session = await t.call('addFirstAdmin', { ...SARA, badge: 'STAFF-0001' });
    expect(session).toMatchObject({ user: { nameEn: 'Sara', nameAr: 'سارة', role: 'admin' }, required: true, firstAdmin: 'not_needed' });
    const adminId = session.user!.id;
    expect(entries('user.added')).toEqual([expect.objectContaining({ userId: adminId, role: 'admin', by: 'first-admin' })]);
    expect(entries('people.signed_in').at(-1)).toMatchObject({ userId: adminId, how: 'pin' });
    expect(JSON.stringify(entries('user.added'))).not.toContain(SARA.pin);

    // From now on the till is run by its users: the admin's own PIN opens the admin screen.
    expect(await t.attempt('addFirstAdmin', { nameAr: 'علي', nameEn: 'Ali', pin: '7310' })).toMatchObject({ ok: false, error: { code: 'FIRST_ADMIN_EXISTS' } });
    expect((await t.call('listUsers', { managerPin: SARA.pin })).users).toEqual([expect.objectContaining({ id: adminId, role: 'admin', active: true, hasBadge: true })]);
    expect(await t.attempt('getSettings', { managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });

    // A restart keeps her and starts locked; her PIN signs in.
    await stop(t);
    const again = await start();
    expect(await again.call('currentUser', {})).toMatchObject({ user: null, required: true, firstAdmin: 'not_needed' });
    expect(await again.call('signIn', { pin: SARA.pin })).toMatchObject({ user: { id: adminId } });
  });

  it('whose shop set its own shared PIN gives that PIN to add the first admin', async () => {
    drop({ version: 1, settings: LIVE, managerPin: '90817' });
    const t = await start();
    expect((await t.call('currentUser', {})).firstAdmin).toBe('needed_with_till_pin');
    // The shop's own PIN still approves (an upgrade from before users goes on working) …
    expect(await t.attempt('getSettings', { managerPin: '90817' })).toMatchObject({ ok: true });
    // … and is what adding the first admin asks for.
    expect(await t.attempt('addFirstAdmin', SARA)).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await t.attempt('addFirstAdmin', { ...SARA, tillPin: '1234' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(entries('user.added')).toEqual([]);
    expect(await t.call('addFirstAdmin', { ...SARA, tillPin: '90817' })).toMatchObject({ user: { role: 'admin' }, firstAdmin: 'not_needed' });
  });

  it('a demo till keeps its demo PIN: it has its demo staff and needs no first admin', async () => {
    const t = await start({ provision: false });
    expect(await t.call('currentUser', {})).toMatchObject({ user: { id: DEMO_CASHIER.id }, firstAdmin: 'not_needed' });
    expect(await t.attempt('getSettings', { managerPin: DEMO_MANAGER.pin })).toMatchObject({ ok: true });
    expect(await t.attempt('addFirstAdmin', SARA)).toMatchObject({ ok: false, error: { code: 'FIRST_ADMIN_EXISTS' } });
  });
});

describe('a provisioning file naming the first admin', () => {
  it('adds them at start (journaled by provisioning), takes their PIN out of the file, and the till starts locked', async () => {
    drop({ version: 1, settings: LIVE, firstAdmin: { ...SARA, badge: 'STAFF-0001' } });
    const t = await start();
    expect(await t.call('currentUser', {})).toMatchObject({ user: null, required: true, firstAdmin: 'not_needed' });
    const [added] = entries('user.added');
    expect(added).toMatchObject({ role: 'admin', nameEn: 'Sara', by: 'provisioning' });
    expect(entries('settings.changed')[0]).toMatchObject({ source: 'provisioning', sealed: ['firstAdmin'] });

    const left = fs.readFileSync(file, 'utf8');
    expect(left).not.toContain(SARA.pin);
    expect(left).not.toContain('STAFF-0001');
    expect(JSON.parse(left)).toMatchObject({ version: 1, sealed: { names: ['firstAdmin'] } });
    expect(JSON.parse(left)).not.toHaveProperty('firstAdmin');

    expect(await t.call('signIn', { badge: 'STAFF-0001', pin: SARA.pin })).toMatchObject({ user: { id: added!.userId, role: 'admin' } });
    await t.call('openShift', { float: { n100: 1 } });
    const due = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
    expect((await t.call('tenderCash', { tenderedHalalas: due })).receipt.cashier).toEqual({ id: added!.userId, nameAr: 'سارة', nameEn: 'Sara' });
  });

  it('turns a demo till live with its first admin: the demo staff are retired, the admin is not', async () => {
    const demo = await start({ provision: false });
    await stop(demo);
    drop({ version: 1, settings: LIVE, firstAdmin: SARA });
    const t = await start();
    const users = (await t.call('signIn', { pin: SARA.pin })) && (await t.call('listUsers', { managerPin: SARA.pin })).users;
    expect(users.filter((u) => u.active).map((u) => u.nameEn)).toEqual(['Sara']);
    expect(users.filter((u) => !u.active).map((u) => u.id).sort()).toEqual([DEMO_CASHIER.id, DEMO_MANAGER.id].sort());
  });

  it('for a till that has its users already adds nobody, and still takes the PIN out of the file', async () => {
    drop({ version: 1, settings: LIVE, firstAdmin: SARA });
    await stop(await start());
    drop({ version: 2, settings: LIVE, firstAdmin: { nameAr: 'علي', nameEn: 'Ali', pin: '7310' } });
    const t = await start();
    expect(entries('user.added').map((e) => e.nameEn)).toEqual(['Sara']);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('7310');
    expect(await t.attempt('signIn', { pin: '7310' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
  });

  it('that is not valid (a PIN of letters) stops the start, naming the field in both languages', async () => {
    drop({ version: 1, settings: LIVE, firstAdmin: { nameAr: 'سارة', nameEn: 'Sara', pin: 'abcd' } });
    await expect(startTestTill(tmp.dir, { provisionFile: file })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      detail: expect.stringMatching(/firstAdmin\.pin: PIN: 4 to 8 digits \/ الرمز/),
    });
  });
});
