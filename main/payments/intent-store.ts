// Rows of payment_intents. Only main/payments writes them, always inside the transaction that journals the
// same change.
import { z } from 'zod';
import { BilingualText, CardDetails, IntentState, IntentSummary, type OtpPrompt } from '../../preload/contract';
import { parseJsonColumnOrNull, tableRow, type Db, type RowOf } from '../db';
import { NEEDS_ATTENTION, REFUND_COUNTS, sqlList, UNSETTLED } from './states';

export type IntentKind = IntentSummary['kind'];

/** What a state change may also set on the row: the card as the terminal reported it (kept once set), and why. */
export interface TransitionExtra {
  card?: CardDetails;
  /** Cleared when absent. */
  reason?: { en: string; ar: string } | null;
}

/** A row as read: `card` and `reason` stay JSON text until a summary is made of them (toSummary). */
const IntentRow = tableRow(
  'payment_intents',
  z.object({
    id: z.string(),
    reference: z.string(),
    till_id: z.string(),
    kind: IntentSummary.shape.kind,
    connector: z.string(),
    sale_id: z.string().nullable(),
    original_id: z.string().nullable(),
    amount_halalas: z.number().int().positive(),
    state: IntentState,
    card: z.string().nullable(),
    reason: z.string().nullable(),
    created_at: z.string(),
  }),
);
export type IntentRow = RowOf<typeof IntentRow>;

/** Which tender an intent is: everything but STC Pay goes through a card terminal (mada ECR or nexo). */
export const methodOf = (connector: string): IntentSummary['method'] => (connector === 'stcpay' ? 'stcpay' : 'card');

export function toSummary(row: IntentRow): IntentSummary {
  return {
    intentId: row.id,
    reference: row.reference,
    kind: row.kind,
    method: methodOf(row.connector),
    state: row.state,
    amountHalalas: row.amount_halalas,
    saleId: row.sale_id,
    createdAt: row.created_at,
    card: parseJsonColumnOrNull(CardDetails, row.card, `payment_intents.card of ${row.id}`),
    reason: parseJsonColumnOrNull(BilingualText, row.reason, `payment_intents.reason of ${row.id}`),
    otp: null,
  };
}

/**
 * The payment that holds its sale: in flight, in doubt, or being reversed. While one exists the sale can
 * neither change nor complete (a sale completed mid-reversal would lose the reversed amount).
 */
export function createIntentStore(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO payment_intents (id, reference, till_id, kind, connector, sale_id, original_id, amount_halalas,
                                    state, created_at, created_seq, updated_seq)
       VALUES (@id, @reference, @tillId, @kind, @connector, @saleId, @originalId, @amountHalalas,
               @state, @createdAt, @seq, @seq)`,
    ),
    update: db.prepare(
      `UPDATE payment_intents SET state = @state, card = COALESCE(@card, card), reason = @reason, updated_seq = @seq
       WHERE id = @id`,
    ),
    byId: IntentRow.select<[string]>(db, 'WHERE id = ?'),
    unsettled: IntentRow.select(db, `WHERE state IN (${sqlList(UNSETTLED)}) ORDER BY created_seq`),
    attention: IntentRow.select(db, `WHERE state IN (${sqlList(NEEDS_ATTENTION)}) ORDER BY created_seq`),
    pendingForSale: IntentRow.select<[string]>(
      db,
      `WHERE sale_id = ? AND kind = 'purchase' AND state IN (${sqlList(UNSETTLED)}) ORDER BY created_seq DESC LIMIT 1`,
    ),
    last: IntentRow.select(db, 'ORDER BY created_seq DESC LIMIT 1'),
    lastOf: IntentRow.select<[string]>(db, 'WHERE connector = ? ORDER BY created_seq DESC LIMIT 1'),
    byReference: IntentRow.select<[string]>(db, 'WHERE reference = ?'),
    refundedOf: db.prepare<[string], { total: number }>(
      `SELECT COALESCE(SUM(amount_halalas), 0) AS total FROM payment_intents
       WHERE original_id = ? AND kind = 'refund' AND state IN (${sqlList(REFUND_COUNTS)})`,
    ),
  };

  return {
    insert(row: {
      id: string;
      reference: string;
      tillId: string;
      kind: IntentKind;
      connector: string;
      saleId: string | null;
      originalId: string | null;
      amountHalalas: number;
      state: IntentState;
      createdAt: string;
      seq: number;
    }) {
      q.insert.run(row);
    },
    update(id: string, state: IntentState, seq: number, extra: TransitionExtra = {}) {
      q.update.run({
        id,
        state,
        seq,
        card: extra.card ? JSON.stringify(extra.card) : null,
        reason: extra.reason ? JSON.stringify(extra.reason) : null,
      });
    },
    get: (id: string): IntentRow | undefined => q.byId.get(id),
    unsettled: (): IntentRow[] => q.unsettled.all(),
    needsAttention: (): IntentRow[] => q.attention.all(),
    pendingForSale: (saleId: string): IntentRow | undefined => q.pendingForSale.get(saleId),
    /** The latest intent of all, or the latest sent through one connector (a terminal's "last transaction"). */
    last: (connector?: string): IntentRow | undefined => (connector ? q.lastOf.get(connector) : q.last.get()),
    byReference: (reference: string): IntentRow | undefined => q.byReference.get(reference),
    /** Refunds approved or still in doubt against one original payment: both count against what is left. */
    refundedAgainst: (originalId: string): number => q.refundedOf.get(originalId)!.total,
  };
}

export type IntentStore = ReturnType<typeof createIntentStore>;

/** The payment holding a sale, as the sale shows it: with the question the cashier is being asked about it, if any. */
export function pendingPayment(intents: IntentStore, prompts: { pending(intentId: string): OtpPrompt | null } | null) {
  return (saleId: string): IntentSummary | null => {
    const row = intents.pendingForSale(saleId);
    return row ? { ...toSummary(row), otp: prompts?.pending(row.id) ?? null } : null;
  };
}
