// The terminal's settlement held against the ledger (issue 15). A settlement (`terminal.settled`, main/payments)
// reports per scheme what the terminal's batch holds since its previous settlement; the ledger's side is read from
// the entries between the two settlements: card tenders attached to sales (`tender.attached`) less those reversed
// (`tender.reversed`: the terminal voided them), and card refunds of returns (`return.issued`). STC Pay goes
// through its own provider, never the terminal, and is left out. Each scheme is compared by count and amount;
// where one differs, the ledger's transactions of that scheme are listed so a manager can find the one the
// terminal has and the till has not (an approval the till never recorded) or the other way round. The result is
// journaled (`closing.reconciled`) and the Z lists it.
import type { LedgerCardTransaction, Reconciliation, SchemeReconciliation, SchemeTotals, SettlementSummary } from '../../preload/contract';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import { RETURN_ENTRY } from '../returns';

export const RECONCILED_ENTRY = 'closing.reconciled';
const SETTLED_ENTRY = 'terminal.settled';
/** Not the terminal's: STC Pay is paid and refunded through its provider. */
const NOT_ON_THE_TERMINAL = 'STCPAY';

export interface ReconciliationDeps {
  db: Db;
  journal: Pick<Journal, 'append'>;
}

type CardRow = { intentId: string; scheme: string; label: string; amount: number; rrn: string | null; documentNo: string | null };

/** The terminal names a scheme its own way ("mada", "MADA", "Visa"): compared without case or spaces. */
const schemeKey = (label: string): string => label.trim().toUpperCase();

const zero = (): SchemeTotals => ({ purchaseCount: 0, purchaseHalalas: 0, refundCount: 0, refundHalalas: 0 });
const same = (a: SchemeTotals, b: SchemeTotals): boolean =>
  a.purchaseCount === b.purchaseCount && a.purchaseHalalas === b.purchaseHalalas && a.refundCount === b.refundCount && a.refundHalalas === b.refundHalalas;

export function createReconciliation({ db, journal }: ReconciliationDeps) {
  const q = {
    settlements: db.prepare<[], { seq: number; payload: string }>(`SELECT seq, payload FROM journal WHERE type = '${SETTLED_ENTRY}' ORDER BY seq DESC LIMIT 2`),
    purchases: db.prepare<[number, number], CardRow>(
      `SELECT json_extract(payload, '$.intentId') AS intentId, json_extract(payload, '$.card.scheme') AS scheme,
              json_extract(payload, '$.card.schemeLabel') AS label, json_extract(payload, '$.amountHalalas') AS amount,
              json_extract(payload, '$.card.rrn') AS rrn,
              (SELECT json_extract(c.payload, '$.receiptNo') FROM journal c
                WHERE c.type = 'sale.completed' AND json_extract(c.payload, '$.saleId') = json_extract(j.payload, '$.saleId')) AS documentNo
         FROM journal j WHERE j.type = 'tender.attached' AND j.seq > ? AND j.seq <= ? ORDER BY j.seq`,
    ),
    reversed: db.prepare<[number, number], { intentId: string }>(
      `SELECT json_extract(payload, '$.intentId') AS intentId FROM journal WHERE type = 'tender.reversed' AND seq > ? AND seq <= ?`,
    ),
    refunds: db.prepare<[number, number], CardRow>(
      `SELECT json_extract(t.value, '$.intentId') AS intentId, json_extract(t.value, '$.card.scheme') AS scheme,
              json_extract(t.value, '$.card.schemeLabel') AS label, json_extract(t.value, '$.amountHalalas') AS amount,
              json_extract(t.value, '$.card.rrn') AS rrn, json_extract(j.payload, '$.returnNo') AS documentNo
         FROM journal j JOIN json_each(j.payload, '$.refunds') t
        WHERE j.type = '${RETURN_ENTRY}' AND j.seq > ? AND j.seq <= ? AND json_extract(t.value, '$.kind') = 'card' ORDER BY j.seq`,
    ),
  };

  /** The last settlement against the ledger's card transactions since the one before; null when none yet. */
  const compare = (): Reconciliation | null => {
    const [last, previous] = q.settlements.all();
    if (!last) return null;
    const settlement = JSON.parse(last.payload) as Pick<SettlementSummary, 'at' | 'inBalance' | 'schemes'>;
    const from = previous?.seq ?? 0;
    const reversed = new Set(q.reversed.all(from, last.seq).map((r) => r.intentId));
    const onTerminal = (r: CardRow) => r.scheme !== NOT_ON_THE_TERMINAL;
    const purchases = q.purchases.all(from, last.seq).filter((r) => onTerminal(r) && !reversed.has(r.intentId));
    const refunds = q.refunds.all(from, last.seq).filter(onTerminal);

    const byScheme = new Map<string, { scheme: string; terminal: SchemeTotals; ledger: SchemeTotals }>();
    const entry = (label: string) => {
      const key = schemeKey(label);
      const found = byScheme.get(key) ?? { scheme: label, terminal: zero(), ledger: zero() };
      byScheme.set(key, found);
      return found;
    };
    for (const s of settlement.schemes) {
      const t = entry(s.scheme).terminal;
      t.purchaseCount += s.purchaseCount;
      t.purchaseHalalas += s.purchaseHalalas;
      t.refundCount += s.refundCount;
      t.refundHalalas += s.refundHalalas;
    }
    for (const p of purchases) {
      const l = entry(p.label).ledger;
      l.purchaseCount += 1;
      l.purchaseHalalas += p.amount;
    }
    for (const r of refunds) {
      const l = entry(r.label).ledger;
      l.refundCount += 1;
      l.refundHalalas += r.amount;
    }
    const schemes: SchemeReconciliation[] = [...byScheme.values()]
      .map((s) => ({ ...s, matched: same(s.terminal, s.ledger) }))
      .sort((a, b) => a.scheme.localeCompare(b.scheme));
    const unmatched = new Set(schemes.filter((s) => !s.matched).map((s) => schemeKey(s.scheme)));
    const listed = (kind: LedgerCardTransaction['kind'], rows: CardRow[]): LedgerCardTransaction[] =>
      rows
        .filter((r) => unmatched.has(schemeKey(r.label)))
        .map((r) => ({ kind, scheme: r.label, amountHalalas: r.amount, rrn: r.rrn ?? '', documentNo: r.documentNo, intentId: r.intentId }));
    return {
      settledAt: settlement.at,
      terminalInBalance: settlement.inBalance,
      matched: unmatched.size === 0,
      schemes,
      differences: [...listed('purchase', purchases), ...listed('refund', refunds)],
    };
  };

  return {
    /**
     * Right after a settlement: holds it against the ledger and journals the result (with its differences) so the
     * Z can list it. Null when the till has never settled.
     */
    reconcileLastSettlement(): Reconciliation | null {
      const result = compare();
      if (result) db.transaction(() => journal.append(RECONCILED_ENTRY, { ...result })).immediate();
      return result;
    },
  };
}

export type TerminalReconciliation = ReturnType<typeof createReconciliation>;
