// Backup and restore failures as data: a stable code and a message in each language, for the admin at the
// till, the health page and the CLI. Each says what happened to the data (nothing lost) and what to do.
import { defineErrors } from '../errors';

export const backupErrorCatalog = defineErrors({
  BACKUP_NOT_CONFIGURED: {
    ar: 'لم يُحدَّد مجلد للنسخ الاحتياطية. حدّده في الإعدادات (nuqta config set backups.folder …).',
    en: 'No backup folder is set. Set one in the settings (nuqta config set backups.folder …).',
  },
  BACKUP_FOLDER_UNAVAILABLE: {
    ar: 'تعذرت الكتابة في مجلد النسخ الاحتياطية (غير موجود، أو القرص غير موصول، أو لا صلاحية للكتابة). لم يُفقد شيء من بيانات نقطة البيع. صِل القرص أو صحّح المجلد في الإعدادات ثم أعد المحاولة.',
    en: 'The backup folder cannot be written (missing, the drive is not connected, or no permission to write). Nothing of the till\'s data is lost. Connect the drive or correct the folder in the settings, then try again.',
  },
  BACKUP_FOLDER_FULL: {
    ar: 'مجلد النسخ الاحتياطية ممتلئ، فلم تُحفظ النسخة. لم يُفقد شيء من بيانات نقطة البيع ولا من النسخ السابقة. أفرغ مساحة أو قلّل عدد النسخ المحفوظة ثم أعد المحاولة.',
    en: 'The backup folder is full, so no backup was made. Nothing of the till\'s data or of earlier backups is lost. Free some space or keep fewer copies, then try again.',
  },
  BACKUP_NOT_VERIFIED: {
    ar: 'فشل التحقق من النسخة الاحتياطية، فحُذفت ولم تُعتمد. لم يُفقد شيء من بيانات نقطة البيع. شغّل nuqta ledger verify واتصل بالدعم.',
    en: 'The backup failed verification, so it was removed and not kept as a backup. Nothing of the till\'s data is lost. Run nuqta ledger verify and call support.',
  },
  BACKUP_VERIFY_INTERRUPTED: {
    ar: 'توقف التحقق من النسخة الاحتياطية قبل أن يكتمل (تعطل الفحص أو تجاوز المهلة)، فحُذفت النسخة ولم تُعتمد. لم يُفقد شيء من بيانات نقطة البيع ولا من النسخ السابقة. أعد المحاولة؛ وإن تكرر ذلك فاتصل بالدعم.',
    en: 'Checking the backup stopped before it finished (the check failed or took too long), so the copy was removed and not kept as a backup. Nothing of the till\'s data or of earlier backups is lost. Try again; if it happens again, call support.',
  },
  RESTORE_NOT_VERIFIED: {
    ar: 'ملف النسخة الاحتياطية لم يجتز التحقق، فلم يُستعد. لم يتغير شيء. استخدم نسخة أخرى سليمة.',
    en: 'The backup file does not pass verification, so it was not restored. Nothing was changed. Use another, verified backup.',
  },
  RESTORE_BELOW_RECEIPTS: {
    ar: 'النسخة أقدم من آخر إيصال صدر: استعادتها تعيد أرقام إيصالات سُلّمت للعملاء. لم يتغير شيء. استخدم نسخة أحدث، أو أعد الأمر مع ‎--accept-lower-receipts (يُسجَّل القرار ويستمر الترقيم بعد آخر رقم صدر).',
    en: 'The backup is older than the last receipt issued: restoring it would go back below receipt numbers customers hold. Nothing was changed. Use a newer backup, or run again with --accept-lower-receipts (the decision is journaled and numbering goes on above the last number issued).',
  },
});

export type BackupErrorCode = keyof typeof backupErrorCatalog.text;

export class BackupError extends backupErrorCatalog.errorClass('BackupError') {}

export const isBackupError = (e: unknown): e is BackupError => e instanceof BackupError;
