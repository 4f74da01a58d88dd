// Free space where the ledger lives: under 1 GB a warning (a year of sales is ~3 GB, backups and logs grow
// too), under 100 MB a problem (the till refuses writes with DISK_FULL before SQLite would fail mid-way).
import fs from 'node:fs';
import { check, text, type HealthCheck } from './types';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

export function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

export function diskCheck(dataDir: string, free: (dir: string) => number = freeBytes): HealthCheck {
  let bytes: number;
  try {
    bytes = free(dataDir);
  } catch (e) {
    return check('disk', 'warning', text(`Free space unknown: ${(e as Error).message}`, 'تعذّرت معرفة المساحة الحرة'));
  }
  const facts = { freeMB: Math.floor(bytes / MB), folder: dataDir };
  const tenthsOfGb = Math.floor((bytes * 10) / GB);
  const shown = bytes >= GB ? `${Math.floor(tenthsOfGb / 10)}.${tenthsOfGb % 10} GB` : `${Math.floor(bytes / MB)} MB`;
  if (bytes < 100 * MB) {
    return check(
      'disk',
      'problem',
      text(`Only ${shown} free`, `المساحة الحرة ${shown} فقط`),
      text('Free space now (old files, the trash); sales stop when the disk is full.', 'أفرغ مساحة الآن (ملفات قديمة، سلة المحذوفات)؛ يتوقف البيع عند امتلاء القرص.'),
      facts,
    );
  }
  if (bytes < GB) {
    return check('disk', 'warning', text(`${shown} free`, `المساحة الحرة ${shown}`), text('Free some space soon (at least 1 GB).', 'أفرغ بعض المساحة قريبًا (١ غيغابايت على الأقل).'), facts);
  }
  return check('disk', 'ok', text(`${shown} free`, `المساحة الحرة ${shown}`), null, facts);
}
