// `nuqta config …` as an admin runs it: the built CLI in a child process on a real data folder. Every change is
// checked field by field (bilingual), journaled, and read back by a till; secrets never leave.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(() => {
  tmp = tempDir('nuqta-cli-config-');
});
afterEach(() => tmp.cleanup());

const config = (...args: string[]) => nuqta('config', ...args, '--data-dir', tmp.dir);

const journaled = () => {
  const db = new Database(ledgerFile(tmp.dir), { readonly: true });
  try {
    return db
      .prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'settings.changed' ORDER BY seq")
      .all()
      .map((r) => JSON.parse(r.payload) as { source: string; changes: Array<{ key: string; before: unknown; after: unknown }> });
  } finally {
    db.close();
  }
};

describe('nuqta config', () => {
  it('shows every setting but the manager PIN, and gets one by its dotted key', () => {
    const shown = config('show');
    expect(shown.status).toBe(0);
    const settings = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(settings).toMatchObject({ tillId: 'T01', vatNumber: '300000000000003', timeZone: 'Asia/Riyadh' });
    expect(settings).not.toHaveProperty('managerPin');
    expect(shown.stdout).not.toMatch(/salt|hash/);
    expect(JSON.parse(config('get', 'nationalAddress.postalCode').stdout)).toBe('12211');
    expect(config('get', 'managerPin')).toMatchObject({ status: 2 });
    expect(config('get', 'no.such.key')).toMatchObject({ status: 2, stderr: expect.stringContaining('No setting no.such.key') });
  });

  it('sets the shop identity and a network printer; each change journaled with before and after; a till reads them', async () => {
    expect(config('set', 'vatNumber', '310122393500003')).toMatchObject({ status: 0 });
    expect(config('set', 'shopNameEn', 'Al Noor Market')).toMatchObject({ status: 0 });
    expect(config('set', 'printer.link', '{"kind":"tcp","host":"192.168.1.50","port":9100}')).toMatchObject({ status: 0 });
    expect(config('set', 'printer.link.port', '9101')).toMatchObject({ status: 0 });
    expect(config('set', 'shopNameEn', 'Al Noor Market').stdout).toContain('Nothing changed');

    expect(journaled().map((j) => [j.source, j.changes.map((c) => c.key)])).toEqual([
      ['cli', ['vatNumber']],
      ['cli', ['shopNameEn']],
      ['cli', ['printer']],
      ['cli', ['printer']],
    ]);
    expect(journaled()[0]!.changes[0]).toEqual({ key: 'vatNumber', before: '300000000000003', after: '310122393500003' });

    const t = await startTestTill(tmp.dir);
    try {
      const till = await t.call('getTill', {});
      expect(till).toMatchObject({ vatNumber: '310122393500003', shopNameEn: 'Al Noor Market', simulated: true });
    } finally {
      await t.till.close();
    }
  });

  it('refuses a bad value with a bilingual error per field and writes nothing', () => {
    const before = config('show').stdout;
    const bad = config('set', 'vatNumber', '123');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('vatNumber: VAT number: 15 digits starting and ending with 3 / الرقم الضريبي');
    const address = config('set', 'nationalAddress.postalCode', '1234');
    expect(address.stderr).toContain('nationalAddress.postalCode: postal code: 5 digits / الرمز البريدي');
    expect(config('set', 'printer.link.kind', 'fax').stderr).toMatch(/printer\.link/);
    expect(config('set', 'drawer.pulseMs', '9999').stderr).toContain('drawer.pulseMs: at most 510 / لا تزيد على 510');
    expect(config('set', 'timeZone', 'Mars/Olympus').stderr).toContain('timeZone: a time zone such as Asia/Riyadh');
    expect(config('show').stdout).toBe(before);
    expect(journaled()).toEqual([]);
  });

  it('exports what imports on another till, never a secret; import refuses unknown keys and the PIN', () => {
    expect(config('set', 'tillId', 'T07')).toMatchObject({ status: 0 });
    const exported = config('export').stdout;
    expect(exported).not.toMatch(/managerPin|salt/);
    const file = path.join(tmp.dir, 'settings.json');
    fs.writeFileSync(file, exported);

    const other = tempDir('nuqta-cli-config-other-');
    try {
      const imported = nuqta('config', 'import', file, '--data-dir', other.dir);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain('tillId: "T01" → "T07"');
      expect(nuqta('config', 'show', '--data-dir', other.dir).stdout).toBe(exported);

      fs.writeFileSync(file, JSON.stringify({ tillId: 'T08', recieptFooter: 'typo' }));
      const typo = nuqta('config', 'import', file, '--data-dir', other.dir);
      expect(typo).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown setting recieptFooter / إعداد غير معروف') });
      fs.writeFileSync(file, JSON.stringify({ managerPin: { salt: 'x', hash: 'y' } }));
      expect(nuqta('config', 'import', file, '--data-dir', other.dir)).toMatchObject({ status: 2 });
      expect(JSON.parse(nuqta('config', 'get', 'tillId', '--data-dir', other.dir).stdout)).toBe('T07');
    } finally {
      other.cleanup();
    }
  });

  it('will not write under a running till', async () => {
    const t = await startTestTill(tmp.dir);
    try {
      expect(config('set', 'tillName', 'Express')).toMatchObject({ status: 3 });
      expect(config('show')).toMatchObject({ status: 0 });
    } finally {
      await t.till.close();
    }
  });
});
