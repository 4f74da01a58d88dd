import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, startTill } from '../../main/app';
import { openDatabase, type Db } from '../../main/db';
import { DEMO_SETTINGS, openSettings } from '../../main/settings';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'till.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('till settings', () => {
  it('start from the demo settings and keep updates', () => {
    const settings = openSettings(db);
    expect(settings.get()).toEqual(DEMO_SETTINGS);
    settings.update({ preferences: { locale: 'en', digits: 'arabic' } });
    expect(openSettings(db).get().preferences).toEqual({ locale: 'en', digits: 'arabic' });
  });

  it('refuse an invalid update and keep the old value', () => {
    const settings = openSettings(db);
    expect(() => settings.update({ vatNumber: '123' })).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(settings.get().vatNumber).toBe(DEMO_SETTINGS.vatNumber);
  });

  it('a hand-edited, invalid settings row stops the till with a bilingual error instead of selling wrongly', async () => {
    openSettings(db);
    db.prepare(`UPDATE settings SET value = json_set(value, '$.tillId', 'till one!') WHERE key = 'till'`).run();
    db.close();
    const error = await startTill({ host: 'browser', dataDir: tmp.dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    const data = (error as { toData(): { message_ar: string; message_en: string } }).toData();
    expect(data.message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(data.message_en).toMatch(/settings/);
    // The lock was released: a fixed database can be opened again at once.
    db = openDatabase(ledgerFile(tmp.dir));
    db.prepare(`UPDATE settings SET value = json_set(value, '$.tillId', 'T02') WHERE key = 'till'`).run();
    const till = await startTill({ host: 'browser', dataDir: tmp.dir });
    const info = await till.dispatch('getTill', {});
    expect(info).toMatchObject({ ok: true, value: { tillId: 'T02' } });
    await till.close();
  });
});
