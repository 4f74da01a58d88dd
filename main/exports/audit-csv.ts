// The audit list as CSV, filtered as on screen: every matching act, newest first, through the same CSV writer as
// the reports (BOM, formula cells escaped: a reason or a name typed at the till is data).
import type { AuditFilter, ExportedFile } from '../../preload/contract';
import type { AuditReader } from '../audit';
import { toCsv } from './csv';
import { riyadhClock, riyadhDay, writeExport } from './files';

/** More than a busy till's year of privileged acts; a wider export is cut here and says so in its last row. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const AUDIT_HEADER = ['seq', 'at', 'action', 'type', 'user', 'detail', 'before', 'after'] as const;

export function exportAuditCsv(dataDir: string, reader: AuditReader, filter: AuditFilter, now: Date = new Date()): ExportedFile {
  const rows: string[][] = [];
  let cursor: number | undefined;
  let cut = false;
  for (;;) {
    const page = reader.page({ ...filter, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const r of page.rows) rows.push([String(r.seq), r.at, r.action, r.type, r.userId ?? '', r.detail, r.before ?? '', r.after ?? '']);
    if (page.nextCursor === null) break;
    if (rows.length >= AUDIT_EXPORT_MAX_ROWS) {
      cut = true;
      break;
    }
    cursor = page.nextCursor;
  }
  if (cut) rows.push(['', '', '', '', '', `cut at ${AUDIT_EXPORT_MAX_ROWS} rows: narrow the dates`, '', '']);
  const name = ['audit', filter.from?.slice(0, 10), filter.to?.slice(0, 10), filter.action, filter.userId?.replace(/[^\w-]/g, '_'), `${riyadhDay(now.toISOString())}-${riyadhClock(now.toISOString())}`]
    .filter(Boolean)
    .join('-');
  return writeExport(dataDir, `${name}.csv`, toCsv(AUDIT_HEADER, rows));
}
