// The admin's commands. Each returns an exit code and writes what a person needs to read; none of them
// needs the till to be stopped (WAL lets them read and back up while it runs).
import fs from 'node:fs';
import { LEDGER_PROJECTIONS, ledgerFile } from '../app';
import { checkLedgerFile } from '../backup';
import { receiptLogAsNow } from '../checkout';
import { importCatalogCsv, type ImportOptions } from '../catalog';
import { openDatabase } from '../db';
import { randomBytes } from 'node:crypto';
import { hashPin, unlockManagerPin } from '../auth';
import { createJournal } from '../ledger';
import { openSettings } from '../settings';
import { EXIT, type Output } from './io';
import { reportLedger } from './ledger-report';

export { EXIT, type Output, type CliFlags } from './io';
export { terminalCommand, stcPayCommand, TERMINAL_USAGE, STCPAY_USAGE } from './providers';
export { secretCommand, SECRET_USAGE, KNOWN_SECRETS } from './secret';
export { configCommand, CONFIG_USAGE } from './config';
export { supportBundle } from './support-bundle';
export { updateCommand, UPDATE_USAGE } from './update';
export { zatcaCommand, ZATCA_USAGE } from './zatca';
export { backup } from './backup';
export { restoreCommand, RESTORE_USAGE } from './restore';
export { userCommand, USER_USAGE } from './users';

export function ledgerVerify(dataDir: string, io: Output): number {
  const file = ledgerFile(dataDir);
  if (!fs.existsSync(file)) {
    io.err(`No ledger at ${file}. / لا يوجد سجل في هذا المسار.`);
    return EXIT.failure;
  }
  if (!reportLedger(checkLedgerFile(file, LEDGER_PROJECTIONS), io, 'Ledger')) return EXIT.rejected;
  return reportMissingReceipts(dataDir, file, io) ? EXIT.ok : EXIT.rejected;
}

/**
 * Receipts the data folder's receipt-number log says were issued but the database does not hold (a lost -wal,
 * an older copy put back). The database alone looks whole then; only the log outside it can tell.
 */
function reportMissingReceipts(dataDir: string, file: string, io: Output): boolean {
  // The log before the counters: a running till logs a sale after committing it (receipt-watermark.ts).
  const missingAbove = receiptLogAsNow(dataDir);
  const db = openDatabase(file, { readonly: true });
  let missing;
  try {
    const counters = db.prepare<[], { till_id: string; last_number: number }>('SELECT till_id, last_number FROM receipt_counters').all();
    missing = counters.flatMap((c) => missingAbove(c.till_id, c.last_number));
  } finally {
    db.close();
  }
  if (missing.length === 0) return true;
  io.err(`Receipts MISSING from the database: ${missing.length} receipt(s) were issued but are not in it: ${missing.map((m) => m.receiptNo).join(', ')}.`);
  io.err('The -wal file was lost or an older copy was put back. Restore the file that has them if there is one; starting the till numbers on above them and journals the list.');
  io.err(`إيصالات مفقودة من قاعدة البيانات: ${missing.length}. استعد الملف الذي يحتويها إن وُجد؛ عند تشغيل نقطة البيع يستمر الترقيم بعدها وتُسجَّل القائمة.`);
  return false;
}

export function catalogImport(dataDir: string, csvPath: string, options: ImportOptions, io: Output): number {
  const { mode } = options;
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
    const report = importCatalogCsv(db, bytes, options);
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

/**
 * `nuqta manager-pin set`: reads the new PIN (4-8 digits) from standard input, so it never sits in the shell
 * history, and stores only its salted hash. Journaled, without the PIN.
 * `nuqta manager-pin unlock`: clears a lockout after wrong PINs (journaled), e.g. when someone kept failing.
 */
export function managerPinCommand(dataDir: string, args: string[], stdinText: string, io: Output): number {
  if (args[0] === 'unlock') return unlockPin(dataDir, io);
  if (args[0] !== 'set') {
    io.err('Usage: echo NEWPIN | nuqta manager-pin set\n       nuqta manager-pin unlock');
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

function unlockPin(dataDir: string, io: Output): number {
  const file = ledgerFile(dataDir);
  if (!fs.existsSync(file)) {
    io.err(`No ledger at ${file}. / لا يوجد سجل في هذا المسار.`);
    return EXIT.failure;
  }
  const db = openDatabase(file);
  try {
    const unlocked = unlockManagerPin(db, createJournal(db, openSettings(db).get().tillId), 'cli');
    io.out(unlocked ? 'Manager PIN unlocked. / تم فتح رمز المدير.' : 'The manager PIN was not locked. / رمز المدير غير مقفل.');
    return EXIT.ok;
  } finally {
    db.close();
  }
}
