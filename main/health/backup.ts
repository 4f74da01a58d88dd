// The last verified backup: older than a day is a warning (a disk that dies tonight takes the day's sales).
import { check, text, type HealthCheck, type LastBackup } from './types';

const DAY_MS = 86_400_000;

export function backupCheck(folder: string | null, last: LastBackup | null, now: Date): HealthCheck {
  if (!folder) {
    return check(
      'backup',
      'warning',
      text('No backup folder set: nothing is backed up', 'لم يُحدَّد مجلد للنسخ الاحتياطي: لا يُنسخ شيء'),
      text('Set backups.folder to a USB drive or a network share.', 'اضبط backups.folder على ذاكرة USB أو مجلد شبكة.'),
    );
  }
  const facts = { folder, lastAt: last?.at ?? null, lastFile: last?.file ?? null };
  if (!last) {
    return check('backup', 'warning', text('No verified backup yet', 'لا توجد نسخة احتياطية سليمة بعد'), text('Make one now (nuqta backup).', 'أنشئ نسخة الآن (nuqta backup).'), facts);
  }
  const hours = Math.floor((now.getTime() - Date.parse(last.at)) / 3_600_000);
  if (now.getTime() - Date.parse(last.at) > DAY_MS) {
    return check(
      'backup',
      'warning',
      text(`Last verified backup ${hours} hours ago`, `آخر نسخة احتياطية سليمة قبل ${hours} ساعة`),
      text('Check the backup folder is there (USB drive plugged in, share reachable), then make one now.', 'تحقق من وجود مجلد النسخ (ذاكرة USB موصولة، مجلد الشبكة متاح) ثم أنشئ نسخة الآن.'),
      facts,
    );
  }
  return check('backup', 'ok', text(`Last verified backup ${hours} hours ago`, `آخر نسخة احتياطية سليمة قبل ${hours} ساعة`), null, facts);
}
