// A live till (no simulated device): it has no shared default PIN. Without an active user it sells unattributed and
// the health page warns; with one it starts locked, refuses sale methods with SIGNED_OUT until someone signs in,
// and the idle-time setting is checked like every setting, in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_MANAGER } from '../../main/people';
import { checkSettings, DEMO_SETTINGS } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const tmp = tempDir('nuqta-live-people-');
const file = path.join(tmp.dir, 'provision.json');
const LIVE = {
  version: 1,
  settings: {
    printer: null,
    terminal: null,
    stcPay: null,
    einvoicing: null,
    tillId: 'RUH-02',
    shopNameAr: 'أسواق النور',
    shopNameEn: 'Al Noor Markets',
    vatNumber: '310122393500003',
    crNumber: '1010123456',
    nationalAddress: { buildingNumber: '2322', street: 'التحلية', district: 'السليمانية', city: 'الرياض', postalCode: '12244', additionalNumber: null },
  },
};
let t: TestTill;
beforeAll(async () => {
  fs.writeFileSync(file, JSON.stringify(LIVE));
  t = await startTestTill(tmp.dir, { provisionFile: file });
}, 60_000);
afterAll(async () => {
  await t.till.close();
  tmp.cleanup();
});

const peopleCheck = async () => (await t.call('getHealth', {})).checks.find((c) => c.id === 'people')!;

describe('a live till', () => {
  it('without users sells unattributed, and the health page says so in both languages', async () => {
    expect(await t.call('currentUser', {})).toMatchObject({ user: null, required: false });
    expect(await peopleCheck()).toMatchObject({ state: 'warning', summary: { en: expect.stringContaining('No active users'), ar: expect.stringContaining('لا يوجد مستخدمون') } });
    await t.call('openShift', { float: {} });
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const done = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    expect(done.receipt.cashier).toBeUndefined();
    // Its demo PINs do not work: nobody was seeded on a live till.
    expect(await t.attempt('signIn', { pin: DEMO_MANAGER.pin })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_WRONG' } });
  });

  it('with its first admin starts locked, refuses sale methods until the admin signs in, and names them on the receipt', async () => {
    await t.till.close();
    const db = openDatabase(ledgerFile(tmp.dir));
    try {
      createUsers(db, createJournal(db, 'RUH-02')).add({ nameAr: 'سارة', nameEn: 'Sara', role: 'admin', pin: '5824' }, 'test');
    } finally {
      db.close();
    }
    await t.restart();
    expect(await t.call('currentUser', {})).toMatchObject({ user: null, required: true });
    expect((await peopleCheck()).state).toBe('ok');
    expect(await t.attempt('scanBarcode', { barcode: DEMO.bread.barcode })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT', message_ar: expect.stringContaining('مقفلة') } });
    expect((await t.call('signIn', { pin: '5824' })).user).toMatchObject({ nameEn: 'Sara', role: 'admin' });
    const sale = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    const done = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    expect(done.receipt.cashier).toMatchObject({ nameAr: 'سارة', nameEn: 'Sara' });
  });

  it('checks the idle time like every setting: 0 to 240 minutes, in both languages', () => {
    expect(checkSettings({ ...DEMO_SETTINGS, lockAfterMinutes: 0 }).ok).toBe(true);
    const tooLong = checkSettings({ ...DEMO_SETTINGS, lockAfterMinutes: 500 });
    expect(tooLong).toMatchObject({ ok: false, errors: [{ key: 'lockAfterMinutes', en: '0 (never) to 240 minutes', ar: expect.stringContaining('240 دقيقة') }] });
    expect(checkSettings({ ...DEMO_SETTINGS, lockAfterMinutes: 2.5 })).toMatchObject({ ok: false, errors: [{ key: 'lockAfterMinutes' }] });
  });
});
