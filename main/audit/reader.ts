// The audit list: the privileged acts of the journal (./actions.ts), newest first, a page at a time, filtered by
// date, action and user. Who did an act is what its entry says (a user id, `by`), else who was signed in for the
// call that wrote it (the entry's `actor`), else the cashier of the sale it belongs to (sales.cashier: a demo till
// starts signed in without a sign-in entry), else the user signed in at the till when it was written (the last
// people.signed_in / signed_out before it). Reads only; the journal's (type, seq) index (migration 0220) finds a
// type's entries without reading the others.
import type { AuditAction, AuditFilter, AuditPage, AuditRow } from '../../preload/contract';
import type { Db } from '../db';
import { ACTION_OF, AUDIT_TYPES } from './actions';
import { describeEntry } from './describe';

interface EntryRow {
  seq: number;
  at: string;
  type: string;
  payload: string;
}

/** A bare date is its whole day (UTC): `from` its first instant, `to` its last. */
const bound = (value: string | undefined, end: boolean): string | null => {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
};

const BATCH = 200;

export function createAuditReader(db: Db) {
  const signedIn = db.prepare<[number], { type: string; userId: string | null }>(
    `SELECT type, json_extract(payload, '$.userId') AS userId FROM journal
      WHERE type IN ('people.signed_in', 'people.signed_out') AND seq < ? ORDER BY seq DESC LIMIT 1`,
  );
  const saleCashier = db.prepare<[string], { userId: string | null }>(`SELECT json_extract(cashier, '$.id') AS userId FROM sales WHERE id = ?`);
  const pageQuery = (types: readonly string[]) =>
    db.prepare<unknown[], EntryRow>(
      `SELECT seq, at, type, payload FROM journal
        WHERE type IN (${types.map(() => '?').join(', ')}) AND seq < ? AND at >= ? AND at <= ?
          AND NOT (type = 'sale.voided' AND json_extract(payload, '$.lineCount') = 0)
        ORDER BY seq DESC LIMIT ?`,
    );
  // One statement per action filter (and one for all), prepared on first use.
  const prepared = new Map<string, ReturnType<typeof pageQuery>>();
  const statement = (action: AuditAction | undefined) => {
    const key = action ?? '*';
    let s = prepared.get(key);
    if (!s) prepared.set(key, (s = pageQuery(action ? AUDIT_TYPES[action] : [...ACTION_OF.keys()])));
    return { s, types: action ? AUDIT_TYPES[action] : [...ACTION_OF.keys()] };
  };

  const whoAt = (seq: number): string | null => {
    const last = signedIn.get(seq);
    return last?.type === 'people.signed_in' ? last.userId : null;
  };

  const rowOf = (e: EntryRow): AuditRow => {
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    const described = describeEntry(e.type, payload);
    return {
      seq: e.seq,
      at: e.at,
      action: ACTION_OF.get(e.type)!,
      type: e.type,
      userId: described.userId ?? (typeof payload.saleId === 'string' ? (saleCashier.get(payload.saleId)?.userId ?? null) : null) ?? whoAt(e.seq),
      detail: described.detail,
      before: described.before,
      after: described.after,
    };
  };

  return {
    /** One page, newest first: entries older than `cursor` (the previous page's nextCursor). */
    page(filter: AuditFilter & { limit: number; cursor?: number }): AuditPage {
      const { s, types } = statement(filter.action);
      const from = bound(filter.from, false) ?? '';
      const to = bound(filter.to, true) ?? '9999';
      const rows: AuditRow[] = [];
      let before = filter.cursor ?? Number.MAX_SAFE_INTEGER;
      // A user filter drops rows after they are read: read on in batches until the page is full or the journal ends.
      for (;;) {
        const batch = s.all(...types, before, from, to, filter.userId ? BATCH : filter.limit + 1);
        for (const e of batch) {
          const row = rowOf(e);
          if (filter.userId && row.userId !== filter.userId) continue;
          if (rows.length === filter.limit) return { rows, nextCursor: rows[rows.length - 1]!.seq };
          rows.push(row);
        }
        if (batch.length < (filter.userId ? BATCH : filter.limit + 1)) return { rows, nextCursor: null };
        before = batch[batch.length - 1]!.seq;
      }
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
