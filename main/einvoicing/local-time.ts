// The document's issue date and time as the shop's clock shows them. ZATCA's samples write local time without a
// zone (`17:41:08`), and the QR's tag 3 must be IssueDate + 'T' + IssueTime exactly — so both are made here once,
// from the instant the sale completed (its journal entry's time), and copied everywhere else.

export interface IssueMoment {
  /** YYYY-MM-DD in the shop's time zone. */
  date: string;
  /** hh:mm:ss in the shop's time zone (whole seconds: UBL's time has no fraction in ZATCA's rules). */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function issueMomentOf(isoInstant: string, timeZone: string): IssueMoment {
  const at = new Date(isoInstant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${isoInstant}`);
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The QR's tag 3 and the signing time: the issue moment as one text. */
export const momentText = (m: IssueMoment): string => `${m.date}T${m.time}`;
