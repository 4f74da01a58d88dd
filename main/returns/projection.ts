// The return tables as the journal makes them (`ledger verify`, main/ledger/replay.ts): each `return.issued`
// entry makes one returns row with its stored body, its lines, and moves its till's return counter by one.
// A return is final when issued, so it is compared at once and forgotten. Requests waiting on a card refund
// (`return.requested`) are held by an approval they could not be issued with (`return.refund_mismatch`,
// `return.issue_failed`) and settled by the return that issues them or by `return.cancelled`; cash a late return
// owes (`return.cash_owed`) is paid out by `return.cash_paid`. Requests and owed cash are few: compared at the end.
import type { Db } from '../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection, type ReplayEntry } from '../ledger';
import { CASH_ENTRY, REQUEST_ENTRY, RETURN_ENTRY } from './entries';
import { refundFromIssue, type ReturnIssue } from './returns';

export function returnsProjection(db: Db): Projection {
  const q = {
    row: db.prepare<[string], Record<string, unknown>>('SELECT * FROM returns WHERE id = ?'),
    lines: db.prepare<[string], Record<string, unknown>>('SELECT * FROM return_lines WHERE return_id = ?'),
    counters: db.prepare<[], { till_id: string; last_number: number }>('SELECT till_id, last_number FROM return_counters'),
    requests: db.prepare<[], Record<string, unknown>>('SELECT * FROM return_requests'),
    owed: db.prepare<[], Record<string, unknown>>('SELECT * FROM return_cash_owed'),
  };
  const requests = new Map<string, Record<string, unknown>>();
  /** The card part each request asked (an issue that failed before 0140 journaled no approved amount: it was this). */
  const asked = new Map<string, number>();
  const owed = new Map<string, Record<string, unknown>>();
  const issued = new Set<string>();
  const counters = new Map<string, number>();
  const made = { returns: 0, return_lines: 0 };

  const apply = (e: ReplayEntry): Mismatch | undefined => {
    if (e.type === REQUEST_ENTRY.requested) {
      const id = field.str(e.payload, 'requestId');
      requests.set(id, {
        id,
        receipt_no: field.str(e.payload, 'receiptNo'),
        refund_intent_id: field.str(e.payload, 'intentId'),
        plan: canonicalJson(e.payload.plan),
        state: 'waiting',
        requested_seq: e.seq,
        settled_seq: null,
        return_id: null,
        held: null,
        approved_halalas: null,
        held_detail: null,
        held_seq: null,
      });
      const plan = e.payload.plan as { cardHalalas?: unknown } | undefined;
      asked.set(id, typeof plan?.cardHalalas === 'number' ? plan.cardHalalas : 0);
      return undefined;
    }
    if (e.type === REQUEST_ENTRY.mismatch || e.type === REQUEST_ENTRY.issueFailed) {
      const id = field.str(e.payload, 'requestId');
      const request = requests.get(id);
      if (request?.state !== 'waiting' || request.held !== null) return undefined; // as the domain: held once, while waiting
      const failed = e.type === REQUEST_ENTRY.issueFailed;
      const approved = typeof e.payload.approved === 'number' ? e.payload.approved : failed ? asked.get(id) : undefined;
      Object.assign(request, {
        held: failed ? 'issue_failed' : 'refund_mismatch',
        approved_halalas: approved ?? null,
        held_detail: failed ? field.str(e.payload, 'error') : null,
        held_seq: e.seq,
      });
      return undefined;
    }
    if (e.type === CASH_ENTRY.owed) {
      const returnId = field.str(e.payload, 'returnId');
      if (!issued.has(returnId) || owed.has(returnId)) return { table: 'return_cash_owed', key: returnId, what: 'cash owed on a return not issued before it, or owed twice', seq: e.seq };
      owed.set(returnId, { return_id: returnId, amount_halalas: e.payload.amountHalalas, owed_seq: e.seq, paid_seq: null });
      return undefined;
    }
    if (e.type === CASH_ENTRY.paid) {
      const returnId = field.str(e.payload, 'returnId');
      const row = owed.get(returnId);
      if (!row || row.paid_seq !== null || row.amount_halalas !== e.payload.amountHalalas) {
        return { table: 'return_cash_owed', key: returnId, what: 'cash paid out on a return that did not owe it', seq: e.seq };
      }
      row.paid_seq = e.seq;
      return undefined;
    }
    if (e.type === REQUEST_ENTRY.cancelled) {
      const request = requests.get(field.str(e.payload, 'requestId'));
      if (request?.state === 'waiting') Object.assign(request, { state: 'cancelled', settled_seq: e.seq });
      return undefined;
    }
    if (e.type !== RETURN_ENTRY) return undefined;
    const requestId = field.strOrNull(e.payload, 'requestId');
    if (requestId) {
      const request = requests.get(requestId);
      if (request?.state !== 'waiting') return { table: 'return_requests', key: requestId, what: 'a return issued for a request that was not waiting', seq: e.seq };
      Object.assign(request, { state: 'issued', settled_seq: e.seq, return_id: field.str(e.payload, 'returnId') });
    }
    const issue = e.payload as unknown as ReturnIssue;
    const id = field.str(e.payload, 'returnId');
    issued.add(id);
    const tillId = field.str(e.payload, 'tillId');
    const last = counters.get(tillId) ?? 0;
    if (issue.number !== last + 1) return { table: 'returns', key: issue.returnNo, what: `return number ${issue.number} does not follow ${last}`, seq: e.seq };
    counters.set(tillId, issue.number);
    made.returns += 1;
    const refund = refundFromIssue(issue, e.at);
    const expected = {
      id,
      return_no: issue.returnNo,
      till_id: tillId,
      number: issue.number,
      sale_id: issue.saleId,
      original_receipt_no: issue.originalReceiptNo,
      reason: issue.reason,
      issued_at: e.at,
      total_halalas: refund.totals.totalHalalas,
      seq: e.seq,
    };
    const stored = q.row.get(id);
    const m = compareRow('returns', issue.returnNo, expected, stored, e.seq);
    if (m) return m;
    if (canonicalBody(stored!.body) !== canonicalJson(refund)) {
      return { table: 'returns', key: issue.returnNo, what: 'the stored refund receipt differs from the one the journal issued', seq: e.seq };
    }
    const lines = new Map(q.lines.all(id).map((r) => [String(r.line_id), r]));
    if (lines.size !== refund.lines.length) return { table: 'return_lines', key: issue.returnNo, what: `${lines.size} lines stored, the journal made ${refund.lines.length}`, seq: e.seq };
    for (const line of refund.lines) {
      made.return_lines += 1;
      const lm = compareRow('return_lines', `${issue.returnNo} ${line.lineId}`, { return_id: id, line_id: line.lineId, quantity: line.quantity, line_total_halalas: line.lineTotalHalalas }, lines.get(line.lineId), e.seq);
      if (lm) return lm;
    }
    return undefined;
  };

  return {
    name: 'returns',
    // Returns came after the journal's format marker: an older journal has none.
    legacy: () => undefined,
    apply,
    finish() {
      const stored = new Map(q.requests.all().map((r) => [String(r.id), r]));
      if (stored.size !== requests.size) return { table: 'return_requests', key: '*', what: `${stored.size} requests stored, the journal made ${requests.size}` };
      for (const [id, { plan, ...row }] of requests) {
        const actual = stored.get(id);
        const m = compareRow('return_requests', id, row, actual);
        if (m) return m;
        if (canonicalBody(actual!.plan) !== plan) return { table: 'return_requests', key: id, what: 'the stored plan differs from the journal' };
      }
      const storedOwed = new Map(q.owed.all().map((r) => [String(r.return_id), r]));
      if (storedOwed.size !== owed.size) return { table: 'return_cash_owed', key: '*', what: `${storedOwed.size} rows stored, the journal made ${owed.size}` };
      for (const [id, row] of owed) {
        const m = compareRow('return_cash_owed', id, row, storedOwed.get(id));
        if (m) return m;
      }
      for (const table of ['returns', 'return_lines'] as const) {
        const m = countRows(db, table, made[table]);
        if (m) return m;
      }
      const lasts = new Map(q.counters.all().map((r) => [r.till_id, r.last_number]));
      for (const [tillId, last] of counters) {
        if (lasts.get(tillId) !== last) return { table: 'return_counters', key: tillId, what: `last_number is ${lasts.get(tillId) ?? 'missing'}, the journal says ${last}` };
      }
      for (const tillId of lasts.keys()) {
        if (!counters.has(tillId)) return { table: 'return_counters', key: tillId, what: 'a counter the journal never moved' };
      }
      return undefined;
    },
  };
}

/** The stored body in canonical form; unreadable JSON never equals an entry. */
function canonicalBody(value: unknown): string {
  try {
    return canonicalJson(JSON.parse(String(value)));
  } catch {
    return `unreadable:${String(value)}`;
  }
}
