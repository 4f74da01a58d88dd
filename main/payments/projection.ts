// payment_intents and payment_reference_counters as the journal makes them, for `ledger verify`
// (main/ledger/replay.ts). Every state change of an intent is one entry that names the state it moves to and
// what the row keeps (service.ts, transition), so the row is replayed without re-deciding anything.
import type { Db } from '../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection } from '../ledger';

export function paymentsProjection(db: Db): Projection {
  const intents = new Map<string, Record<string, unknown> & { card: string | null; reason: string | null }>();
  const legacy = new Set<string>();
  const lastReference = new Map<string, number>();
  const useReference = (tillId: string, reference: string) =>
    lastReference.set(tillId, Math.max(lastReference.get(tillId) ?? 0, Number(reference)));
  const readRow = db.prepare<[string], Record<string, unknown>>('SELECT * FROM payment_intents WHERE id = ?');

  const compareAll = (): Mismatch | undefined => {
    for (const [id, { card, reason, ...row }] of intents) {
      const actual = readRow.get(id);
      const m = compareRow('payment_intents', id, row, actual, row.updated_seq as number);
      if (m) return m;
      if (canonical(actual!.card) !== card) return { table: 'payment_intents', key: id, what: 'card differs from the journal', seq: row.updated_seq as number };
      if (canonical(actual!.reason) !== reason) return { table: 'payment_intents', key: id, what: 'reason differs from the journal', seq: row.updated_seq as number };
    }
    return undefined;
  };

  return {
    name: 'card payments',
    legacy(e) {
      if (e.type !== 'payment.intent_created') return;
      legacy.add(field.str(e.payload, 'intentId'));
      useReference(e.tillId, field.str(e.payload, 'reference'));
    },
    apply(e) {
      const p = e.payload;
      const id = field.str(p, 'intentId');
      if (!id || legacy.has(id)) return undefined;
      if (e.type === 'payment.intent_created') {
        const reference = field.str(p, 'reference');
        useReference(e.tillId, reference);
        intents.set(id, {
          id,
          reference,
          till_id: e.tillId,
          kind: p.kind ?? null,
          connector: p.connector ?? null,
          sale_id: p.saleId ?? null,
          original_id: p.originalId ?? null,
          amount_halalas: p.amountHalalas ?? null,
          state: 'sending',
          created_at: e.at,
          created_seq: e.seq,
          updated_seq: e.seq,
          card: null,
          reason: null,
        });
        return undefined;
      }
      // A state change names its new state; other entries about an intent (a manager's authorisation, its
      // tender) change no column of it.
      if (typeof p.to !== 'string') return undefined;
      const row = intents.get(id);
      if (!row) return { table: 'payment_intents', key: id, what: `${e.type} for an intent the journal never created`, seq: e.seq };
      row.state = p.to;
      row.updated_seq = e.seq;
      if (p.card !== undefined) row.card = canonicalJson(p.card);
      row.reason = p.reason === null || p.reason === undefined ? null : canonicalJson(p.reason);
      return undefined;
    },
    finish() {
      const m = compareAll();
      if (m) return m;
      const counted = countRows(db, 'payment_intents', intents.size, 'id NOT IN (SELECT value FROM json_each(?))', [JSON.stringify([...legacy])]);
      if (counted) return counted;
      const stored = db.prepare<[], { till_id: string; last: number }>('SELECT till_id, last FROM payment_reference_counters').all();
      // The counter moves in the transaction of the intent that takes the reference: it is the last one used.
      for (const { till_id: tillId, last } of stored) {
        const used = lastReference.get(tillId);
        if (used !== last) return { table: 'payment_reference_counters', key: tillId, what: `last is ${last}, the journal's last reference is ${used ?? 'none'}` };
      }
      for (const tillId of lastReference.keys()) {
        if (!stored.some((r) => r.till_id === tillId)) return { table: 'payment_reference_counters', key: tillId, what: 'the counter is missing' };
      }
      return undefined;
    },
  };
}

function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return canonicalJson(JSON.parse(String(value)));
  } catch {
    return `unreadable:${String(value)}`;
  }
}
