// The 12-digit date-time of SkyBand frames. The SDK takes it from its caller and zero-pads it ("%012lld"); the
// public code never shows the order, so we use DDMMYYhhmmss [inferred — confirm with the acquirer's kit]. Terminal
// clocks in KSA run on Arabia Standard Time, UTC+3 all year (no daylight saving), so we format and read it there.

const KSA_OFFSET_MS = 3 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/** DDMMYYhhmmss in KSA time. */
export function formatEcrDateTime(at: Date): string {
  const t = new Date(at.getTime() + KSA_OFFSET_MS);
  return (
    two(t.getUTCDate()) +
    two(t.getUTCMonth() + 1) +
    two(t.getUTCFullYear() % 100) +
    two(t.getUTCHours()) +
    two(t.getUTCMinutes()) +
    two(t.getUTCSeconds())
  );
}

/** DDMMYY of an ISO instant, in KSA time (the refund's original date when a kit wants it). */
export function formatEcrDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  return formatEcrDateTime(d).slice(0, 6);
}

/**
 * Reads DDMMYYhhmmss (or DDMMYYYYhhmmss) as KSA time; returns ISO 8601 with +03:00, or null if it is not a valid
 * date. Never throws: this reads terminal output.
 */
export function parseEcrDateTime(raw: string): string | null {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  let year: number;
  if ((m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(s))) year = 2000 + Number(m[3]);
  else if ((m = /^(\d\d)(\d\d)(\d\d\d\d)(\d\d)(\d\d)(\d\d)$/.exec(s))) year = Number(m[3]);
  else return null;
  const [day, month, hour, minute, second] = [m[1], m[2], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}+03:00`;
}
