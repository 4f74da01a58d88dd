// The data folder: one till per folder by an OS lock that dies with its process, the CLI's writers wait for the
// till, and nothing in the folder is readable by another OS user.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTill } from '../../main/app';
import { startHostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => ensureMainBuilt(), 120_000);
afterEach(() => tmp.cleanup());

const open = () => startTill({ host: 'browser', dataDir: tmp.dir, providerCheckMs: 0 });

describe('the data folder lock', () => {
  it('a lock file naming a pid the OS has given to another program does not block the start', async () => {
    tmp = tempDir();
    // What a till before OS locks left after kill -9: its pid in till.lock, now some other live process.
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(tmp.dir, 'till.lock'), String(other.pid));
      const till = await open();
      await till.close();
    } finally {
      other.kill();
    }
  });

  it('the lock of a till killed with -9 is gone at once; a live till is still refused', async () => {
    tmp = tempDir();
    const host = await startHostProcess(tmp.dir);
    await expect(open()).rejects.toMatchObject({ code: 'LEDGER_LOCKED', detail: expect.stringContaining(`process ${host.pid}`) });
    await host.stop('SIGKILL');
    const till = await open();
    await till.close();
  }, 60_000);

  it("the CLI's writing commands wait for the till to stop; its readers do not", async () => {
    tmp = tempDir();
    const till = await open();
    try {
      const csv = path.join(tmp.dir, 'extra.csv');
      fs.writeFileSync(csv, 'barcode,name_ar,name_en,price_sar,vat_category\n6281999999996,صنف,Item,1.00,S\n');
      const imported = nuqta('catalog', 'import', csv, '--data-dir', tmp.dir);
      expect(imported.status).toBe(3);
      expect(imported.stderr).toContain('LEDGER_LOCKED');
      expect(imported.stderr).toMatch(/[\u0600-\u06ff]/);
      expect(nuqta('terminal', 'set', 'none', '--data-dir', tmp.dir).status).toBe(3);
      expect(nuqta('ledger', 'verify', '--data-dir', tmp.dir).status).toBe(0);
      expect(nuqta('terminal', 'show', '--data-dir', tmp.dir).status).toBe(0);
    } finally {
      await till.close();
    }
    expect(nuqta('terminal', 'set', 'none', '--data-dir', tmp.dir).status).toBe(0);
  }, 60_000);
});

describe('the data folder is private', () => {
  it('is 0700 and every file in it 0600, including files an older version left readable', async () => {
    tmp = tempDir();
    fs.chmodSync(tmp.dir, 0o755);
    fs.writeFileSync(path.join(tmp.dir, 'left-over.log'), 'x', { mode: 0o644 });
    const till = await open();
    try {
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(tmp.dir)).toBe(0o700);
      const files = fs.readdirSync(tmp.dir, { withFileTypes: true }).filter((e) => e.isFile());
      expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['till.db', 'till.db-wal', 'left-over.log']));
      for (const f of files) expect([f.name, mode(path.join(tmp.dir, f.name))]).toEqual([f.name, 0o600]);
    } finally {
      await till.close();
    }
  });
});

describe('a damaged ledger file', () => {
  const soldThenClosed = async () => {
    const till = await open();
    await till.dispatch('scanBarcode', { barcode: '6281000000014' });
    await till.dispatch('tenderCash', { tenderedHalalas: 1000 });
    await till.close();
  };

  it('is found by the whole-file check right after start: every write is refused with the bilingual way out, reads still answer', async () => {
    tmp = tempDir('nuqta-test-', { verifyLedger: false });
    await soldThenClosed();
    const file = path.join(tmp.dir, 'till.db');
    const fd = fs.openSync(file, 'r+');
    const pages = Math.floor(fs.fstatSync(fd).size / 4096);
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    let till;
    try {
      till = await open();
    } catch (e) {
      // The noise may have hit what the start reads itself: refused there, equally clearly.
      expect(e).toMatchObject({ code: 'LEDGER_DAMAGED' });
      return;
    }
    try {
      await expect
        .poll(async () => ((await till.dispatch('scanBarcode', { barcode: '6281000000014' })) as { ok: boolean; error?: { code: string } }).error?.code, { timeout: 10_000 })
        .toBe('LEDGER_DAMAGED');
      const refused = (await till.dispatch('tenderCash', { tenderedHalalas: 1000 })) as { ok: false; error: { message_en: string; message_ar: string } };
      expect(refused.error.message_en).toMatch(/backup/);
      expect(refused.error.message_ar).toMatch(/نسخة احتياطية/);
      expect((await till.dispatch('getTill', {})).ok).toBe(true);
    } finally {
      await till.close();
    }
  });

  it('is refused at start when the end of its journal was edited', async () => {
    tmp = tempDir('nuqta-test-', { verifyLedger: false });
    await soldThenClosed();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(tmp.dir, 'till.db'));
    db.exec('DROP TRIGGER journal_no_update');
    db.exec(`UPDATE journal SET payload = replace(payload, '"tenderedHalalas":1000', '"tenderedHalalas":100') WHERE type = 'tender.accepted'`);
    db.close();
    await expect(open()).rejects.toMatchObject({ code: 'LEDGER_DAMAGED' });
  });
});
