// Backups and restore: verified copies of the ledger on a schedule (daily, at closing) and on demand, into a
// folder with retention; the last verified copy for the health page; putting a backup back without ever issuing
// a receipt number twice. See docs/commissioning.md ("Backups and restore").
export { createBackups, type Backups, type BackupDeps, type BackupLog } from './service';
export { writeVerifiedCopy, BackupNotVerified, type VerifiedCopy, type CopyOptions } from './copy';
export { checkLedgerFile } from './check';
export {
  checkLedgerFileInWorker,
  useVerifyWorkerByDefault,
  verifyCopy,
  verifyInWorkerOrHere,
  verifyTimeoutMs,
  verifyWorkerFile,
  VerifyWorkerLost,
  type VerifierChoice,
  type VerifyCopyOptions,
  type VerifyOptions,
} from './verify-client';
export { serveLedgerCheck } from './verify-worker';
export { readLastBackup, LAST_BACKUP_FILE, type LastBackup } from './last-backup';
export { backupFileName, parseBackupName, type BackupReason } from './names';
export { listBackups, pruneBackups } from './retention';
export { nextDailyRun, startDailySchedule, DAY_MS, type DailySchedule } from './schedule';
export { restoreLedger, type RestoreOptions, type RestoreOutcome } from './restore';
export { BackupError, backupErrorCatalog, isBackupError, type BackupErrorCode } from './errors';
