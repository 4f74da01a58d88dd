// The provisioning file an installer drops, applied by a real till at start: new or a higher version only,
// journaled, secrets sealed and removed from the file, a bad file refused with bilingual errors per field.
// And "demo" as the settings say it: a till on real devices with the demo shop's identity takes no money.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { hashPin } from '../../main/auth';
import { createFileSecretStore } from '../../main/secrets';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  tmp = tempDir('nuqta-provision-');
  file = path.join(tmp.dir, 'provision', 'provision.json');
  fs.mkdirSync(path.dirname(file));
});
afterEach(() => tmp.cleanup());

const drop = (content: unknown) => fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
const start = () => startTestTill(tmp.dir, { provisionFile: file });

function journal(type: string) {
  const db = new Database(ledgerFile(tmp.dir), { readonly: true });
  try {
    return db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq').all(type).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

function storedPin() {
  const db = new Database(ledgerFile(tmp.dir), { readonly: true });
  try {
    return (JSON.parse(db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'till'").get()!.value) as { managerPin: { salt: string; hash: string } }).managerPin;
  } finally {
    db.close();
  }
}

const SHOP = {
  tillId: 'RUH-02',
  shopNameAr: 'أسواق النور',
  shopNameEn: 'Al Noor Markets',
  vatNumber: '310122393500003',
  crNumber: '1010123456',
  nationalAddress: { buildingNumber: '2322', street: 'التحلية', district: 'السليمانية', city: 'الرياض', postalCode: '12244', additionalNumber: null },
};

describe('a provisioning file', () => {
  it('is applied at the first start: settings journaled, the PIN and secrets sealed and gone from the file', async () => {
    drop({ version: 1, settings: SHOP, managerPin: '5824', secrets: { 'stcpay.passphrase': 'p12-pass-Zq81' } });
    const t = await start();
    try {
      expect(await t.call('getTill', {})).toMatchObject({ tillId: 'RUH-02', vatNumber: '310122393500003', shopNameEn: 'Al Noor Markets' });
    } finally {
      await t.till.close();
    }
    const [entry] = journal('settings.changed');
    expect(entry).toMatchObject({ source: 'provisioning', version: 1, file, sealed: ['stcpay.passphrase', 'managerPin'] });
    expect((entry!.changes as Array<{ key: string }>).map((c) => c.key).sort()).toEqual(
      ['crNumber', 'managerPin', 'nationalAddress', 'shopNameAr', 'shopNameEn', 'tillId', 'vatNumber'].sort(),
    );
    expect(JSON.stringify(entry)).not.toContain('5824');

    const left = fs.readFileSync(file, 'utf8');
    expect(left).not.toContain('p12-pass-Zq81');
    expect(left).not.toContain('5824');
    expect(JSON.parse(left)).toMatchObject({ version: 1, settings: SHOP, sealed: { names: ['stcpay.passphrase', 'managerPin'] } });
    expect(Buffer.from(createFileSecretStore({ dataDir: tmp.dir }).get('stcpay.passphrase')!).toString()).toBe('p12-pass-Zq81');
    const pin = storedPin();
    expect(pin.hash).toBe(hashPin('5824', pin.salt));
  });

  it('is applied again only when its version grows', async () => {
    drop({ version: 3, settings: { tillName: 'Express' } });
    await (await start()).till.close();
    drop({ version: 3, settings: { tillName: 'Other' } });
    await (await start()).till.close();
    drop({ version: 2, settings: { tillName: 'Older' } });
    await (await start()).till.close();
    expect(journal('settings.changed').map((e) => [e.version, e.changes])).toEqual([[3, [{ key: 'tillName', before: 'Till 1', after: 'Express' }]]]);
    drop({ version: 4, settings: { tillName: 'Family' } });
    await (await start()).till.close();
    expect(journal('settings.changed').map((e) => e.version)).toEqual([3, 4]);
  });

  it('that is not valid stops the start with each field named in both languages, and changes nothing', async () => {
    drop({ version: 1, settings: { vatNumber: '123', nationalAddress: { ...SHOP.nationalAddress, postalCode: '1224' }, kiosk: 'yes', printerr: null } });
    await expect(start()).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      detail: expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `)),
    });
    const detail = await start().catch((e: { detail: string }) => e.detail);
    expect(detail).toContain('settings.vatNumber: VAT number: 15 digits starting and ending with 3 / الرقم الضريبي');
    expect(detail).toContain('settings.nationalAddress.postalCode: postal code: 5 digits / الرمز البريدي');
    expect(detail).toContain('settings.kiosk: expected boolean');
    expect(detail).toContain('unknown setting printerr');
    drop('{ "version": 1, ');
    await expect(start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', detail: expect.stringContaining('not valid JSON') });
    drop({ version: 1, secrets: { 'nexo.apikey': 'x' } });
    await expect(start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', detail: expect.stringContaining('secrets') });
    fs.rmSync(file);
    const t = await start();
    expect(await t.call('getTill', {})).toMatchObject({ vatNumber: '300000000000003' });
    await t.till.close();
    expect(journal('settings.changed')).toEqual([]);
  });
});

describe('demo, as the settings say it', () => {
  it('any simulated device shows the demo badge; real devices under the demo identity take no money until the shop is set', async () => {
    let t = await start();
    expect(await t.call('getTill', {})).toMatchObject({ simulated: true, liveSaleRefused: false });
    await t.till.close();

    // A cash-only till without simulators, still named as the demo shop.
    drop({ version: 1, settings: { printer: null, terminal: null, stcPay: null, einvoicing: null } });
    t = await start();
    expect(await t.call('getTill', {})).toMatchObject({ simulated: false, liveSaleRefused: true });
    // A live till sells on an open shift (test/shifts/live-mode.test.ts).
    await t.call('openShift', { float: {} });
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: sale.dueHalalas })).toMatchObject({
      ok: false,
      error: { code: 'DEMO_IDENTITY', message_en: expect.stringContaining('VAT number'), message_ar: expect.stringContaining('الرقم الضريبي') },
    });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
    await t.till.close();

    drop({ version: 2, settings: { printer: null, terminal: null, stcPay: null, einvoicing: null, ...SHOP } });
    t = await start();
    expect(await t.call('getTill', {})).toMatchObject({ simulated: false, liveSaleRefused: false });
    // A new till id opens its own sale (the demo till's open sale stays with T01), and its own shift.
    await t.call('openShift', { float: {} });
    const due = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
    expect(await t.attempt('tenderCash', { tenderedHalalas: due })).toMatchObject({ ok: true, value: { receipt: { vatNumber: '310122393500003' } } });
    await t.till.close();
  });
});
