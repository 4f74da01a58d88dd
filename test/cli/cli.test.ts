// The admin CLI as an admin runs it: the built bundle in a child process, real files, exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundles, ensureMainBuilt } from '../support/build';
import { nuqta, nuqtaWithInput } from '../support/cli';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => ensureMainBuilt(), 60_000);
beforeEach(() => {
  // Some of these ledgers are edited by hand on purpose (the verify test).
  tmp = tempDir('nuqta-cli-', { verifyLedger: false });
});
afterEach(() => tmp.cleanup());


const HEADER = 'barcode,name_ar,name_en,price_sar,vat_category,category_code,category_ar,category_en\n';

async function tillWithOneSale(dir: string) {
  const t = await startTestTill(dir);
  await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  await t.call('tenderCash', { tenderedHalalas: 1000 });
  return t;
}

describe('nuqta ledger verify', () => {
  it('passes on an intact ledger and fails with exit 4 after a hand edit', async () => {
    const t = await tillWithOneSale(tmp.dir);
    await t.till.close();
    const ok = nuqta('ledger', 'verify', '--data-dir', tmp.dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Ledger OK: \d+ entries/);

    const db = new Database(path.join(tmp.dir, 'till.db'));
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET payload = replace(payload, '"tenderedHalalas":1000', '"tenderedHalalas":100') WHERE type = 'tender.accepted'`).run();
    const edited = db.prepare<[], { seq: number }>(`SELECT seq FROM journal WHERE type = 'tender.accepted'`).get()!.seq;
    db.close();
    const broken = nuqta('ledger', 'verify', '--data-dir', tmp.dir);
    expect(broken.status).toBe(4);
    expect(broken.stderr).toContain(`Ledger FAILED (journal hash chain) at entry ${edited}`);
  });

  it('says so when there is no ledger', () => {
    const r = nuqta('ledger', 'verify', '--data-dir', path.join(tmp.dir, 'nothing'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No ledger at/);
  });
});

describe('nuqta catalog import', () => {
  it('a reader that goes away early (nuqta … | head) does not make it fail: the import stands, with its exit code', async () => {
    const csv = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(csv, `${HEADER}6281234567895,أرز,Rice,12.50,S,,,\n`);
    const child = spawn(process.execPath, [bundles.cli, 'catalog', 'import', csv, '--data-dir', tmp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy(); // the reader is gone before the summary line is written
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect([status, stderr]).toEqual([0, '']);
    const db = new Database(path.join(tmp.dir, 'till.db'), { readonly: true });
    expect(db.prepare("SELECT name_en FROM products WHERE barcode = '6281234567895'").pluck().get()).toBe('Rice');
    db.close();
  });

  it('imports nothing from a file with a bad row by default, and the good rows with --mode valid-rows', () => {
    const csv = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(
      csv,
      HEADER +
        '6281999000002,سبيكة ذهب,Gold bar,400000.00,S,gold,ذهب,Gold\n' +
        '6281999000003,خطأ,Bad check digit,1.00,S,gold,ذهب,Gold\n',
    );
    const strict = nuqta('catalog', 'import', csv, '--data-dir', tmp.dir, '--no-seed-check');
    expect(strict.status).toBe(2); // unknown option is a usage error
    const allOrNothing = nuqta('catalog', 'import', csv, '--data-dir', tmp.dir);
    expect(allOrNothing.status).toBe(4);
    expect(allOrNothing.stderr).toMatch(/row 3 .*6281999000003/);
    expect(allOrNothing.stderr).toMatch(/Nothing imported/);
    const db = () => new Database(path.join(tmp.dir, 'till.db'), { readonly: true });
    let d = db();
    expect(d.prepare('SELECT COUNT(*) AS n FROM products').get()).toEqual({ n: 0 });
    d.close();

    const valid = nuqta('catalog', 'import', csv, '--data-dir', tmp.dir, '--mode', 'valid-rows');
    expect(valid.status).toBe(4);
    expect(valid.stdout).toMatch(/Imported: 1 new, 0 updated, 1 rejected/);
    d = db();
    expect(d.prepare('SELECT name_en FROM products').pluck().all()).toEqual(['Gold bar']);
    d.close();
  });

  it('rejects a bad --mode and a missing file clearly', () => {
    expect(nuqta('catalog', 'import', 'x.csv', '--mode', 'some', '--data-dir', tmp.dir).status).toBe(2);
    const missing = nuqta('catalog', 'import', path.join(tmp.dir, 'none.csv'), '--data-dir', tmp.dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read/);
  });
});

describe('nuqta backup', () => {
  it('writes a verified copy while the till is running, and will not overwrite without --force', async () => {
    const t = await tillWithOneSale(tmp.dir);
    const target = path.join(tmp.dir, 'backup.db');
    const r = nuqta('backup', target, '--data-dir', tmp.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Backup written .* verified/);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT COUNT(*) AS n FROM sales WHERE status = 'completed'").get()).toEqual({ n: 1 });
    copy.close();
    expect(nuqta('backup', target, '--data-dir', tmp.dir).status).toBe(2);
    expect(nuqta('backup', target, '--force', '--data-dir', tmp.dir).status).toBe(0);
    await t.close();
  });
});

describe('nuqta terminal', () => {
  it('sets the terminal link after validating it, and refuses a wrong one clearly', () => {
    expect(nuqta('terminal', 'set', 'tcp', '127.0.0.1', '99999', '--data-dir', tmp.dir)).toMatchObject({ status: 2 });
    const bad = nuqta('terminal', 'set', 'tcp', '127.0.0.1', '99999', '--data-dir', tmp.dir);
    expect(bad.stderr).toMatch(/link\.port/);
    expect(bad.stderr).toMatch(/[\u0600-\u06ff]/);
    expect(nuqta('terminal', 'set', 'bluetooth', '--data-dir', tmp.dir).status).toBe(2);
    const set = nuqta('terminal', 'set', 'tcp', '192.0.2.10', '5000', '--data-dir', tmp.dir);
    expect(set.status).toBe(0);
    const shown = JSON.parse(nuqta('terminal', 'show', '--data-dir', tmp.dir).stdout);
    expect(shown).toMatchObject({ protocol: 'mada-ecr', link: { kind: 'tcp', host: '192.0.2.10', port: 5000 } });
    expect(nuqta('terminal', 'set', 'none', '--data-dir', tmp.dir).status).toBe(0);
    expect(nuqta('terminal', 'show', '--data-dir', tmp.dir).stdout.trim()).toBe('null');
  });
});

describe('nuqta manager-pin', () => {
  it('changes the PIN from standard input, stores only a hash, and refuses a bad one', async () => {
    expect(nuqtaWithInput('12\n', 'manager-pin', 'set', '--data-dir', tmp.dir).status).toBe(2);
    expect(nuqtaWithInput('5824\n', 'manager-pin', 'set', '--data-dir', tmp.dir).status).toBe(0);
    const db = new Database(path.join(tmp.dir, 'till.db'), { readonly: true });
    const stored = db.prepare(`SELECT value FROM settings WHERE key = 'till'`).pluck().get() as string;
    expect(stored).not.toContain('5824');
    expect(db.prepare(`SELECT COUNT(*) AS n FROM journal WHERE type = 'manager.pin_changed'`).get()).toEqual({ n: 1 });
    db.close();
    // The shared PIN approves only on a till with no active user (docs/people.md). The demo till has its demo
    // staff: their manager's own PIN approves, and the shared PIN names nobody.
    const t = await startTestTill(tmp.dir);
    expect((await t.attempt('settleTerminal', { managerPin: '1234' })).ok).toBe(true);
    expect(await t.attempt('settleTerminal', { managerPin: '5824' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    await t.close();
  });
});

describe('usage', () => {
  it('prints usage for no command and an unknown one, exit 2', () => {
    expect(nuqta().status).toBe(2);
    const r = nuqta('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown command/);
    expect(nuqta('--help').status).toBe(0);
  });

  it('refuses a database from a newer version with exit 3 and a bilingual message', () => {
    const db = new Database(path.join(tmp.dir, 'till.db'));
    db.pragma('user_version = 9990');
    db.close();
    const r = nuqta('ledger', 'verify', '--data-dir', tmp.dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/newer version/);
    expect(r.stderr).toMatch(/[\u0600-\u06ff]/);
  });
});
