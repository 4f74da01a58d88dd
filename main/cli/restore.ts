// `nuqta restore FILE [--accept-lower-receipts]` (the till stopped: it takes the till's lock). Verifies the
// backup first (exit 4 when it does not pass), refuses a backup that would give receipt numbers customers already
// hold to new sales (exit 2, naming them) unless the admin accepts it — journaled in the restored ledger, with
// numbering going on above the last number issued — and keeps the ledger it replaces as till.db.replaced-<time>.
import fs from 'node:fs';
import path from 'node:path';
import { LEDGER_PROJECTIONS } from '../app';
import { backupErrorCatalog, restoreLedger } from '../backup';
import { EXIT, type Output } from './io';
import { reportFailure, reportLedger } from './ledger-report';

export const RESTORE_USAGE = 'Usage: nuqta restore FILE [--accept-lower-receipts]';

export async function restoreCommand(dataDir: string, file: string | undefined, acceptLowerReceipts: boolean, io: Output): Promise<number> {
  if (!file) {
    io.err(RESTORE_USAGE);
    return EXIT.usage;
  }
  const backupFile = path.resolve(file);
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) {
    io.err(`No backup at ${backupFile}. / لا توجد نسخة احتياطية في هذا المسار.`);
    return EXIT.failure;
  }
  const outcome = await restoreLedger({ dataDir, file: backupFile, acceptLowerReceipts, projections: LEDGER_PROJECTIONS, by: 'cli' });
  if (!outcome.ok && outcome.code === 'RESTORE_NOT_VERIFIED') {
    reportFailure(outcome.report, io, `Backup ${backupFile}`);
    say(io, 'RESTORE_NOT_VERIFIED');
    return EXIT.rejected;
  }
  if (!outcome.ok) {
    const numbers = outcome.wouldReissue.map((r) => r.receiptNo || `${r.tillId} #${r.number}`).join(', ');
    io.err(`Receipts issued after this backup was taken (${outcome.wouldReissue.length}), whose numbers would be issued again: ${numbers}`);
    io.err(`إيصالات صدرت بعد أخذ هذه النسخة (${outcome.wouldReissue.length})، وستُعاد أرقامها: ${numbers}`);
    say(io, 'RESTORE_BELOW_RECEIPTS');
    return EXIT.usage;
  }
  reportLedger(outcome.report, io, `Backup ${backupFile}`);
  if (outcome.skipped.length > 0) {
    const numbers = outcome.skipped.map((r) => r.receiptNo).join(', ');
    io.out(`Accepted going back below receipts already issued (journaled): ${numbers}. Numbering goes on after ${outcome.skipped[outcome.skipped.length - 1]!.receiptNo}; those sales are not in the restored ledger.`);
    io.out(`قُبلت الاستعادة إلى ما قبل إيصالات صدرت (مسجّل في السجل): ${numbers}. يستمر الترقيم بعد آخرها؛ هذه المبيعات ليست في السجل المستعاد.`);
  }
  io.out(`Restored ${backupFile} into ${dataDir}.${outcome.replaced ? ` The ledger it replaced is kept as ${outcome.replaced}.` : ''}`);
  io.out(`تمت الاستعادة.${outcome.replaced ? ` السجل السابق محفوظ باسم ${path.basename(outcome.replaced)}.` : ''}`);
  return EXIT.ok;
}

function say(io: Output, code: 'RESTORE_NOT_VERIFIED' | 'RESTORE_BELOW_RECEIPTS'): void {
  const text = backupErrorCatalog.text[code];
  io.err(`${text.en}\n${text.ar}\n(${code})`);
}
