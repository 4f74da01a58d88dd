// backupNow on a real ledger into a real folder: the copy is verified before it takes its name, retention keeps
// this till's newest copies and nothing else, a copy that fails the check is deleted and reported, and a folder
// that is missing, read-only or full is a bilingual error with nothing lost.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, readLastBackup } from '../../main/backup';
import { assertLedgerVerifies } from '../support/tmp';
import { backupService, filesIn, ledgerWithSales, type Ledger } from './support';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

const NAME = /^nuqta-T01-\d{8}T\d{6}\.\d{3}Z-(daily|closing|manual)\.db$/;

describe('backupNow', () => {
  it('writes a verified copy named for the till, time and reason, records it for health and journals it', async () => {
    ledger = await ledgerWithSales(2);
    const at = new Date('2025-06-11T20:30:00.123Z');
    const s = backupService(ledger, {}, { now: () => at });
    const last = await s.backups.backupNow('manual');
    await s.close();

    expect(filesIn(ledger.folder)).toEqual(['nuqta-T01-20250611T203000.123Z-manual.db']);
    const file = path.join(ledger.folder, 'nuqta-T01-20250611T203000.123Z-manual.db');
    expect(last).toMatchObject({ at: at.toISOString(), file, reason: 'manual', bytes: fs.statSync(file).size });
    // The copy is a whole ledger on its own (no -wal beside it) and passes everything verify checks.
    assertLedgerVerifies(file);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare("SELECT COUNT(*) AS n FROM sales WHERE status = 'completed'").get()).toEqual({ n: 2 });
    const head = copy.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get()!;
    copy.close();
    expect(last.headHash).toBe(head.hash);
    expect(last.entries).toBe(head.seq);
    expect(filesIn(ledger.folder)).toEqual(['nuqta-T01-20250611T203000.123Z-manual.db']);
    // What the health page reads, from the data folder, without the database.
    expect(readLastBackup(ledger.dir)).toEqual(last);
    const db = new Database(path.join(ledger.dir, 'till.db'), { readonly: true });
    const made = db.prepare("SELECT payload FROM journal WHERE type = 'backup.made'").pluck().all() as string[];
    db.close();
    expect(made.map((p) => JSON.parse(p))).toEqual([
      expect.objectContaining({ reason: 'manual', file: 'nuqta-T01-20250611T203000.123Z-manual.db', headHash: head.hash, removed: [] }),
    ]);
  });

  it('keeps the newest `keep` copies of this till and never touches a file it did not name', async () => {
    ledger = await ledgerWithSales(1);
    const others = ['notes.txt', 'nuqta-T02-20200101T000000.000Z-daily.db', 'nuqta-T01-by-hand.db', 'nuqta-T01-20200101T000000.000Z-daily.db.old'];
    for (const name of others) fs.writeFileSync(path.join(ledger.folder, name), 'not ours');
    let clock = Date.parse('2025-06-01T20:30:00.000Z');
    const s = backupService(ledger, { keep: 2 }, { now: () => new Date((clock += 60_000)) });
    const reasons = ['daily', 'manual', 'closing', 'daily'] as const;
    for (const reason of reasons) await s.backups.backupNow(reason);
    const made = s.entries('backup.made');
    await s.close();

    const ours = filesIn(ledger.folder).filter((n) => NAME.test(n));
    expect(ours).toEqual(['nuqta-T01-20250601T203300.000Z-closing.db', 'nuqta-T01-20250601T203400.000Z-daily.db']);
    for (const name of ours) assertLedgerVerifies(path.join(ledger.folder, name));
    for (const name of others) expect(fs.readFileSync(path.join(ledger.folder, name), 'utf8')).toBe('not ours');
    expect(made.map((m) => m.removed)).toEqual([[], [], ['nuqta-T01-20250601T203100.000Z-daily.db'], ['nuqta-T01-20250601T203200.000Z-manual.db']]);
  });

  it('deletes a copy that does not verify, says so, and keeps the last verified one as it was', async () => {
    ledger = await ledgerWithSales(1);
    const s = backupService(ledger);
    const good = await s.backups.backupNow('daily');
    // Someone edits a sale's total in the ledger with the sqlite3 shell: every copy of it fails verify's replay.
    s.db.prepare("UPDATE sales SET total_halalas = 1 WHERE status = 'completed'").run();
    const failure = await s.backups.backupNow('manual').catch((e: unknown) => e);
    const failed = s.entries('backup.failed');
    await s.close();

    expect(failure).toBeInstanceOf(BackupError);
    const error = failure as BackupError;
    expect(error.code).toBe('BACKUP_NOT_VERIFIED');
    expect(error.detail).toMatch(/^rows at entry \d+: sales .*total_halalas is 1/);
    expect(error.toData().message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(error.toData().message_en).toMatch(/removed and not kept/);
    // Only the good copy is in the folder: no unverified file, no half-written one.
    expect(filesIn(ledger.folder)).toEqual([path.basename(good.file)]);
    expect(readLastBackup(ledger.dir)).toEqual(good);
    expect(failed).toEqual([expect.objectContaining({ reason: 'manual', code: 'BACKUP_NOT_VERIFIED' })]);
    expect(s.logged.error.join('\n')).toMatch(/backup \(manual\) FAILED: BACKUP_NOT_VERIFIED/);
    // The ledger was damaged on purpose above; the folder's own check would fail on it.
    fs.rmSync(path.join(ledger.dir, 'till.db'));
  });

  it('refuses a missing folder with a bilingual error, journals it and loses nothing', async () => {
    ledger = await ledgerWithSales(1);
    const s = backupService(ledger, { folder: path.join(ledger.dir, 'usb-drive-not-plugged-in') });
    const failure = (await s.backups.backupNow('daily').catch((e: unknown) => e)) as BackupError;
    const failed = s.entries('backup.failed');
    await s.close();
    expect(failure).toBeInstanceOf(BackupError);
    expect(failure.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(failure.toData().message_en).toMatch(/cannot be written.*Nothing of the till's data is lost/);
    expect(failure.toData().message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(failed).toEqual([expect.objectContaining({ reason: 'daily', code: 'BACKUP_FOLDER_UNAVAILABLE' })]);
    expect(readLastBackup(ledger.dir)).toBeNull();
  });

  it('refuses when no folder is set', async () => {
    ledger = await ledgerWithSales(0);
    const s = backupService(ledger, { folder: null });
    const failure = (await s.backups.backupNow('manual').catch((e: unknown) => e)) as BackupError;
    await s.close();
    expect(failure.code).toBe('BACKUP_NOT_CONFIGURED');
  });

  it('never writes two copies at once, and lets the event loop run while it copies', async () => {
    ledger = await ledgerWithSales(3);
    let clock = Date.parse('2025-06-01T20:30:00.000Z');
    const s = backupService(ledger, {}, { now: () => new Date((clock += 1000)), pagesPerStep: 1 });
    let most = 0;
    let ticks = 0;
    const sampler = setInterval(() => {
      ticks += 1;
      most = Math.max(most, filesIn(ledger.folder).filter((n) => n.endsWith('.partial')).length);
    }, 0);
    const both = await Promise.all([s.backups.backupNow('manual'), s.backups.backupNow('daily')]);
    clearInterval(sampler);
    await s.close();
    expect(both.map((b) => b.reason)).toEqual(['manual', 'daily']);
    expect(filesIn(ledger.folder)).toHaveLength(2);
    expect(most).toBe(1);
    // A page a step: the timers ran between the steps (a sale would have, too).
    expect(ticks).toBeGreaterThan(2);
  });
});

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

describe.runIf(canMount)('backupNow onto a read-only or full drive (tmpfs)', () => {
  it('says the drive is read-only or full, in both languages, leaves no partial copy and keeps the earlier ones', async () => {
    ledger = await ledgerWithSales(2);
    const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-usb-'));
    const size = fs.statSync(path.join(ledger.dir, 'till.db')).size;
    try {
      // A drive with room for one copy and a half.
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil((size * 1.5) / 4096) * 4096}`, 'tmpfs', mount]);
      let clock = Date.parse('2025-06-01T20:30:00.000Z');
      const s = backupService(ledger, { folder: mount }, { now: () => new Date((clock += 1000)) });
      const first = await s.backups.backupNow('daily');
      const full = (await s.backups.backupNow('daily').catch((e: unknown) => e)) as BackupError;
      expect(full).toBeInstanceOf(BackupError);
      expect(full.code).toBe('BACKUP_FOLDER_FULL');
      expect(full.toData().message_en).toMatch(/full.*Nothing of the till's data or of earlier backups is lost/);
      expect(full.toData().message_ar).toMatch(/ممتلئ/);
      expect(filesIn(mount)).toEqual([path.basename(first.file)]);
      assertLedgerVerifies(first.file);

      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const readOnly = (await s.backups.backupNow('manual').catch((e: unknown) => e)) as BackupError;
      expect(readOnly.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
      expect(readOnly.detail).toMatch(/EROFS|read-only|readonly/i);
      expect(s.entries('backup.failed').map((f) => f.code)).toEqual(['BACKUP_FOLDER_FULL', 'BACKUP_FOLDER_UNAVAILABLE']);
      expect(readLastBackup(ledger.dir)).toEqual(first);
      await s.close();
    } finally {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      fs.rmSync(mount, { recursive: true, force: true });
    }
  });
});
