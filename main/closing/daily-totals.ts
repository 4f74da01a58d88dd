// The daily totals' business day follows the till's time zone (settings.timeZone, Asia/Riyadh by default). The rows
// keep the zone's UTC offset (migration 0240); when the setting names another zone, every row is re-derived from
// the journal under the new offset, in one write transaction, so no two days of the table disagree on midnight.
import { rederiveDailyTotals, type Db } from '../db';

/** The zone's UTC offset in minutes at `at` (Gulf zones keep one all year). */
export function zoneOffsetMinutes(timeZone: string, at = new Date()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Aligns the rows with the till's zone; true when they were re-derived. */
export function alignDailyTotalsZone(db: Db, timeZone: string): boolean {
  const offset = zoneOffsetMinutes(timeZone);
  return db
    .transaction((): boolean => {
      const stored = db.prepare<[], { zone: string; offset_minutes: number }>('SELECT zone, offset_minutes FROM daily_totals_zone WHERE id = 1').get();
      if (stored?.zone === timeZone && stored.offset_minutes === offset) return false;
      db.prepare('UPDATE daily_totals_zone SET zone = ?, offset_minutes = ? WHERE id = 1').run(timeZone, offset);
      rederiveDailyTotals(db);
      return true;
    })
    .immediate();
}
