// `nuqta config` and the till's B2B switch (issue 12): einvoicing.standardInvoices is a setting like any other —
// shown, set by its dotted key (journaled), refused when it is not true or false; settings written before it
// existed read as off.
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { openSettings } from '../../main/settings';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(() => {
  tmp = tempDir('nuqta-cli-b2b-');
});
afterEach(() => tmp.cleanup());

const config = (...args: string[]) => nuqta('config', ...args, '--data-dir', tmp.dir);

describe('einvoicing.standardInvoices', () => {
  it('is on for the demo, set off by its key (journaled), and refused unless true or false', () => {
    expect(JSON.parse(config('get', 'einvoicing.standardInvoices').stdout)).toBe(true);
    expect(config('set', 'einvoicing.standardInvoices', 'false')).toMatchObject({ status: 0 });
    expect(JSON.parse(config('get', 'einvoicing.standardInvoices').stdout)).toBe(false);
    const bad = config('set', 'einvoicing.standardInvoices', 'yes');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('einvoicing.standardInvoices');
    expect(JSON.parse(config('get', 'einvoicing.standardInvoices').stdout)).toBe(false);
    const db = new Database(ledgerFile(tmp.dir), { readonly: true });
    const changes = db
      .prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'settings.changed' ORDER BY seq")
      .all()
      .map((r) => JSON.parse(r.payload) as { changes: Array<{ key: string; before: { standardInvoices?: boolean }; after: { standardInvoices?: boolean } }> });
    db.close();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changes[0]).toMatchObject({ key: 'einvoicing', before: { standardInvoices: true }, after: { standardInvoices: false } });
  });

  it('reads as off in settings stored before it existed', () => {
    const db = openDatabase(ledgerFile(tmp.dir));
    openSettings(db);
    const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'till'").get()!;
    const stored = JSON.parse(row.value) as { einvoicing: Record<string, unknown> };
    delete stored.einvoicing.standardInvoices;
    db.prepare("UPDATE settings SET value = ? WHERE key = 'till'").run(JSON.stringify(stored));
    expect(openSettings(db).get().einvoicing).toMatchObject({ platform: { kind: 'simulator' }, standardInvoices: false });
    db.close();
  });
});
