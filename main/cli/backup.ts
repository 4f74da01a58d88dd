// `nuqta backup FILE [--force]`: a verified copy of the ledger anywhere the admin names, beside a running till
// (its own read-only connection; WAL lets it read while the till writes). The same copy as the till's scheduled
// backups (main/backup): written aside, verified as `ledger verify` verifies, and only then given the name asked
// for. A copy that fails the check is deleted, never left looking like a backup.
import fs from 'node:fs';
import path from 'node:path';
import { LEDGER_PROJECTIONS, ledgerFile } from '../app';
import { backupErrorCatalog, BackupNotVerified, isBackupError, writeVerifiedCopy } from '../backup';
import { openDatabase } from '../db';
import { EXIT, type Output } from './io';
import { reportFailure, reportLedger } from './ledger-report';

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
  let copy;
  try {
    copy = await writeVerifiedCopy(db, destination, { projections: LEDGER_PROJECTIONS, overwrite: force });
  } catch (e) {
    if (e instanceof BackupNotVerified) {
      reportFailure(e.report, io, `Backup ${destination}`);
      io.err('The copy did NOT verify, so it was deleted: nothing was written under that name. / لم تجتز النسخة التحقق فحُذفت.');
      return EXIT.rejected;
    }
    if (!isBackupError(e)) throw e;
    const text = backupErrorCatalog.text[e.code];
    io.err(`${text.en}\n${text.ar}\n(${e.code}: ${e.detail})`);
    return EXIT.failure;
  } finally {
    db.close();
  }
  reportLedger(copy.report, io, `Backup ${destination}`);
  io.out(`Backup written to ${destination} and verified. / تم حفظ النسخة الاحتياطية والتحقق منها.`);
  return EXIT.ok;
}
