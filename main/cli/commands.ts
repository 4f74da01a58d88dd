// The admin's commands. Each returns an exit code and writes what a person needs to read; none of them
// needs the till to be stopped (WAL lets them read and back up while it runs).
import fs from 'node:fs';
import path from 'node:path';
import { ledgerFile } from '../app';
import { importCatalogCsv } from '../catalog';
import { openDatabase } from '../db';
import { randomBytes } from 'node:crypto';
import { hashPin } from '../auth';
import { createJournal, verifyJournal } from '../ledger';
import { openSettings } from '../settings';
import { EXIT, type Output } from './io';

export { EXIT, type Output, type CliFlags } from './io';
export { terminalCommand, stcPayCommand, TERMINAL_USAGE, STCPAY_USAGE } from './providers';
export { secretCommand, SECRET_USAGE, KNOWN_SECRETS } from './secret';

export function ledgerVerify(dataDir: string, io: Output): number {
  const file = ledgerFile(dataDir);
  if (!fs.existsSync(file)) {
    io.err(`No ledger at ${file}. / لا يوجد سجل في هذا المسار.`);
    return EXIT.failure;
  }
  const db = openDatabase(file, { readonly: true });
  try {
    const result = verifyJournal(db);
    if (result.ok) {
      io.out(`Ledger OK: ${result.entries} entries, chain intact. Head ${result.headHash}`);
      io.out(`السجل سليم: ${result.entries} قيد، السلسلة متصلة.`);
      return EXIT.ok;
    }
    io.err(`Ledger BROKEN at entry ${result.brokenAt}: ${result.reason}. ${result.entries} entries before it are intact.`);
    io.err(`السجل تالف عند القيد ${result.brokenAt}.`);
    return EXIT.rejected;
  } finally {
    db.close();
  }
}

export function catalogImport(dataDir: string, csvPath: string, mode: 'all-or-nothing' | 'valid-rows', io: Output): number {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(csvPath);
  } catch (e) {
    io.err(`Cannot read ${csvPath}: ${(e as Error).message} / تعذرت قراءة الملف.`);
    return EXIT.failure;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(ledgerFile(dataDir));
  try {
    const report = importCatalogCsv(db, bytes, { mode });
    for (const r of report.rejected) {
      io.err(`row ${r.row}${r.barcode ? ` (${r.barcode})` : ''}: ${r.code} — ${r.message_en} / ${r.message_ar}`);
    }
    if (report.committed) {
      io.out(`Imported: ${report.imported} new, ${report.updated} updated, ${report.rejected.length} rejected.`);
      io.out(`تم الاستيراد: ${report.imported} جديد، ${report.updated} محدث، ${report.rejected.length} مرفوض.`);
    } else {
      io.err(`Nothing imported: ${report.rejected.length} rows have errors (mode ${mode}). / لم يُستورد شيء.`);
    }
    return report.rejected.length === 0 ? EXIT.ok : EXIT.rejected;
  } finally {
    db.close();
  }
}

export async function backup(dataDir: string, target: string, force: boolean, io: Output): Promise<number> {
  const source = ledgerFile(dataDir);
  if (!fs.existsSync(source)) {
    io.err(`No ledger at ${source}. / لا يوجد سجل في هذا المسار.`);
    return EXIT.failure;
  }
  const destination = path.resolve(target);
  if (fs.existsSync(destination) && !force) {
    io.err(`${destination} exists; pass --force to overwrite. / الملف موجود مسبقاً.`);
    return EXIT.usage;
  }
  const db = openDatabase(source, { readonly: true });
  try {
    // SQLite's online backup: a consistent snapshot even while the till keeps selling.
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = openDatabase(destination, { readonly: true });
  try {
    const check = verifyJournal(copy);
    if (!check.ok) {
      io.err(`Backup written but its chain is broken at ${check.brokenAt}: ${check.reason}`);
      return EXIT.rejected;
    }
    io.out(`Backup written to ${destination} (${check.entries} journal entries, verified).`);
    io.out(`تم حفظ النسخة الاحتياطية والتحقق منها.`);
    return EXIT.ok;
  } finally {
    copy.close();
  }
}

/**
 * `nuqta manager-pin set`: reads the new PIN (4-8 digits) from standard input, so it never sits in the shell
 * history, and stores only its salted hash. Journaled, without the PIN.
 */
export function managerPinCommand(dataDir: string, args: string[], stdinText: string, io: Output): number {
  if (args[0] !== 'set') {
    io.err('Usage: echo NEWPIN | nuqta manager-pin set');
    return EXIT.usage;
  }
  const pin = stdinText.trim();
  if (!/^\d{4,8}$/.test(pin)) {
    io.err('The PIN must be 4 to 8 digits. / يجب أن يتكون الرمز من ٤ إلى ٨ أرقام.');
    return EXIT.usage;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(ledgerFile(dataDir));
  try {
    const settings = openSettings(db);
    const salt = randomBytes(16).toString('hex');
    db.transaction(() => {
      settings.update({ managerPin: { salt, hash: hashPin(pin, salt) } });
      createJournal(db, settings.get().tillId).append('manager.pin_changed', { by: 'cli' });
    }).immediate();
    io.out('Manager PIN changed. Restart the till to use it. / تم تغيير رمز المدير.');
    return EXIT.ok;
  } finally {
    db.close();
  }
}
