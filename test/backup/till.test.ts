// The backups as main/app wires them into a real till: the closing copy when the till closes, verified, with
// the day's sales in it; none when the settings do not ask for one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { readLastBackup } from '../../main/backup';
import { openDatabase } from '../../main/db';
import { openSettings, type BackupSettings } from '../../main/settings';
import { DEMO, startTestTill } from '../support/till';
import { assertLedgerVerifies, tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

function configure(dir: string, backups: BackupSettings): void {
  const db = openDatabase(ledgerFile(dir));
  openSettings(db).update({ backups });
  db.close();
}

it('makes a verified closing copy when the till closes', async () => {
  tmp = tempDir('nuqta-backup-till-');
  const folder = path.join(tmp.dir, 'usb');
  fs.mkdirSync(folder);
  configure(tmp.dir, { folder, dailyAt: '23:30', atClosing: true, keep: 5 });
  const t = await startTestTill(tmp.dir);
  await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
  const sale = await t.call('tenderCash', { tenderedHalalas: 500 });
  await t.till.close();

  const copies = fs.readdirSync(folder);
  expect(copies).toHaveLength(1);
  expect(copies[0]).toMatch(/^nuqta-T01-\d{8}T\d{6}\.\d{3}Z-closing\.db$/);
  const file = path.join(folder, copies[0]!);
  assertLedgerVerifies(file);
  const copy = new Database(file, { readonly: true });
  expect(copy.prepare('SELECT receipt_no FROM receipts').pluck().all()).toEqual([sale.receipt.receiptNo]);
  copy.close();
  expect(readLastBackup(tmp.dir)).toMatchObject({ file, reason: 'closing' });
  const db = new Database(ledgerFile(tmp.dir), { readonly: true });
  expect(db.prepare("SELECT json_extract(payload, '$.reason') FROM journal WHERE type = 'backup.made'").pluck().all()).toEqual(['closing']);
  db.close();
});

it('makes no second closing copy within the hour (a till restarted for an update or after a crash)', async () => {
  tmp = tempDir('nuqta-backup-till-');
  const folder = path.join(tmp.dir, 'usb');
  fs.mkdirSync(folder);
  configure(tmp.dir, { folder, dailyAt: null, atClosing: true, keep: 5 });
  const t = await startTestTill(tmp.dir);
  await t.till.close();
  expect(fs.readdirSync(folder)).toHaveLength(1);
  await t.restart();
  await t.till.close();
  expect(fs.readdirSync(folder)).toHaveLength(1);
});

it('makes no copy at closing when the settings say not to', async () => {
  tmp = tempDir('nuqta-backup-till-');
  const folder = path.join(tmp.dir, 'usb');
  fs.mkdirSync(folder);
  configure(tmp.dir, { folder, dailyAt: null, atClosing: false, keep: 5 });
  const t = await startTestTill(tmp.dir);
  await t.till.close();
  expect(fs.readdirSync(folder)).toEqual([]);
});
