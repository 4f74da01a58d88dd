// Opening hours in the shop's own time zone. The till's clock may run in UTC (a Linux install often does) while
// the shop keeps Riyadh time, so the local time is always computed from the zone setting, never the OS zone.

/** Minutes since local midnight of `now` in `timeZone` (0-1439). */
export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  if (!Number.isInteger(hour) || !Number.isInteger(minute)) throw new Error(`cannot read the local time in ${timeZone}`);
  return (hour % 24) * 60 + minute;
}

/** "HH:MM" → minutes since midnight. The settings schema has checked the form. */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Whether the shop is open at `minute`: from opensAt (included) to closesAt (excluded). Hours that cross
 * midnight (opens 08:00, closes 02:00) are open from 08:00 to 23:59 and from 00:00 to 01:59. Equal times mean
 * open around the clock: a 24-hour shop has no closed hours for an automatic update.
 */
export function isOpenAt(minute: number, opensAt: string, closesAt: string): boolean {
  const opens = minutesOf(opensAt);
  const closes = minutesOf(closesAt);
  if (opens === closes) return true;
  return opens < closes ? minute >= opens && minute < closes : minute >= opens || minute < closes;
}
