// What a person reads of a ledger check, in both languages: `ledger verify`, `backup` and `restore` say it alike.
import type { LedgerReport, LedgerStage } from '../ledger';
import type { Output } from './io';

export function reportLedger(report: LedgerReport, io: Output, what: string): boolean {
  if (report.ok) {
    const seals = report.seals.sealed
      ? `${report.seals.seals} seals, last at entry ${report.seals.lastSealedSeq}, ${report.seals.unsealedTail} entries after it`
      : 'not sealed';
    io.out(`${what} OK: ${report.entries} entries, SQLite integrity ok, chain intact, ${seals}, every derived row matches the journal. Head ${report.headHash}`);
    if (report.legacyEntries > 0) io.out(`(${report.legacyEntries} entries from an older version: chain checked, rows not replayed)`);
    for (const w of report.warnings) io.out(`warning: ${w}`);
    io.out('السجل سليم: سلامة الملف، تسلسل القيود، الأختام، وكل الجداول مطابقة للقيود.');
    return true;
  }
  reportFailure(report, io, what);
  return false;
}

export function reportFailure(report: Extract<LedgerReport, { ok: false }>, io: Output, what: string): void {
  const where = report.brokenAt === null ? '' : ` at entry ${report.brokenAt}`;
  io.err(`${what} FAILED (${STAGE_TEXT[report.stage].en})${where}: ${report.reason}`);
  io.err(`فشل التحقق (${STAGE_TEXT[report.stage].ar})${report.brokenAt === null ? '' : ` عند القيد ${report.brokenAt}`}.`);
}

const STAGE_TEXT: Record<LedgerStage, { en: string; ar: string }> = {
  integrity: { en: 'SQLite integrity: the file is damaged', ar: 'سلامة ملف قاعدة البيانات: الملف تالف' },
  chain: { en: 'journal hash chain', ar: 'تسلسل قيود السجل' },
  seals: { en: 'signed seals', ar: 'الأختام الموقعة' },
  rows: { en: 'a table differs from the journal', ar: 'جدول لا يطابق القيود' },
};
